import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const owner = (from: string, until?: string) =>
  `kind: RoleAssignment\nid: diarium-owner\nrole: system-owner\napplication: diarium\nholder: { title: Kanslichef, unit: kansli-amal }\nfrom: ${from}\n${until ? `until: ${until}\n` : ''}`;

describe('application-has-owner', () => {
  it.each([
    ['a current owner', {}, 0],
    ['an owner starting on the date', { 'register/roles/diarium-owner.yaml': owner('2026-06-01') }, 0],
    ['an owner ending on the date', { 'register/roles/diarium-owner.yaml': owner('2020-01-01', '2026-06-01') }, 0],
    ['no owner', { 'register/roles/diarium-owner.yaml': null }, 1],
    ['an owner who has left', { 'register/roles/diarium-owner.yaml': owner('2020-01-01', '2026-05-31') }, 1],
    ['an owner not yet appointed', { 'register/roles/diarium-owner.yaml': owner('2026-06-02') }, 1],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'application-has-owner')).toHaveLength(count);
  });

  it("points at the application's first line and names it", () => {
    const [finding] = findings(registerFrom('clean', { 'register/roles/diarium-owner.yaml': null }), 'application-has-owner');
    expect(finding).toMatchObject({ file: 'register/applications/diarium.yaml', line: 1, column: 1, severity: 'error', entityId: 'diarium' });
    expect(finding?.message).toMatch(/^Diariesystem has no system owner: add a RoleAssignment with role: system-owner \(IT policy, ch\. 3: "Alla gemensamma/);
  });

  it('exempts a retired application', () => {
    const app = 'kind: Application\nid: diarium\nname: Diariesystem\ntype: business\nmunicipalities: [amal]\nlifecycle: { status: retired, retired: 2025-12-31 }\n';
    expect(findings(registerFrom('clean', { 'register/roles/diarium-owner.yaml': null, 'register/applications/diarium.yaml': app }), 'application-has-owner')).toEqual([]);
  });
});
