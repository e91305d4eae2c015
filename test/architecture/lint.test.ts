// The project's own code passes its linter (oxlint with the type-aware rules of .oxlintrc.json) and is as its formatter
// (oxfmt, .oxfmtrc.json) writes it: held here, so that `npm test` and every run of test/architecture/ fail on either.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers.js';

describe('the project lints clean', () => {
  it('has no oxlint finding (npm run lint)', () => {
    const oxlint = join(projectRoot, 'node_modules/oxlint/bin/oxlint');
    // A worktree installed before the linter was added: say what to do rather than fail on a missing module.
    if (!existsSync(oxlint) || !existsSync(join(projectRoot, 'node_modules/oxlint-tsgolint'))) throw new Error('oxlint is not installed: run npm ci (it is a devDependency)');
    const result = spawnSync(process.execPath, [oxlint, '--format', 'unix'], { cwd: projectRoot, encoding: 'utf8', timeout: 180_000 });
    // The findings themselves are the message when this fails: file:line:column, rule, text.
    expect(result.error).toBeUndefined();
    expect(
      `${result.stdout}${result.stderr}`
        .trim()
        .split('\n')
        .filter((line) => /:\d+:\d+: /.test(line)),
    ).toEqual([]);
    expect(result.status).toBe(0);
  }, 180_000);

  it('is formatted as npm run format writes it (npm run format:check)', () => {
    const oxfmt = join(projectRoot, 'node_modules/oxfmt/bin/oxfmt');
    if (!existsSync(oxfmt)) throw new Error('oxfmt is not installed: run npm ci (it is a devDependency)');
    const globs = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['format:check']!;
    const args = [...globs.matchAll(/'([^']+)'|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
    const result = spawnSync(process.execPath, [oxfmt, ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 });
    expect(result.error).toBeUndefined();
    expect(result.status, `${result.stdout}${result.stderr}\nrun npm run format`).toBe(0);
  }, 120_000);
});
