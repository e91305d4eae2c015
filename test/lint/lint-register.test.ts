// lintRegister() in-process: what `itreg lint` computes, without the CLI: --changed, --staged, paths, the starting line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintRegister, type LintRequest } from '../../src/lint/lint-register.js';
import { readConfig } from '../../src/register/config.js';
import { git, registerFrom, repositoryFrom, writeFiles } from '../helpers.js';

const DIARIUM = 'register/applications/diarium.yaml';

/** diarium.yaml of a folder without documentation.routines (a `documentation` warning). */
function withoutRoutines(folder: string): string {
  return readFileSync(join(folder, DIARIUM), 'utf8').replace(/^ {2}routines: .*\n/m, '');
}

async function lintIn(folder: string, request: Partial<LintRequest> = {}) {
  const notes: string[] = [];
  const config = readConfig(join(folder, 'itreg.yaml'), 'en');
  const outcome = await lintRegister(config, { paths: [], cwd: folder, date: '2026-06-01', today: () => '2026-06-01', overrides: {}, ...request }, { note: (line) => notes.push(line) });
  return { ...outcome, notes, found: outcome.result.findings.map((f) => `${f.file} ${f.ruleId}`) };
}

describe('lintRegister', () => {
  it('lints the whole register, and reports only the paths asked about', async () => {
    const folder = registerFrom('clean');
    writeFiles(folder, { [DIARIUM]: withoutRoutines(folder) });
    expect((await lintIn(folder)).found).toEqual([`${DIARIUM} documentation`]);
    expect((await lintIn(folder, { paths: ['register/municipalities'] })).found).toEqual([]);
    expect((await lintIn(folder, { paths: ['register/applications'] })).found).toEqual([`${DIARIUM} documentation`]);
    expect((await lintIn(folder, { overrides: { documentation: 'off' } })).found).toEqual([]);
  });

  it('--changed: reports what the change since the base broke, not what the base already had', async () => {
    const folder = repositoryFrom('clean');
    writeFiles(folder, { [DIARIUM]: withoutRoutines(folder) });
    expect((await lintIn(folder, { changed: true, base: 'HEAD' })).found).toEqual([`${DIARIUM} documentation`]);
    git(folder, 'commit', '--quiet', '-am', 'no routines');
    writeFiles(folder, { 'register/municipalities/amal.yaml': `${readFileSync(join(folder, 'register/municipalities/amal.yaml'), 'utf8')}# a comment\n` });
    const changed = await lintIn(folder, { changed: true, base: 'HEAD' });
    expect(changed.found).toEqual([]);
    expect((await lintIn(folder)).found).toEqual([`${DIARIUM} documentation`]);
  });

  it('--staged: lints the register as the commit holds it, not as the files on disk are', async () => {
    const folder = repositoryFrom('clean');
    const committed = readFileSync(join(folder, DIARIUM), 'utf8');
    writeFiles(folder, { [DIARIUM]: withoutRoutines(folder) });
    git(folder, 'add', DIARIUM);
    writeFiles(folder, { [DIARIUM]: committed });
    const staged = await lintIn(folder, { staged: true });
    expect(staged.found).toEqual([`${DIARIUM} documentation`]);
    expect(staged.loaded.files.find((f) => f.path === DIARIUM)?.text).not.toContain('routines:');
    expect((await lintIn(folder)).found).toEqual([]);
  });

  it('--suppress-all records the starting line and says so through the note hook', async () => {
    const folder = registerFrom('clean');
    writeFiles(folder, { [DIARIUM]: withoutRoutines(folder) });
    const recorded = await lintIn(folder, { suppressAll: true });
    expect(recorded.found).toEqual([]);
    expect(recorded.result.summary.suppressed).toBe(1);
    expect(recorded.notes).toEqual([expect.stringContaining('itreg-suppressions.json')]);
    expect(existsSync(join(folder, 'itreg-suppressions.json'))).toBe(true);
    expect((await lintIn(folder)).found).toEqual([]);
  });
});
