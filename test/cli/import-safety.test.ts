// itreg import under hostile sheets (issue 31): no two planned files share an id, formula/error cells never import as
// "[object Object]", UTF-16 CSV files are read, no file is written through a link out of the register. Each test
// fails on the code before.
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/import/spreadsheet.js';
import { runCli, temporaryFolder, writeFiles } from '../helpers.js';

const config = 'name: Dalsland\nregister: register\nlanguage: en\n';
const mapping =
  'kind: Application\nid: { from: System }\ncolumns: { System: name, Typ: type }\nconstants: { municipalities: [amal] }\nvalues: { Typ: { VS: business } }\nowner: { title: Ägare, unit: Enhet }\n';

function register(files: Record<string, string>): string {
  const folder = temporaryFolder();
  writeFiles(folder, {
    'itreg.yaml': config,
    'm.yaml': mapping,
    'register/municipalities/amal.yaml': 'kind: Municipality\nid: amal\nname: Åmål\n',
    'register/units/ks.yaml': 'kind: Unit\nid: ks\nname: KS\ntype: department\nmunicipality: amal\n',
    ...files,
  });
  return folder;
}

/** Every id in the register's files, to find one written twice. */
function ids(folder: string): string[] {
  const found: string[] = [];
  for (const kind of readdirSync(join(folder, 'register'))) {
    for (const file of readdirSync(join(folder, 'register', kind))) found.push(/^id: (.*)$/m.exec(readFileSync(join(folder, 'register', kind, file), 'utf8'))![1]!);
  }
  return found.sort();
}

describe('7. no two files of an import share an id', () => {
  it("a row whose id is another row's owner role id is refused, naming that row (either order), and the import exits 1", () => {
    for (const [rows, refused, clash] of [
      [['Ekonomi;VS;Ekonomichef', 'Ekonomi Systemägare;VS;Controller'], 3, 'ekonomi-systemagare-2'],
      [['Ekonomi Systemägare;VS;Controller', 'Ekonomi;VS;Ekonomichef'], 3, 'ekonomi-systemagare'],
    ] as const) {
      const folder = register({ 'lista.csv': ['System;Typ;Ägare;Enhet', ...rows.map((r) => `${r};ks`), ''].join('\n') });
      const result = runCli(['import', 'lista.csv', '--map', 'm.yaml', '--date', '2026-06-01'], folder);
      const all = ids(folder);
      expect(new Set(all).size).toBe(all.length);
      if (clash === 'ekonomi-systemagare-2') {
        // A name-made id steps past the other row's role id, as past another row's id.
        expect(result.status).toBe(0);
        expect(all).toContain(clash);
      } else {
        expect(result.stdout).toContain(`row ${refused}  error    System → ekonomi-systemagare: id: id "ekonomi-systemagare" is also a file row 2 writes`);
        expect(result.status).toBe(1);
      }
    }
  });

  it("an id column naming another row's role id is refused (Swedish too)", () => {
    const folder = register({
      'lista.csv': 'Id;System;Typ;Ägare;Enhet\nekonomi;Ekonomi;VS;Ekonomichef;ks\nekonomi-systemagare;Annat;VS;Chef;ks\n',
      'm.yaml':
        'kind: Application\nid: { column: Id }\ncolumns: { System: name, Typ: type }\nconstants: { municipalities: [amal] }\nvalues: { Typ: { VS: business } }\nowner: { title: Ägare, unit: Enhet }\n',
      'itreg.yaml': config.replace('language: en', 'language: sv'),
    });
    const result = runCli(['import', 'lista.csv', '--map', 'm.yaml', '--date', '2026-06-01'], folder);
    expect(result.stdout).toContain('id "ekonomi-systemagare" är också en fil som rad 2 skriver');
    expect(result.status).toBe(1);
    const all = ids(folder);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('14. cells of an .xlsx and UTF-16 text', () => {
  it('a formula imports as its saved result; an error or a formula without a result is a refused row naming the cell', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const folder = register({});
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    sheet.addRow(['System', 'Typ', 'Ägare', 'Enhet']);
    sheet.addRow([{ formula: '"Lön"&"esystem"', result: 'Lönesystem' }, 'VS', { text: 'HR-chef', hyperlink: 'https://example.org' }, 'ks']);
    sheet.addRow([{ formula: 'A9&"x"' }, 'VS', 'Chef', 'ks']);
    sheet.addRow(['Diarium', { error: '#REF!' }, 'Chef', 'ks']);
    sheet.addRow(['Karta', { formula: '1/0', result: { error: '#DIV/0!' } }, 'Chef', 'ks']);
    await workbook.xlsx.writeFile(join(folder, 'lista.xlsx'));
    const result = runCli(['import', 'lista.xlsx', '--map', 'm.yaml', '--date', '2026-06-01'], folder);
    expect(result.stdout).not.toContain('object');
    expect(result.stdout).toContain('row 3  error    System → name: cell A3 holds =A9&"x", not a value to import');
    expect(result.stdout).toContain('row 4  error    Typ → type: cell B4 holds #REF!');
    expect(result.stdout).toContain('row 5  error    Typ → type: cell B5 holds #DIV/0!');
    expect(result.stdout).toContain('1 row imported (2 files), 0 skipped, 3 failed');
    expect(readFileSync(join(folder, 'register/applications/lonesystem.yaml'), 'utf8')).toContain('name: Lönesystem\n');
    expect(readFileSync(join(folder, 'register/roles/lonesystem-systemagare.yaml'), 'utf8')).toContain('title: HR-chef\n');
    expect(ids(folder).join(' ')).not.toContain('object');
  });

  it('reads a UTF-16 CSV, little- and big-endian with a byte order mark', () => {
    const text = 'System;Typ;Ägare;Enhet\r\nÅtgärdssystem;VS;Chef;ks\r\n';
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const big = Buffer.from(little);
    big.swap16();
    expect(decodeText(little)).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText(big)).toEqual({ text, encoding: 'utf-16be' });
    for (const bytes of [little, big]) {
      const folder = register({});
      writeFileSync(join(folder, 'lista.csv'), bytes);
      const result = runCli(['import', 'lista.csv', '--map', 'm.yaml', '--date', '2026-06-01'], folder);
      expect(result.stdout).toBe('1 row imported (2 files), 0 skipped, 0 failed\n');
      expect(readFileSync(join(folder, 'register/applications/atgardssystem.yaml'), 'utf8')).toContain('name: Åtgärdssystem\n');
    }
  });
});

describe('8. no file is written through a linked folder that leads outside the register', () => {
  it('new, import and init refuse with one line naming the link (exit 2) and write nothing outside', () => {
    const folder = register({ 'lista.csv': 'System;Typ;Ägare;Enhet\nEkonomi;VS;Chef;ks\n' });
    const outside = temporaryFolder();
    mkdirSync(join(outside, 'roles'));
    symlinkSync(join(outside, 'roles'), join(folder, 'register/roles'));
    symlinkSync(outside, join(folder, 'register/agreements'));
    const created = runCli(['new', 'agreement', 'x'], folder);
    expect(created.stderr).toMatch(/register\/agreements is a link to .*, outside the register/);
    expect(created.status).toBe(2);
    const imported = runCli(['import', 'lista.csv', '--map', 'm.yaml', '--date', '2026-06-01'], folder);
    expect(imported.stderr).toMatch(/register\/roles is a link to .*, outside the register: itreg writes no file through it/);
    expect(imported.status).toBe(2);
    expect(readdirSync(outside).sort()).toEqual(['roles']);
    expect(readdirSync(join(outside, 'roles'))).toEqual([]);
    // The whole row is refused: nor is its application written inside.
    expect(existsSync(join(folder, 'register/applications/ekonomi.yaml'))).toBe(false);

    const fresh = temporaryFolder();
    const elsewhere = temporaryFolder();
    symlinkSync(elsewhere, join(fresh, 'schema'));
    const init = runCli(['init'], fresh);
    expect(init.stderr).toMatch(/schema är en länk till .*, utanför registret/);
    expect(init.status).toBe(2);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
