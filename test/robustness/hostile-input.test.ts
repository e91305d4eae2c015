// Hostile input: every case ends in findings (exit 1) or one line (exit 2), never an exception, a hang or a blown heap.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource, parseSource } from '../../src/register/source.js';
import { runRules } from '../../src/lint/run-rules.js';
import { readConfig } from '../../src/register/config.js';
import { loadRegister } from '../../src/register/load.js';
import { rules } from '../../src/rules/index.js';
import { defineRule, type Rule } from '../../src/rules/define-rule.js';
import { findings, lint, projectRoot, registerFrom, runCli, temporaryFolder, writeFiles } from '../helpers.js';

const unit = 'kind: Unit\nid: kansli-amal\nname: Kommunkansliet, Åmål\ntype: department\nmunicipality: amal\n';

function lintFile(name: string, content: string | Buffer): { status: number | null; found: Array<{ ruleId: string; line: number; column: number; message: string }>; stderr: string } {
  const folder = registerFrom('clean');
  writeFileSync(join(folder, 'register', name), content);
  const result = runCli(['lint', '--format', 'json', '--date', '2026-06-01', '--lang', 'en'], folder);
  const json = JSON.parse(result.stdout || '{"findings":[]}') as { findings: Array<{ ruleId: string; file: string; line: number; column: number; message: string }> };
  return { status: result.status, stderr: result.stderr, found: json.findings.filter((f) => f.file === `register/${name}`) };
}

const billionLaughs = `kind: Unit
id: lol
name: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

describe('hostile files in the register', () => {
  it.each([
    ['an alias bomb ("billion laughs")', 'lol.yaml', billionLaughs, 'yaml-syntax', /alias/i],
    ['20,000 levels of flow nesting', 'deep.yaml', `kind: Unit\nid: deep\nname: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, 'yaml-syntax', /nested more than 1000 levels/],
    [
      '1,500 levels of block nesting (20,000 would take 200 MB of spaces)',
      'deep-block.yaml',
      Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
      'yaml-syntax',
      /nested more than 1000 levels/,
    ],
    ['a Latin-1 file', 'latin1.yaml', Buffer.from('kind: Municipality\nid: amal\nname: \xC5m\xE5l\n', 'latin1'), 'yaml-syntax', /not UTF-8/],
    ['a binary file', 'binary.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), 'yaml-syntax', /binary file/],
    ['an empty file', 'empty.yaml', '', 'yaml-syntax', /empty file/],
    ['a file with only comments', 'comments.yaml', '# nothing here\n# yet\n', 'yaml-syntax', /empty file/],
    ['tabs for indentation', 'tabs.yaml', 'kind: Unit\nholder:\n\ttitle: x\n', 'yaml-syntax', /tabs are not allowed/],
    ['duplicate keys', 'dup.yaml', 'kind: Unit\nid: dup\nid: dup2\n', 'yaml-syntax', /same key appears twice/],
    ['a top-level list', 'list.yaml', '- kind: Unit\n', 'yaml-syntax', /not a mapping/],
    ['a top-level scalar', 'scalar.yaml', 'just text\n', 'yaml-syntax', /not a mapping/],
    ['merge-conflict markers', 'conflict.yaml', `kind: Unit\n<<<<<<< HEAD\nid: a\n=======\nid: b\n>>>>>>> feature\n`, 'yaml-syntax', /unresolved merge conflict/],
    ['a collection as a key (no Node warning on stderr)', 'ckey.yaml', 'kind: Unit\nid: ckey\nname: C\ntype: group\n[a, b]: 1\n', 'schema', /unknown field "\[ a, b \]"/],
    ['prototype keys', 'proto.yaml', 'kind: Unit\nid: proto\nname: P\ntype: group\n__proto__: { polluted: yes }\nconstructor: 1\nprototype: 2\n', 'schema', /unknown field "__proto__"/],
  ])('%s', (_name, file, content, ruleId, message) => {
    const started = Date.now();
    const result = lintFile(file, content);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.found.length).toBeGreaterThanOrEqual(1);
    expect(result.found[0]!.ruleId).toBe(ruleId);
    expect(result.found[0]!.message).toMatch(message);
    expect(result.found[0]!.line).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(20_000); // no hang (a generous bound, not a speed test)
  });

  it('points at the line of a merge-conflict marker and of the first byte that is not UTF-8', () => {
    expect(lintFile('conflict.yaml', 'kind: Unit\n<<<<<<< HEAD\nid: a\n').found[0]).toMatchObject({ line: 2, column: 1 });
    expect(lintFile('latin1.yaml', Buffer.from('kind: Municipality\nid: amal\nname: \xC5m\xE5l\n', 'latin1')).found[0]).toMatchObject({ line: 3, column: 7 });
  });

  it.each([
    ['an overlong "/"', [0xc0, 0xaf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['an overlong four-byte form', [0xf0, 0x80, 0x80, 0xaf]],
  ])('points at %s where it stands, not past the end of the file', (_name, bytes) => {
    const text = Buffer.concat([Buffer.from('kind: Municipality\nid: amal\nname: X '), Buffer.from(bytes), Buffer.from('\npopulation: { 2025: 1 }\n')]);
    expect(lintFile('overlong.yaml', text).found[0]).toMatchObject({ line: 3, column: 9 });
  });

  it('reads a 4 MB file', () => {
    const big = `${unit.replace('kansli-amal', 'big').replace('Kommunkansliet, Åmål', 'Stor')}description: "${'Åmål är en stad vid Vänern. '.repeat(150_000)}"\n`;
    expect(big.length).toBeGreaterThan(4_000_000);
    const result = lintFile('big.yaml', big);
    expect(result.stderr).toBe('');
    expect(result.found).toEqual([]);
  });

  it('accepts a UTF-8 BOM and CRLF line ends without a finding, positions intact', () => {
    const text = `\uFEFF${unit.replace('kansli-amal', 'crlf').replace('municipality: amal', 'municipality: amall')}`.replace(/\n/g, '\r\n');
    const result = lintFile('crlf.yaml', text);
    expect(result.found.map((f) => [f.ruleId, f.line, f.column])).toEqual([['reference', 5, 15]]);
  });

  it('never pollutes a prototype', () => {
    const source = parseSource('p.yaml', '__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n');
    expect(Object.getPrototypeOf(source.value)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(source.value as object)).toEqual(['__proto__', 'constructor']);
    const folder = registerFrom('clean', { 'register/proto.yaml': '__proto__: { polluted: yes }\nkind: Unit\nid: p\nname: P\ntype: group\n' });
    lint(folder);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('catches the two invalid YAML test-suite cases the yaml package accepts (9MMA, SF5V)', () => {
    expect(decodeSource('9mma.yaml', Buffer.from('%YAML 1.2\n')).syntaxProblems[0]?.message.id).toBe('yamlError');
    expect(decodeSource('sf5v.yaml', Buffer.from('%YAML 1.2\n%YAML 1.2\n---\n')).syntaxProblems[0]).toMatchObject({ message: { id: 'yamlError' }, position: { line: 2, column: 1 } });
  });

  it('reports each problem of a file with several', () => {
    const result = lintFile('many.yaml', 'kind: Application\nid: Many\nname: M\ntype: odd\nmunicipalities: []\nextra: 1\n');
    expect(result.found.map((f) => f.ruleId)).toEqual(['id-matches-filename', 'schema', 'schema', 'schema', 'schema']);
  });
});

describe('hostile folders', () => {
  it('ends a symlink loop and reports a dangling link and a FIFO as unreadable, checking the rest', () => {
    const folder = registerFrom('clean');
    symlinkSync(join(folder, 'register'), join(folder, 'register/units/loop'));
    symlinkSync(join(folder, 'nowhere.yaml'), join(folder, 'register/dangling.yaml'));
    const fifo = spawnSync('mkfifo', [join(folder, 'register/fifo.yaml')]);
    const result = runCli(['lint', '--format', 'json', '--date', '2026-06-01', '--lang', 'en'], folder);
    const json = JSON.parse(result.stdout) as { findings: Array<{ file: string; message: string }>; summary: { files: number } };
    expect(json.findings).toContainEqual(expect.objectContaining({ file: 'register/dangling.yaml', message: expect.stringMatching(/cannot read the file \(ENOENT\)/) as unknown }));
    if (fifo.status === 0) expect(json.findings).toContainEqual(expect.objectContaining({ file: 'register/fifo.yaml', message: expect.stringMatching(/ENOTREG/) as unknown }));
    expect(json.summary.files).toBe(14 + 1 + (fifo.status === 0 ? 1 : 0));
  });

  it('does not follow a link out of the register folder: one yaml-syntax finding per link, nothing of the target read', () => {
    const folder = registerFrom('clean');
    const secrets = temporaryFolder();
    writeFiles(secrets, { shadow: 'root: $6$SECRETHASH\ndaemon: "*"\n', 'more/x.yaml': 'kind: Unit\nid: secret-unit\nname: SECRET\n' });
    symlinkSync(join(secrets, 'shadow'), join(folder, 'register/units/shadow.yaml'));
    symlinkSync(join(secrets, 'more'), join(folder, 'register/more'));
    // A link that stays inside the register is read as before.
    symlinkSync(join(folder, 'register/units/it-amal.yaml'), join(folder, 'register/it-amal-link.yml'));
    const result = runCli(['lint', '--format', 'json', '--date', '2026-06-01', '--lang', 'en'], folder);
    expect(result.stdout).not.toMatch(/SECRET|root|daemon/);
    const json = JSON.parse(result.stdout) as { findings: Array<{ file: string; ruleId: string; message: string; line: number }> };
    const outside = json.findings.filter((f) => f.message.startsWith('a link to a file outside'));
    expect(outside).toEqual([
      expect.objectContaining({ file: 'register/more', ruleId: 'yaml-syntax', line: 1 }),
      expect.objectContaining({
        file: 'register/units/shadow.yaml',
        ruleId: 'yaml-syntax',
        line: 1,
        message: 'a link to a file outside the register folder: it is not read; copy the file into the register, or remove the link',
      }),
    ]);
    expect(json.findings.filter((f) => f.file === 'register/it-amal-link.yml').map((f) => f.ruleId)).toContain('id-matches-filename');
  });

  it('lints a register of zero files', () => {
    const folder = temporaryFolder();
    writeFiles(folder, { 'itreg.yaml': 'name: Tom\nlanguage: en\n' });
    mkdirSync(join(folder, 'register'));
    const result = runCli(['lint', '--format', 'json'], folder);
    expect(JSON.parse(result.stdout)).toMatchObject({ summary: { files: 0, entities: 0, errors: 0, warnings: 1 } });
    expect(result.status).toBe(0);
  });
});

describe('a broken itreg.yaml', () => {
  it.each([
    ['not UTF-8', Buffer.from('name: \xC5m\xE5l\n', 'latin1'), /^itreg: itreg\.yaml:1:7: /],
    ['binary', Buffer.from([0, 1, 2]), /^itreg: itreg\.yaml:1:1: /],
    ['empty', '', /^itreg: itreg\.yaml:1:1: /],
    ['a merge conflict', 'name: X\n<<<<<<< HEAD\nlanguage: sv\n=======\nlanguage: en\n>>>>>>> b\n', /^itreg: itreg\.yaml:2:1: .*merge conflict/],
    ['an alias bomb', billionLaughs.replace(/^kind: Unit\nid: lol\n/, ''), /^itreg: itreg\.yaml:1:1: /],
    ['deep nesting', `name: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, /^itreg: itreg\.yaml:1:\d+: /],
    ['tabs', 'rules:\n\tschema: error\n', /^itreg: itreg\.yaml:2:1: /],
    ['duplicate keys', 'name: A\nname: B\n', /^itreg: itreg\.yaml:2:1: /],
    ['a top-level scalar', 'itreg\n', /^itreg: itreg\.yaml:1:1: /],
    ['prototype keys', '__proto__: { polluted: 1 }\n', /^itreg: itreg\.yaml:1:1: .*"__proto__"/],
  ])('%s: exit 2 naming the line', (_name, content, message) => {
    const folder = registerFrom('clean');
    writeFileSync(join(folder, 'itreg.yaml'), content);
    const result = runCli(['lint'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a crash inside a rule', () => {
  const crashing = defineRule({
    id: 'crashing',
    severity: 'error',
    appliesTo: 'Application',
    docs: { description: { sv: 'kraschar alltid för test', en: 'always crashes, for the test' }, details: { sv: 'bara för testet här', en: 'only for the test here' } },
    check() {
      throw new TypeError('boom');
    },
  });

  it('becomes an internal-error finding for that rule, and the other rules still run', () => {
    const folder = registerFrom('clean', { 'register/roles/diarium-owner.yaml': null });
    const config = readConfig(join(folder, 'itreg.yaml'), 'en');
    const crashes: string[] = [];
    const result = runRules(loadRegister(config), [crashing, ...(rules as readonly Rule[])], { date: '2026-06-01', onRuleCrash: (id) => crashes.push(id) });
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'crashing',
        severity: 'error',
        file: 'register/applications/diarium.yaml',
        message: expect.stringMatching(/^internal error in rule crashing: boom/) as unknown,
      }),
    );
    expect(result.findings.map((f) => f.ruleId)).toContain('application-has-owner');
    expect(crashes).toEqual(['crashing']);
  });
});

describe('the example register', () => {
  it('still lints in full after all this', () => {
    expect(findings(projectRoot, undefined, { date: '2026-11-26' }).length).toBe(24); // test/lint/example-register.test.ts lists them
    expect(readFileSync(join(projectRoot, 'itreg.yaml'), 'utf8')).toContain('Dalslandskommunerna');
  });
});
