// itreg import: units named by their name, list cells, translations to "absent", and nothing written before every row
// is planned (init --from too). One test per defect of issue 28, each failing on the code before.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder, writeFiles } from '../helpers.js';

const config = 'name: Dalsland\nregister: register\nlanguage: en\n';
const municipalities = {
  'register/municipalities/amal.yaml': 'kind: Municipality\nid: amal\nname: Åmål\n',
  'register/municipalities/bengtsfors.yaml': 'kind: Municipality\nid: bengtsfors\nname: Bengtsfors\n',
  'register/municipalities/dals-ed.yaml': 'kind: Municipality\nid: dals-ed\nname: Dals-Ed\n',
};

function register(files: Record<string, string>): string {
  const folder = temporaryFolder();
  writeFiles(folder, { 'itreg.yaml': config, ...municipalities, ...files });
  return folder;
}

const read = (folder: string, path: string): string => readFileSync(join(folder, path), 'utf8');

describe('1. a unit named in a cell', () => {
  const sheet = [
    'System;Typ;Systemägare;Förvaltning',
    'Verksamhetssystem socialtjänst;VS;Socialchef;Socialförvaltningen',
    'Diariesystem;VS;Kanslichef;Kommunledningsförvaltningen',
    'Räddningsrapport;VS;Räddningschef;Räddningstjänsten Dalsland',
    'Ekonomisystem;VS;Ekonomichef;  socialFÖRVALTNINGEN ',
    '',
  ].join('\r\n');
  const mapping =
    'kind: Application\nid: { from: System, prefix: amal- }\ncolumns: { System: name, Typ: type }\nowner: { title: Systemägare, unit: Förvaltning }\nconstants: { municipalities: [amal] }\nvalues: { Typ: { VS: business } }\n';
  const files = {
    'lista.csv': sheet,
    'm.yaml': mapping,
    // Two units of that name: the row's municipality decides.
    'register/units/soc-amal.yaml': 'kind: Unit\nid: soc-amal\nname: Socialförvaltningen\ntype: department\nmunicipality: amal\n',
    'register/units/soc-bengtsfors.yaml': 'kind: Unit\nid: soc-bengtsfors\nname: Socialförvaltningen\ntype: department\nmunicipality: bengtsfors\n',
  };

  it("is found by its name (case and spacing ignored) within the row's municipality; one not found is refused with the cell's text and the mapping line to add", () => {
    const folder = register(files);
    const result = runCli(['import', 'lista.csv', '--map', 'm.yaml', '--date', '2026-06-01'], folder);
    expect(result.stdout).toBe(
      [
        'lista.csv',
        '  row 3  error    Förvaltning → amal-diariesystem-systemagare: holder.unit: no unit is called "Kommunledningsförvaltningen": add the line to the mapping (values: Förvaltning: "Kommunledningsförvaltningen": <unit id>), or import with --create-units',
        '  row 4  error    Förvaltning → amal-raddningsrapport-systemagare: holder.unit: no unit is called "Räddningstjänsten Dalsland": add the line to the mapping (values: Förvaltning: "Räddningstjänsten Dalsland": <unit id>), or import with --create-units',
        '2 rows imported (4 files), 0 skipped, 2 failed',
        '',
      ].join('\n'),
    );
    expect(result.stdout).not.toContain('must be an id');
    expect(read(folder, 'register/roles/amal-verksamhetssystem-socialtjanst-systemagare.yaml')).toContain('  unit: soc-amal\n');
    expect(read(folder, 'register/roles/amal-ekonomisystem-systemagare.yaml')).toContain('  unit: soc-amal\n');
  });

  it("--create-units makes each unit once, a department of the row's municipality, and the rows refer to it", () => {
    const folder = register({ ...files, 'lista.csv': `${sheet}Lönesystem;VS;HR-chef;Kommunledningsförvaltningen\r\n` });
    const result = runCli(['import', 'lista.csv', '--map', 'm.yaml', '--date', '2026-06-01', '--create-units'], folder);
    expect(result.stdout).toBe(
      [
        'units made (--create-units): kommunledningsforvaltningen-amal (Kommunledningsförvaltningen), raddningstjansten-dalsland-amal (Räddningstjänsten Dalsland)',
        '5 rows imported (10 files), 0 skipped, 0 failed',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(0);
    expect(read(folder, 'register/units/kommunledningsforvaltningen-amal.yaml')).toMatch(
      /kind: Unit\nid: kommunledningsforvaltningen-amal\nname: Kommunledningsförvaltningen\ntype: department\nmunicipality: amal\n$/,
    );
    expect(read(folder, 'register/roles/amal-lonesystem-systemagare.yaml')).toContain('  unit: kommunledningsforvaltningen-amal\n');
    expect(read(folder, 'register/roles/amal-diariesystem-systemagare.yaml')).toContain('  unit: kommunledningsforvaltningen-amal\n');
    const lint = runCli(['lint', '--format', 'json', '--date', '2026-06-01'], folder);
    const ruleIds = (JSON.parse(lint.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);
    expect(ruleIds).not.toContain('reference');
    expect(ruleIds).not.toContain('schema');
  });
});

describe('2. a list cell', () => {
  const sheet = 'System;Typ;Kommuner;Nivå\r\nEkonomi;VS;Bengtsfors, Dals-Ed;2\r\nLön;VS;Bengtsfors;\r\nGIS;VS;Bengtsfors; Åmål;1\r\n';
  it.each([
    ['translations to ids', '{ Bengtsfors: bengtsfors, Dals-Ed: dals-ed, Åmål: amal }'],
    ['translations to lists', '{ Bengtsfors: [bengtsfors], Dals-Ed: [dals-ed], Åmål: [amal] }'],
  ])('splits at "," and ";" and translates each item (%s)', (_name, values) => {
    const folder = register({
      // The third row's "Bengtsfors; Åmål" is quoted, as a program writing ";"-separated CSV quotes it.
      'lista.csv': sheet.replace('GIS;VS;Bengtsfors; Åmål;1', 'GIS;VS;"Bengtsfors; Åmål";1'),
      'm.yaml': `kind: Application\nid: { from: System }\ncolumns: { System: name, Typ: type, Kommuner: municipalities, Nivå: collaborationLevel }\nvalues: { Typ: { VS: business }, Kommuner: ${values} }\n`,
      'itreg.yaml': `${config}collaborationLevels: [Erfarenhetsutbyte, Samordnad kompetens]\n`,
    });
    const result = runCli(['import', 'lista.csv', '--map', 'm.yaml'], folder);
    expect(result.stdout).toBe('3 rows imported (3 files), 0 skipped, 0 failed\n');
    expect(read(folder, 'register/applications/ekonomi.yaml')).toContain('municipalities: [bengtsfors, dals-ed]\ncollaborationLevel: 2\n');
    expect(read(folder, 'register/applications/lon.yaml')).toContain('municipalities: [bengtsfors]\n');
    expect(read(folder, 'register/applications/gis.yaml')).toContain('municipalities: [bengtsfors, amal]\n');
  });
});

describe('3. a translation to null, "" or ~', () => {
  it.each([['null'], ['""'], ['~']])('means the field is absent (%s)', (absent) => {
    const folder = register({
      'register/units/it-amal.yaml': 'kind: Unit\nid: it-amal\nname: IT-enheten\ntype: it-unit\nmunicipality: amal\n',
      'lista.csv': 'System;Typ;Drift\r\nEkonomi;VS;Leverantör (SaaS)\r\nLön;VS;IT-enheten\r\n',
      'm.yaml': `kind: Application\nid: { from: System }\ncolumns: { System: name, Typ: type, Drift: operatedBy }\nconstants: { municipalities: [amal] }\nvalues: { Typ: { VS: business }, Drift: { "Leverantör (SaaS)": ${absent} } }\n`,
    });
    const result = runCli(['import', 'lista.csv', '--map', 'm.yaml'], folder);
    expect(result.stdout).toBe('2 rows imported (2 files), 0 skipped, 0 failed\n');
    expect(read(folder, 'register/applications/ekonomi.yaml')).not.toContain('operatedBy');
    expect(read(folder, 'register/applications/lon.yaml')).toContain('operatedBy: it-amal\n');
  });
});

describe('4. init --from plans every row before it writes a file', () => {
  const sheet = 'System;Typ\r\nEkonomi;VS\r\n';
  it('a mapping whose kind is written in lower case (as --kind takes it) imports', () => {
    const parent = temporaryFolder();
    writeFiles(parent, {
      'lista.csv': sheet,
      'm.yaml': 'kind: application\nid: { from: System }\ncolumns: { System: name, Typ: type }\nconstants: { municipalities: [amal] }\nvalues: { Typ: { VS: business } }\n',
    });
    const result = runCli(['init', 'reg', '--from', 'lista.csv', '--map', 'm.yaml', '--lang', 'en'], parent);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('1 row imported (1 file), 0 skipped, 0 failed');
    expect(read(parent, 'reg/register/applications/ekonomi.yaml')).toContain('kind: Application\n');
  });

  it.each([
    ['a kind there is not', 'kind: aplication\nid: { from: System }\ncolumns: { System: name }\n', 'itreg: m.yaml:1:7: "kind" must be one of'],
    ['a column the sheet lacks', 'kind: application\nid: { from: System }\ncolumns: { Sytem: name }\n', 'itreg: the mapping names the column "Sytem"'],
    ['a field the kind lacks', 'kind: application\nid: { from: System }\ncolumns: { System: nmae }\n', 'itreg: the mapping names the field "nmae"'],
  ])('%s: exit 2 and nothing written, no folder, no git repository, no hook', (_name, mapping, stderr) => {
    const parent = temporaryFolder();
    writeFiles(parent, { 'lista.csv': sheet, 'm.yaml': mapping });
    const result = runCli(['init', 'reg', '--from', 'lista.csv', '--map', 'm.yaml', '--lang', 'en'], parent);
    expect(result.stderr).toContain(stderr);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(existsSync(join(parent, 'reg'))).toBe(false);
    expect(readdirSync(parent).sort()).toEqual(['lista.csv', 'm.yaml']);
  });
});
