// --output on every command that writes a file: a FIFO, a link or a folder in its place is exit 2 with one line (and
// stays as it was); a folder that cannot be made (under /proc) is exit 2 at once, never a loop.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, repositoryFrom, runCli } from '../helpers.js';

const folder = repositoryFrom('clean');
const commands: Array<[string, string[]]> = [
  ['lint', ['lint']],
  ['costs', ['costs', '--year', '2026']],
  ['report', ['report', 'yearly', '--format', 'md']],
  ['opportunities', ['opportunities']],
  ['list', ['list', 'applications']],
  ['show', ['show', 'diarium']],
  ['history', ['history']],
  ['calendar', ['calendar']],
  ['export', ['export']],
];

spawnSync('mkfifo', [join(folder, 'fifo')]);
writeFileSync(join(folder, 'target.txt'), 'keep me\n');
symlinkSync(join(folder, 'target.txt'), join(folder, 'link'));
mkdirSync(join(folder, 'dir'));

describe('--output', () => {
  it.each(commands)('%s writes its output to a file with --output', (_name, args) => {
    const file = `out/${_name}.txt`;
    const result = runCli([...args, '--output', file, '--lang', 'en'], folder);
    expect(result.stderr).toBe('');
    expect(readFileSync(join(folder, file), 'utf8').length).toBeGreaterThan(0);
  });

  it.each(
    commands.flatMap(([name, args]) => [
      [name, args, 'fifo', 'a named pipe (FIFO)'],
      [name, args, 'link', 'a link'],
      [name, args, 'dir', 'a folder'],
    ]),
  )('%s --output %s (%s is no regular file): exit 2, one line, nothing replaced', (_name, args, target, what) => {
    const result = runCli([...args, '--output', target, '--lang', 'en'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`itreg: ${join(folder, target)} is ${what}, not a regular file: give the path of a file to write\n`);
    expect(lstatSync(join(folder, 'fifo')).isFIFO()).toBe(true);
    expect(lstatSync(join(folder, 'link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'target.txt'), 'utf8')).toBe('keep me\n');
  });

  it('a folder that cannot be made is exit 2 at once, never a loop', () => {
    const result = spawnSync(process.execPath, [bin, 'list', 'applications', '--output', '/proc/itreg-missing/x/list.txt', '--lang', 'en'], { cwd: folder, encoding: 'utf8', timeout: 15_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^itreg: cannot write \/proc\/itreg-missing\/x\/list\.txt \(E[A-Z]+\): check the folder and its permissions\n$/);
    expect(existsSync('/proc/itreg-missing')).toBe(false);
  });

  it('report keeps --out as an alias of --output', () => {
    expect(runCli(['report', 'yearly', '--format', 'md', '--out', 'alias.md'], folder).status).toBe(0);
    expect(readFileSync(join(folder, 'alias.md'), 'utf8')).toMatch(/^# /);
  });
});
