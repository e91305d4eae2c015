import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const plan = (audience: string) => `kind: TrainingPlan\nid: users\nname: Plan\naudience: ${audience}\napplications: [diarium]\nupdated: 2026-01-15\n`;
const app = (type: string, status = 'active') =>
  `kind: Application\nid: diarium\nname: Diariesystem\ntype: ${type}\nmunicipalities: [amal]\nlifecycle: { status: ${status} }\nvendor: { name: V }\ndocumentation: { routines: r }\n`;

describe('training-plan', () => {
  it.each([
    ['listed in a users plan', {}, 0],
    ['listed in an administrators plan', { 'register/training/users.yaml': plan('administrators') }, 0],
    ['listed only in an IT-staff plan', { 'register/training/users.yaml': plan('it-staff') }, 1],
    ['not listed', { 'register/training/users.yaml': null }, 1],
    ['a general application needs none', { 'register/training/users.yaml': null, 'register/applications/diarium.yaml': app('general') }, 0],
    ['a retired business application needs none', { 'register/training/users.yaml': null, 'register/applications/diarium.yaml': app('business', 'retired') }, 0],
    ['a planned business application needs one', { 'register/training/users.yaml': null, 'register/applications/diarium.yaml': app('business', 'planned') }, 1],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'training-plan')).toHaveLength(count);
  });

  it('points at the application and quotes the policy', () => {
    const [finding] = findings(registerFrom('clean', { 'register/training/users.yaml': null }), 'training-plan');
    expect(finding).toMatchObject({ file: 'register/applications/diarium.yaml', line: 1, column: 1 });
    expect(finding?.message).toContain('"Utbildningsplaner ska upprättas för alla verksamhetssystem."');
  });
});
