// Format 1.2's fields for the law (DESIGN.md "Classification, continuity, hosting", "Records of processing",
// "Suppliers"): bad values are findings at the value, references to the new kinds are checked, `itreg new` knows them.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, projectRoot, registerFrom, runCli } from '../helpers.js';

const diariumFile = 'register/applications/diarium.yaml';
const fixtureDiarium = readFileSync(join(__dirname, '../fixtures/clean', diariumFile), 'utf8');
/** The fixture's application without its classification (its last line), so a test can write its own. */
const diarium = fixtureDiarium.replace(/^classification:.*\n/m, '');
const withApp = (extra: string) => ({ [diariumFile]: diarium + extra });
const at = (folder: string, rule: string, language: 'en' | 'sv' = 'en') => findings(folder, rule, { language }).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);

const supplier = { 'register/suppliers/vastdata.yaml': 'kind: Supplier\nid: vastdata\nname: Ärendesystem Väst AB\norgNumber: 556000-0001\ncountry: SE\ncontact: support@example.org\n' };
const processing = (fields: string) => ({
  'register/processing/diarieforing.yaml': `kind: Processing\nid: diarieforing\nname: Diarieföring\npurpose: Registrera allmänna handlingar\nlegalBasis: [legal-obligation]\ndataSubjects: [medborgare]\ndataCategories: [kontaktuppgifter]\nretention: Enligt dokumenthanteringsplanen\n${fields}`,
});

describe('classification levels', () => {
  it.each([
    ["levels 0..4 are KLASSA's scale", 'classification: { confidentiality: 0, integrity: 4, availability: 2 }\n', []],
    ['a level above 4', 'classification: { confidentiality: 5, integrity: 1, availability: 1 }\n', ['register/applications/diarium.yaml:15:36 "classification.confidentiality" must be at most 4']],
    ['a negative level', 'classification: { confidentiality: 1, integrity: -1, availability: 1 }\n', ['register/applications/diarium.yaml:15:50 "classification.integrity" must be at least 0']],
    [
      'a level that is no whole number',
      'classification: { confidentiality: 1, integrity: 1, availability: 2.5 }\n',
      ['register/applications/diarium.yaml:15:67 "classification.availability" must be a whole number'],
    ],
  ])('%s', (_name, extra, expected) => {
    expect(at(registerFrom('clean', withApp(extra)), 'schema')).toEqual(expected);
  });

  it('is bounded by the levels itreg.yaml names, in both languages', () => {
    const config = 'name: T\nregister: register\ncollaborationLevels: [Erfarenhetsutbyte, Samordnad kompetens]\nclassificationLevels: [Låg, Mellan, Hög]\n';
    const folder = registerFrom('clean', { ...withApp('classification: { confidentiality: 3, integrity: 2, availability: 1 }\n'), 'itreg.yaml': config });
    expect(at(folder, 'schema')).toEqual([
      'register/applications/diarium.yaml:15:36 "classification.confidentiality" is 3, but itreg.yaml names levels only up to 2 in `classificationLevels`: give at most 2 (0 = Låg, 1 = Mellan, 2 = Hög)',
    ]);
    expect(at(folder, 'schema', 'sv')).toEqual([
      'register/applications/diarium.yaml:15:36 "classification.confidentiality" är 3, men itreg.yaml namnger nivåer bara till och med 2 i `classificationLevels`: ange högst 2 (0 = Låg, 1 = Mellan, 2 = Hög)',
    ]);
  });

  it('refuses more than five level names in itreg.yaml (exit 2, one line)', () => {
    const folder = registerFrom('clean', { 'itreg.yaml': 'name: T\nregister: register\nclassificationLevels: [a, b, c, d, e, f]\n' });
    const result = runCli(['lint', '--lang', 'en'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/itreg\.yaml:3:/);
  });
});

describe('country codes', () => {
  it.each([
    ['a code of ISO 3166-1', 'hosting: { country: IE, provider: Molnbolaget }\n', []],
    [
      'an unknown code',
      'hosting: { country: XX }\n',
      ['register/applications/diarium.yaml:15:21 "hosting.country" is "XX", which is not a country code of ISO 3166-1 alpha-2: write two capital letters, e.g. SE, NO, IE or US'],
    ],
    [
      'lower case',
      'hosting: { country: se }\n',
      ['register/applications/diarium.yaml:15:21 "hosting.country" is "se", which is not a country code of ISO 3166-1 alpha-2 (did you mean "SE"?): write two capital letters, e.g. SE, NO, IE or US'],
    ],
    [
      "the EU's own code for Greece, not ISO's",
      'hosting: { country: EL }\n',
      ['register/applications/diarium.yaml:15:21 "hosting.country" is "EL", which is not a country code of ISO 3166-1 alpha-2 (did you mean "GR"?): write two capital letters, e.g. SE, NO, IE or US'],
    ],
  ])('%s', (_name, extra, expected) => {
    expect(at(registerFrom('clean', withApp(extra)), 'schema')).toEqual(expected);
  });

  it.each([
    ['UK', 'GB'],
    ['EL', 'GR'],
    ['USA', 'US'],
    ['ie', 'IE'],
  ])('names the ISO code meant by %s (%s) and offers it as the fix', (written, meant) => {
    const folder = registerFrom('clean', withApp(`hosting: { country: ${written} }\n`));
    expect(at(folder, 'schema', 'sv')).toEqual([
      `register/applications/diarium.yaml:15:21 "hosting.country" är "${written}", som inte är en landskod enligt ISO 3166-1 alpha-2 (menade du "${meant}"?): skriv två versaler, t.ex. SE, NO, IE eller US`,
    ]);
  });

  it('is checked in a sub-processor, a transfer and a supplier too, in Swedish', () => {
    const folder = registerFrom('clean', {
      'register/agreements/diarium-pub.yaml':
        'kind: Agreement\nid: diarium-pub\nname: PUB\ntype: data-processing\napplication: diarium\nstart: 2024-01-01\nsubProcessors:\n  - { name: Molnbolaget, country: UK }\n',
      ...processing('controller: kansli-amal\napplications: [diarium]\ntransfers: [{ country: USA, safeguard: scc }]\n'),
      'register/suppliers/vastdata.yaml': 'kind: Supplier\nid: vastdata\nname: Väst\ncountry: Sverige\n',
    });
    expect(at(folder, 'schema', 'sv')).toEqual([
      'register/agreements/diarium-pub.yaml:8:35 "subProcessors[0].country" är "UK", som inte är en landskod enligt ISO 3166-1 alpha-2 (menade du "GB"?): skriv två versaler, t.ex. SE, NO, IE eller US',
      'register/processing/diarieforing.yaml:11:24 "transfers[0].country" är "USA", som inte är en landskod enligt ISO 3166-1 alpha-2 (menade du "US"?): skriv två versaler, t.ex. SE, NO, IE eller US',
      'register/suppliers/vastdata.yaml:4:10 "country" är "Sverige", som inte är en landskod enligt ISO 3166-1 alpha-2: skriv två versaler, t.ex. SE, NO, IE eller US',
    ]);
  });
});

describe('references to and from the new kinds', () => {
  it('resolves a supplier by id in vendor.supplier, parties and a sub-processor', () => {
    const folder = registerFrom('clean', {
      ...supplier,
      [diariumFile]: fixtureDiarium.replace('  product: Dokumentor\n', '  product: Dokumentor\n  supplier: vastdata\n'),
      'register/agreements/diarium-pub.yaml':
        'kind: Agreement\nid: diarium-pub\nname: PUB\ntype: data-processing\napplication: diarium\nparties: [kansli-amal, vastdata]\nstart: 2024-01-01\nsubProcessors:\n  - { name: Väst Drift, supplier: vastdata, country: SE }\n',
      ...processing('controller: kansli-amal\napplications: [diarium]\n'),
    });
    expect(findings(folder)).toEqual([]);
  });

  it.each([
    [
      'an unknown supplier in vendor.supplier',
      { [diariumFile]: diarium.replace('  product: Dokumentor\n', '  product: Dokumentor\n  supplier: vastdta\n'), ...supplier },
      ['register/applications/diarium.yaml:11:13 "vendor.supplier" refers to "vastdta", which does not exist (did you mean "vastdata"?)'],
    ],
    [
      'a unit in vendor.supplier',
      { [diariumFile]: diarium.replace('  product: Dokumentor\n', '  product: Dokumentor\n  supplier: it-amal\n') },
      ['register/applications/diarium.yaml:11:13 "vendor.supplier" refers to "it-amal", which is Unit, not Supplier'],
    ],
    [
      'an unknown id among the parties',
      { 'register/agreements/diarium-pub.yaml': 'kind: Agreement\nid: diarium-pub\nname: PUB\ntype: other\napplication: diarium\nparties: [kansli-amal, vastdat]\nstart: 2024-01-01\n', ...supplier },
      ['register/agreements/diarium-pub.yaml:6:24 "parties[1]" refers to "vastdat", which does not exist (did you mean "vastdata"?)'],
    ],
    [
      'an application among the parties',
      { 'register/agreements/diarium-pub.yaml': 'kind: Agreement\nid: diarium-pub\nname: PUB\ntype: other\napplication: diarium\nparties: [diarium]\nstart: 2024-01-01\n' },
      ['register/agreements/diarium-pub.yaml:6:11 "parties[0]" refers to "diarium", which is Application, not Unit or Supplier'],
    ],
    [
      'an unknown sub-processor supplier',
      {
        'register/agreements/diarium-pub.yaml':
          'kind: Agreement\nid: diarium-pub\nname: PUB\ntype: data-processing\napplication: diarium\nstart: 2024-01-01\nsubProcessors:\n  - name: Väst Drift\n    supplier: ingen\n    country: SE\n',
      },
      ['register/agreements/diarium-pub.yaml:9:15 "subProcessors[0].supplier" refers to "ingen", which does not exist'],
    ],
    [
      'a processing whose controller is an application',
      processing('controller: diarium\napplications: [diarium]\n'),
      ['register/processing/diarieforing.yaml:9:13 "controller" refers to "diarium", which is Application, not Unit'],
    ],
    [
      'a processing of an unknown application',
      processing('controller: kansli-amal\napplications: [diarum]\n'),
      ['register/processing/diarieforing.yaml:10:16 "applications[0]" refers to "diarum", which does not exist (did you mean "diarium"?)'],
    ],
    [
      'a continuity plan that names no document',
      withApp('continuity: { plan: kontinuitetsplan-diarium }\n'),
      ['register/applications/diarium.yaml:15:21 "continuity.plan" refers to "kontinuitetsplan-diarium", which does not exist'],
    ],
  ])('%s', (_name, changes, expected) => {
    expect(at(registerFrom('clean', changes), 'reference')).toEqual(expected);
  });

  it('takes a continuity plan that is an address or a path as it is', () => {
    expect(at(registerFrom('clean', withApp('continuity: { plan: "https://intranat.example/kontinuitet/diarium", restoreTested: 2026-03-01, rto: 24 }\n')), 'reference')).toEqual([]);
    expect(at(registerFrom('clean', withApp('continuity: { plan: docs/diarium/kontinuitet.md }\n')), 'reference')).toEqual([]);
  });
});

describe('itreg new', () => {
  it.each([
    ['processing', 'register/processing/diarieforing.yaml', ['kind: Processing', 'controller:', 'legalBasis: []', 'retention:']],
    ['supplier', 'register/suppliers/vastdata.yaml', ['kind: Supplier', 'name:']],
  ])('writes a %s into its folder with the schema line', (kind, file, expected) => {
    const folder = registerFrom('clean');
    // The register's own copy of the schemas, as itreg init writes it: the line points there.
    cpSync(join(projectRoot, 'schema'), join(folder, 'schema'), { recursive: true });
    const id = file.split('/').pop()!.replace('.yaml', '');
    const result = runCli(['new', kind, id, '--lang', 'en'], folder);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(folder, file))).toBe(true);
    const text = readFileSync(join(folder, file), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/(processing|supplier)\.schema\.json\n/);
    for (const line of expected) expect(text).toContain(line);
  });
});

describe('itreg import', () => {
  it('imports suppliers, refusing an unknown country by its row', () => {
    const folder = registerFrom('clean', {
      'leverantorer.yaml': 'kind: Supplier\ncolumns:\n  Namn: name\n  Orgnr: orgNumber\n  Land: country\n',
      'leverantorer.csv': 'Namn,Orgnr,Land\nVästdata AB,556000-0001,SE\nMolnbolaget Inc,123,US\nFel AB,1,XX\n',
    });
    const result = runCli(['import', 'leverantorer.csv', '--map', 'leverantorer.yaml', '--lang', 'en'], folder);
    expect(result.stdout).toContain('row 4  error    Land → country: "country" is "XX", which is not a country code of ISO 3166-1 alpha-2');
    expect(result.stdout).toContain('2 rows imported (2 files), 0 skipped, 1 failed');
    expect(readFileSync(join(folder, 'register/suppliers/molnbolaget-inc.yaml'), 'utf8')).toContain('kind: Supplier\nid: molnbolaget-inc\nname: Molnbolaget Inc\norgNumber: "123"\ncountry: US\n');
  });

  it("imports an application's classification, critical (ja/nej as a spreadsheet writes it) and hosting", () => {
    const folder = registerFrom('clean', {
      'system.yaml':
        'kind: Application\ncolumns:\n  Namn: name\n  Typ: type\n  Kommuner: municipalities\n  K: classification.confidentiality\n  R: classification.integrity\n  T: classification.availability\n  Samhällsviktig: critical\n  Land: hosting.country\n',
      'system.csv': 'Namn,Typ,Kommuner,K,R,T,Samhällsviktig,Land\nLönesystem,business,amal,3,3,4,Ja,SE\n',
    });
    const result = runCli(['import', 'system.csv', '--map', 'system.yaml', '--lang', 'en'], folder);
    expect(result.stdout).toContain('1 row imported (1 file), 0 skipped, 0 failed');
    expect(readFileSync(join(folder, 'register/applications/lonesystem.yaml'), 'utf8')).toContain(
      'classification:\n  confidentiality: 3\n  integrity: 3\n  availability: 4\ncritical: true\nhosting:\n  country: SE\n',
    );
  });
});
