// Positions from a line-start index and duplicate keys found in one pass: the same lines and columns as before, for
// block and flow mappings, in the yaml package's path (a tag sends a file there).
import { describe, expect, it } from 'vitest';
import { parseText, positionAt } from '../../src/register/source.js';
import { findings, registerFrom } from '../helpers.js';

describe('positionAt', () => {
  it.each([
    ['', 0, 1, 1],
    ['a\nb\n', 0, 1, 1],
    ['a\nb\n', 1, 1, 2],
    ['a\nb\n', 2, 2, 1],
    ['a\r\nb', 3, 2, 1],
    ['a\n\n\nxyz', 6, 4, 3],
  ])('%j at %i is %i:%i', (text, offset, line, column) => {
    expect(positionAt(text, offset)).toEqual({ line, column });
    // Asked again after another text: the index follows the text.
    positionAt('other\ntext', 3);
    expect(positionAt(text, offset)).toEqual({ line, column });
  });

  it('gives each of two equal texts (a copied file) and of two texts of one length their own lines', () => {
    const text = 'a: 1\nb: 2\nc: 3\n';
    const copy = [...text].join('');
    const other = text.replace('b: 2\nc', 'bb: 2c');
    for (const [offset, line, column] of [
      [0, 1, 1],
      [7, 2, 3],
      [12, 3, 3],
    ] as const) {
      expect(positionAt(text, offset)).toEqual({ line, column });
      expect(positionAt(copy, offset)).toEqual({ line, column });
      expect(positionAt(copy, offset)).toEqual({ line, column });
      expect(positionAt(text, offset)).toEqual({ line, column });
    }
    expect(positionAt(other, 12)).toEqual({ line: 2, column: 8 });
    expect(positionAt(text, 12)).toEqual({ line: 3, column: 3 });
  });

  it('agrees with counting line breaks at every offset of a file', () => {
    const text = 'kind: Unit\nid: x\r\nname: "a\\nb"\n\n  # comment\nlast';
    for (let offset = 0; offset <= text.length; offset++) {
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      expect(positionAt(text, offset)).toEqual({ line, column: offset - (before.lastIndexOf('\n') + 1) + 1 });
    }
  });
});

describe('duplicate keys (through the yaml package)', () => {
  const problems = (text: string) => parseText(text).syntaxProblems.map((p) => [p.message.id, p.position.line, p.position.column]);

  it.each([
    ['block mapping', 'id: !!str x\nname: a\nname: b\n', [['duplicateKey', 3, 1]]],
    [
      'nested, twice',
      'id: !!str x\nholder:\n  title: a\n  unit: u\n  title: b\n  title: c\n',
      [
        ['duplicateKey', 5, 3],
        ['duplicateKey', 6, 3],
      ],
    ],
    ['flow mapping', 'id: !!str x\nshares: { amal: 50, mellerud: 20, amal: 30 }\n', [['duplicateKey', 2, 35]]],
    ['anchored keys', 'id: !!str x\n&b name: a\n&c name: b\n', [['duplicateKey', 3, 4]]],
    ['an explicit key, then an implicit one', 'id: !!str x\n? name\n: a\nname: b\n', [['duplicateKey', 4, 1]]],
    ['numbers as keys', 'id: !!str x\npopulation:\n  2024: 1\n  2024: 2\n', [['duplicateKey', 4, 3]]],
    ['__proto__ twice', 'id: !!str x\n__proto__: 1\n__proto__: 2\n', [['duplicateKey', 3, 1]]],
    ['a string and a number are different keys', "id: !!str x\npopulation:\n  '2024': 1\n  2024: 2\n", []],
    ['no duplicates', 'id: !!str x\nname: a\n', []],
  ])('%s', (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('finds the one duplicate among 100,000 keys, at its line', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}\n`).join('');
    expect(problems(`id: !!str x\n${keys}k5: again\n`)).toEqual([['duplicateKey', 100_002, 1]]);
  });
});

describe('nesting deeper than 1000 levels', () => {
  const tooDeep = (text: string) => parseText(text).syntaxProblems.map((p) => [p.message.id, p.position.line, p.position.column]);

  it.each([
    ['brackets of both kinds, 1001 deep', `a: ${'[{'.repeat(500)}[${']'.repeat(1)}${'}]'.repeat(500)}\n`, [['tooDeep', 1, 1004]]],
    ['a line indented by 1001 spaces', `a:\n${' '.repeat(1001)}b: 1\n`, [['tooDeep', 2, 1002]]],
  ])('refuses %s, at the deepest point', (_name, text, expected) => {
    expect(tooDeep(text)).toEqual(expected);
  });

  it.each([
    ['2,000 brackets side by side', `a: [${Array.from({ length: 1000 }, () => '[x]').join(', ')}]\n`],
    ['a line indented by 1000 spaces', `a:\n${' '.repeat(1000)}b: 1\n`],
  ])('reads %s', (_name, text) => {
    expect(tooDeep(text)).toEqual([]);
  });
});

describe('odd keys keep the positions of what follows them', () => {
  it.each([
    ['an alias key', 'kind: Unit\nid: it-amal\nname: &k IT\n*k : x\ntype: it-unit\nmunicipality: amal\nbogus: 1\n', 'IT', [4, 1], [7, 1]],
    ['a complex key', 'kind: Unit\nid: it-amal\n? [a, b]\n: x\nname: IT\ntype: it-unit\nmunicipality: amal\nbogus: 1\n', '[ a, b ]', [3, 3], [8, 1]],
  ])('%s', (_name, text, oddKey, oddAt, bogusAt) => {
    const folder = registerFrom('clean', { 'register/units/it-amal.yaml': text });
    const schema = findings(folder, 'schema').filter((f) => f.file === 'register/units/it-amal.yaml');
    expect(schema.map((f) => [f.message.match(/"([^"]+)"/)?.[1], f.line, f.column])).toEqual([
      [oddKey, ...oddAt],
      ['bogus', ...bogusAt],
    ]);
  });
});
