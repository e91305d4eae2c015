// The suppressions file is trusted no further than it must be: a link out of the register is not read (its content
// never printed), an entry with a control character is refused, a UTF-8 byte-order mark is read past.
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder, writeFiles } from '../helpers.js';

function register(): string {
  const folder = temporaryFolder();
  writeFiles(folder, {
    'itreg.yaml': 'name: Åmål\nlanguage: en\n',
    'register/municipalities/amal.yaml': 'kind: Municipality\nid: amal\nname: Åmål\npopulation: { 2025: 12006 }\n',
  });
  return folder;
}

const entry = (rule: string, entity = 'gis') => ({ rule, entity, file: 'register/applications/gis.yaml', date: '2026-01-01', fingerprint: 'a'.repeat(16) });
const lint = (folder: string, ...args: string[]) => runCli(['lint', '--date', '2026-06-01', '--lang', 'en', ...args], folder, { SECRET_TOKEN: 'hunter2-do-not-print' });

describe('the suppressions file', () => {
  it('is not read through a link that leads outside the register, and nothing of its target is printed', () => {
    const folder = register();
    const outside = join(temporaryFolder(), 'secret.txt');
    writeFileSync(outside, 'SECRET_TOKEN=hunter2-do-not-print\n');
    symlinkSync(outside, join(folder, 'itreg-suppressions.json'));
    for (const target of [outside, '/proc/self/environ']) {
      const link = join(folder, 'itreg-suppressions.json');
      if (target !== outside) {
        runCli(['--version'], folder);
        writeFiles(folder, { 'itreg-suppressions.json': null });
        symlinkSync(target, link);
      }
      const result = lint(folder);
      expect(result.status).toBe(2);
      expect(result.stderr).not.toContain('hunter2');
      expect(result.stderr).toBe(
        'itreg: itreg-suppressions.json is a link that leads outside the register, or no regular file, and is not read: make it a plain file beside itreg.yaml (itreg lint --suppress-all writes one)\n',
      );
    }
  });

  it('says where invalid JSON is, never what it holds', () => {
    const folder = register();
    writeFiles(folder, { 'itreg-suppressions.json': '{\n  "suppressions": [ SECRET_TOKEN=hunter2-do-not-print ]\n}\n' });
    const result = lint(folder);
    expect(result.status).toBe(2);
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr).toMatch(/^itreg: itreg-suppressions.json is not valid JSON( \(line 2, column \d+\))?: write it again with itreg lint --suppress-all\n$/);
  });

  it.each([
    ['a newline', entry('training-plan\n::error file=x::forged')],
    ['an escape', entry('training-plan', 'gis\u001b[2J')],
    ['a bidirectional override', entry('training-plan', 'gis\u202e')],
  ])('refuses an entry holding %s, naming the entry', (_name, bad) => {
    const folder = register();
    writeFiles(folder, { 'itreg-suppressions.json': JSON.stringify({ version: 1, suppressions: [entry('training-plan'), bad] }) });
    const result = lint(folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'itreg: itreg-suppressions.json: entry 2 of "suppressions" is not { fingerprint, rule, file, date } in plain text (a field is missing, or holds a control character): write it again with itreg lint --suppress-all\n',
    );
  });

  it('reads a file that begins with a UTF-8 byte-order mark', () => {
    const folder = register();
    writeFiles(folder, { 'itreg-suppressions.json': `\ufeff${JSON.stringify({ version: 1, suppressions: [entry('training-plan')] })}` });
    const result = lint(folder);
    expect(result.stderr).not.toContain('not valid JSON');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 unused entry');
  });
});
