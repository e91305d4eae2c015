// An output path that cannot be written (below a file: ENOTDIR), a folder given as a template and show on an entity
// that did not pass its schema are one line and exit 2, never an internal error.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerFrom, runCli, writeFiles } from '../helpers.js';

describe('an output path below a file', () => {
  it.each([
    ['export', ['export', '--output', 'afile/x.json']],
    ['lint', ['lint', '--output', 'afile/x.txt']],
    ['calendar', ['calendar', '--output', 'afile/x.ics']],
    ['report', ['report', 'yearly', '--output', 'afile/x.md']],
  ])('%s says it cannot write there (exit 2)', (_name, args) => {
    const folder = registerFrom('clean');
    writeFiles(folder, { afile: 'a file, not a folder\n' });
    const result = runCli([...args, '--lang', 'en'], folder);
    expect(result.stderr).toMatch(/^itreg: cannot write .*afile\/x\.\w+ \(ENOTDIR\): check the folder and its permissions\n$/);
    expect(result.status).toBe(2);
  });
});

describe('a folder given as a template', () => {
  it('is one line and exit 2', () => {
    const folder = registerFrom('clean');
    const result = runCli(['report', join(folder, 'register'), '--lang', 'en', '--date', '2026-06-01'], folder);
    expect(result.stderr).toBe(`itreg: ${join(folder, 'register')} cannot be read as a template (EISDIR): give \`yearly\`, \`application\`, \`costs\` or the path of a .hbs file\n`);
    expect(result.status).toBe(2);
  });
});

describe('show on an entity whose file does not pass its schema', () => {
  it('says the entity has errors and how to see them, not "no entity … did you mean" itself', () => {
    const folder = registerFrom('clean', { 'register/applications/diarium.yaml': 'kind: Application\nid: diarium\nname: Diariesystem\ntype: nonsense\nmunicipalities: [amal]\n' });
    const result = runCli(['show', 'diarium', '--lang', 'en'], folder);
    expect(result.stderr).toBe('itreg: "diarium" in register/applications/diarium.yaml has errors that keep it out of the register: run itreg lint register/applications/diarium.yaml and fix them\n');
    expect(result.status).toBe(2);
  });
});

describe('a target folder that cannot be made (under /proc)', () => {
  it.each([
    ['site', (folder: string) => ['site', '--output', '/proc/no-such-process/site', '--date', '2026-06-01', '-C', folder]],
    ['init', () => ['init', '/proc/no-such-process/register']],
  ])('%s says it cannot write there (exit 2), without spinning', (_name, args) => {
    const folder = registerFrom('clean');
    const result = runCli([...args(folder), '--lang', 'en'], folder);
    expect(result.stderr).toMatch(/^itreg: cannot write \/proc\/no-such-process(\/register)? \(\w+\): check the folder and its permissions\n$/);
    expect(result.status).toBe(2);
  });
});
