import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const staff = (updated: string) => `kind: TrainingPlan\nid: it-staff\nname: IT-personalens plan\naudience: it-staff\nupdated: ${updated}\n`;

describe('it-staff-training-plan', () => {
  it.each([
    ['a current plan', {}, 0],
    ['no plan', { 'register/training/it-staff.yaml': null }, 1],
    ['an overdue plan', { 'register/training/it-staff.yaml': staff('2025-01-01') }, 1],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'it-staff-training-plan')).toHaveLength(count);
  });

  it('is reported on itreg.yaml, line 1, without an entity', () => {
    const [finding] = findings(registerFrom('clean', { 'register/training/it-staff.yaml': null }), 'it-staff-training-plan');
    expect(finding).toEqual({
      ruleId: 'it-staff-training-plan',
      severity: 'warning',
      file: 'itreg.yaml',
      line: 1,
      column: 1,
      message: expect.stringMatching(/^there is no training plan for IT staff/) as unknown,
      messageId: 'noItStaffPlan',
    });
  });

  it('names an overdue plan', () => {
    const [finding] = findings(registerFrom('clean', { 'register/training/it-staff.yaml': staff('2025-01-01') }), 'it-staff-training-plan');
    expect(finding?.message).toMatch(/IT-personalens plan was due for review on 2026-01-01/);
  });
});
