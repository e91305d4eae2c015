// The loader: config discovery, file discovery, and JSON paths turned into exact lines and columns.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, RegisterError } from '../../src/errors.js';
import { findConfig, readConfig } from '../../src/register/config.js';
import { loadRegister } from '../../src/register/load.js';
import { locate } from '../../src/register/positions.js';
import { parseSource } from '../../src/register/source.js';
import { temporaryFolder, writeFiles } from '../helpers.js';

const text = `# yaml-language-server: $schema=../../schema/application.schema.json
kind: Application
id: gis
name: GIS
municipalities: [amal, mellerud]
vendor:
  name: Kartbolaget AB
  product: KartWeb
documentation: {}
`;

describe('locate', () => {
  const source = parseSource('register/applications/gis.yaml', text);

  it.each([
    ['the entity itself', [], 'value', 2, 1],
    ['a value', ['id'], 'value', 3, 5],
    ['a key', ['vendor'], 'key', 6, 1],
    ['a nested value', ['vendor', 'product'], 'value', 8, 12],
    ['a list item', ['municipalities', 1], 'value', 5, 24],
    ['a missing field, at its parent', ['vendor', 'homepage'], 'value', 7, 3],
    ['a missing top-level field, at the first line', ['lifecycle'], 'value', 2, 1],
  ] as const)('%s', (_name, path, target, line, column) => {
    expect(locate(source, path, target)).toEqual({ line, column });
  });

  it('counts CRLF line ends and a BOM as a single position shift', () => {
    const crlf = parseSource('a.yaml', `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    expect(crlf.syntaxProblems).toEqual([]);
    expect(locate(crlf, ['vendor', 'product'], 'value')).toEqual({ line: 8, column: 12 });
  });
});

describe('findConfig and readConfig', () => {
  it('finds itreg.yaml in a parent folder', () => {
    const root = temporaryFolder();
    writeFiles(root, { 'itreg.yaml': 'name: X\n', 'register/a/b/.keep': '' });
    expect(findConfig(join(root, 'register/a/b'))).toBe(join(root, 'itreg.yaml'));
  });

  it('applies the defaults of DESIGN.md', () => {
    const root = temporaryFolder();
    writeFiles(root, { 'itreg.yaml': 'name: X\n' });
    expect(readConfig(join(root, 'itreg.yaml'))).toMatchObject({
      register: 'register',
      language: 'sv',
      currency: 'SEK',
      populationYear: 'previous',
      rounding: 'krona',
      exceptions: [],
    });
  });

  it.each([
    ['a syntax error', 'name: [X\n', /^itreg\.yaml:2:1: /],
    ['an unknown key', 'name: X\nregistry: reg\n', /^itreg\.yaml:2:1: okänt fält "registry" \(menade du "register"\?\)/],
    ['a bad language', 'language: de\n', /^itreg\.yaml:1:11: "language" ska vara en av sv, en/],
    ['an unknown rule', 'rules:\n  owner: error\n', /^itreg\.yaml:2:3: okänt fält "rules\.owner"/],
    ['a bad severity', 'rules:\n  schema: fatal\n', /^itreg\.yaml:2:11: "rules\.schema" ska vara `off`, `warning`, `error`/],
    ['a top-level list', '- a\n', /^itreg\.yaml:1:1: /],
  ])('rejects %s with the line', (_name, yaml, message) => {
    const root = temporaryFolder();
    writeFiles(root, { 'itreg.yaml': yaml });
    expect(() => readConfig(join(root, 'itreg.yaml'))).toThrow(ConfigError);
    expect(() => readConfig(join(root, 'itreg.yaml'))).toThrow(message);
  });
});

describe('loadRegister', () => {
  it('reads .yaml and .yml files below the register folder in path order, skipping hidden ones', () => {
    const root = temporaryFolder();
    writeFiles(root, {
      'itreg.yaml': 'name: X\n',
      'register/b.yml': 'kind: Municipality\nid: b\nname: B\n',
      'register/sub/a.yaml': 'kind: Municipality\nid: a\nname: A\n',
      'register/.hidden/c.yaml': 'kind: Municipality\nid: c\nname: C\n',
      'register/readme.md': '# not YAML',
    });
    const loaded = loadRegister(readConfig(join(root, 'itreg.yaml')));
    expect(loaded.files.map((f) => f.path)).toEqual(['register/b.yml', 'register/sub/a.yaml']);
    expect(loaded.records.map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('ends a symlink loop', () => {
    const root = temporaryFolder();
    writeFiles(root, { 'itreg.yaml': 'name: X\n', 'register/a/x.yaml': 'kind: Municipality\nid: x\nname: X\n' });
    symlinkSync(join(root, 'register'), join(root, 'register/a/loop'));
    const loaded = loadRegister(readConfig(join(root, 'itreg.yaml')));
    expect(loaded.files.map((f) => f.path)).toEqual(['register/a/x.yaml']);
  });

  it('fails with a RegisterError when the register folder is missing', () => {
    const root = temporaryFolder();
    writeFiles(root, { 'itreg.yaml': 'name: X\nregister: nowhere\n' });
    expect(() => loadRegister(readConfig(join(root, 'itreg.yaml')))).toThrow(RegisterError);
  });

  it('treats a register of zero files as empty, not as an error', () => {
    const root = temporaryFolder();
    mkdirSync(join(root, 'register'));
    writeFileSync(join(root, 'itreg.yaml'), 'name: X\n');
    expect(loadRegister(readConfig(join(root, 'itreg.yaml'))).files).toEqual([]);
  });
});
