// The git hook quotes the register's folder for the shell: a folder named `gov$(touch x)` runs nothing, one with `"`,
// a quote or a newline in its name is still the folder the hook lints (it blocked every commit, or ran code).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookRegister, hookScript } from '../../src/git/hooks.js';
import { quoteShell, unquoteShell } from '../../src/util/shell.js';
import { fixtures, git, runCli, temporaryFolder, writeFiles } from '../helpers.js';

function commit(folder: string, message: string) {
  const result = spawnSync('git', ['commit', '-m', message], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

const hostile = ['gov$(touch pwned)', 'IT "styrning"', "it's `id`", 'rad\nbrytning', 'back\\slash $HOME'];

describe('the hook in a register folder whose name the shell would read', () => {
  it.each(hostile)('%j: runs nothing, lints that folder, blocks on an error and lets a fix through', (name) => {
    const top = temporaryFolder();
    const folder = join(top, name);
    cpSync(join(fixtures, 'clean'), folder, { recursive: true });
    git(top, 'init', '--quiet', '--initial-branch=main');
    git(top, 'config', 'user.name', 'Test');
    git(top, 'config', 'user.email', 'test@example.org');
    const installed = runCli(['hook', 'install', '--lang', 'en'], folder);
    expect(installed.status, installed.stderr).toBe(0);
    expect(hookRegister(readFileSync(join(top, '.git/hooks/pre-commit'), 'utf8'))).toBe(name);
    git(top, 'add', '-A');
    expect(commit(top, 'start').status).toBe(0);
    writeFiles(folder, { 'register/units/it-amal.yaml': 'kind: Unit\nid: it-amal\nname: IT\ntype: nonsense\nmunicipality: amal\n' });
    git(top, 'add', '-A');
    const blocked = commit(top, 'broken');
    expect(blocked.status, blocked.output).not.toBe(0);
    expect(blocked.output).toContain('register/units/it-amal.yaml');
    expect(existsSync(join(top, 'pwned'))).toBe(false);
    expect(existsSync(join(folder, 'pwned'))).toBe(false);
  });

  it("quotes every value of the script as one word, and reads an earlier itreg's hook", () => {
    for (const text of [...hostile, '', "''", "a'b'c"]) expect(unquoteShell(quoteShell(text))).toBe(text);
    const script = hookScript("it's", "/opt/no'de", '/x/$(y)/itreg.js', { notInstalled: "it's not here", blocked: 'fix `it`' });
    expect(script).toContain(`cd "$(git rev-parse --show-toplevel)"/'it'\\''s' || exit 1`);
    expect(script).toContain(`echo 'fix \`it\`' >&2`);
    expect(hookRegister('#!/bin/sh\ncd "$(git rev-parse --show-toplevel)/governance" || exit 1\n')).toBe('governance');
  });
});

describe('init in a folder whose name could change the CI files', () => {
  it.each(['gov$(touch pwned)', 'a: b', 'rad\nbrytning', "it's"])('refuses %j with one line (exit 2) and writes nothing', (name) => {
    const top = temporaryFolder();
    git(top, 'init', '--quiet', '--initial-branch=main');
    const result = runCli(['init', name, '--lang', 'en'], top);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^itreg: the register folder ".*" cannot stand in the CI files as it is/s);
    expect(existsSync(join(top, '.gitlab'))).toBe(false);
    expect(existsSync(join(top, name))).toBe(false);
  });

  it('quotes a folder with a space in the GitLab job', () => {
    const top = temporaryFolder();
    git(top, 'init', '--quiet', '--initial-branch=main');
    const result = runCli(['init', 'IT styrning', '--lang', 'en'], top);
    expect(result.status, result.stderr).toBe(0);
    const job = readFileSync(join(top, '.gitlab/itreg.gitlab-ci.yml'), 'utf8');
    expect(job).toContain("    - cd 'IT styrning'\n");
    expect(job).not.toMatch(/cd IT styrning/);
  });
});
