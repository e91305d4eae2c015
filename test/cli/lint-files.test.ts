// Which files itreg lint reads and reports on: .yml files, ignore: globs, paths outside the register; and why
// --max-warnings failed a run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, registerFrom, runCli } from '../helpers.js';

const config = readFileSync(join(fixtures, 'clean/itreg.yaml'), 'utf8');
const lintJson = (folder: string, ...args: string[]) => {
  const result = runCli(['lint', '--date', '2026-06-01', '--format', 'json', ...args], folder);
  return { ...result, json: JSON.parse(result.stdout || '{"findings":[],"summary":{}}') as { findings: Array<{ ruleId: string; file: string; message: string }>; summary: { files: number } } };
};

describe('--max-warnings', () => {
  // A file not named after its id is one warning.
  const folder = registerFrom('clean', { 'register/units/enhet.yaml': 'kind: Unit\nid: annat-id\nname: Enhet\ntype: department\nmunicipality: amal\n' });

  it.each([
    ['en', 'too many warnings (1, max 0)'],
    ['sv', 'för många varningar (1, högst 0)'],
  ])('says why it fails (%s)', (lang, line) => {
    const result = runCli(['lint', '--date', '2026-06-01', '--max-warnings', '0', '--lang', lang], folder);
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n').at(-1)).toBe(line);
  });

  it('says nothing of the kind within the limit', () => {
    const result = runCli(['lint', '--date', '2026-06-01', '--max-warnings', '1', '--lang', 'en'], folder);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('too many');
  });
});

describe('register files', () => {
  it('reads .yml files like .yaml, and <id>.yml matches its id', () => {
    const folder = registerFrom('clean', {
      'register/units/ekonomi.yml': 'kind: Unit\nid: ekonomi\nname: Ekonomi\ntype: department\nmunicipality: amal\n',
      'register/units/fel-namn.yml': 'kind: Unit\nid: hr\nname: HR\ntype: departement\n',
    });
    const { json } = lintJson(folder);
    expect(json.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(['id-matches-filename register/units/fel-namn.yml', 'schema register/units/fel-namn.yml']);
    expect(json.findings[0]!.message).toContain('hr.yml');
  });

  it('does not read what ignore: names (globs relative to the register folder)', () => {
    const broken = 'kind: Unit\nid: x\nname: [\n';
    const folder = registerFrom('clean', {
      'itreg.yaml': `${config}\nignore:\n  - utkast/**\n  - "*.draft.yaml"\n`,
      'register/utkast/a/b.yaml': broken,
      'register/units/ny.draft.yaml': broken,
      'register/units/ny.yaml': 'kind: Unit\nid: ny\nname: Ny\ntype: nope\n',
    });
    const all = lintJson(registerFrom('clean'));
    const { status, json } = lintJson(folder);
    expect(status).toBe(1);
    expect(json.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(['schema register/units/ny.yaml']);
    expect(json.summary.files).toBe(all.json.summary.files + 1);
  });

  it('refuses an ignore: that is not a list of globs, at its line', () => {
    const result = runCli(['lint', '--lang', 'en'], registerFrom('clean', { 'itreg.yaml': `${config}\nignore: utkast\n` }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^itreg: itreg\.yaml:\d+:\d+: /);
  });
});

describe('lint paths', () => {
  const folder = registerFrom('clean', { 'README.md': '# Registret\n', 'notes.yaml': 'a: 1\n' });

  it.each([['README.md'], ['notes.yaml'], ['..'], ['register/../README.md']])('exits 2 for %s, outside the register', (path) => {
    const result = runCli(['lint', path, '--lang', 'en'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/is outside the register \(register\) and itreg\.yaml/);
  });

  it.each([['.'], ['itreg.yaml'], ['register'], ['register/units'], ['register/units/it-amal.yaml']])('lints %s', (path) => {
    expect(runCli(['lint', path, '--date', '2026-06-01'], folder).status).toBe(0);
  });
});
