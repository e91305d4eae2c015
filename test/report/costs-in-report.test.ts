// The report's costs are `itreg costs`' costs: the same totals, the same refusal, and a draft only when asked for.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers.js';

/** A copy of the example register outside git. */
function exampleCopy(): string {
  const folder = temporaryFolder();
  spawnSync('cp', ['-r', join(__dirname, '../../register'), join(__dirname, '../../itreg.yaml'), folder]);
  return folder;
}

const example = exampleCopy();
// Defect 1: the GIS aerial photography (186 000 kr, equal parts) without its decision cannot be split.
const noDecision = exampleCopy();
const gis = join(noDecision, 'register/investments/gis-flygfoto-2026.yaml');
writeFileSync(gis, readFileSync(gis, 'utf8').replace(/^decision:.*\n/m, ''));

interface CostsJson {
  items: Array<{ id: string; amount: number }>;
  totals: Array<{ municipality: string; amount: number }>;
}

/** The cost section's table of the Markdown report: municipality name → whole kronor, and the total. */
function reportTotals(md: string): { rows: Map<string, number>; total: number } {
  const section = md.slice(md.indexOf('## 9.'), md.indexOf('### ', md.indexOf('## 9.')));
  const rows = new Map<string, number>();
  let total = Number.NaN;
  for (const match of section.matchAll(/^\| (\*\*)?([^|*]+?)(\*\*)? \| (\*\*)?([-\d\s\u00A0]+) kr(\*\*)? \|$/gm)) {
    const amount = Number(match[5]!.replace(/[\s\u00A0]/g, ''));
    if (match[2] === 'Summa') total = amount;
    else rows.set(match[2]!, amount);
  }
  return { rows, total };
}

describe('never a silent total (defect 1)', () => {
  it('report stops with exit 2 and the same one line as costs when an item cannot be split', () => {
    const costs = runCli(['costs', '--year', '2026'], noDecision);
    expect(costs.status).toBe(2);
    const report = runCli(['report', 'yearly', '--format', 'md', '--date', '2026-11-26'], noDecision);
    expect(report.status).toBe(2);
    expect(report.stdout).toBe('');
    expect(report.stderr).toBe(costs.stderr);
    expect(report.stderr).toMatch(/^itreg: register\/investments\/gis-flygfoto-2026\.yaml:\d+:\d+: .*decision.*\n$/);
    for (const template of [
      ['application', '--id', 'gis'],
      ['costs', '--municipality', 'amal'],
    ]) {
      const other = runCli(['report', ...template, '--date', '2026-11-26'], noDecision);
      expect(other.status).toBe(2);
      expect(other.stderr).toBe(costs.stderr);
    }
  });

  it('--draft renders, with a banner on the first page and each item left out with its reason', () => {
    const md = runCli(['report', 'yearly', '--format', 'md', '--date', '2026-11-26', '--draft'], noDecision);
    expect(md.status).toBe(0);
    const head = md.stdout.slice(0, md.stdout.indexOf('## 1.'));
    expect(head).toContain('**Utkast: 1 kostnadspost kunde inte fördelas**');
    expect(head).toMatch(/- Ny flygfotografering för kartsystemet \(register\/investments\/gis-flygfoto-2026\.yaml:\d+:\d+\): .*\\?`decision\\?`/);
    expect(reportTotals(md.stdout).total).toBe(5_632_041 - 186_000);
    const html = runCli(['report', 'yearly', '--date', '2026-11-26', '--draft', '--lang', 'en'], noDecision).stdout;
    expect(html.slice(0, html.indexOf('<section'))).toContain('<strong>Draft: 1 cost item could not be split</strong>');
  });

  it('a whole register has no banner, with or without --draft', () => {
    const md = runCli(['report', 'yearly', '--format', 'md', '--date', '2026-11-26', '--draft'], example).stdout;
    expect(md).not.toContain('Utkast');
  });

  it('--year 2027 --date 2027-01-15 reports the preliminary split, marked, never 0 kr', () => {
    const report = runCli(['report', 'yearly', '--format', 'md', '--year', '2027', '--date', '2027-01-15'], example);
    expect(report.status, report.stderr).toBe(0);
    expect(reportTotals(report.stdout).total).toBeGreaterThan(0);
    expect(report.stdout).toContain('| Driftavtal ekonomisystem | befolkning (preliminär: befolkning 2025) | 420\u00A0000 kr |');
  });
});

describe("the report's cost totals are itreg costs --format json", () => {
  it.each([
    [2025, '2025-12-31'],
    [2026, '2026-12-31'],
    [2027, '2027-01-15'], // preliminary: the population of 2026 is not yet published
  ])('%i', (year, date) => {
    const json = JSON.parse(runCli(['costs', '--year', String(year), '--format', 'json'], example).stdout) as CostsJson;
    expect(json.items.length).toBeGreaterThan(0);
    const md = runCli(['report', 'yearly', '--format', 'md', '--year', String(year), '--date', date], example);
    expect(md.status, md.stderr).toBe(0);
    const { rows, total } = reportTotals(md.stdout);
    const names = JSON.parse(runCli(['export', '--format', 'json'], example).stdout) as unknown;
    const nameOf = new Map<string, string>();
    JSON.stringify(names, (_key, value: unknown) => {
      if (value && typeof value === 'object' && (value as { kind?: string }).kind === 'Municipality') {
        const m = value as { id: string; name: string };
        nameOf.set(m.id, m.name);
      }
      return value;
    });
    expect(total).toBe(json.items.reduce((sum, i) => sum + i.amount, 0));
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(json.totals.map((t) => [nameOf.get(t.municipality), t.amount])));
  });
});
