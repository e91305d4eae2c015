// A site build killed at any point leaves the old site or the new one whole at the output, and the next build
// completes: built beside the output, swapped in by two renames, left-overs recovered (DESIGN 1.2 "Whole writes").
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, fixtures, runCli, temporaryFolder, writeFiles } from '../helpers.js';

/** Every file below a folder, as one hash of paths and contents. */
function treeHash(folder: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else
        hash
          .update(`${prefix}${entry.name}\0`)
          .update(readFileSync(join(dir, entry.name)))
          .update('\0');
    }
  };
  walk(folder, '');
  return hash.digest('hex');
}

const args = (output: string) => ['site', '--output', output, '--date', '2026-06-01', '--lang', 'sv'];

/** Starts a build and kills it (SIGKILL) after `delay` ms; resolves when it is gone. */
function killedBuild(cwd: string, output: string, delay: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args(output)], { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('itreg site killed at 24 points', () => {
  it('leaves the old or the new site whole, and the next build completes', async () => {
    const folder = temporaryFolder();
    cpSync(join(fixtures, 'clean'), folder, { recursive: true });
    const output = join(temporaryFolder(), 'public');
    expect(runCli(args(output), folder).status).toBe(0);
    const old = join(temporaryFolder(), 'old');
    cpSync(output, old, { recursive: true });
    const oldHash = treeHash(old);
    // The register changes: the new site differs from the old one.
    const app = join(folder, 'register/applications/diarium.yaml');
    writeFiles(folder, { 'register/applications/diarium.yaml': readFileSync(app, 'utf8').replace(/^name: .*$/m, 'name: Diariesystem (nytt)') });
    const started = Date.now();
    expect(runCli(args(output), folder).status).toBe(0);
    const took = Date.now() - started;
    const newHash = treeHash(output);
    expect(newHash).not.toBe(oldHash);

    const seen = { old: 0, new: 0 };
    for (let point = 0; point < 24; point++) {
      rmSync(output, { recursive: true, force: true });
      cpSync(old, output, { recursive: true });
      await killedBuild(folder, output, Math.round((took * 1.5 * point) / 23));
      const state = existsSync(output) ? treeHash(output) : 'missing';
      // Between the swap's two renames no output stands; both sites stand whole beside it, and the next build puts
      // the newer back. Anything else (half a site) fails here.
      if (state === 'missing') {
        const beside = readdirSync(dirname(output)).filter((name) => name.startsWith('.public.itreg-') && existsSync(join(dirname(output), name, '.itreg-site')));
        expect(beside.length, `kill at point ${point}`).toBeGreaterThan(0);
      } else {
        expect([oldHash, newHash], `kill at point ${point}`).toContain(state);
        seen[state === oldHash ? 'old' : 'new']++;
      }
      // A re-run completes: after every kill that left no output, and every fourth (the other kills' left-overs are
      // met by the next build, which must recover from them too).
      if (state === 'missing' || point % 4 === 3) {
        const again = runCli(args(output), folder);
        expect(again.status, again.stderr).toBe(0);
        expect(treeHash(output)).toBe(newHash);
        expect(readdirSync(dirname(output)).filter((name) => name.startsWith('.public.itreg-'))).toEqual([]);
      }
    }
    // The kills fell before the swap and after it.
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
  }, 240_000);
});
