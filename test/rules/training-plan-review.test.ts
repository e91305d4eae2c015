import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const plan = (updated: string, reviewMonths?: number) =>
  `kind: TrainingPlan\nid: users\nname: Plan\naudience: users\napplications: [diarium]\nupdated: ${updated}\n${reviewMonths ? `reviewMonths: ${reviewMonths}\n` : ''}`;

describe('training-plan-review', () => {
  it.each([
    ['reviewed this year', plan('2026-01-15'), 0],
    ['due exactly on the date', plan('2025-06-01'), 0],
    ['overdue by a day', plan('2025-05-31'), 1],
    ['a longer interval', plan('2025-01-01', 18), 0],
    ['a shorter interval', plan('2026-01-01', 3), 1],
  ])('%s', (_name, text, count) => {
    expect(findings(registerFrom('clean', { 'register/training/users.yaml': text }), 'training-plan-review')).toHaveLength(count);
  });

  it('is a warning at updated, naming the due date', () => {
    expect(findings(registerFrom('clean', { 'register/training/users.yaml': plan('2025-05-31') }), 'training-plan-review')).toMatchObject([
      { severity: 'warning', file: 'register/training/users.yaml', line: 6, column: 10, message: expect.stringContaining('2026-05-31') as unknown },
    ]);
  });
});
