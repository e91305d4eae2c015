// --redact masks an identity number wherever it stands: in an id (the site crashed: the model did not know the masked
// entity), in a key, and in the register's own name from itreg.yaml (on every page and in export's JSON).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerFrom, runCli, temporaryFolder } from '../helpers.js';

const number = '811218-9876';

function register(): string {
  return registerFrom('clean', {
    'itreg.yaml': `name: Register för ${number}\nregister: register\nlanguage: en\ncollaborationLevels: [Erfarenhetsutbyte, Samordnad kompetens]\n`,
    [`register/applications/anna-${number}.yaml`]: `kind: Application\nid: anna-${number}\nname: Annas system\ntype: general\nmunicipalities: [amal]\n`,
  });
}

function everyText(folder: string): string {
  return (readdirSync(folder, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath: string }>)
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.name}\n${readFileSync(join(entry.parentPath, entry.name), 'utf8')}`)
    .join('\n');
}

describe('--redact and an identity number in an id, a key and the register name', () => {
  it('site --redact builds (exit 0) and no page, file name or line on stderr holds the number', () => {
    const folder = register();
    const output = join(temporaryFolder(), 'site');
    const result = runCli(['site', '--redact', '--output', output, '--date', '2026-06-01'], folder);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toContain(number);
    const text = everyText(output);
    expect(text).not.toContain(number);
    expect(text).toContain('Register för ÅÅMMDD-XXXX');
    expect(text).toContain('Annas system');
  });

  it('export --redact masks the name and the id', () => {
    const folder = register();
    const result = runCli(['export', '--redact'], folder);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(number);
    expect((JSON.parse(result.stdout) as { name: string }).name).toBe('Register för ÅÅMMDD-XXXX');
  });
});
