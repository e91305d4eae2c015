// itreg lint --fix and --fix-dry-run through the real CLI: each fix, the rest of every file byte for byte, a rename
// refused, idempotence, and a dry run that writes nothing and prints the diff --fix makes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../src/types/entities.generated.js';
import { git, projectRoot, registerFrom, repositoryFrom, runCli } from '../helpers.js';

/** Every file below a folder (but .git) with its bytes, for "nothing else changed". */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === '.git') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(folder, path)] = readFileSync(path, 'latin1');
    }
  };
  walk(folder);
  return files;
}

/** A schema line for a file's kind, as itreg new writes it in a register with its own copy of the schemas. */
function withSchemaLine(text: string): string {
  const kind = /^kind: (\w+)/m.exec(text)?.[1] as keyof typeof schemaFiles;
  return `# yaml-language-server: $schema=../../schema/${schemaFiles[kind]}\n${text}`;
}

/** The clean fixture with its own schemas, every file with its schema line, and `changes` on top. */
function fixable(changes: Readonly<Record<string, string | null>>, inGit = true): string {
  const files: Record<string, string | null> = {};
  const base = registerFrom('clean');
  for (const dir of readdirSync(join(base, 'register'))) {
    for (const name of readdirSync(join(base, 'register', dir))) {
      const path = `register/${dir}/${name}`;
      files[path] = withSchemaLine(readFileSync(join(base, path), 'utf8'));
    }
  }
  const folder = inGit ? repositoryFrom('clean', { ...files, ...changes }) : registerFrom('clean', { ...files, ...changes });
  cpSync(join(projectRoot, 'schema'), join(folder, 'schema'), { recursive: true });
  if (inGit) {
    git(folder, 'add', '-A');
    git(folder, 'commit', '--quiet', '-m', 'schemas');
  }
  return folder;
}

/** The application with comments, quoting of every kind and flow collections, and damaged text in a value and a block. */
const damaged = [
  '# yaml-language-server: $schema=../../schema/application.schema.json',
  '# Diariet: "kommentar" med \'citat\'   och luft',
  'kind: Application',
  'id: diarium',
  "name: 'Diariesystem'   # enkla citattecken",
  'description: "Ärenden frÃ¥n nämnderna, Ã¶ver tid"',
  'type: business',
  'municipalities: [amal,  mellerud]',
  'collaborationLevel: 1',
  'operatedBy: it-amal',
  'vendor: { name: "Ärendesystem Väst AB", product: Dokumentor }',
  'documentation:',
  '  routines: docs/diarium/rutiner.md',
  '  operations: docs/diarium/drift.md',
  'personalData: none  # bedömd',
  'classification: { confidentiality: 2, integrity: 2, availability: 2, decided: 2026-01-15 }',
  '',
].join('\n');

const repaired = damaged.replace('frÃ¥n', 'från').replace('Ã¶ver', 'över');
const unit = 'kind: Unit\r\nid: it-amal\r\nname: "IT-enheten Åmål"  # CRLF\r\ntype: it-unit\r\nmunicipality: amal\r\n';

const lint = (folder: string, ...args: string[]) => runCli(['lint', '--date', '2026-06-01', '--lang', 'en', ...args], folder);

describe('itreg lint --fix', () => {
  it('repairs damaged text, renames a file to its id with git mv, adds the schema line; all else byte for byte', () => {
    const folder = fixable({
      'register/applications/diarium.yaml': damaged,
      'register/units/it-amal.yaml': null,
      'register/units/it-enheten.yaml': unit,
    });
    const before = snapshot(folder);
    const result = lint(folder, '--fix');
    expect(result.stderr).toBe(
      [
        'itreg: register/applications/diarium.yaml: repaired damaged text: "Ärenden från nämnderna, över tid"',
        'itreg: register/units/it-enheten.yaml: renamed the file to it-amal.yaml; added the schema line (# yaml-language-server)',
        'itreg: fixed 2 files',
        '',
      ].join('\n'),
    );
    // What remains is reported, as ESLint does: nothing here.
    expect(result.stdout).toMatch(/^No problems/m);
    expect(result.status).toBe(0);
    const after = snapshot(folder);
    expect(after['register/applications/diarium.yaml']).toBe(Buffer.from(repaired).toString('latin1'));
    expect(after['register/units/it-enheten.yaml']).toBeUndefined();
    expect(after['register/units/it-amal.yaml']).toBe(Buffer.from(`# yaml-language-server: $schema=../../schema/unit.schema.json\r\n${unit}`).toString('latin1'));
    const untouched = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([path]) => !['register/applications/diarium.yaml', 'register/units/it-enheten.yaml', 'register/units/it-amal.yaml'].includes(path)));
    expect(untouched(after)).toEqual(untouched(before));
    // git mv: the index has the rename, the new text stays for the user to add.
    expect(git(folder, 'status', '--porcelain')).toBe(' M register/applications/diarium.yaml\nRM register/units/it-enheten.yaml -> register/units/it-amal.yaml\n');
  });

  it('a second run changes nothing and says so', () => {
    const folder = fixable({
      'register/applications/diarium.yaml': damaged,
      'register/municipalities/amal.yaml': readFileSync(join(projectRoot, 'test/fixtures/clean/register/municipalities/amal.yaml'), 'utf8'),
    });
    expect(lint(folder, '--fix').status).toBe(0);
    const once = snapshot(folder);
    const again = lint(folder, '--fix');
    expect(again.stderr).toBe('itreg: nothing to fix\n');
    expect(snapshot(folder)).toEqual(once);
  });

  it('renames with a plain rename outside git', () => {
    const folder = fixable({ 'register/units/it-amal.yaml': null, 'register/units/it-enheten.yaml': withSchemaLine(unit) }, false);
    lint(folder, '--fix');
    expect(existsSync(join(folder, 'register/units/it-amal.yaml'))).toBe(true);
    expect(existsSync(join(folder, 'register/units/it-enheten.yaml'))).toBe(false);
  });

  it('refuses a rename onto a name that is taken, and reports the finding that remains', () => {
    // Two files of id amal: the second cannot become amal.yaml.
    const folder = fixable({ 'register/municipalities/aamal.yaml': withSchemaLine('kind: Municipality\nid: amal\nname: Åmål igen\n') });
    const before = snapshot(folder);
    const result = lint(folder, '--fix');
    expect(result.stderr).toBe('itreg: nothing to fix\n');
    expect(snapshot(folder)).toEqual(before);
    expect(result.stdout).toMatch(/register\/municipalities\/aamal\.yaml\n.*rename the file to amal\.yaml\s+id-matches-filename/);
    expect(result.status).toBe(1); // unique-id is an error
  });

  it('speaks Swedish', () => {
    const folder = fixable({ 'register/applications/diarium.yaml': damaged });
    expect(runCli(['lint', '--date', '2026-06-01', '--lang', 'sv', '--fix'], folder).stderr).toBe(
      'itreg: register/applications/diarium.yaml: lagade skadad text: "Ärenden från nämnderna, över tid"\nitreg: rättade 1 fil\n',
    );
  });
});

describe('itreg lint --fix-dry-run', () => {
  it('prints the unified diff --fix would make and writes nothing; git apply makes it', () => {
    const folder = fixable({
      'register/applications/diarium.yaml': damaged,
      'register/units/it-amal.yaml': null,
      'register/units/it-enheten.yaml': unit,
    });
    const before = snapshot(folder);
    const result = lint(folder, '--fix-dry-run');
    expect(snapshot(folder)).toEqual(before);
    expect(git(folder, 'status', '--porcelain')).toBe('');
    expect(result.stdout).toBe(
      [
        'diff --git a/register/applications/diarium.yaml b/register/applications/diarium.yaml',
        '--- a/register/applications/diarium.yaml',
        '+++ b/register/applications/diarium.yaml',
        '@@ -3,7 +3,7 @@',
        ' kind: Application',
        ' id: diarium',
        " name: 'Diariesystem'   # enkla citattecken",
        '-description: "Ärenden frÃ¥n nämnderna, Ã¶ver tid"',
        '+description: "Ärenden från nämnderna, över tid"',
        ' type: business',
        ' municipalities: [amal,  mellerud]',
        ' collaborationLevel: 1',
        'diff --git a/register/units/it-enheten.yaml b/register/units/it-amal.yaml',
        'similarity index 90%',
        'rename from register/units/it-enheten.yaml',
        'rename to register/units/it-amal.yaml',
        '--- a/register/units/it-enheten.yaml',
        '+++ b/register/units/it-amal.yaml',
        '@@ -1,3 +1,4 @@',
        '+# yaml-language-server: $schema=../../schema/unit.schema.json\r',
        ' kind: Unit\r',
        ' id: it-amal\r',
        ' name: "IT-enheten Åmål"  # CRLF\r',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(
      [
        'itreg: register/applications/diarium.yaml would change: repaired damaged text: "Ärenden från nämnderna, över tid"',
        'itreg: register/units/it-enheten.yaml would change: renamed the file to it-amal.yaml; added the schema line (# yaml-language-server)',
        'itreg: --fix-dry-run: would fix 2 files; nothing was written',
        '',
      ].join('\n'),
    );
    // The diff is the change --fix makes.
    writeFileSync(join(folder, 'fix.diff'), result.stdout);
    const applied = spawnSync('git', ['apply', '--whitespace=nowarn', 'fix.diff'], { cwd: folder, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    const byApply = snapshot(folder);
    delete byApply['fix.diff'];
    const other = fixable({ 'register/applications/diarium.yaml': damaged, 'register/units/it-amal.yaml': null, 'register/units/it-enheten.yaml': unit });
    lint(other, '--fix');
    expect(byApply).toEqual(snapshot(other));
  });
});
