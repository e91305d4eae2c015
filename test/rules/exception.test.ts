import { describe, expect, it } from 'vitest';
import { findings, lint, registerFrom } from '../helpers.js';

const config = (exceptions: string) => `name: X\nlanguage: en\nexceptions:\n${exceptions}`;
const noPlan = { 'register/training/users.yaml': null };

describe('exception', () => {
  it('silences the finding it names and counts it as suppressed', () => {
    const folder = registerFrom('clean', { ...noPlan, 'itreg.yaml': config('  - rule: training-plan\n    entity: diarium\n    reason: Beslut KS 2026-03-04 § 12\n    until: 2026-12-31\n') });
    const result = lint(folder);
    expect(result.findings).toEqual([]);
    expect(result.summary.suppressed).toBe(1);
  });

  it('silences nothing else', () => {
    const folder = registerFrom('clean', {
      ...noPlan,
      'register/roles/diarium-owner.yaml': null,
      'register/roles/diarium-admin.yaml': null,
      'itreg.yaml': config('  - rule: training-plan\n    entity: diarium\n    reason: Beslut\n    until: 2026-12-31\n'),
    });
    expect(
      lint(folder)
        .findings.map((f) => f.ruleId)
        .sort(),
    ).toEqual(['application-has-administrator', 'application-has-owner']);
  });

  it.each([
    ['no reason', '  - rule: training-plan\n    entity: diarium\n    until: 2026-12-31\n', [[4, 5, /gives no reason/]]],
    ['no until', '  - rule: training-plan\n    entity: diarium\n    reason: Beslut\n', [[4, 5, /has no end date/]]],
    ['expired the day before', '  - rule: training-plan\n    entity: diarium\n    reason: Beslut\n    until: 2026-05-31\n', [[7, 12, /ran out on 2026-05-31/]]],
    ['an unknown rule', '  - rule: trainingplan\n    entity: diarium\n    reason: Beslut\n    until: 2026-12-31\n', [[4, 11, /unknown rule "trainingplan" \(did you mean "training-plan"\?\)/]]],
    ['an unknown entity', '  - rule: training-plan\n    entity: diarum\n    reason: Beslut\n    until: 2026-12-31\n', [[5, 13, /unknown entity "diarum" \(did you mean "diarium"\?\)/]]],
  ] as const)('%s is a finding and silences nothing', (_name, yaml, expected) => {
    const folder = registerFrom('clean', { ...noPlan, 'itreg.yaml': config(yaml) });
    const result = findings(folder, 'exception');
    expect(result.map((f) => [f.file, f.line, f.column])).toEqual(expected.map(([line, column]) => ['itreg.yaml', line, column]));
    result.forEach((finding, index) => expect(finding.message).toMatch(expected[index]![2]));
    if (!_name.startsWith('an unknown')) expect(findings(folder, 'training-plan')).toHaveLength(1);
  });

  it('silences a register-wide finding when it names no entity', () => {
    const folder = registerFrom('clean', {
      'register/training/it-staff.yaml': null,
      'itreg.yaml': config('  - rule: it-staff-training-plan\n    reason: Planen tas fram av DKF under hösten\n    until: 2026-12-31\n'),
    });
    expect(lint(folder).findings).toEqual([]);
  });
});

describe('the suppressed count', () => {
  it('counts only what the paths would have reported', async () => {
    const { runCli } = await import('../helpers.js');
    const folder = registerFrom('clean', { ...noPlan, 'itreg.yaml': config('  - rule: training-plan\n    entity: diarium\n    reason: Beslut\n    until: 2026-12-31\n') });
    const summary = (args: string[]) => (JSON.parse(runCli(['lint', '--format', 'json', '--date', '2026-06-01', ...args], folder).stdout) as { summary: { suppressed: number } }).summary.suppressed;
    expect(summary([])).toBe(1);
    expect(summary(['register/applications'])).toBe(1);
    expect(summary(['register/roles'])).toBe(0);
  });
});
