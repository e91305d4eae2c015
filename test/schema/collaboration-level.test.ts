// collaborationLevel is bounded by the levels itreg.yaml names: above them is a `schema` finding at the value, whichever
// parser read the file, with --cache (which keeps parses, never schema results) and with --changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, git, registerFrom, repositoryFrom, runCli, writeFiles } from '../helpers.js';

const diariumFile = 'register/applications/diarium.yaml';
const diarium = readFileSync(join(__dirname, '../fixtures/clean', diariumFile), 'utf8');
const withLevel = (level: string, text = diarium) => text.replace('collaborationLevel: 1', `collaborationLevel: ${level}`);
/** A tag: the plain-YAML fast path gives the file up to the yaml package. */
const viaYamlPackage = (text: string) => text.replace('name: Diariesystem', 'name: !!str Diariesystem');
const threeLevels = 'collaborationLevels: [Erfarenhetsutbyte, Samordnad kompetens, Gemensam upphandling]';
const twoLevels = 'collaborationLevels: [Erfarenhetsutbyte, Samordnad kompetens]';

interface JsonFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}
const lintJson = (folder: string, ...args: string[]) => {
  const result = runCli(['lint', '--format', 'json', '--date', '2026-06-01', ...args], folder);
  return { ...result, findings: (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings };
};
const schemaFindings = (list: readonly JsonFinding[]) => list.filter((f) => f.ruleId === 'schema').map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);

describe('collaborationLevel against itreg.yaml collaborationLevels', () => {
  it.each([
    ['the highest level named', '2', []],
    ['one above it', '3', ['6:21 "collaborationLevel" is 3, but itreg.yaml has only 2 collaboration levels in `collaborationLevels`: give at most 2 (1 = Erfarenhetsutbyte, 2 = Samordnad kompetens)']],
    ['far above it', '17', ['6:21 "collaborationLevel" is 17, but itreg.yaml has only 2 collaboration levels']],
    ["zero (the schema's minimum)", '0', ['6:21 "collaborationLevel" must be at least 1']],
    ['negative', '-2', ['6:21 "collaborationLevel" must be at least 1']],
  ])('%s: %s', (_name, level, expected) => {
    for (const text of [withLevel(level), viaYamlPackage(withLevel(level))]) {
      const folder = registerFrom('clean', { [diariumFile]: text });
      const found = findings(folder, 'schema').map((f) => `${f.line}:${f.column} ${f.message}`);
      // The alias moves nothing above collaborationLevel but adds a line.
      const shift = text.includes('&name') ? 1 : 0;
      expect(found).toHaveLength(expected.length);
      expected.forEach((prefix, i) => {
        const [at, ...words] = prefix.split(' ');
        const [line, column] = at!.split(':').map(Number);
        expect(found[i]).toContain(`${line! + shift}:${column} ${words.join(' ')}`);
      });
    }
  });

  it('says it in Swedish, with one level in the singular', () => {
    const folder = registerFrom('clean', { [diariumFile]: withLevel('2'), 'itreg.yaml': 'name: T\nregister: register\ncollaborationLevels: [Erfarenhetsutbyte]\n' });
    expect(findings(folder, 'schema', { language: 'sv' }).map((f) => f.message)).toEqual([
      '"collaborationLevel" är 2, men itreg.yaml har bara 1 samverkansnivå i `collaborationLevels`: ange högst 1 (1 = Erfarenhetsutbyte)',
    ]);
  });

  it('is not bounded when itreg.yaml names no levels (nothing to name them by)', () => {
    const folder = registerFrom('clean', { [diariumFile]: withLevel('4'), 'itreg.yaml': 'name: T\nregister: register\n' });
    expect(findings(folder, 'schema')).toEqual([]);
  });

  it('keeps the application out of the policy rules until fixed, like any schema error, and exits 1', () => {
    const folder = registerFrom('clean', { [diariumFile]: withLevel('3') });
    const result = lintJson(folder);
    expect(result.status).toBe(1);
    expect(result.findings.filter((f) => f.file === diariumFile).map((f) => f.ruleId)).toEqual(['schema']);
  });

  it('with --cache, follows a change of the levels in itreg.yaml although the file itself is unchanged', () => {
    const folder = registerFrom('clean', {
      [diariumFile]: viaYamlPackage(withLevel('3')),
      'itreg.yaml': readFileSync(join(__dirname, '../fixtures/clean/itreg.yaml'), 'utf8').replace(twoLevels, threeLevels),
    });
    const first = lintJson(folder, '--cache', '--debug');
    expect(first.stderr).toMatch(/: 0 unchanged, 1 parsed,/);
    expect(schemaFindings(first.findings)).toEqual([]);
    writeFiles(folder, { 'itreg.yaml': readFileSync(join(__dirname, '../fixtures/clean/itreg.yaml'), 'utf8') });
    const second = lintJson(folder, '--cache', '--debug');
    expect(second.stderr).toMatch(/: 1 unchanged, 0 parsed,/); // the parse came from the cache, the judgement did not
    expect(schemaFindings(second.findings)).toEqual([
      `${diariumFile}:6:21 "collaborationLevel" is 3, but itreg.yaml has only 2 collaboration levels in \`collaborationLevels\`: give at most 2 (1 = Erfarenhetsutbyte, 2 = Samordnad kompetens)`,
    ]);
  });

  it('with --changed, reports a level raised above the configured ones in the changed file', () => {
    const repo = repositoryFrom('clean');
    writeFiles(repo, { [diariumFile]: withLevel('3') });
    const changed = lintJson(repo, '--changed', '--base', 'HEAD');
    expect(schemaFindings(changed.findings)).toEqual([expect.stringMatching(/^register\/applications\/diarium\.yaml:6:21 "collaborationLevel" is 3/)]);
    git(repo, 'commit', '--quiet', '-am', 'level 3');
    // Committed and unchanged since the base: not this change's finding.
    expect(schemaFindings(lintJson(repo, '--changed', '--base', 'HEAD').findings)).toEqual([]);
  });

  it('refuses `itreg new --set collaborationLevel` above the levels, and an import row likewise', () => {
    const folder = registerFrom('clean');
    const result = runCli(['new', 'Application', 'gis', '--set', 'name=GIS', '--set', 'type=general', '--set', 'municipalities=[amal, mellerud]', '--set', 'collaborationLevel=3'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('"collaborationLevel" is 3, but itreg.yaml has only 2 collaboration levels');
    writeFiles(folder, {
      'apps.csv': 'System;Typ;Kommuner;Nivå\nGIS;general;amal, mellerud;3\n',
      'map.yaml': 'kind: Application\ncolumns: { System: name, Typ: type, Kommuner: municipalities, Nivå: collaborationLevel }\n',
    });
    const imported = runCli(['import', 'apps.csv', '--map', 'map.yaml'], folder);
    expect(imported.stdout + imported.stderr).toContain('"collaborationLevel" is 3, but itreg.yaml has only 2');
  });
});
