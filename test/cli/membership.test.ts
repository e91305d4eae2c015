// Membership over time (DESIGN.md "Format 1.1"): the default participants of year Y are the members on 1 January
// of Y, and a past year's costs and report use that year's membership. Real CLI runs on test/fixtures/membership.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, registerFrom, runCli } from '../helpers.js';

const folder = join(fixtures, 'membership');

const bill = (year: number, register = folder) => {
  const result = runCli(['costs', '--year', String(year), '--format', 'json'], register);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { items: Array<{ id: string; parts: Array<{ municipality: string; amount: number }> }>; totals: Array<{ municipality: string }> };
};

describe('a municipality that left at the end of 2017 and rejoined in 2020', () => {
  it('is in the 2016 bill', () => {
    expect(bill(2016).items[0]!.parts.map((p) => p.municipality)).toEqual(['amal', 'dals-ed']);
  });

  it('is out of the 2018 bill', () => {
    const json = bill(2018);
    expect(json.items.map((i) => i.id)).toEqual(['e-arkiv-2018']);
    expect(json.items[0]!.parts).toEqual([{ municipality: 'amal', amount: 100000 }]);
    expect(json.totals.map((t) => t.municipality)).toEqual(['amal']);
  });

  it('is in the 2021 bill, by its 2020 population', () => {
    const parts = bill(2021).items[0]!.parts;
    expect(parts.map((p) => p.municipality)).toEqual(['amal', 'dals-ed']);
    // 100 000 × 4 680 / (12 050 + 4 680) = 27 973.7… → 27 974
    expect(parts.find((p) => p.municipality === 'dals-ed')?.amount).toBe(27974);
  });

  it.each([
    [2016, true],
    [2018, false],
    [2021, true],
  ])('is shown as a member in the %i report: %s', (year, member) => {
    const result = runCli(['report', 'yearly', '--year', String(year), '--format', 'md'], folder, { ITREG_NOW: '2026-06-01T12:00:00Z' });
    expect(result.status, result.stderr).toBe(0);
    const membersLine = result.stdout.split('\n').find((line) => /Åmål/.test(line) && /member/i.test(line)) ?? '';
    expect(membersLine, result.stdout.slice(0, 1500)).not.toBe('');
    expect(membersLine.includes('Dals-Ed')).toBe(member);
  });
});

describe('membership on 1 January decides the year', () => {
  // Dals-Ed leaves in the middle of 2018 and joins again in the middle of 2021.
  const midYear = registerFrom('membership', {
    'register/municipalities/dals-ed.yaml':
      'kind: Municipality\nid: dals-ed\nname: Dals-Ed\npopulation: { 2015: 4800, 2016: 4780, 2017: 4760, 2019: 4700, 2020: 4680 }\nmemberships:\n  - { from: 2001-01-01, until: 2018-06-30 }\n  - { from: 2021-07-01 }\n',
  });

  it("one who leaves during the year is in that year's bill (a member on 1 January)", () => {
    expect(bill(2018, midYear).items[0]!.parts.map((p) => p.municipality)).toEqual(['amal', 'dals-ed']);
  });

  it("one who joins during the year is out of that year's bill (not a member on 1 January)", () => {
    expect(bill(2021, midYear).items[0]!.parts.map((p) => p.municipality)).toEqual(['amal']);
  });
});
