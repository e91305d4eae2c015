// Names too long for a file system: an id has at most 120 characters (a schema finding beyond, at the id), and every
// writer refuses a longer one with a line that names it, instead of an internal error or a half-written result.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, registerFrom, runCli, temporaryFolder, writeFiles } from '../helpers.js';

const long = (length: number, letter = 'a') => letter.repeat(length);
const unit = (id: string) => `kind: Unit\nid: ${id}\nname: Enhet\ntype: department\nmunicipality: amal\n`;

describe('an id of more than 120 characters', () => {
  it('is a schema finding at the id; 120 characters pass', () => {
    const folder = registerFrom('clean', { [`register/units/${long(121)}.yaml`]: unit(long(121)), [`register/units/${long(120, 'b')}.yaml`]: unit(long(120, 'b')) });
    const found = findings(folder, 'schema');
    expect(found.map((f) => [f.file, f.line, f.column, f.message])).toEqual([
      [`register/units/${long(121)}.yaml`, 2, 5, '"id" has 121 characters; at most 120 are allowed (an id names the file <id>.yaml and a page of the site, which must fit every file system)'],
    ]);
  });

  it('new refuses it in one line (exit 2), in Swedish too', () => {
    const folder = registerFrom('clean');
    const result = runCli(['new', 'application', long(240)], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('itreg: "id" has 240 characters; at most 120 are allowed (an id names the file <id>.yaml and a page of the site, which must fit every file system)\n');
    expect(runCli(['new', 'application', long(240), '--lang', 'sv'], folder).stderr).toContain('"id" har 240 tecken; högst 120 är tillåtna');
    expect(readdirSync(join(folder, 'register/applications')).some((name) => name.length > 200)).toBe(false);
  });

  it('the site is built without the entity whose id is too long (its finding is listed)', () => {
    const id = long(251);
    const folder = registerFrom('clean', { 'register/applications/lang.yaml': `kind: Application\nid: ${id}\nname: Lång\ntype: general\nmunicipalities: [amal]\n` });
    const output = join(temporaryFolder(), 'site');
    const result = runCli(['site', '--output', output, '--date', '2026-06-01'], folder);
    expect(result.stderr, result.stderr).toMatch(/^itreg: \d+ (pages|sidor) → /);
    expect(result.status).toBe(0);
    expect(
      readdirSync(join(output), { recursive: true }).every((name) =>
        String(name)
          .split('/')
          .every((part) => part.length <= 255),
      ),
    ).toBe(true);
  });

  it('import refuses the row and writes the others', () => {
    const folder = registerFrom('clean');
    writeFiles(folder, {
      'units.csv': `Id;Namn\nkort;Kort enhet\n${long(130)};Lång enhet\n`,
      'units.yaml': 'kind: Unit\nid: { column: Id }\ncolumns: { Namn: name }\nconstants: { type: department, municipality: amal }\n',
    });
    const result = runCli(['import', 'units.csv', '--map', 'units.yaml', '--lang', 'en'], folder);
    expect(result.stdout).toContain('row 3  error');
    expect(result.stdout).toContain('has 130 characters; at most 120 are allowed');
    expect(result.stdout).toContain('1 row imported (1 file), 0 skipped, 1 failed');
    expect(result.status).toBe(1);
  });
});
