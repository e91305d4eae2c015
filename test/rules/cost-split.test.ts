import { describe, expect, it } from 'vitest';
import { findings, registerFrom, runCli } from '../helpers.js';

const investment = (extra: string, amount = '100000') => `kind: Investment\nid: diarium-2026\nname: Uppgradering\nyear: 2026\namount: ${amount}\napplication: diarium\n${extra}`;
const at = (text: string) => ({ 'register/investments/diarium-2026.yaml': text });

describe('cost-split', () => {
  it.each([
    ['population (the default)', at(investment('')), []],
    ['shares summing to 100 exactly: 33.4 + 33.3 + 33.3 style', at(investment('split:\n  shares: { amal: 66.7, mellerud: 33.3 }\ndecision: KS § 4\n')), []],
    [
      'three decimal shares of 100',
      {
        ...at(investment('participants: [amal, mellerud, dals-ed]\nsplit:\n  shares: { amal: 33.4, mellerud: 33.3, dals-ed: 33.3 }\ndecision: KS § 4\n')),
        'register/municipalities/dals-ed.yaml': 'kind: Municipality\nid: dals-ed\nname: Dals-Ed\npopulation: { 2025: 4589 }\n',
      },
      [],
    ],
    ['shares summing to 99.9', at(investment('split:\n  shares: { amal: 66.6, mellerud: 33.3 }\ndecision: KS § 4\n')), ['sum to 99.9']],
    ['a share for a non-participant', at(investment('split:\n  shares: { amal: 50, mellerud: 30, dals-ed: 20 }\ndecision: KS § 4\n')), ['not a participant']],
    ['equal without decision', at(investment('split: equal\n')), ['cites no decision']],
    ['equal with decision', at(investment('split: equal\ndecision: KS § 5\n')), []],
    ['an amount in öre when rounding in kronor', at(investment('', '100000.50')), ['finer than the rounding unit']],
    ['an amount whose öre pass 2^53 (Number.MAX_SAFE_INTEGER)', at(investment('', '100000000000000')), ['too large to compute to the öre']],
    ['the largest amount whose öre stay below 2^53', at(investment('', '90071992547409')), []],
    [
      'an amount with öre that a number cannot hold (…409.91 is read as …409.9)',
      { ...at(investment('', '90071992547409.91')), 'itreg.yaml': 'name: Testkommunerna\nregister: register\nlanguage: en\nrounding: ore\n' },
      ['too large to compute to the öre'],
    ],
    ['öre below 2^46 kronor stay exact', { ...at(investment('', '70368744177663.99')), 'itreg.yaml': 'name: Testkommunerna\nregister: register\nlanguage: en\nrounding: ore\n' }, []],
    [
      'an annual cost whose öre pass 2^53',
      {
        'register/agreements/diarium-support.yaml':
          'kind: Agreement\nid: diarium-support\nname: Support\ntype: support\napplication: diarium\nparties: [Ärendesystem Väst AB]\nstart: 2020-01-01\nannualCost: 1.0e+15\n',
      },
      ['too large to compute to the öre'],
    ],
    [
      'a participant with no population for the reference year nor any earlier year (the investment and the support agreement)',
      {
        'register/municipalities/mellerud.yaml': 'kind: Municipality\nid: mellerud\nname: Melleruds kommun\npopulation: { 2026: 9052 }\n',
      },
      ['Melleruds kommun has no population for 2025: add it', 'Melleruds kommun has no population for 2025: add it'],
    ],
  ])('%s', (_name, changes, messages) => {
    const result = findings(registerFrom('clean', changes), 'cost-split');
    expect(result).toHaveLength(messages.length);
    result.forEach((finding, index) => expect(finding.message).toContain(messages[index]));
  });

  it('splits by the latest earlier population, preliminary, with a warning naming the municipality, the year wanted and the year used', () => {
    const result = findings(
      registerFrom('clean', {
        'register/municipalities/mellerud.yaml': 'kind: Municipality\nid: mellerud\nname: Melleruds kommun\npopulation: { 2023: 9165, 2024: 9052 }\n',
      }),
      'cost-split',
    );
    expect(result.map((f) => [f.entityId, f.severity, f.message.replace(/ \(IT policy.*/, '')]).sort()).toEqual([
      ['diarium-2026', 'warning', 'Melleruds kommun has no population for 2025: the split is preliminary, by the population of 2024; add 2025 once SCB has published it'],
      ['diarium-support', 'warning', 'Melleruds kommun has no population for 2025: the split is preliminary, by the population of 2024; add 2025 once SCB has published it'],
    ]);
  });

  it('keeps a missing population an error with populationFallback: none', () => {
    const result = findings(
      registerFrom('clean', {
        'itreg.yaml': 'name: X\nlanguage: en\npopulationFallback: none\n',
        'register/municipalities/mellerud.yaml': 'kind: Municipality\nid: mellerud\nname: Melleruds kommun\npopulation: { 2024: 9052 }\n',
      }),
      'cost-split',
    );
    expect(result.map((f) => [f.severity, f.message.replace(/ \(IT policy.*/, '')]).sort()).toEqual([
      ['error', 'Melleruds kommun has no population for 2025: add it under population in its Municipality file'],
      ['error', 'Melleruds kommun has no population for 2025: add it under population in its Municipality file'],
    ]);
  });

  it('costs refuses such an amount, and a total that would pass 2^53 öre, with exit 2 and one line', () => {
    const huge = runCli(['costs', '--year', '2026', '--format', 'json'], registerFrom('clean', at(investment('', '100000000000000'))));
    expect(huge.status).toBe(2);
    expect(huge.stderr).toMatch(/^itreg: register\/investments\/diarium-2026\.yaml:5:9: the amount 100000000000000 is too large/);
    const two = registerFrom('clean', {
      ...at(investment('participants: [amal]\n', '50000000000000')),
      'register/investments/diarium-2026b.yaml': investment('participants: [amal]\n', '50000000000000').replace('id: diarium-2026', 'id: diarium-2026b'),
    });
    expect(findings(two, 'cost-split')).toEqual([]);
    const total = runCli(['costs', '--year', '2026', '--format', 'json'], two);
    expect(total.status).toBe(2);
    expect(total.stderr).toMatch(/diarium-2026b\.yaml:5:9: with this item amal's total passes 2\^53 öre/);
  });

  it('uses the population of the same year with populationYear: same', () => {
    const config = 'name: X\nlanguage: en\npopulationYear: same\n';
    const result = findings(
      registerFrom('clean', {
        'itreg.yaml': config,
        'register/municipalities/amal.yaml': 'kind: Municipality\nid: amal\nname: Åmål\npopulation: { 2026: 11900 }\n',
        'register/agreements/diarium-support.yaml': null,
      }),
      'cost-split',
    );
    expect(result).toMatchObject([
      {
        entityId: 'diarium-2026',
        severity: 'warning',
        message: expect.stringContaining('Melleruds kommun has no population for 2026: the split is preliminary, by the population of 2025') as unknown,
      },
    ]);
  });

  it('points at the offending share key', () => {
    const result = findings(registerFrom('clean', at(investment('split:\n  shares:\n    amal: 50\n    dals-ed: 50\n    mellerud: 0\ndecision: KS § 4\n'))), 'cost-split');
    expect(result).toMatchObject([{ file: 'register/investments/diarium-2026.yaml', line: 10, column: 5, entityId: 'diarium-2026' }]);
  });

  it("checks an agreement's population only for the year it is in force", () => {
    const agreement = 'kind: Agreement\nid: old\nname: Old\ntype: licence\napplication: diarium\nstart: 2010-01-01\nend: 2012-12-31\nannualCost: 1000\n';
    expect(findings(registerFrom('clean', { 'register/agreements/old.yaml': agreement }), 'cost-split')).toEqual([]);
  });
});
