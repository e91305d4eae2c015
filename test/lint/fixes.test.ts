// The pure fix engine: each fix's edits on real register files, the rest of the text kept byte for byte.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, fixesOfFile, planFixes, type FixContext } from '../../src/lint/fixes.js';
import { readConfig } from '../../src/register/config.js';
import { loadRegister } from '../../src/register/load.js';
import { parseSource } from '../../src/register/source.js';
import { runRules } from '../../src/lint/run-rules.js';
import { rules } from '../../src/rules/index.js';
import { repairMojibake } from '../../src/util/mojibake.js';
import { unifiedHunks } from '../../src/util/unified-diff.js';
import { registerFrom } from '../helpers.js';

const schemaLine: FixContext['schemaLine'] = (kind) => `# yaml-language-server: $schema=../../schema/${kind.toLowerCase()}.schema.json\n`;

/** An application file with comments, quoting and flow lists of every kind, and damaged text in three strings. */
const damaged = [
  '# yaml-language-server: $schema=../../schema/application.schema.json',
  '# Diariet: "kommentar" med \'citat\' och   luft  ',
  'kind: Application',
  'id: diarium',
  "name: 'Diariesystem för kommunerna'   # enkla citattecken",
  'description: "Ärenden frÃ¥n nämnderna, Ã¶ver tid"',
  'type: business',
  'municipalities: [amal,  mellerud]',
  'collaborationLevel: 1',
  'operatedBy: it-amal',
  'vendor: { name: "Ärendesystem Väst AB", product: Dokumentor }',
  'documentation:',
  '  routines: docs/diarium/rutiner.md',
  '  operations: docs/diarium/drift.md',
  'notes: |',
  '  RÃ¤tt text',
  '    med indrag',
  'personalData: none',
  '',
].join('\n');

function lintFolder(folder: string) {
  const config = readConfig(join(folder, 'itreg.yaml'), 'en');
  const loaded = loadRegister(config);
  return { loaded, result: runRules(loaded, rules, { date: '2026-06-01' }) };
}

describe('repairMojibake', () => {
  it.each([
    ['frÃ¥n', 'från'],
    ['Ã¤ Ã¶ Ã… Ã„ Ã–', 'ä ö Å Ä Ö'],
    ['â€“ â€™ â€¦', '– ’ …'],
    ['ÃƒÂ¥r', 'år'], // damaged twice
    ['Åmål och Ärende', 'Åmål och Ärende'], // sound text stays
    ['p¬ ett likartat sªtt', 'p¬ ett likartat sªtt'], // Mac Roman: not known for sure
    ['Â', 'Â'],
  ])('%s → %s', (text, repaired) => {
    expect(repairMojibake(text)).toBe(repaired);
    expect(repairMojibake(repaired)).toBe(repaired);
  });
});

describe('fixes', () => {
  it('text-encoding: repairs each damaged string in place; every other byte stays', () => {
    const folder = registerFrom('clean', { 'register/applications/diarium.yaml': damaged });
    const { loaded, result } = lintFolder(folder);
    const plan = planFixes(loaded, result.findings, schemaLine).find((p) => p.path === 'register/applications/diarium.yaml')!;
    expect(plan.fixes.map((fix) => fix.kind)).toEqual(['text-encoding', 'text-encoding']);
    expect(plan.after).toBe(damaged.replace('frÃ¥n', 'från').replace('Ã¶ver', 'över').replace('RÃ¤tt', 'Rätt'));
    expect(unifiedHunks(plan.before, plan.after)).toBe(
      [
        '@@ -3,7 +3,7 @@',
        ' kind: Application',
        ' id: diarium',
        " name: 'Diariesystem för kommunerna'   # enkla citattecken",
        '-description: "Ärenden frÃ¥n nämnderna, Ã¶ver tid"',
        '+description: "Ärenden från nämnderna, över tid"',
        ' type: business',
        ' municipalities: [amal,  mellerud]',
        ' collaborationLevel: 1',
        '@@ -13,6 +13,6 @@',
        '   routines: docs/diarium/rutiner.md',
        '   operations: docs/diarium/drift.md',
        ' notes: |',
        '-  RÃ¤tt text',
        '+  Rätt text',
        '     med indrag',
        ' personalData: none',
        '',
      ].join('\n'),
    );
  });

  it('a key with damaged text is repaired as a key', () => {
    const text = 'kind: Municipality\nid: amal\nname: Åmål\nnoteÃ¥: x\n';
    const source = parseSource('register/municipalities/amal.yaml', text);
    const fixes = fixesOfFile(
      { source, kind: 'Municipality', id: 'amal' },
      [{ ruleId: 'text-encoding', severity: 'warning', message: '', file: source.path, line: 4, column: 5, messageId: 'mojibake' }],
      { isTaken: () => false, schemaLine },
    );
    expect(
      applyEdits(
        text,
        fixes.flatMap((fix) => fix.edits),
      ),
    ).toBe(`${schemaLine('Municipality', '')}kind: Municipality\nid: amal\nname: Åmål\nnoteå: x\n`);
  });

  it('id-matches-filename: renamed to <id>.yaml where the name is free, never onto another file', () => {
    const folder = registerFrom('clean', {
      'register/municipalities/amal.yaml': null,
      'register/municipalities/aamal.yaml': '# Åmål\nkind: Municipality\nid: amal\nname: Åmåls kommun\npopulation: {"2025": 12000}\n',
      'register/units/old-name.yml': 'kind: Unit\nid: it-amal\nname: IT Åmål\nmunicipality: amal\n',
    });
    const { loaded, result } = lintFolder(folder);
    const plans = planFixes(loaded, result.findings, schemaLine);
    const renames = plans.filter((plan) => plan.renameTo !== undefined).map((plan) => [plan.path, plan.renameTo]);
    // it-amal.yaml exists in the fixture: old-name.yml keeps its name (it-amal.yml beside it would be one name twice).
    expect(renames).toEqual([['register/municipalities/aamal.yaml', 'register/municipalities/amal.yaml']]);
  });

  it('schema line: added on top of an entity file without one, in its line ends; never twice', () => {
    const text = '# Åmål\r\nkind: Municipality\r\nid: amal\r\nname: "Åmåls kommun"\r\n';
    const source = parseSource('register/municipalities/amal.yaml', text);
    const context = { isTaken: () => false, schemaLine };
    const fixes = fixesOfFile({ source, kind: 'Municipality', id: 'amal' }, [], context);
    expect(fixes.map((fix) => fix.kind)).toEqual(['schema-line']);
    const after = applyEdits(text, fixes[0]!.edits);
    expect(after).toBe(`# yaml-language-server: $schema=../../schema/municipality.schema.json\r\n${text}`);
    expect(fixesOfFile({ source: parseSource(source.path, after), kind: 'Municipality', id: 'amal' }, [], context)).toEqual([]);
  });

  it('a register fixed once has nothing left to fix', () => {
    const folder = registerFrom('clean', { 'register/applications/diarium.yaml': damaged.split('\n').slice(1).join('\n') });
    const { loaded, result } = lintFolder(folder);
    const plans = planFixes(loaded, result.findings, schemaLine);
    expect(plans.length).toBeGreaterThan(5); // every file of the fixture lacks the schema line
    const files = loaded.files.map((file) => parseSource(file.path, plans.find((plan) => plan.path === file.path)?.after ?? file.text));
    const again = { ...loaded, files, records: loaded.records.map((record) => ({ ...record, source: files.find((file) => file.path === record.source.path)! })) };
    expect(planFixes(again, runRules(again, rules, { date: '2026-06-01' }).findings, schemaLine)).toEqual([]);
  });
});
