// itreg costs through the CLI: the JSON shape, CSV read back as data, bills, explanations and one-line errors.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, projectRoot, registerFrom, runCli } from '../helpers.js';

const folder = join(fixtures, 'costs');

interface CostsJson {
  year: number;
  currency: string;
  populationYear: number;
  items: Array<{ id: string; name: string; amount: number; split: string; parts: Array<{ municipality: string; amount: number }> }>;
  totals: Array<{ municipality: string; amount: number }>;
}

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  return rows;
}

describe('itreg costs', () => {
  it('prints the JSON shape of DESIGN.md, parts summing exactly', () => {
    const result = runCli(['costs', '--year', '2026', '--format', 'json'], folder);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as CostsJson;
    expect(json).toMatchObject({ year: 2026, currency: 'SEK', populationYear: 2025 });
    expect(json.items[0]).toEqual({
      id: 'ag-half',
      name: 'Half a year; shared, by agreed shares',
      amount: 184000,
      split: 'shares',
      parts: [
        { municipality: 'a', amount: 92000 },
        { municipality: 'b', amount: 92000 },
      ],
    });
    for (const item of json.items) expect(item.parts.reduce((s, p) => s + p.amount, 0)).toBe(item.amount);
    expect(json.totals).toEqual([
      { municipality: 'a', amount: 92050 },
      { municipality: 'b', amount: 92066 },
      { municipality: 'c', amount: 84 },
      { municipality: 'p', amount: 10 },
    ]);
  });

  it('on the example register: every item sums exactly, and the totals are the bill', () => {
    const json = JSON.parse(runCli(['costs', '--year', '2026', '--format', 'json']).stdout) as CostsJson;
    expect(json.items.length).toBeGreaterThanOrEqual(8);
    for (const item of json.items) expect(item.parts.reduce((s, p) => s + p.amount, 0)).toBe(item.amount);
    const grand = json.items.reduce((s, i) => s + i.amount, 0);
    expect(json.totals.reduce((s, t) => s + t.amount, 0)).toBe(grand);
    const upgrade = json.items.find((i) => i.id === 'pa-lon-uppgradering-2026');
    expect(upgrade?.parts).toEqual([
      { municipality: 'bengtsfors', amount: 265150 },
      { municipality: 'dals-ed', amount: 134733 },
      { municipality: 'fargelanda', amount: 186142 },
      { municipality: 'mellerud', amount: 264533 },
      { municipality: 'amal', amount: 349442 },
    ]);
  });

  it.each([
    ['sv', ';'],
    ['en', ','],
  ])('writes CSV a spreadsheet reads (%s)', (lang, separator) => {
    const text = runCli(['costs', '--year', '2026', '--format', 'csv', '--lang', lang], folder).stdout;
    expect(text.startsWith('\ufeffid')).toBe(true); // a BOM, so Excel reads UTF-8
    const rows = parseCsv(text.slice(1), separator);
    expect(rows[0]).toEqual([
      'id',
      lang === 'sv' ? 'Post' : 'Item',
      lang === 'sv' ? 'Nyckel' : 'Key',
      lang === 'sv' ? 'Belopp' : 'Amount',
      'a',
      'b',
      'c',
      'p',
      lang === 'sv' ? 'Preliminär' : 'Preliminary',
    ]);
    expect(rows[1]).toEqual(['ag-half', 'Half a year; shared, by agreed shares', 'shares', '184000', '92000', '92000', '0', '0', '']);
    expect(rows.at(-1)?.slice(3)).toEqual(['184210', '92050', '92066', '84', '10', '']);
    for (const row of rows.slice(1, -1)) expect(row.slice(4, -1).reduce((s, v) => s + Number(v), 0)).toBe(Number(row[3]));
  });

  it('uses a decimal comma in Swedish CSV with öre', () => {
    const öre = registerFrom('costs', { 'itreg.yaml': 'name: X\nrounding: ore\n', 'register/inv-pop.yaml': 'kind: Investment\nid: inv-pop\nname: P\nyear: 2026\namount: 100.01\n' });
    const rows = parseCsv(runCli(['costs', '--year', '2026', '--format', 'csv', '--by', 'municipality'], öre).stdout.slice(1), ';');
    expect(rows).toContainEqual(['a', 'inv-pop', 'P', 'population', '16,67', '']);
    expect(rows).toContainEqual(['c', 'inv-pop', 'P', 'population', '50,00', '']);
  });

  it("shows one municipality's bill with the share behind each amount", () => {
    const result = runCli(['costs', '--year', '2026', '--municipality', 'a'], folder);
    expect(result.stdout).toMatch(/^Alby — Cost split 2026 \(population 2025\), SEK/);
    expect(result.stdout).toMatch(/Half a year; shared, by agreed shares\s*│ agreed share 50%, 184 of 365 days\s*│\s*92,000/);
    expect(result.stdout).toMatch(/By population\s*│ population 1,000 of 6,000 \(2025\)\s*│\s*17/);
    expect(result.stdout).toMatch(/Equal parts\s*│ equal parts, 1 of 3\s*│\s*33/);
    expect(result.stdout).toMatch(/Total\s*│\s*│\s*92,050/);
  });

  it('explains one item: weights, quotas, floors, remainders, leftovers', () => {
    const result = runCli(['costs', '--year', '2026', '--explain', 'inv-pop'], folder);
    expect(result.stdout).toMatch(/Alby\s*│\s*1,000\s*│\s*16\.6667\s*│\s*16\s*│\s*4,000\/6,000\s*│\s*\+1\s*│\s*17/);
    expect(result.stdout).toMatch(/Left after rounding down: 1 SEK → the largest remainder/);
    // A finance officer's word for the column, not a word-for-word "floor" ("Golv").
    const swedish = runCli(['costs', '--year', '2026', '--explain', 'inv-pop', '--lang', 'sv'], folder).stdout;
    expect(swedish).toMatch(/│ Avrundat nedåt │/);
    expect(swedish).toMatch(/Kvar efter avrundningen nedåt: 1 kr|Kvar efter avrundningen nedåt: 1 SEK/);
    expect(swedish).not.toMatch(/Golv|golv/);
  });

  // 99 in equal parts leaves nothing over, so no population decides it: these rows are about inv-pop alone.
  const equal99 = { 'register/inv-equal.yaml': 'kind: Investment\nid: inv-equal\nname: E\nyear: 2026\namount: 99\nsplit: equal\ndecision: D\n' };
  it.each([
    [
      'a missing population, no earlier year either',
      { ...equal99, 'register/b.yaml': 'kind: Municipality\nid: b\nname: Borg\npopulation: { 2026: 2000 }\n' },
      /^itreg: register\/inv-pop\.yaml:1:1: Borg has no population for 2025: add it/,
    ],
    [
      'a missing population with populationFallback: none',
      { ...equal99, 'itreg.yaml': 'name: X\npopulationFallback: none\n', 'register/b.yaml': 'kind: Municipality\nid: b\nname: Borg\npopulation: { 2024: 2000 }\n' },
      /^itreg: register\/inv-pop\.yaml:1:1: Borg has no population for 2025: add it/,
    ],
    [
      'shares not summing to 100',
      {
        'register/ag-half.yaml': 'kind: Agreement\nid: ag-half\nname: H\ntype: licence\nstart: 2026-01-01\nannualCost: 100\nparticipants: [a, b]\nsplit:\n  shares: { a: 50, b: 49.9 }\ndecision: D\n',
      },
      /^itreg: register\/ag-half\.yaml:9:11: the shares sum to 99\.9, not 100/,
    ],
    [
      'a share for a non-participant',
      { 'register/ag-half.yaml': 'kind: Agreement\nid: ag-half\nname: H\ntype: licence\nstart: 2026-01-01\nannualCost: 100\nparticipants: [a, b]\nsplit:\n  shares: { a: 50, c: 50 }\ndecision: D\n' },
      /^itreg: register\/ag-half\.yaml:9:20: the shares name c, which is not a participant/,
    ],
    [
      'an agreed key without decision',
      { 'register/inv-equal.yaml': 'kind: Investment\nid: inv-equal\nname: E\nyear: 2026\namount: 100\nsplit: equal\n' },
      /^itreg: register\/inv-equal\.yaml:6:8: the split "equal" is not by population and cites no decision/,
    ],
    [
      'a file with a schema error',
      { 'register/broken.yaml': 'kind: Investment\nid: broken\nname: B\nyear: 2026\n' },
      /^itreg: register\/broken\.yaml:1:1: missing required field "amount"; fix the register/,
    ],
  ])('exits 2 with one line for %s', (_name, changes, message) => {
    const result = runCli(['costs', '--year', '2026', '--lang', 'en'], registerFrom('costs', changes));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for an unknown item or municipality, naming the nearest', () => {
    expect(runCli(['costs', '--year', '2026', '--explain', 'inv-po'], folder).stderr).toBe('itreg: no cost item "inv-po" in 2026 (did you mean "inv-pop"?)\n');
    expect(runCli(['costs', '--year', '2026', '--municipality', 'aa'], folder).stderr).toMatch(/no municipality "aa" \(did you mean "a"\?\)/);
    expect(runCli(['costs', '--year', 'next'], folder).status).toBe(2);
  });

  it('prints Swedish digit grouping in tables', () => {
    const result = runCli(['costs', '--year', '2026'], projectRoot);
    expect(result.stdout).toMatch(/^Kostnadsfördelning 2026 \(befolkning 2025\), SEK/);
    expect(result.stdout).toContain('1\u00A0200\u00A0000');
    // The key column is as wide as its longest word: "överenskomna andelar" wraps, never cut to "överensko…".
    expect(result.stdout).toMatch(/│ överenskomna +│/);
    expect(result.stdout).not.toContain('…');
    expect(runCli(['costs', '--year', '2026', '--lang', 'en'], projectRoot).stdout).not.toContain('…');
  });
});

describe('preliminary splits (populationFallback: latest, the default)', () => {
  // Borg has no population for 2025: its latest earlier year, 2024, is used and inv-pop is preliminary. inv-equal's 99
  // leaves nothing over in equal parts, so no population decides it and it stays final.
  const preliminary = registerFrom('costs', {
    'register/inv-equal.yaml': 'kind: Investment\nid: inv-equal\nname: E\nyear: 2026\namount: 99\nsplit: equal\ndecision: D\n',
    'register/b.yaml': 'kind: Municipality\nid: b\nname: Borg\npopulation: { 2023: 1900, 2024: 2000 }\n',
  });

  it('marks the item in JSON with preliminary and the population year of each participant', () => {
    const result = runCli(['costs', '--year', '2026', '--format', 'json'], preliminary);
    expect(result.status, result.stderr).toBe(0);
    const items = (JSON.parse(result.stdout) as CostsJson).items as Array<Record<string, unknown>>;
    expect(items.find((i) => i['id'] === 'inv-pop')).toMatchObject({ preliminary: true, populationYears: { a: 2025, b: 2024, c: 2025 } });
    expect(items.find((i) => i['id'] === 'inv-equal')).not.toHaveProperty('preliminary');
  });

  it('marks the item in the table with a footnote, and in CSV', () => {
    const table = runCli(['costs', '--year', '2026'], preliminary).stdout;
    expect(table).toMatch(/By population \*/);
    expect(table).toContain('* Preliminary: the population of 2025 is not yet known for Borg; split by the population of 2024. Add 2025 once SCB has published it.');
    const rows = parseCsv(runCli(['costs', '--year', '2026', '--format', 'csv'], preliminary).stdout.slice(1), ',');
    expect(rows.find((r) => r[0] === 'inv-pop')?.at(-1)).toBe('preliminary: population 2024');
  });

  it('costs --final and report --final stop with exit 2 and one line', () => {
    for (const args of [
      ['costs', '--year', '2026', '--final'],
      ['report', 'yearly', '--year', '2026', '--date', '2026-06-01', '--final', '--format', 'md'],
    ]) {
      const result = runCli(args, preliminary);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'itreg: --final: the costs of 2026 are preliminary (register/inv-pop.yaml:1:1: Borg has no population for 2025: the split is preliminary, by the population of 2024; add 2025 once SCB has published it); run without --final until the population is known\n',
      );
    }
    expect(runCli(['costs', '--year', '2026', '--final'], folder).status).toBe(0);
  });

  it('the example register on 1 January 2027: no cost-split errors, 2027 costs preliminary by 2025 (defect 2)', () => {
    const lint = JSON.parse(runCli(['lint', '--date', '2027-01-01', '--format', 'json']).stdout) as { findings: Array<{ ruleId: string; severity: string; message: string }> };
    const costSplit = lint.findings.filter((f) => f.ruleId === 'cost-split');
    expect(costSplit.filter((f) => f.severity === 'error')).toEqual([]);
    expect(costSplit.length).toBeGreaterThan(0);
    expect(costSplit[0]!.message).toMatch(/saknar befolkningssiffra för 2026: fördelningen är preliminär, efter befolkningen 2025/);
    const costs = runCli(['costs', '--year', '2027', '--format', 'json']);
    expect(costs.status, costs.stderr).toBe(0);
    const json = JSON.parse(costs.stdout) as { items: Array<{ preliminary?: boolean; split: string }> };
    expect(json.items.filter((i) => i.split === 'population').every((i) => i.preliminary === true)).toBe(true);
    // The title names the year the split is preliminarily made by, as the footnote does (it said only "befolkning 2026").
    expect(runCli(['costs', '--year', '2027']).stdout.split('\n')[0]).toBe('Kostnadsfördelning 2027 (befolkning 2026, preliminärt efter 2025), SEK');
    expect(runCli(['costs', '--year', '2026']).stdout.split('\n')[0]).toBe('Kostnadsfördelning 2026 (befolkning 2025), SEK');
  });
});

describe("one municipality's bill and one item's explanation as JSON and CSV (defect 9)", () => {
  it('--municipality honours --format json and csv', () => {
    const json = JSON.parse(runCli(['costs', '--year', '2026', '--municipality', 'a', '--format', 'json'], folder).stdout) as {
      municipality: { id: string };
      items: Array<Record<string, unknown>>;
      total: number;
    };
    expect(json.municipality.id).toBe('a');
    expect(json.items.find((i) => i['id'] === 'ag-half')).toMatchObject({ itemAmount: 184000, split: 'shares', share: 50, daysInForce: 184, daysInYear: 365, amount: 92000 });
    expect(json.items.find((i) => i['id'] === 'inv-pop')).toMatchObject({ population: 1000, populationYear: 2025, totalPopulation: 6000, amount: 17 });
    expect(json.total).toBe(92050);
    const rows = parseCsv(runCli(['costs', '--year', '2026', '--municipality', 'a', '--format', 'csv', '--lang', 'sv'], folder).stdout.slice(1), ';');
    expect(rows[0]).toEqual(['id', 'Post', 'Nyckel', 'Vikt', 'Summa vikter', 'Dagar i kraft', 'Postens belopp', 'Belopp', 'Preliminär']);
    expect(rows).toContainEqual(['inv-pop', 'By population', 'population', '1000', '6000', '', '100', '17', '']);
    expect(rows.at(-1)?.[7]).toBe('92050');
  });

  it('--explain honours --format json and csv', () => {
    const json = JSON.parse(runCli(['costs', '--year', '2026', '--explain', 'inv-pop', '--format', 'json'], folder).stdout) as { parts: Array<Record<string, unknown>>; leftoverUnits: number };
    expect(json.parts[0]).toEqual({ municipality: 'a', weight: '1000', populationYear: 2025, quota: '100000/6000', floor: 16, remainder: '4000/6000', leftover: 1, amount: 17 });
    expect(json.leftoverUnits).toBe(1);
    const rows = parseCsv(runCli(['costs', '--year', '2026', '--explain', 'inv-pop', '--format', 'csv'], folder).stdout.slice(1), ',');
    expect(rows[1]).toEqual(['a', '1000', '16.6667', '16', '4000/6000', '1', '17']);
  });
});
