// writeFixes(): the plans made on disk, in-process: a byte-order mark kept, a file edited since it was read left alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixes } from '../../src/lint/apply-fixes.js';
import type { FilePlan } from '../../src/lint/fixes.js';
import { registerFrom } from '../helpers.js';

const path = 'register/municipalities/amal.yaml';
const plan = (before: string, after: string, renameTo?: string): FilePlan => ({ path, before, after, fixes: [], ...(renameTo ? { renameTo } : {}) });

describe('writeFixes', () => {
  it('keeps a byte-order mark the text was read without', async () => {
    const folder = registerFrom('clean');
    const text = readFileSync(join(folder, path), 'utf8');
    writeFileSync(join(folder, path), `\uFEFF${text}`);
    const applied = await writeFixes(folder, [plan(text, `# x\n${text}`)]);
    expect(applied).toEqual([{ plan: plan(text, `# x\n${text}`) }]);
    expect(readFileSync(join(folder, path), 'utf8')).toBe(`\uFEFF# x\n${text}`);
  });

  it('leaves a file that changed since it was read, and says so', async () => {
    const folder = registerFrom('clean');
    const text = readFileSync(join(folder, path), 'utf8');
    writeFileSync(join(folder, path), `${text}# edited\n`);
    const applied = await writeFixes(folder, [plan(text, `# x\n${text}`, 'register/municipalities/x.yaml')]);
    expect(applied[0]!.changedMeanwhile).toBe(true);
    expect(readFileSync(join(folder, path), 'utf8')).toBe(`${text}# edited\n`);
  });

  it('refuses a rename onto a file that appeared since the register was read (outside git)', async () => {
    const folder = registerFrom('clean');
    const text = readFileSync(join(folder, path), 'utf8');
    writeFileSync(join(folder, 'register/municipalities/x.yaml'), 'kind: Municipality\n');
    const applied = await writeFixes(folder, [plan(text, text, 'register/municipalities/x.yaml')]);
    expect(applied[0]!.renameRefused).toBe(true);
    expect(readFileSync(join(folder, 'register/municipalities/x.yaml'), 'utf8')).toBe('kind: Municipality\n');
    expect(readFileSync(join(folder, path), 'utf8')).toBe(text);
  });
});
