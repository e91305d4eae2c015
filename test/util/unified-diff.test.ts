// unifiedHunks(): the same hunks as GNU diff -u prints for the same two texts.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedHunks } from '../../src/util/unified-diff.js';
import { temporaryFolder } from '../helpers.js';

const lines = (n: number, change: (i: number) => string | undefined = () => undefined) => Array.from({ length: n }, (_, i) => change(i) ?? `line ${i + 1}`).join('\n') + '\n';

describe('unifiedHunks', () => {
  it.each([
    ['one line changed', lines(20), lines(20, (i) => (i === 9 ? 'changed' : undefined))],
    ['two changes far apart', lines(40), lines(40, (i) => (i === 2 || i === 35 ? 'changed' : undefined))],
    ['two changes near each other', lines(20), lines(20, (i) => (i === 5 || i === 11 ? 'changed' : undefined))],
    ['a line added on top', lines(10), `# new\n${lines(10)}`],
    ['a line removed', lines(10), lines(10).replace('line 4\n', '')],
    ['no newline at the end', 'a\nb\nc', 'a\nB\nc'],
    ['newline added at the end', 'a\nb\nc', 'a\nb\nc\n'],
    ['from empty', '', 'a\n'],
  ])('%s: as diff -u', (_name, before, after) => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'a'), before);
    writeFileSync(join(folder, 'b'), after);
    const diff = spawnSync('diff', ['-u', 'a', 'b'], { cwd: folder, encoding: 'utf8' }).stdout;
    expect(unifiedHunks(before, after)).toBe(diff.split('\n').slice(2).join('\n'));
  });

  it('equal texts: nothing', () => expect(unifiedHunks('a\n', 'a\n')).toBe(''));
});
