// Cost items of a year: pro-rating of agreements by days in force (leap years too), participants, reference year.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCosts } from '../../src/costs/compute.js';
import { daysInForce } from '../../src/costs/items.js';
import { readConfig } from '../../src/register/config.js';
import { loadRegister } from '../../src/register/load.js';
import { RegisterModel } from '../../src/model/register-model.js';
import { fixtures, registerFrom } from '../helpers.js';

function costs(folder: string, year: number) {
  const config = readConfig(join(folder, 'itreg.yaml'));
  return computeCosts(new RegisterModel(loadRegister(config)), config, year);
}

describe('daysInForce', () => {
  it.each([
    ['the whole year', '2020-01-01', undefined, 2026, 365],
    ['the whole leap year', '2020-01-01', undefined, 2028, 366],
    ['from 1 July', '2026-07-01', undefined, 2026, 184],
    ['until 30 June', '2020-01-01', '2026-06-30', 2026, 181],
    ['until 30 June in a leap year', '2020-01-01', '2028-06-30', 2028, 182],
    ['29 February only', '2028-02-29', '2028-02-29', 2028, 1],
    ['ended the year before', '2020-01-01', '2025-12-31', 2026, 0],
    ['starts the year after', '2027-01-01', undefined, 2026, 0],
  ])('%s', (_name, start, end, year, days) => {
    expect(daysInForce({ start, ...(end ? { end } : {}) }, year)).toBe(days);
  });
});

describe('computeCosts', () => {
  it('splits the fixture register as worked out by hand', () => {
    const result = costs(join(fixtures, 'costs'), 2026);
    expect(result.problems).toEqual([]);
    expect(result.splits.map((s) => [s.item.entity.id, Number(s.item.amount), s.apportionment.parts.map((p) => [p.id, Number(p.amount)])])).toEqual([
      [
        'ag-half',
        184000,
        [
          ['a', 92000],
          ['b', 92000],
        ],
      ],
      [
        'inv-equal',
        100,
        [
          ['a', 33],
          ['b', 33],
          ['c', 34],
        ],
      ],
      [
        'inv-pop',
        100,
        [
          ['a', 17],
          ['b', 33],
          ['c', 50],
        ],
      ],
      ['p-only', 10, [['p', 10]]],
    ]);
    expect([...result.totals]).toEqual([
      ['a', 92050n],
      ['b', 92066n],
      ['c', 84n],
      ['p', 10n],
    ]);
  });

  it('pro-rates an agreement over a leap year, rounding to the krona before the split', () => {
    const folder = registerFrom('costs', {
      'register/ag-half.yaml': 'kind: Agreement\nid: ag-half\nname: H\ntype: licence\nstart: 2028-03-01\nannualCost: 100000\nparticipants: [a]\n',
      'register/a.yaml': 'kind: Municipality\nid: a\nname: Alby\npopulation: { 2027: 1000 }\n',
    });
    const split = costs(folder, 2028).splits.find((s) => s.item.entity.id === 'ag-half');
    // 1 March – 31 December 2028 is 306 of 366 days: 100 000 × 306 / 366 = 83 606.56 → 83 607
    expect(split?.item.days).toEqual({ inForce: 306, inYear: 366 });
    expect(split?.item.amount).toBe(83607n);
  });

  it("uses the application's municipalities (partners included), else all members", () => {
    const folder = registerFrom('costs', {
      'register/app.yaml': 'kind: Application\nid: app\nname: Telefoni\ntype: general\nmunicipalities: [a, p]\ncollaborationLevel: 1\n',
      'register/inv-pop.yaml': 'kind: Investment\nid: inv-pop\nname: P\nyear: 2026\namount: 500\napplication: app\n',
    });
    const result = costs(folder, 2026);
    expect(result.splits.find((s) => s.item.entity.id === 'inv-pop')?.apportionment.parts.map((p) => [p.id, Number(p.amount)])).toEqual([
      ['a', 100],
      ['p', 400],
    ]);
    expect(result.splits.find((s) => s.item.entity.id === 'inv-equal')?.item.participants.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('splits in öre with rounding: ore', () => {
    const folder = registerFrom('costs', {
      'itreg.yaml': 'name: X\nrounding: ore\n',
      'register/inv-pop.yaml': 'kind: Investment\nid: inv-pop\nname: P\nyear: 2026\namount: 100.01\n',
    });
    const split = costs(folder, 2026).splits.find((s) => s.item.entity.id === 'inv-pop');
    expect(split?.apportionment.parts.map((p) => Number(p.amount))).toEqual([1667, 3334, 5000]); // quotas 1666.83, 3333.67, 5000.5: the two largest remainders get the two leftover öre
  });

  it('names the municipality and the year when a population is missing, with no earlier year to fall back on', () => {
    const folder = registerFrom('costs', { 'register/b.yaml': 'kind: Municipality\nid: b\nname: Borg\npopulation: { 2026: 2000 }\n' });
    const result = costs(folder, 2026);
    // 100 in equal parts leaves 1 between three equal remainders: the tie-break needs Borg's population too.
    expect(result.problems.map((p) => [p.entity.id, p.message])).toEqual([
      ['inv-equal', { id: 'tieBreakPopulation', data: { municipality: 'Borg', year: 2025 } }],
      ['inv-pop', { id: 'missingPopulation', data: { municipality: 'Borg', year: 2025 } }],
    ]);
    expect(result.splits.map((s) => s.item.entity.id)).not.toContain('inv-pop');
  });

  it('splits by the latest earlier population when the reference year is missing: preliminary, the year used per participant', () => {
    const folder = registerFrom('costs', { 'register/b.yaml': 'kind: Municipality\nid: b\nname: Borg\npopulation: { 2022: 1800, 2024: 2000 }\n' });
    const result = costs(folder, 2026);
    expect(result.problems).toEqual([]);
    const split = result.splits.find((s) => s.item.entity.id === 'inv-pop')!;
    expect(split.item.preliminary).toBe(true);
    expect(split.item.participants.map((p) => [p.id, p.population, p.populationYear])).toEqual([
      ['a', 1000, 2025],
      ['b', 2000, 2024],
      ['c', 3000, 2025],
    ]);
    const fallback = { id: 'populationFallback', data: { municipality: 'Borg', year: 2025, used: 2024 } };
    // inv-equal's leftover krona falls between three equal remainders, so Borg's population decides it there too.
    expect(result.preliminary.map((p) => [p.entity.id, p.message])).toEqual([
      ['inv-equal', fallback],
      ['inv-pop', fallback],
    ]);
    expect(result.splits.find((s) => s.item.entity.id === 'inv-equal')?.item.preliminary).toBe(true);
    expect(result.splits.find((s) => s.item.entity.id === 'p-only')?.item.preliminary).toBe(false);
  });
});
