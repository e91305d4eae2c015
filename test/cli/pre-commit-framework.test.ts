// The pre-commit framework (Debian's pre-commit) installing itreg's hook from a clone of this repository at a tag,
// as a user's .pre-commit-config.yaml names it: npm builds the package there without tsc, and the hook blocks
// what a commit breaks, passes a good commit, and lints the whole register under `pre-commit run --all-files`.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, projectRoot, registerFrom, temporaryFolder } from '../helpers.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

/** This repository's files as they are now (tests and benchmarks left out), committed in a fresh repository and tagged. */
function cloneOfThisRepository(folder: string): string {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: projectRoot, encoding: 'utf8' }).stdout;
  const files = listed.split('\0').filter((path) => path && !/^(test|bench)\//.test(path));
  mkdirSync(folder, { recursive: true });
  const copied = spawnSync('tar', ['-cf', '-', '--null', '-T', '-'], { cwd: projectRoot, input: files.join('\0'), maxBuffer: 1 << 30 });
  expect(spawnSync('tar', ['-xf', '-'], { cwd: folder, input: copied.stdout }).status).toBe(0);
  git(folder, 'init', '--quiet', '--initial-branch=main');
  git(folder, 'add', '-A');
  git(folder, 'commit', '--quiet', '-m', 'itreg');
  git(folder, 'tag', 'v0.1.0');
  return folder;
}

describe.skipIf(!hasPreCommit)('the pre-commit framework', () => {
  const scratch = temporaryFolder('itreg-pre-commit-');
  const itreg = cloneOfThisRepository(join(scratch, 'itreg'));
  const register = registerFrom('clean', {
    '.pre-commit-config.yaml': `repos:\n  - repo: ${itreg}\n    rev: v0.1.0\n    hooks:\n      - id: itreg-lint\n`,
  });
  // Its own cache, and npm's cache before the registry: the install is the slow part of this file.
  const env = { ...process.env, PRE_COMMIT_HOME: join(scratch, 'cache'), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', NO_COLOR: '1' };
  const run = (...args: string[]) => {
    const result = spawnSync(args[0]!, args.slice(1), { cwd: register, encoding: 'utf8', env, timeout: 600_000 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const commit = (message: string) => run('git', '-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '--quiet', '-m', message);

  it("installs the hook from the tagged clone (npm builds it without devDependencies' tsc)", () => {
    git(register, 'init', '--quiet', '--initial-branch=main');
    git(register, 'add', '-A');
    git(register, 'commit', '--quiet', '-m', 'register');
    const installed = run('pre-commit', 'install', '--install-hooks');
    expect(installed.status, installed.output).toBe(0);
  }, 900_000);

  it("blocks a commit that ends the only owner's role, naming the application it breaks", () => {
    appendFileSync(join(register, 'register/roles/diarium-owner.yaml'), 'until: 2021-01-01\n');
    git(register, 'add', '-A');
    const result = commit('end the owner');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/register\/applications\/diarium\.yaml[\s\S]*application-has-owner/);
    git(register, 'reset', '--quiet', '--hard');
  });

  it("blocks a commit that only deletes the administrator's file", () => {
    git(register, 'rm', '--quiet', 'register/roles/diarium-admin.yaml');
    const result = commit('remove the administrator');
    expect(result.status).toBe(1);
    expect(result.output).toContain('application-has-administrator');
    git(register, 'reset', '--quiet', '--hard');
  });

  it('blocks a commit that breaks the file itself, and passes a good one', () => {
    appendFileSync(join(register, 'register/units/it-amal.yaml'), 'homepage: x\n');
    git(register, 'add', '-A');
    const bad = commit('bad field');
    expect(bad.status).toBe(1);
    expect(bad.output).toMatch(/register\/units\/it-amal\.yaml[\s\S]*schema/);
    git(register, 'reset', '--quiet', '--hard');
    appendFileSync(join(register, 'register/units/it-amal.yaml'), 'notes: Flyttar 2027\n');
    git(register, 'add', '-A');
    const good = commit('a note');
    expect(good.status, good.output).toBe(0);
  });

  it('lints the whole register under pre-commit run --all-files', () => {
    // A finding that is already committed: no commit hook sees it, --all-files must.
    writeFileSync(join(register, 'register/documents/it-policy.yaml'), 'kind: Document\nid: it-policy\nname: IT-policy\ntype: policy\nadopted: 2020-01-01\nvalidYears: 5\n');
    git(register, '-c', 'core.hooksPath=/dev/null', 'commit', '--quiet', '-am', 'old policy');
    expect(run('pre-commit', 'run').status).toBe(0);
    const all = run('pre-commit', 'run', '--all-files');
    expect(all.status).toBe(1);
    expect(all.output).toMatch(/register\/documents\/it-policy\.yaml[\s\S]*document-review/);
  });
});
