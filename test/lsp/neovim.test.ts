// A real editor as the client: Neovim (Debian's package), headless, runs test/lsp/neovim.lua against `itreg lsp`; what it
// shows for a file is what `itreg lint` says of it, before and after a change typed in another file's buffer.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, projectRoot, registerFrom, runCli, writeFiles } from '../helpers.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNeovim = nvim.status === 0;
const env = { ITREG_NOW: '2026-06-01T12:00:00Z', NO_COLOR: '1' };
const APP = 'register/applications/diarium.yaml';
const ROLE = 'register/roles/diarium-owner.yaml';

/** `itreg lint`'s findings in one file, as the Lua script prints diagnostics. */
function lintLines(folder: string, file: string): string[] {
  const { findings } = JSON.parse(runCli(['lint', '--format', 'json'], folder, env).stdout) as { findings: Array<Record<string, string | number>> };
  return findings.filter((f) => f.file === file).map((f) => `  ${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
}

describe.skipIf(!hasNeovim)('itreg lsp in Neovim', () => {
  it("shows lint's findings for the open file, and an owner's role ended in another buffer as application-has-owner", () => {
    const folder = registerFrom('clean', { [APP]: readFileSync(join(projectRoot, 'test/fixtures/clean', APP), 'utf8').replace(/^documentation:\n(  .*\n)+/m, '') });
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${join(projectRoot, 'test/lsp/neovim.lua')}`], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, ...env, ITREG_BIN: bin, ITREG_ROOT: folder, ITREG_APP: join(folder, APP), ITREG_ROLE: join(folder, ROLE) },
    });
    const lines = run.stdout.split('\n');
    expect(lines[0], run.stdout + run.stderr).toMatch(/^ready: true after \d+ ms$/);
    const second = lines.findIndex((line) => line.startsWith('role ended'));
    expect(lines[second]).toMatch(/^role ended in the buffer: application re-published true after \d+ ms$/);
    const before = lines.slice(2, second);
    const after = lines.slice(second + 2).filter((line) => line.startsWith('  '));
    expect(before).toEqual(lintLines(folder, APP));
    expect(before.length).toBeGreaterThan(0);
    // The same change saved, for lint to read.
    writeFiles(folder, { [ROLE]: `${readFileSync(join(folder, ROLE), 'utf8')}until: 2026-01-31\n` });
    expect(after).toEqual(lintLines(folder, APP));
    expect(after.some((line) => line.includes('application-has-owner'))).toBe(true);
  });
});
