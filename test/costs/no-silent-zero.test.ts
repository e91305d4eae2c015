// Costs on registers the project had not seen (issue 25, items 2–4): no internal error, no silent zero, and a date that
// does not exist flows into no amount or deadline. Every split that is made still sums exactly to its item.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCosts } from '../../src/costs/compute.js';
import { agreementTerms } from '../../src/model/agreement-terms.js';
import { RegisterModel } from '../../src/model/register-model.js';
import { readConfig } from '../../src/register/config.js';
import { loadRegister } from '../../src/register/load.js';
import { findings, registerFrom, runCli, temporaryFolder, writeFiles } from '../helpers.js';

const CONFIG = 'name: Prov\nlanguage: en\nrules:\n  it-staff-training-plan: "off"\n';
const municipality = (id: string, population: string, extra = '') => `kind: Municipality\nid: ${id}\nname: ${id.toUpperCase()}\npopulation: ${population}\n${extra}`;

function register(files: Record<string, string>): string {
  const folder = temporaryFolder();
  writeFiles(folder, { 'itreg.yaml': CONFIG, ...files });
  return folder;
}
function costs(folder: string, year: number) {
  const config = readConfig(join(folder, 'itreg.yaml'));
  const result = computeCosts(new RegisterModel(loadRegister(config)), config, year);
  for (const { item, apportionment } of result.splits) {
    expect(
      apportionment.parts.reduce((sum, p) => sum + p.amount, 0n),
      item.entity.id,
    ).toBe(item.amount);
  }
  return result;
}
const parts = (result: ReturnType<typeof costs>, id: string) => Object.fromEntries(result.splits.find((s) => s.item.entity.id === id)?.apportionment.parts.map((p) => [p.id, Number(p.amount)]) ?? []);

describe('a year in which no one takes part (item 2)', () => {
  // The cooperation's first year: every membership starts mid-year, so nobody is a member on 1 January 2026.
  const folder = register({
    'register/ma.yaml': municipality('ma', '{ 2025: 1000, 2026: 1000 }', 'memberships: [{ from: 2026-07-01 }]\n'),
    'register/inv.yaml': 'kind: Investment\nid: inv\nname: Startup\nyear: 2026\namount: 1000\n',
    'register/inv-next.yaml': 'kind: Investment\nid: inv-next\nname: Next year\nyear: 2027\namount: 500\n',
  });

  it('is a cost-split finding naming the item and the year', () => {
    expect(findings(folder, 'cost-split', { date: '2026-06-01' })).toMatchObject([
      { severity: 'error', file: 'register/inv.yaml', line: 1, message: expect.stringContaining('Startup has nobody to share it in 2026: no municipality is a member on 2026-01-01') },
    ]);
  });

  it('costs says so in one line; every command works, other years are split', () => {
    const bill = runCli(['costs', '--year', '2026'], folder);
    expect(bill.status).toBe(2);
    expect(bill.stderr).toBe('itreg: register/inv.yaml:1:1: Startup has nobody to share it in 2026: no municipality is a member on 2026-01-01; name the participants, or check the memberships\n');
    expect(runCli(['costs', '--year', '2027', '--format', 'json'], folder).stdout).toContain('"inv-next"');
    expect(runCli(['report', 'yearly', '--year', '2026', '--format', 'md'], folder).stderr).toContain('Startup has nobody to share it in 2026');
    for (const args of [
      ['report', 'yearly', '--year', '2026', '--draft', '--format', 'md'],
      ['site', '--date', '2026-06-01', '--output', 'public'],
      ['show', 'inv'],
      ['lint', '--date', '2026-06-01'],
    ]) {
      const result = runCli(args, folder);
      expect(result.stderr, args.join(' ')).not.toMatch(/internal error|internt fel/);
      expect(result.status, args.join(' ')).toBeLessThan(2);
    }
  });
});

describe('no silent zero in equal and agreed-share splits (item 3)', () => {
  const two = {
    'register/ma.yaml': municipality('ma', '{ 2024: 10000 }'),
    'register/mb.yaml': municipality('mb', '{ 2024: 6000, 2025: 6000 }'),
    'register/inv.yaml': 'kind: Investment\nid: inv\nname: One krona\nyear: 2026\namount: 1\nsplit: equal\ndecision: Direktionen § 1\n',
  };

  it('a tie goes to the larger population, by its latest year when the reference year is missing: preliminary', () => {
    const result = costs(register(two), 2026);
    expect(result.problems).toEqual([]);
    expect(parts(result, 'inv')).toEqual({ ma: 1, mb: 0 });
    expect(result.splits[0]?.item.preliminary).toBe(true);
    expect(result.preliminary.map((p) => p.message)).toEqual([{ id: 'populationFallback', data: { municipality: 'MA', year: 2025, used: 2024 } }]);
  });

  it('with populationFallback: none the tie cannot be settled: an error naming the municipality and year', () => {
    const folder = register({ ...two, 'itreg.yaml': `${CONFIG}populationFallback: none\n` });
    expect(costs(folder, 2026).splits).toEqual([]);
    expect(findings(folder, 'cost-split', { date: '2026-06-01' })).toMatchObject([
      { severity: 'error', file: 'register/inv.yaml', message: expect.stringContaining('MA has no population for 2025, which decides who gets what is left over') },
    ]);
  });

  it('needs no population where nothing is left over between equal remainders', () => {
    const folder = register({ ...two, 'register/inv.yaml': two['register/inv.yaml'].replace('amount: 1\n', 'amount: 2\n') });
    const result = costs(folder, 2026);
    expect(parts(result, 'inv')).toEqual({ ma: 1, mb: 1 });
    expect(result.splits[0]?.item.preliminary).toBe(false);
  });

  it('a participant the shares leave out is a cost-split finding, not a part of 0', () => {
    const folder = register({
      ...two,
      'register/mc.yaml': municipality('mc', '{ 2025: 3000 }'),
      'register/ma.yaml': municipality('ma', '{ 2025: 10000 }'),
      'register/inv.yaml': 'kind: Investment\nid: inv\nname: Shared\nyear: 2026\namount: 100\nsplit:\n  shares: { ma: 50, mb: 50 }\ndecision: Direktionen § 1\n',
    });
    expect(findings(folder, 'cost-split', { date: '2026-06-01' })).toMatchObject([
      { severity: 'error', file: 'register/inv.yaml', line: 7, column: 3, message: expect.stringContaining('the shares give MC, a participant, no share') },
    ]);
    expect(runCli(['costs', '--year', '2026'], folder)).toMatchObject({ status: 2, stdout: '' });
    // A share of 0 says it on purpose.
    writeFiles(folder, { 'register/inv.yaml': 'kind: Investment\nid: inv\nname: Shared\nyear: 2026\namount: 100\nsplit:\n  shares: { ma: 50, mb: 50, mc: 0 }\ndecision: Direktionen § 1\n' });
    expect(parts(costs(folder, 2026), 'inv')).toEqual({ ma: 50, mb: 50, mc: 0 });
  });
});

describe('a date that does not exist flows into no money and no deadline (item 4)', () => {
  const agreement = 'kind: Agreement\nid: ag\nname: Licence\ntype: licence\nstart: 2020-01-01\nend: 2027-02-29\nnoticeMonths: 3\nrenewal: { months: 12 }\nannualCost: 1000\n';
  const folder = register({ 'register/ma.yaml': municipality('ma', '{ 2025: 1000, 2026: 1000 }'), 'register/ag.yaml': agreement });

  it('the item is left out with its problem, and costs says so', () => {
    const result = costs(folder, 2026);
    expect(result.splits).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([{ id: 'costDateDoesNotExist', data: { item: 'Licence', field: 'end', value: '2027-02-29' } }]);
    const bill = runCli(['costs', '--year', '2026'], folder);
    expect(bill).toMatchObject({ status: 2, stdout: '' });
    expect(bill.stderr).toBe('itreg: register/ag.yaml:6:6: end 2027-02-29 of Licence is not a day in the calendar, so no amount or deadline is computed from it: correct the date\n');
    // A year the agreement does not concern is not held up by it.
    expect(runCli(['costs', '--year', '2019'], folder).status).toBe(0);
  });

  it('no current end or deadline is computed from it, and date-order is the one finding', () => {
    expect(agreementTerms({ start: '2020-01-01', end: '2027-02-29', noticeMonths: 3, renewal: { months: 12 } }, '2026-06-01')).toEqual({ impossibleDate: { path: ['end'], value: '2027-02-29' } });
    const shown = JSON.parse(runCli(['show', 'ag', '--format', 'json', '--date', '2026-06-01'], folder).stdout) as { findings: Array<{ ruleId: string }> };
    expect(shown.findings.map((f) => f.ruleId)).toEqual(['date-order']);
    expect(runCli(['calendar', '--date', '2026-06-01'], folder).stdout).not.toContain('agreement-');
    // The site shows the date as written, never as the day JavaScript rolls it over to (1 March 2027).
    expect(runCli(['site', '--date', '2026-06-01', '--output', 'public'], folder).status).toBe(0);
    const page = readFileSync(join(folder, 'public/agreement/ag.html'), 'utf8');
    expect(page).toContain('2027-02-29');
    expect(page).not.toContain('March 2027');
  });

  it("a membership date that does not exist decides nobody's part of a members' item", () => {
    const members = registerFrom('costs', { 'register/a.yaml': 'kind: Municipality\nid: a\nname: Alby\npopulation: { 2025: 1000 }\nmemberships: [{ from: 2019-02-30 }]\n' });
    const result = costs(members, 2026);
    expect(result.problems.map((p) => [p.entity.id, p.message.id])).toEqual([
      ['inv-equal', 'membershipDateDoesNotExist'],
      ['inv-pop', 'membershipDateDoesNotExist'],
    ]);
  });
});
