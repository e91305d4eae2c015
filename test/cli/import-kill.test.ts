// An import killed at any point leaves the register as it was, or whole with every row, or an interrupted journal
// that the next import completes first; a re-run then ends equal to an uninterrupted import (DESIGN 1.2 "Whole writes").
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, fixtures, runCli, temporaryFolder, writeFiles } from '../helpers.js';

const rowCount = 400;
const csv = [
  'System;Typ;Systemägare;Förvaltning',
  ...Array.from({ length: rowCount }, (_, i) => `System ${i + 1};${i % 2 ? 'Verksamhetssystem' : 'Generell applikation'};Chef ${i % 7};${i % 3 ? 'Kommunkansliet' : 'IT-enheten'}`),
].join('\n');
const mapping = `kind: Application
id: { from: System }
columns: { System: name, Typ: type }
owner: { title: Systemägare, unit: Förvaltning }
constants: { municipalities: [amal] }
values:
  Typ: { Verksamhetssystem: business, Generell applikation: general }
  Förvaltning: { Kommunkansliet: kansli-amal, IT-enheten: it-amal }
`;
const args = ['import', 'list.csv', '--map', 'list.yaml', '--date', '2026-06-01', '--lang', 'en'];

function start(): string {
  const folder = temporaryFolder();
  cpSync(join(fixtures, 'clean'), folder, { recursive: true });
  writeFiles(folder, { 'list.csv': csv, 'list.yaml': mapping });
  return folder;
}

/** The register's files and texts. */
function tree(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue; // a temporary file of a write cut short: not read as the register
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, readFileSync(join(dir, entry.name), 'utf8'));
    }
  };
  walk(join(folder, 'register'), 'register/');
  return files;
}

function killedImport(cwd: string, delay: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe(`itreg import of ${rowCount} rows killed at 20 points`, () => {
  it('leaves the old register, the whole new one, or a journal; a re-run ends as an uninterrupted import', async () => {
    const reference = start();
    const before = tree(reference);
    const started = Date.now();
    const whole = runCli(args, reference);
    const took = Date.now() - started;
    expect(whole.status, whole.stderr).toBe(0);
    const after = tree(reference);
    expect(after.size - before.size).toBe(rowCount * 2);

    const seen = { old: 0, whole: 0, journal: 0 };
    for (let point = 0; point < 20; point++) {
      const folder = start();
      await killedImport(folder, Math.round((took * 1.5 * point) / 19));
      const state = tree(folder);
      if (existsSync(join(folder, '.itreg-import-journal.json'))) seen.journal++;
      else {
        // No journal: nothing of the import was written yet, or all of it.
        const which = state.size === before.size ? 'old' : 'whole';
        expect(state, `kill at point ${point}`).toEqual(which === 'old' ? before : after);
        seen[which]++;
      }
      const again = runCli(args, folder);
      expect(again.status, again.stderr).toBe(0);
      expect(tree(folder), `re-run after point ${point}`).toEqual(after);
      expect(existsSync(join(folder, '.itreg-import-journal.json'))).toBe(false);
    }
    expect(seen.old + seen.whole + seen.journal).toBe(20);
    expect(seen.old).toBeGreaterThan(0);
  }, 300_000);
});

describe('an import that cannot write one of its files', () => {
  it('says how many it wrote, keeps the journal, and the next import completes it', () => {
    const reference = start();
    expect(runCli(args, reference).status).toBe(0);
    const folder = start();
    // A file in the place of the roles' folder, as a full disk would stop the import after its first file.
    const blocker = join(folder, 'register/roles');
    rmSync(blocker, { recursive: true });
    writeFiles(folder, { 'register/roles': 'not a folder\n' });
    const stopped = runCli(args, folder);
    expect(stopped.status, stopped.stderr).toBe(2);
    expect(stopped.stderr).toMatch(
      /^itreg: the import stopped after writing \d+ of its 800 files: cannot write .*register\/roles\/system-1-systemagare\.yaml \(ENOTDIR\): check the folder and its permissions; the rest is kept in \.itreg-import-journal\.json: fix that and run the import again to complete it\n$/,
    );
    expect(existsSync(join(folder, '.itreg-import-journal.json'))).toBe(true);
    rmSync(blocker);
    cpSync(join(fixtures, 'clean/register/roles'), blocker, { recursive: true });
    const again = runCli(args, folder);
    expect(again.status, again.stderr).toBe(0);
    expect(tree(folder)).toEqual(tree(reference));
  });
});
