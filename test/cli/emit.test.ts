// emit() writes a large ASCII text as Latin-1 bytes (no UTF-8 encoding needed): the bytes must be the UTF-8 ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emit } from '../../src/cli/io.js';
import { temporaryFolder } from '../helpers.js';

describe('emit to stdout', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const written = (text: string): Buffer => {
    const chunks: Buffer[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
      return true;
    });
    emit(text, undefined, process.cwd());
    vi.restoreAllMocks();
    return Buffer.concat(chunks);
  };

  it.each([
    ['a small text', '{"a": "å"}\n'],
    ['2 MB of ASCII', `${'{"line": 1}\n'.repeat(200_000)}\u007f`],
    ['2 MB with one å at the end', `${'{"line": 1}\n'.repeat(200_000)}å`],
    ['2 MB with a character beyond Latin-1', `${'x'.repeat(2_000_000)}–😀`],
  ])('writes the UTF-8 bytes of %s', (_name, text) => {
    expect(written(text).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});

describe('emit to --output', () => {
  it.each([
    ['2 MB of ASCII', `${'{"line": 1}\n'.repeat(200_000)}\u007f`],
    ['2 MB with one å at the end', `${'{"line": 1}\n'.repeat(200_000)}å`],
  ])('writes the UTF-8 bytes of %s', (_name, text) => {
    const folder = temporaryFolder();
    emit(text, 'out.json', folder);
    expect(readFileSync(join(folder, 'out.json')).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});
