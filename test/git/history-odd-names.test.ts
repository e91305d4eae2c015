// History reads git's output NUL-separated (-z): files whose names git would quote (a `"`, a tab, a newline, a `\`)
// are found, and a commit subject holding 0x1E or 0x1F cannot forge the shown commit id, date or author.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRawLog } from '../../src/git/history.js';
import { commitAt, fixtures, git, runCli, temporaryFolder, writeFiles } from '../helpers.js';

const unit = (id: string) => `kind: Unit\nid: ${id}\nname: Enhet ${id}\ntype: department\nmunicipality: amal\n`;
const names = { n1: 'register/units/a"b.yaml', n2: 'register/units/tab\tx.yaml', n3: 'register/units/new\nline.yaml', n4: 'register/units/back\\slash.yaml' };

interface Change {
  commit: string;
  date: string;
  author: string;
  entity: string;
  change: string;
  file: string;
}

describe('history with names git quotes and subjects with separators', () => {
  const top = temporaryFolder();
  cpSync(join(fixtures, 'clean'), top, { recursive: true });
  git(top, 'init', '--quiet', '--initial-branch=main');
  commitAt(top, '2026-03-02T12:00:00+01:00', 'Registret skapas', 'Karin');
  writeFiles(top, Object.fromEntries(Object.entries(names).map(([id, path]) => [path, unit(id)])));
  commitAt(top, '2026-03-02T12:00:00+01:00', 'Forged\x1e0000000000000000000000000000000000000000\x1f1999-01-01T00:00:00Z\x1fMallory\x1fsubject', 'Karin');

  const history = (id: string): Change[] => {
    const result = runCli(['history', '--format', 'json', '--lang', 'en', id], top);
    expect(result.status, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as { history: Change[] }).history;
  };

  it.each(Object.entries(names))('finds %s in %j', (id, path) => {
    const found = history(id);
    expect(found.map((c) => [c.entity, c.change, c.file])).toEqual([[id, 'added', path]]);
    expect(found[0]!.author).toBe('Karin');
    expect(found[0]!.commit).toMatch(/^[0-9a-f]{7,}/);
    expect(found[0]!.commit).not.toMatch(/^0+$/);
    expect(found[0]!.date).toBe('2026-03-02');
  });

  it('reads a log by position: a subject that looks like a raw entry stays the subject', () => {
    const hash = 'a'.repeat(40);
    const log = `${hash}\0 2026-01-01T00:00:00Z\0Ann\0:100644 100644 ${'b'.repeat(40)} ${'c'.repeat(40)} M\0\n:000000 100644 ${'0'.repeat(40)} ${'d'.repeat(40)} A\0r/x.yaml\0`;
    const [parsed] = parseRawLog(log);
    expect(parsed!.subject).toBe(`:100644 100644 ${'b'.repeat(40)} ${'c'.repeat(40)} M`);
    expect(parsed!.entries).toEqual([{ oldBlob: '0'.repeat(40), newBlob: 'd'.repeat(40), status: 'A', first: 'r/x.yaml', second: undefined }]);
  });
});
