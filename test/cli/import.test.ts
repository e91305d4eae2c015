// itreg import and init --from: the example system list (examples/import/) into real temporary registers.
import { cpSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { idFromName } from '../../src/import/plan.js';
import { decodeText, detectSeparator, parseCsv } from '../../src/import/spreadsheet.js';
import { projectRoot, runCli, temporaryFolder, writeFiles } from '../helpers.js';

const example = join(projectRoot, 'examples/import');
const xlsx = join(example, 'systemforteckning.xlsx');
const csv = join(example, 'systemforteckning.csv');
const mapping = join(example, 'mapping.yaml');
const date = '2026-06-01';

const config = `name: Åmål
register: register
language: en
exceptions: []
`;

/** A register holding Åmål and its departments (imported from the example's forvaltningar.csv), nothing else. */
function startRegister(): string {
  const folder = temporaryFolder();
  writeFiles(folder, {
    'itreg.yaml': config,
    'register/municipalities/amal.yaml': 'kind: Municipality\nid: amal\nname: Åmåls kommun\npopulation: { 2025: 12006 }\n',
  });
  // The register's own copy of the schemas, as itreg init writes it: the schema lines point there.
  cpSync(join(projectRoot, 'schema'), join(folder, 'schema'), { recursive: true });
  const units = runCli(['import', join(example, 'forvaltningar.csv'), '--map', join(example, 'forvaltningar.yaml')], folder);
  expect(units.stdout).toContain('6 rows imported (6 files), 1 skipped, 0 failed');
  expect(units.status).toBe(0);
  return folder;
}

/** Every file below a folder, relative, sorted, with its text. */
function tree(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, readFileSync(join(dir, entry.name), 'utf8'));
    }
  };
  walk(folder, '');
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('itreg import of the example system list (.xlsx)', () => {
  let folder: string;
  let first: ReturnType<typeof runCli>;
  beforeAll(() => {
    folder = startRegister();
    first = runCli(['import', xlsx, '--map', mapping, '--date', date], folder);
  });

  it('writes 28 applications and their roles, refuses row 16 with its field and skips the retired row 28', () => {
    expect(first.stdout).toBe(
      [
        'systemforteckning.xlsx (Systemförteckning)',
        '  row 16  error    Typ → type: "type" must be one of business, general, infrastructure',
        '  row 28  skipped  Typ is "Avvecklat" (skip.when in the mapping)',
        '28 rows imported (77 files), 1 skipped, 1 failed',
        '',
      ].join('\n'),
    );
    expect(first.status).toBe(1);
    const files = [...tree(join(folder, 'register')).keys()];
    expect(files.filter((f) => f.startsWith('applications/'))).toHaveLength(28);
    expect(files.filter((f) => f.startsWith('roles/') && f.endsWith('-systemagare.yaml'))).toHaveLength(26);
    expect(files.filter((f) => f.startsWith('roles/') && f.endsWith('-systemansvarig.yaml'))).toHaveLength(23);
    // The refused and the skipped row wrote nothing; the second "Lärplattform" got -2.
    expect(files).not.toContain('applications/amal-felanmalan-fastighet.yaml');
    expect(files).not.toContain('applications/amal-gamla-ekonomisystemet.yaml');
    expect(files).toContain('applications/amal-larplattform-2.yaml');
  });

  it('writes each file with the schema line, the vendor, the constants and the roles from the import date', () => {
    const register = tree(join(folder, 'register'));
    expect(register.get('applications/amal-gis.yaml')).toBe(`# yaml-language-server: $schema=../../schema/application.schema.json
kind: Application
id: amal-gis
name: GIS
notes: Samma produkt som Färgelanda och Mellerud
type: business
municipalities: [amal]
vendor:
  name: Kartbolaget AB
  product: KartWeb
`);
    expect(register.get('roles/amal-gis-systemansvarig.yaml')).toContain(`role: system-administrator
application: amal-gis
holder:
  title: GIS-ingenjör
  unit: amal-sbf
appointedBy: amal-gis-systemagare
from: ${date}
`);
    // Gaps stay gaps: no owner where the sheet names none, no role invented.
    expect(register.has('roles/amal-digital-signering-i-hemtjansten-systemagare.yaml')).toBe(false);
    expect(register.has('roles/amal-sakerhetskopiering-systemagare.yaml')).toBe(false);
    expect(register.get('roles/amal-sakerhetskopiering-systemansvarig.yaml')).not.toContain('appointedBy');
    expect(register.get('applications/amal-intranat.yaml')).not.toContain('vendor');
  });

  it('a re-import writes nothing new: every row is skipped, each naming its file', () => {
    const before = tree(folder);
    const again = runCli(['import', xlsx, '--map', mapping, '--date', '2026-07-01'], folder);
    expect(tree(folder)).toEqual(before);
    expect(again.stdout).toContain('  row 2   skipped  id "amal-ekonomisystem" is already in the register (register/applications/amal-ekonomisystem.yaml); nothing was overwritten');
    expect(again.stdout.trimEnd().split('\n').at(-1)).toBe('0 rows imported (0 files), 29 skipped, 1 failed');
  });

  it('itreg lint then runs: only policy gaps, no schema, reference or syntax finding', () => {
    const lint = runCli(['lint', '--format', 'json', '--date', date], folder);
    expect(lint.status).toBe(1);
    const result = JSON.parse(lint.stdout) as { findings: Array<{ ruleId: string; entityId?: string }>; summary: { files: number } };
    expect(result.summary.files).toBe(1 + 6 + 77);
    const rules = new Set(result.findings.map((f) => f.ruleId));
    for (const id of ['schema', 'reference', 'yaml-syntax', 'unique-id', 'id-matches-filename']) expect(rules).not.toContain(id);
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'application-has-owner', entityId: 'amal-digital-signering-i-hemtjansten' }));
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'application-has-administrator', entityId: 'amal-hemtjanstplanering' }));
  });
});

describe('itreg import of the example system list (.csv, Windows-1252, ;)', () => {
  it('--dry-run writes nothing and prints the same report; then the import writes the same files as the .xlsx', () => {
    const fromXlsx = startRegister();
    const fromCsv = startRegister();
    runCli(['import', xlsx, '--map', mapping, '--date', date], fromXlsx);
    const before = tree(fromCsv);
    const dry = runCli(['import', csv, '--map', mapping, '--dry-run', '--lang', 'sv'], fromCsv);
    expect(tree(fromCsv)).toEqual(before);
    expect(dry.stdout).toContain('  rad 16  fel          Typ → type: "type" ska vara en av business, general, infrastructure');
    expect(dry.stdout.trimEnd().split('\n').at(-1)).toBe('28 rader skulle importeras (77 filer), 1 skulle hoppas över, 1 kunde inte importeras (provkörning: inget skrevs)');
    expect(dry.status).toBe(1);

    const result = runCli(['import', csv, '--map', mapping, '--date', date], fromCsv);
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      'systemforteckning.csv: read as Windows-1252 (not UTF-8)',
      'systemforteckning.csv',
      '  row 16  error    Typ → type: "type" must be one of business, general, infrastructure',
      '  row 28  skipped  Typ is "Avvecklat" (skip.when in the mapping)',
    ]);
    expect(result.status).toBe(1);
    expect(tree(join(fromCsv, 'register'))).toEqual(tree(join(fromXlsx, 'register')));
    expect(tree(join(fromCsv, 'register')).get('applications/amal-arendehantering-it-support.yaml')).toContain('name: Ärendehantering IT-support');
  });
});

describe('itreg init --from', () => {
  it('makes a register from the sheet: config, schemas, hook, the imported files and no example entities', () => {
    const parent = temporaryFolder();
    const result = runCli(['init', 'amal', '--from', xlsx, '--map', mapping, '--lang', 'en'], parent);
    expect(result.stdout).toContain('28 rows imported (77 files), 1 skipped, 1 failed');
    expect(result.status).toBe(1);
    const register = [...tree(join(parent, 'amal/register')).keys()];
    expect(register).toHaveLength(77);
    expect(register.some((f) => f.includes('exempel'))).toBe(false);
    expect(existsSync(join(parent, 'amal/itreg.yaml'))).toBe(true);
    expect(readFileSync(join(parent, 'amal/register/applications/amal-gis.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/application\.schema\.json\n/);
  });

  it('--from without --map is a usage error', () => {
    const result = runCli(['init', 'x', '--from', xlsx, '--lang', 'en'], temporaryFolder());
    expect(result.stderr).toBe('itreg: --from needs --map: the mapping that says which column becomes which field\n');
    expect(result.status).toBe(2);
  });
});

describe('a mapping or sheet that does not fit stops before anything is written (exit 2)', () => {
  const folder = temporaryFolder();
  writeFiles(folder, { 'itreg.yaml': config, 'register/.keep': '' });
  const tryMapping = (text: string) => {
    writeFiles(folder, { 'm.yaml': text });
    return runCli(['import', csv, '--map', 'm.yaml', '--kind', 'application'], folder);
  };
  it.each([
    [
      'a column the sheet lacks',
      'columns: { Sytem: name }\n',
      'itreg: the mapping names the column "Sytem" (did you mean "System"?), which row 1 of systemforteckning.csv does not have: its columns are System, Leverantör, Produkt, Typ, Systemägare, Förvaltning, Systemförvaltare, Kommentar\n',
    ],
    ['a field the kind lacks', 'columns: { System: nmae }\n', 'itreg: the mapping names the field "nmae" (did you mean "name"?), which the kind Application does not have\n'],
    [
      'a constant the kind lacks',
      'columns: { System: name }\nconstants: { municipalitis: [amal] }\n',
      'itreg: the mapping names the field "municipalitis" (did you mean "municipalities"?), which the kind Application does not have\n',
    ],
    ['a mapping its schema refuses', 'columns: { System: name }\nskip: { rows: two }\n', 'itreg: m.yaml:2:15: "skip.rows" must be a list\n'],
    ['an empty mapping', '', 'itreg: m.yaml: a mapping holds at least "columns:" (see schema/import-mapping.schema.json)\n'],
  ])('%s', (_name, text, stderr) => {
    const result = tryMapping(text);
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(2);
    expect(readdirSync(join(folder, 'register'))).toEqual(['.keep']);
  });

  it('an unknown sheet names the sheets there are', () => {
    const result = runCli(['import', xlsx, '--map', mapping, '--sheet', 'Blad1', '--lang', 'en'], folder);
    expect(result.stderr).toBe('itreg: systemforteckning.xlsx has no sheet "Blad1": its sheets are Systemförteckning\n');
    expect(result.status).toBe(2);
  });
});

describe('an .xlsx with several sheets, dates, formulas and rich text', () => {
  it("reads the sheet asked for; a date cell becomes YYYY-MM-DD for the role's from, a number stays a number, a formula gives its result", async () => {
    const { default: ExcelJS } = await import('exceljs');
    const folder = temporaryFolder();
    writeFiles(folder, {
      'itreg.yaml': config,
      // A unit a cell names by its id must be in the register (else the row is refused, naming the mapping line to add).
      'register/units/ks-bengtsfors.yaml': 'kind: Unit\nid: ks-bengtsfors\nname: Kommunstyrelseförvaltningen\ntype: department\nmunicipality: bengtsfors\n',
      'm.yaml':
        'kind: Application\nid: { from: System, prefix: bengtsfors- }\ncolumns: { System: name, Typ: type, Kommuner: municipalities, Nivå: collaborationLevel }\nowner: { title: Ägare, unit: Enhet, from: Från }\nvalues: { Typ: { VS: business } }\n',
    });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Åmål').addRow(['annat']);
    const sheet = workbook.addWorksheet('Bengtsfors');
    sheet.addRow(['System', 'Typ', 'Kommuner', 'Ägare', 'Enhet', 'Från', 'Nivå']);
    sheet.addRow([{ richText: [{ text: 'Ekonomi' }, { text: 'system', font: { bold: true } }] }, 'VS', 'bengtsfors, amal', 'Ekonomichef', 'ks-bengtsfors', new Date(Date.UTC(2024, 0, 15)), 3]);
    sheet.addRow([{ formula: '"Lön"&"esystem"', result: 'Lönesystem' }, 'VS', 'bengtsfors', 'HR-chef', 'ks-bengtsfors', null]);
    await workbook.xlsx.writeFile(join(folder, 'lista.xlsx'));

    const result = runCli(['import', 'lista.xlsx', '--map', 'm.yaml', '--sheet', 'bengtsfors', '--date', date], folder);
    expect(result.stdout).toBe('2 rows imported (4 files), 0 skipped, 0 failed\n');
    const register = tree(join(folder, 'register'));
    expect(register.get('applications/bengtsfors-ekonomisystem.yaml')).toContain('name: Ekonomisystem\ntype: business\nmunicipalities: [bengtsfors, amal]\ncollaborationLevel: 3\n');
    expect(register.get('roles/bengtsfors-ekonomisystem-systemagare.yaml')).toContain('from: 2024-01-15\n');
    expect(register.get('roles/bengtsfors-lonesystem-systemagare.yaml')).toContain(`from: ${date}\n`);
  });
});

describe('a comma-separated UTF-8 file: ids from names, collisions, value translations', () => {
  it('makes amal-kommun and amal-kommun-2, and Ja/Nej into true/false', () => {
    const folder = temporaryFolder();
    writeFiles(folder, {
      'itreg.yaml': config,
      'kommuner.csv': '\ufeffKommun,Medlem\r\nÅmål kommun,Ja\r\n,\r\n"Åmål kommun",Nej\r\n',
      'm.yaml': 'kind: Municipality\nid: { from: Kommun }\ncolumns: { Kommun: name, Medlem: member }\nvalues: { Medlem: { Ja: true, Nej: false } }\n',
    });
    const result = runCli(['import', 'kommuner.csv', '--map', 'm.yaml'], folder);
    expect(result.stdout).toBe('2 rows imported (2 files), 0 skipped, 0 failed\n');
    expect(readFileSync(join(folder, 'register/municipalities/amal-kommun.yaml'), 'utf8')).toContain('id: amal-kommun\nname: Åmål kommun\nmember: true\n');
    expect(readFileSync(join(folder, 'register/municipalities/amal-kommun-2.yaml'), 'utf8')).toContain('member: false\n');
  });
});

describe('reading helpers', () => {
  it.each([
    ['Åmål kommun', 'amal-kommun'],
    ['Färgelanda', 'fargelanda'],
    ['  Dals-Ed  ', 'dals-ed'],
    ['E-post & kalender (O365)', 'e-post-kalender-o365'],
    ['Ærø Æble', 'aero-aeble'],
  ])('idFromName(%s) = %s', (name, id) => expect(idFromName(name)).toBe(id));

  it('decodes UTF-8 when valid, else Windows-1252 (å, ä, ö, and € at 0x80)', () => {
    expect(decodeText(new TextEncoder().encode('\ufeffÅmål'))).toEqual({ text: 'Åmål', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xc5, 0x6d, 0xe5, 0x6c, 0x20, 0x80, 0x96, 0x92]))).toEqual({ text: 'Åmål €–’', encoding: 'windows-1252' });
  });

  it('detects the separator on the header line, outside quotes', () => {
    expect(detectSeparator('System;Leverantör;"A, B"\n1,2,3,4')).toBe(';');
    expect(detectSeparator('"x;y",b,c\n')).toBe(',');
  });

  it('numbers records as a spreadsheet program shows rows, a quoted line break staying in its cell', () => {
    expect(parseCsv('a;b\n"one\ntwo";x\nlast;y\n', ';')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['one\ntwo', 'x'] },
      { row: 3, cells: ['last', 'y'] },
    ]);
  });
});
