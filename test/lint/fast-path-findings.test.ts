// Lint reads most files with the fast YAML path: on random registers (unknown fields, keys named as inherited
// properties, anchors and aliases, repeated lines) its findings, positions and JSON output are those of a lint that
// reads every file with the yaml package.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/format/json.js';
import { runRules } from '../../src/lint/run-rules.js';
import { readConfig } from '../../src/register/config.js';
import { buildRecords, loadRegister, type LoadedRegister } from '../../src/register/load.js';
import { parsePlainYaml } from '../../src/register/plain-yaml.js';
import { parseText, parseWithYaml, type SourceFile } from '../../src/register/source.js';
import { rules } from '../../src/rules/index.js';
import { projectRoot } from '../helpers.js';

/** A seeded generator (mulberry32), so a failure can be reproduced. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const names = ['field000001', 'nmae', 'ownr', 'toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'notes'];
const values = ['x', '1', '', 'null', '[a, b]', '{ k: v }', '&n 7', '*n', "'quoted'"];

/** `text` with one random edit: an unknown field, an anchor with an alias, or a line repeated. */
function mutate(text: string, random: (n: number) => number): string {
  const lines = text.split('\n');
  const operation = random(4);
  if (operation <= 1) {
    // A top-level key (at column 0) after a random line that is followed by one, as a user adds a field.
    const tops = lines.map((line, i) => (i > 0 && /^[a-z]/i.test(line) ? i : -1)).filter((i) => i >= 0);
    const at = tops.length > 0 ? tops[random(tops.length)]! : lines.length;
    const value = values[random(values.length)]!;
    lines.splice(at, 0, `${names[random(names.length)]}:${value === '' ? '' : ` ${value}`}`);
    return lines.join('\n');
  }
  if (operation === 2) {
    // An anchor on one value after ": " and an alias of it for the rest of a later such line.
    const places = [...text.matchAll(/: (?=\S)/g)].map((match) => match.index + 2);
    if (places.length < 2) return text;
    const [first, second] = [places[random(places.length)]!, places[random(places.length)]!].sort((a, b) => a - b);
    if (first === second) return `${text.slice(0, first)}&a ${text.slice(first)}`;
    const end = text.indexOf('\n', second);
    return `${text.slice(0, first)}&a ${text.slice(first, second)}*a${end === -1 ? '' : text.slice(end)}`;
  }
  const line = random(lines.length);
  lines.splice(line, 0, lines[line]!);
  return lines.join('\n');
}

/** The register with every file read again from its text, by `parse`. */
function readAgain(loaded: LoadedRegister, texts: ReadonlyMap<string, string>, parse: (text: string) => ReturnType<typeof parseText>): LoadedRegister {
  const files: SourceFile[] = loaded.files.map((file) => {
    const text = texts.get(file.path) ?? file.text;
    return { path: file.path, text, ...parse(text) };
  });
  return { config: loaded.config, files, records: buildRecords(files, loaded.config) };
}

describe('the fast path in a lint', () => {
  it('finds, places and writes as the yaml package on 24 random registers', () => {
    const config = readConfig(join(projectRoot, 'itreg.yaml'), 'en');
    const example = loadRegister(config);
    const random = generator(20261208);
    let fast = 0;
    let anchored = 0;
    let unknownFields = 0;
    for (let round = 0; round < 24; round++) {
      const texts = new Map<string, string>();
      for (let k = 0; k < 40; k++) {
        const file = example.files[random(example.files.length)]!;
        let text = texts.get(file.path) ?? file.text;
        for (let edits = 1 + random(4); edits > 0; edits--) text = mutate(text, random);
        texts.set(file.path, text);
      }
      for (const text of texts.values()) {
        if (!parsePlainYaml(text)) continue;
        fast++;
        if (text.includes('*a') || text.includes('*n')) anchored++;
      }
      const plain = runRules(
        readAgain(example, texts, (text) => parseText(text)),
        rules,
        { date: '2026-06-01' },
      );
      const reference = runRules(readAgain(example, texts, parseWithYaml), rules, { date: '2026-06-01' });
      const shown = (result: typeof plain) => result.findings.map(({ ruleId, severity, message, file, line, column, entityId }) => ({ ruleId, severity, message, file, line, column, entityId }));
      expect(shown(plain)).toEqual(shown(reference));
      expect(plain.summary).toEqual(reference.summary);
      expect(formatJson(plain)).toBe(formatJson(reference));
      unknownFields += plain.findings.filter((finding) => finding.messageId === 'schemaUnknownField').length;
    }
    // Neither side of the comparison may be empty, or it proves nothing.
    expect(fast).toBeGreaterThan(200);
    expect(anchored).toBeGreaterThan(30);
    expect(unknownFields).toBeGreaterThan(300);
  });
});
