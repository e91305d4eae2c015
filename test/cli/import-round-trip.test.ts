// The spreadsheet both ways: the example register exported in a mapping's layout (.xlsx and .csv), edited as the
// system owners edit it, and imported back with --update into a real git repository, where git diff shows the change.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv } from '../../src/import/spreadsheet.js';
import { JOURNAL_FILE } from '../../src/import/journal.js';
import { formatCsv } from '../../src/util/csv.js';
import { git, projectRoot, runCli, temporaryFolder } from '../helpers.js';

const date = '2026-06-01';
const mapping = 'examples/import/applikationer.yaml';

/** A git repository holding a copy of the example register, its schemas and the mapping, committed. */
function exampleRepository(): string {
  const folder = temporaryFolder();
  for (const path of ['itreg.yaml', 'register', 'schema', mapping]) cpSync(join(projectRoot, path), join(folder, path), { recursive: true });
  git(folder, 'init', '--quiet', '--initial-branch=main');
  git(folder, 'add', '-A');
  git(folder, 'commit', '--quiet', '-m', 'register');
  return folder;
}

interface CellEdit {
  readonly id: string;
  readonly header: string;
  readonly value: string;
}

/** Changes cells of an exported sheet as a person would, found by the row's itreg-id and the column's header. */
async function editSheet(file: string, edits: readonly CellEdit[]): Promise<void> {
  if (file.endsWith('.csv')) {
    const text = readFileSync(file, 'utf8');
    const separator = detectSeparator(text);
    const rows = parseCsv(text, separator).map((row) => [...row.cells]);
    const headers = rows[0]!.map(String);
    for (const edit of edits) {
      const row = rows.find((cells) => cells[headers.indexOf('itreg-id')] === edit.id)!;
      row[headers.indexOf(edit.header)] = edit.value;
    }
    writeFileSync(file, formatCsv(rows, separator === ';' ? 'sv' : 'en'));
    return;
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  for (const edit of edits) {
    sheet.eachRow((row) => {
      if (row.getCell(headers.indexOf('itreg-id')).value === edit.id) row.getCell(headers.indexOf(edit.header)).value = edit.value;
    });
  }
  await workbook.xlsx.writeFile(file);
}

/** The changed lines of git diff (no headers, no context), and the untracked files. */
function changes(folder: string): { diff: string[]; untracked: string[] } {
  const diff = git(folder, 'diff', '--unified=0', '--no-color')
    .split('\n')
    .filter((line) => /^[-+](?![-+]{2} )/.test(line));
  const untracked = git(folder, 'ls-files', '--others', '--exclude-standard').split('\n').filter(Boolean);
  return { diff, untracked };
}

const fiveEdits: CellEdit[] = [
  { id: 'telefoni', header: 'System', value: 'Telefoni och växel' }, // text
  { id: 'gis', header: 'Samverkansnivå', value: 'Gemensam drift' }, // a translated number
  { id: 'diarium', header: 'Kommuner', value: 'Åmål, Mellerud; Bengtsfors' }, // a list
  { id: 'bibliotek', header: 'Drift', value: 'IT-enheten Åmål' }, // a unit by name, where "absent" was
  { id: 'ekonomi', header: 'Systemägare', value: 'Ekonomidirektör' }, // the owner
];

describe.each([['xlsx'], ['csv']])('the example register through .%s and back', (format) => {
  const folder = exampleRepository();
  const sheet = join(folder, `applikationer.${format}`);
  const exported = runCli(['export', '--map', mapping, '--output', sheet, '--date', date, '--lang', 'en'], folder);

  it("export --map writes every application in the mapping's layout, with itreg-id and itreg-digest", async () => {
    expect(exported.stderr).toBe(`itreg: 14 rows → ${sheet}\n`); // 14 applications since format 1.2's example
    expect(exported.status).toBe(0);
    const { readSpreadsheet } = await import('../../src/import/spreadsheet.js');
    const rows = (await readSpreadsheet(sheet, undefined)).rows;
    expect(rows[0]!.cells).toEqual([
      'System',
      'Typ',
      'Kommuner',
      'Samverkansnivå',
      'Systemägare',
      'Ägarens förvaltning',
      'Systemförvaltare',
      'Förvaltarens förvaltning',
      'Drift',
      'Leverantör',
      'Produkt',
      'Livscykel',
      'Beskrivning',
      'itreg-id',
      'itreg-digest',
    ]);
    // By name, values translated backwards, units by name, "absent" as the mapping says it, the current owner.
    const gis = rows.find((row) => row.cells[13] === 'gis')!;
    expect(gis.row).toBe(9);
    expect(gis.cells.slice(0, 10)).toEqual([
      'GIS och kartsystem',
      'Verksamhetssystem',
      'Färgelanda, Mellerud, Dals-Ed',
      'Gemensam upphandling',
      'Plan- och byggchef',
      'Samhällsbyggnadsförvaltningen, Färgelanda',
      'GIS-ingenjör',
      'Samhällsbyggnadsförvaltningen, Färgelanda',
      'IT-enheten Färgelanda',
      'Kartbolaget AB',
    ]);
    expect(gis.cells[14]).toMatch(/^[0-9a-f]{16}$/);
    expect(rows.find((row) => row.cells[13] === 'bibliotek')!.cells[8]).toBe('Leverantören (SaaS)');
    if (format === 'csv') {
      expect(readFileSync(sheet, 'utf8').startsWith('\ufeffSystem,Typ,Kommuner,')).toBe(true);
      return;
    }
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(sheet);
    const worksheet = workbook.worksheets[0]!;
    expect(worksheet.name).toBe('Applikationer');
    expect(worksheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(worksheet.autoFilter).toBe('A1:O15');
    expect(worksheet.getRow(1).font).toMatchObject({ bold: true });
    const widths = worksheet.columns.map((column) => column.width ?? 0);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...widths)).toBe(60);
    expect(widths[0]).toBe('Gemensam katalogtjänst och inloggning'.length + 2);
  });

  it('import --update of the sheet as exported writes nothing', () => {
    const result = runCli(['import', sheet, '--map', mapping, '--update', '--date', date, '--lang', 'en'], folder);
    expect(result.stdout).toBe('0 rows changed (0 files), 14 unchanged, 0 new, 0 conflicts, 0 skipped, 0 failed\n');
    expect(result.status).toBe(0);
    expect(changes(folder)).toEqual({ diff: [], untracked: [`applikationer.${format}`] });
  });

  it("five edited cells of five kinds become exactly those changes, the owner's as a new assignment", async () => {
    await editSheet(sheet, fiveEdits);
    const dry = runCli(['import', sheet, '--map', mapping, '--update', '--dry-run', '--date', date, '--lang', 'en'], folder);
    expect(changes(folder).diff).toEqual([]);
    const result = runCli(['import', sheet, '--map', mapping, '--update', '--date', date, '--lang', 'en'], folder);
    const report = [
      '  row 2   changed  bibliotek: operatedBy: (none) → it-amal',
      '  row 3   changed  diarium: municipalities: [amal, mellerud] → [amal, mellerud, bengtsfors]',
      '  row 6   changed  ekonomi: owner.title: Ekonomichef → Ekonomidirektör',
      '  row 6   changed  ekonomi: ekonomi-systemagare ends on 2026-06-01; ekonomi-systemagare-2026 from 2026-06-02 (register/roles/ekonomi-systemagare-2026.yaml)',
      '  row 9   changed  gis: collaborationLevel: 3 → 4',
      '  row 14  changed  telefoni: name: Telefonisystem → Telefoni och växel',
    ];
    expect(dry.stdout.split('\n').slice(1)).toEqual([...report, '5 rows would change (6 files), 9 unchanged, 0 new, 0 conflicts, 0 skipped, 0 failed (dry run: nothing was written)', '']);
    expect(result.stdout.split('\n').slice(1)).toEqual([...report, '5 rows changed (6 files), 9 unchanged, 0 new, 0 conflicts, 0 skipped, 0 failed', '']);
    expect(result.status).toBe(0);

    const { diff, untracked } = changes(folder);
    expect(diff).toEqual([
      '+operatedBy: it-amal',
      '-municipalities: [amal, mellerud]',
      '+municipalities: [amal, mellerud, bengtsfors]',
      '-collaborationLevel: 3        # Gemensam upphandling',
      '+collaborationLevel: 4        # Gemensam upphandling',
      '-name: Telefonisystem',
      '+name: Telefoni och växel',
      '+until: 2026-06-01',
    ]);
    expect(git(folder, 'diff', '--name-only').split('\n').filter(Boolean)).toEqual([
      'register/applications/bibliotek.yaml',
      'register/applications/diarium.yaml',
      'register/applications/gis.yaml',
      'register/applications/telefoni.yaml',
      'register/roles/ekonomi-systemagare.yaml',
    ]);
    expect(untracked).toEqual([`applikationer.${format}`, 'register/roles/ekonomi-systemagare-2026.yaml']);
    expect(readFileSync(join(folder, 'register/roles/ekonomi-systemagare-2026.yaml'), 'utf8')).toBe(
      '# yaml-language-server: $schema=../../schema/role-assignment.schema.json\nkind: RoleAssignment\nid: ekonomi-systemagare-2026\nrole: system-owner\napplication: ekonomi\nholder:\n  title: Ekonomidirektör\n  unit: ekonomi-amal\nfrom: 2026-06-02\n',
    );
    // The register stays one lint can read: one owner at a time, no broken reference.
    const lint = JSON.parse(runCli(['lint', '--format', 'json', '--date', date], folder).stdout) as { findings: Array<{ ruleId: string }> };
    for (const rule of ['schema', 'reference', 'single-active-owner', 'yaml-syntax']) expect(lint.findings.map((f) => f.ruleId)).not.toContain(rule);
  });

  it('the same sheet imported again changes nothing more', () => {
    const before = changes(folder);
    const again = runCli(['import', sheet, '--map', mapping, '--update', '--date', date, '--lang', 'en'], folder);
    expect(again.stdout).toBe('0 rows changed (0 files), 14 unchanged, 0 new, 0 conflicts, 0 skipped, 0 failed\n');
    expect(changes(folder)).toEqual(before);
  });
});

describe('a row whose entity changed in the register since the export', () => {
  it('is refused as a conflict naming its row; the other rows are imported; an unedited row is no conflict', async () => {
    const folder = exampleRepository();
    const sheet = join(folder, 'applikationer.xlsx');
    runCli(['export', '--map', mapping, '--output', sheet, '--date', date], folder);
    // Meanwhile someone changes gis and pa-lon in the register, and the owner of ekonomi.
    for (const [file, from, to] of [
      ['register/applications/gis.yaml', 'fit: adequate', 'fit: poor'],
      ['register/applications/pa-lon.yaml', 'type: business', 'type: business # checked'],
      ['register/roles/ekonomi-systemagare.yaml', 'title: Ekonomichef', 'title: Ekonomichef och controller'],
    ] as const)
      writeFileSync(join(folder, file), readFileSync(join(folder, file), 'utf8').replace(from, to));
    git(folder, 'commit', '--quiet', '-am', 'meanwhile');
    await editSheet(sheet, [
      { id: 'gis', header: 'Samverkansnivå', value: 'Gemensam drift' },
      { id: 'ekonomi', header: 'Ägarens förvaltning', value: 'Kommunkansliet, Åmål' },
      { id: 'telefoni', header: 'System', value: 'Telefoni och växel' },
    ]);
    const result = runCli(['import', sheet, '--map', mapping, '--update', '--date', date, '--lang', 'en'], folder);
    expect(result.stdout).toBe(
      [
        'applikationer.xlsx (Applikationer)',
        '  row 6   conflict  ekonomi has changed in the register since the export (register/applications/ekonomi.yaml): export again and make the change in the new sheet',
        '  row 9   conflict  gis has changed in the register since the export (register/applications/gis.yaml): export again and make the change in the new sheet',
        '  row 14  changed   telefoni: name: Telefonisystem → Telefoni och växel',
        '1 row changed (1 file), 11 unchanged, 0 new, 2 conflicts, 0 skipped, 0 failed',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(1);
    expect(git(folder, 'diff', '--name-only')).toBe('register/applications/telefoni.yaml\n');
  });
});

describe('a sheet that names one entity on two rows', () => {
  it('applies the first and refuses the second, naming the first row', () => {
    const folder = exampleRepository();
    const sheet = join(folder, 'applikationer.csv');
    runCli(['export', '--map', mapping, '--output', sheet, '--date', date, '--lang', 'en'], folder);
    const lines = readFileSync(sheet, 'utf8').split('\r\n');
    const gis = lines.find((line) => line.includes(',gis,'))!;
    writeFileSync(sheet, [...lines.slice(0, -1), gis.replace('GIS och kartsystem', 'GIS'), ''].join('\r\n'));
    const result = runCli(['import', sheet, '--map', mapping, '--update', '--date', date, '--lang', 'en'], folder);
    expect(result.stdout).toBe(
      [
        'applikationer.csv',
        // The added row comes after the header and every application of the example register.
        `  row ${lines.length}  error    itreg-id: id "gis" is also on row 9: every id must be unique`,
        `0 rows changed (0 files), ${lines.length - 2} unchanged, 0 new, 0 conflicts, 0 skipped, 1 failed`,
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(1);
    expect(git(folder, 'diff', '--name-only')).toBe('');
  });
});

// .ci/run installs Debian's LibreOffice; a machine without it skips these, saying so.
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
describe.skipIf(!soffice)('a spreadsheet LibreOffice wrote (skipped: no soffice; apt-get install libreoffice-calc-nogui)', () => {
  /** Converts a file with LibreOffice into `folder`, as a user's "Save as .xlsx" would. */
  const convert = (file: string, folder: string, filter?: string): void => {
    mkdirSync(folder, { recursive: true });
    const profile = `file://${temporaryFolder('itreg-lo-')}`;
    const result = spawnSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', ...(filter ? [`--infilter=${filter}`] : []), '--convert-to', 'xlsx', '--outdir', folder, file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
  };

  it("an export saved again by LibreOffice imports with no change; an edited CSV saved as .xlsx gives the changes exceljs' file gives", async () => {
    const folder = exampleRepository();
    const out = temporaryFolder();
    runCli(['export', '--map', mapping, '--output', join(out, 'exported.xlsx'), '--date', date], folder);
    convert(join(out, 'exported.xlsx'), join(out, 'libreoffice'));
    const resaved = runCli(['import', join(out, 'libreoffice/exported.xlsx'), '--map', mapping, '--update', '--date', date, '--lang', 'en'], folder);
    expect(resaved.stdout).toBe('0 rows changed (0 files), 14 unchanged, 0 new, 0 conflicts, 0 skipped, 0 failed\n');

    runCli(['export', '--map', mapping, '--output', join(out, 'edited.csv'), '--date', date], folder);
    await editSheet(join(out, 'edited.csv'), fiveEdits);
    // Semicolons, double quotes, UTF-8, from the first line: as Swedish Excel writes CSV.
    convert(join(out, 'edited.csv'), join(out, 'libreoffice'), 'CSV:59,34,76,1');
    runCli(['export', '--map', mapping, '--output', join(out, 'edited.xlsx'), '--date', date], folder);
    await editSheet(join(out, 'edited.xlsx'), fiveEdits);
    const dryRun = (file: string) => runCli(['import', file, '--map', mapping, '--update', '--dry-run', '--date', date, '--lang', 'en'], folder).stdout.split('\n').slice(1);
    const fromLibreOffice = dryRun(join(out, 'libreoffice/edited.xlsx'));
    expect(fromLibreOffice).toEqual(dryRun(join(out, 'edited.xlsx')));
    expect(fromLibreOffice.at(-2)).toBe('5 rows would change (6 files), 9 unchanged, 0 new, 0 conflicts, 0 skipped, 0 failed (dry run: nothing was written)');
  });

  it('the example system list saved as .xlsx by LibreOffice imports the same files as the one exceljs wrote', () => {
    const out = temporaryFolder();
    convert(join(projectRoot, 'examples/import/systemforteckning.xlsx'), out);
    const run = (file: string): string => {
      const folder = temporaryFolder();
      writeFileSync(join(folder, 'itreg.yaml'), 'name: Åmål\nlanguage: en\n');
      mkdirSync(join(folder, 'register/units'), { recursive: true });
      for (const [id, name] of [
        ['amal-ksf', 'Kommunstyrelseförvaltningen'],
        ['amal-soc', 'Socialförvaltningen'],
        ['amal-bou', 'Barn- och utbildningsförvaltningen'],
        ['amal-sbf', 'Samhällsbyggnadsförvaltningen'],
        ['amal-kof', 'Kultur- och fritidsförvaltningen'],
        ['amal-it', 'IT-enheten'],
      ]) {
        writeFileSync(join(folder, `register/units/${id}.yaml`), `kind: Unit\nid: ${id}\nname: ${name}\ntype: department\nmunicipality: amal\n`);
      }
      const result = runCli(['import', file, '--map', join(projectRoot, 'examples/import/mapping.yaml'), '--date', date], folder);
      expect(result.stdout).toContain('28 rows imported (77 files), 1 skipped, 1 failed');
      return JSON.stringify(treeOf(join(folder, 'register')));
    };
    expect(run(join(out, 'systemforteckning.xlsx'))).toBe(run(join(projectRoot, 'examples/import/systemforteckning.xlsx')));
  });
});

function treeOf(folder: string): Record<string, string> {
  const result = spawnSync('find', [folder, '-type', 'f'], { encoding: 'utf8' });
  return Object.fromEntries(
    result.stdout
      .split('\n')
      .filter(Boolean)
      .sort()
      .map((file) => [file.slice(folder.length), readFileSync(file, 'utf8')]),
  );
}

describe('an import killed half-way (whole writes)', () => {
  it('leaves its journal; the next import writes the rest first, and --dry-run says to run without it', () => {
    const folder = exampleRepository();
    const sheet = join(folder, 'applikationer.csv');
    runCli(['export', '--map', mapping, '--output', sheet, '--date', date], folder);
    // What a run killed after its journal and its first file leaves: the journal, one file written, one not.
    const gis = join(folder, 'register/applications/gis.yaml');
    const telefoni = join(folder, 'register/applications/telefoni.yaml');
    const newGis = readFileSync(gis, 'utf8').replace('collaborationLevel: 3', 'collaborationLevel: 4');
    const newTelefoni = readFileSync(telefoni, 'utf8').replace('name: Telefonisystem', 'name: Telefoni och växel');
    writeFileSync(
      join(folder, JOURNAL_FILE),
      JSON.stringify([
        { file: gis, text: newGis },
        { file: telefoni, text: newTelefoni },
      ]),
    );
    writeFileSync(gis, newGis);

    const dry = runCli(['import', sheet, '--map', mapping, '--update', '--dry-run', '--date', date, '--lang', 'en'], folder);
    expect(dry.stderr).toBe('itreg: an earlier import was stopped before it had written every file: run it without --dry-run, which writes the rest first\n');
    expect(dry.status).toBe(2);
    const result = runCli(['import', sheet, '--map', mapping, '--update', '--date', date, '--lang', 'en'], folder);
    expect(result.stdout.split('\n')[0]).toBe('an earlier import was stopped half-way: its 2 files are now written');
    expect(readFileSync(telefoni, 'utf8')).toBe(newTelefoni);
    expect(existsSync(join(folder, JOURNAL_FILE))).toBe(false);
    expect(git(folder, 'diff', '--name-only')).toBe('register/applications/gis.yaml\nregister/applications/telefoni.yaml\n');
  });
});
