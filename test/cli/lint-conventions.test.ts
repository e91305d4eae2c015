// The conventions users of ESLint expect of itreg lint (DESIGN "The policy in the editor, and fixes"), through the real CLI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { bin, projectRoot, registerFrom, runCli } from '../helpers.js';

/** The CLI with exactly this environment's colour variables (none of the test runner's own). */
function runWithColourEnv(args: readonly string[], cwd: string, env: Record<string, string>, tty = false): string {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['NO_COLOR', 'FORCE_COLOR', 'TERM', 'CI'].includes(name)));
  const command = [process.execPath, bin, ...args].map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');
  // script(1) gives the command a terminal, so that colour is a question of the environment alone.
  const result = tty
    ? spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...base, ...env } })
    : spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...base, ...env } });
  return result.stdout;
}

const ESC = /\u001b\[/;

describe('colour', () => {
  const folder = registerFrom('clean', { 'register/roles/diarium-owner.yaml': null });
  const lint = ['lint', '--date', '2026-06-01'];

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['NO_COLOR=false (any value but empty)', { NO_COLOR: 'false' }],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }],
    ['FORCE_COLOR=false', { FORCE_COLOR: 'false' }],
    ['TERM=dumb', { TERM: 'dumb' }],
  ])('off on a terminal with %s', (_name, env) => {
    expect(runWithColourEnv(lint, folder, env, true)).not.toMatch(ESC);
  });

  it('on on a terminal, and with FORCE_COLOR=1 in a pipe, as chalk does', () => {
    expect(runWithColourEnv(lint, folder, { TERM: 'xterm' }, true)).toMatch(ESC);
    expect(runWithColourEnv(lint, folder, {})).not.toMatch(ESC);
    expect(runWithColourEnv(lint, folder, { FORCE_COLOR: '1' })).toMatch(ESC);
    expect(runWithColourEnv(lint, folder, { FORCE_COLOR: '1', TERM: 'dumb' })).toMatch(ESC);
  });
});

describe('SARIF rules', () => {
  it("carry helpUri to the rule's section of docs/rules.md, which has an anchor for every rule", () => {
    const folder = registerFrom('clean');
    const sarif = JSON.parse(runCli(['lint', '--date', '2026-06-01', '--format', 'sarif'], folder).stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string }> } } }>;
    };
    const sarifRules = sarif.runs[0]!.tool.driver.rules;
    expect(sarifRules.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    const { repository } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { repository: { url: string } };
    const web = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    const docs = readFileSync(join(projectRoot, 'docs/rules.md'), 'utf8');
    for (const rule of sarifRules) {
      expect(rule.helpUri).toBe(`${web}/blob/main/docs/rules.md#${rule.id}`);
      expect(docs).toContain(`<a id="${rule.id}"></a>`);
    }
  });

  it('itreg rules names the same address', () => {
    expect(runCli(['rules', 'text-encoding', '--lang', 'en']).stdout).toMatch(/Documentation: https:\/\/\S+\/docs\/rules\.md#text-encoding\n/);
  });
});

describe('single-value options', () => {
  it.each([
    [['--format', 'json', '--format', 'sarif'], '--format'],
    [['-f', 'json', '--format=json'], '--format'],
    [['--max-warnings', '0', '--max-warnings', '5'], '--max-warnings'],
    [['--date', '2026-06-01', '--date', '2026-07-01'], '--date'],
  ])('%j given twice: exit 2 with one line', (args, option) => {
    const result = runCli(['lint', '--lang', 'en', ...args], registerFrom('clean'));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`itreg: ${option} is given more than once: give it once\n`);
  });

  it('repeatable options stay repeatable', () => {
    expect(runCli(['lint', '--date', '2026-06-01', '--rule', 'documentation=off', '--rule', 'text-encoding=off'], registerFrom('clean')).status).toBe(0);
  });
});

describe('--quiet with --max-warnings', () => {
  // The clean fixture with two warnings (documentation) and no error.
  const folder = registerFrom('clean', {
    'register/applications/diarium.yaml': readFileSync(join(projectRoot, 'test/fixtures/clean/register/applications/diarium.yaml'), 'utf8').replace(/documentation:\n(  .*\n)+/, ''),
  });

  it('reports errors only, but --max-warnings still counts the warnings (exit 1, as ESLint)', () => {
    const result = runCli(['lint', '--date', '2026-06-01', '--lang', 'en', '--quiet', '--max-warnings', '0'], folder);
    expect(result.stdout).not.toMatch(/documentation/);
    expect(result.stdout).toMatch(/too many warnings \(2, max 0\)/);
    expect(result.status).toBe(1);
    expect(runCli(['lint', '--date', '2026-06-01', '--quiet', '--max-warnings', '2'], folder).status).toBe(0);
    expect(runCli(['lint', '--date', '2026-06-01', '--quiet'], folder).status).toBe(0);
  });
});

describe('--print-config', () => {
  it('prints the configuration in force as JSON: every rule with severity and options, defaults and --rule applied', () => {
    const folder = registerFrom('clean', { 'itreg.yaml': 'name: X\nregister: register\nlanguage: en\nrules:\n  documentation: "off"\n  agreement-expiry: [warning, { warnMonths: 9 }]\n' });
    const result = runCli(['lint', '--print-config', '--rule', 'text-encoding=error'], folder);
    expect(result.status).toBe(0);
    const config = JSON.parse(result.stdout) as { rules: Record<string, unknown>; language: string; currency: string; ignore: string[] };
    expect(Object.keys(config.rules)).toEqual(rules.map((rule) => rule.id));
    expect(config.rules['documentation']).toBe('off');
    expect(config.rules['text-encoding']).toBe('error');
    expect(config.rules['application-has-owner']).toBe('error');
    expect(config.rules['agreement-expiry']).toEqual(['warning', { warnMonths: 9 }]);
    expect(config.rules['document-review']).toEqual(['error', { warnMonths: 6 }]);
    expect(config).toMatchObject({ name: 'X', language: 'en', currency: 'SEK', ignore: [], timeZone: 'Europe/Stockholm' });
  });

  it('is valid as itreg.yaml: the printed configuration passes its schema', async () => {
    const { validateConfig } = await import('../../src/schema/validate.js');
    const printed = JSON.parse(runCli(['lint', '--print-config'], registerFrom('clean')).stdout) as unknown;
    expect(validateConfig(printed)).toEqual([]);
  });
});

describe('--stdin --stdin-filename', () => {
  it('lints standard input as that register file, in the context of the rest of the register', () => {
    const folder = registerFrom('clean');
    const text = readFileSync(join(folder, 'register/roles/diarium-owner.yaml'), 'utf8').replace('application: diarium', 'application: diariet');
    const result = spawnSync(process.execPath, [bin, 'lint', '--date', '2026-06-01', '--lang', 'en', '--format', 'json', '--stdin', '--stdin-filename', 'register/roles/diarium-owner.yaml'], {
      cwd: folder,
      input: text,
      encoding: 'utf8',
    });
    const json = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> };
    // The broken reference is reported in the file given; the owner it no longer gives the application is not (another file).
    expect(json.findings.map((f) => [f.ruleId, f.file])).toEqual([['reference', 'register/roles/diarium-owner.yaml']]);
    expect(result.status).toBe(1);
    // The file on disk was not read for it, and not written.
    expect(readFileSync(join(folder, 'register/roles/diarium-owner.yaml'), 'utf8')).not.toBe(text);
  });

  it('a new file given as standard input is linted as if it were there', () => {
    const folder = registerFrom('clean');
    const result = spawnSync(process.execPath, [bin, 'lint', '--date', '2026-06-01', '--lang', 'en', '--stdin', '--stdin-filename', 'register/units/ny.yaml'], {
      cwd: folder,
      input: 'kind: Unit\nid: ny\nname: Ny\ntype: it-unit\nmunicipality: nowhere\n',
      encoding: 'utf8',
    });
    expect(result.stdout).toMatch(/register\/units\/ny\.yaml\n\s+5:15\s+error .*nowhere.*reference/);
  });

  it('--stdin without --stdin-filename, or a name outside the register: exit 2 with one line', () => {
    const folder = registerFrom('clean');
    const without = spawnSync(process.execPath, [bin, 'lint', '--lang', 'en', '--stdin'], { cwd: folder, input: 'x: 1\n', encoding: 'utf8' });
    expect(without.status).toBe(2);
    expect(without.stderr.trim().split('\n')).toHaveLength(1);
    const outside = spawnSync(process.execPath, [bin, 'lint', '--lang', 'en', '--stdin', '--stdin-filename', 'README.md'], { cwd: folder, input: 'x: 1\n', encoding: 'utf8' });
    expect(outside.status).toBe(2);
    expect(outside.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a file that ignore: excludes, named on the command line', () => {
  it('is said to be ignored (as ESLint says it), not "No problems"', () => {
    const folder = registerFrom('clean', { 'itreg.yaml': 'name: X\nregister: register\nlanguage: en\nignore: ["drafts/**"]\n', 'register/drafts/gis.yaml': 'kind: Application\nid: gis\n' });
    const result = runCli(['lint', '--date', '2026-06-01', 'register/drafts/gis.yaml'], folder);
    expect(result.stdout).not.toMatch(/No problems/);
    expect(result.stdout).toMatch(/register\/drafts\/gis\.yaml\n\s+1:1\s+warning\s+File ignored because of a matching ignore pattern in itreg\.yaml \("drafts\/\*\*"\)/);
    const json = JSON.parse(runCli(['lint', '--date', '2026-06-01', '--format', 'json', 'register/drafts/gis.yaml'], folder).stdout) as { summary: { warnings: number } };
    expect(json.summary.warnings).toBe(1);
  });
});
