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
  it('carry helpUri to the rule\'s section of docs/rules.md, which has an anchor for every rule', () => {
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
