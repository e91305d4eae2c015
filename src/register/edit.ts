// editYaml(): changes to fields of a register file that keep every other byte: comments, key order, quoting, spacing.
// The yaml package's Document API finds each node and its range; only that range is replaced (a re-dump of the whole
// document would re-space comments and flow lists, and git diff would show lines nobody changed).
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node, type Pair, type YAMLMap } from 'yaml';

/** A field to set (`value`) or remove (`value` undefined), by its path of keys. */
export interface FieldEdit {
  readonly path: readonly string[];
  readonly value: unknown;
}

type Range = [number, number, number];

const STRINGIFY = { flowCollectionPadding: false, lineWidth: 0 } as const;

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset after the line break of the line that `offset` ends on (a range's end may already be a line's start). */
function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const next = text.indexOf('\n', offset);
  return next === -1 ? text.length : next + 1;
}

/** One value as YAML text for the place it goes: a scalar (a line break forces double quotes), or a flow list. */
function valueText(value: unknown, like?: Node | null): string {
  const document = new Document(value);
  const node = document.contents;
  if (isScalar(node)) {
    if (typeof value === 'string' && /[\n\r]/.test(value)) node.type = 'QUOTE_DOUBLE';
    else if (isScalar(like) && (like.type === 'QUOTE_DOUBLE' || like.type === 'QUOTE_SINGLE')) node.type = like.type;
  }
  if (isSeq(node) || isMap(node)) node.flow = true;
  return document.toString(STRINGIFY).replace(/\n$/, '');
}

/** `key: value` lines for a new field, indented by `indent`: a nested object in block style, lists of scalars in flow. */
function pairText(key: string, value: unknown, indent: number): string {
  const document = new Document({ [key]: value });
  visit(document, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /[\n\r]/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const pad = ' '.repeat(indent);
  return document
    .toString(STRINGIFY)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => pad + line + '\n')
    .join('');
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** The nested object that setting `value` at `path` below a missing key makes: {b: {c: value}}. */
function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, step) => ({ [step]: inner }), value);
}

/**
 * Applies `edits` to the text of one YAML mapping, in order. `order(path)` gives the keys of the object at `path` in
 * their conventional order (the schema's), so that a new key goes where `itreg new` would have put it.
 */
export function editYaml(text: string, edits: readonly FieldEdit[], order: (path: readonly string[]) => readonly string[]): string {
  let current = text;
  for (const edit of edits) current = applyEdit(current, edit, order);
  return current;
}

function applyEdit(text: string, edit: FieldEdit, order: (path: readonly string[]) => readonly string[]): string {
  const document = parseDocument(text, { keepSourceTokens: false });
  if (!isMap(document.contents)) throw new Error('a register file holds a mapping');
  let map: YAMLMap = document.contents;
  for (let depth = 0; depth < edit.path.length; depth += 1) {
    const step = edit.path[depth]!;
    const rest = edit.path.slice(depth + 1);
    const pair: Pair | undefined = map.items.find((item) => keyOf(item) === step);
    const here = edit.path.slice(0, depth);
    if (map.flow) {
      // A flow mapping ({ name: X }) is written anew as a whole, with the change made in its data.
      const data = (map.toJSON() ?? {}) as Record<string, unknown>;
      const changed = setData(data, edit.path.slice(depth), edit.value);
      const range = map.range as Range;
      return Object.keys(changed).length === 0 && depth > 0 ? applyEdit(text, { path: here, value: undefined }, order) : text.slice(0, range[0]) + valueText(changed) + text.slice(range[1]);
    }
    if (!pair) {
      if (edit.value === undefined) return text;
      return insertPair(text, map, here, step, nest(rest, edit.value), order);
    }
    if (rest.length === 0) {
      if (edit.value === undefined) {
        // The last field of a nested mapping goes with its key (vendor: with no name left is no vendor).
        if (map.items.length === 1 && depth > 0) return applyEdit(text, { path: here, value: undefined }, order);
        return removePair(text, pair);
      }
      return setPair(text, pair, edit.value);
    }
    if (!isMap(pair.value)) {
      if (edit.value === undefined) return text;
      return setPair(text, pair, nest(rest, edit.value));
    }
    map = pair.value;
  }
  return text;
}

/** `data` with `value` set (or removed, when undefined) at `path`, emptied objects removed. */
function setData(data: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [step, ...rest] = path;
  const copy = { ...data };
  if (step === undefined) return copy;
  if (rest.length === 0) {
    if (value === undefined) delete copy[step];
    else copy[step] = value;
    return copy;
  }
  const inner = typeof copy[step] === 'object' && copy[step] !== null && !Array.isArray(copy[step]) ? (copy[step] as Record<string, unknown>) : {};
  const changed = setData(inner, rest, value);
  if (Object.keys(changed).length === 0) delete copy[step];
  else copy[step] = changed;
  return copy;
}

function removePair(text: string, pair: Pair): string {
  const key = pair.key as Node;
  const start = lineStart(text, (key.range as Range)[0]);
  const value = pair.value as Node | null;
  const end = lineEnd(text, value?.range ? value.range[1] : (key.range as Range)[1]);
  return text.slice(0, start) + text.slice(end);
}

function setPair(text: string, pair: Pair, value: unknown): string {
  const key = pair.key as Node;
  const old = pair.value as Node | null;
  const keyRange = key.range as Range;
  const column = keyRange[0] - lineStart(text, keyRange[0]);
  const scalars = (list: unknown): list is unknown[] => Array.isArray(list) && list.every((item) => item === null || typeof item !== 'object');
  if (old && old.range && (isScalar(old) || (isSeq(old) && old.flow) || (isMap(old) && old.flow))) {
    if (value === null || typeof value !== 'object' || scalars(value) || (isMap(old) && old.flow)) {
      const range = old.range;
      return text.slice(0, range[0]) + valueText(value, old) + text.slice(range[1]);
    }
  }
  if (old && old.range && isSeq(old) && !old.flow && scalars(value)) {
    // A block list stays a block list, each item on its line at the old items' column.
    const range = old.range;
    const itemColumn = range[0] - lineStart(text, range[0]);
    const items = value.map((item) => `- ${valueText(item)}`).join(`\n${' '.repeat(itemColumn)}`);
    const end = text[range[1] - 1] === '\n' ? range[1] - 1 : range[1];
    return text.slice(0, range[0]) + items + text.slice(end);
  }
  // Anything else (a value of another shape, a key with no value): the whole pair is written anew.
  const start = lineStart(text, keyRange[0]);
  const end = lineEnd(text, old?.range ? old.range[1] : keyRange[1]);
  return text.slice(0, start) + pairText(keyOf(pair) ?? '', value, column) + text.slice(end);
}

function insertPair(text: string, map: YAMLMap, path: readonly string[], key: string, value: unknown, order: (path: readonly string[]) => readonly string[]): string {
  const keys = order(path);
  const rank = (name: string | undefined): number => {
    const index = name === undefined ? -1 : keys.indexOf(name);
    return index === -1 ? keys.length : index;
  };
  const items = map.items.filter((item): item is Pair<Node, Node | null> => isPair(item) && (item.key as Node | null)?.range !== undefined);
  const first = items[0];
  if (!first) throw new Error('an empty mapping has no place for a key');
  const column = (first.key.range as Range)[0] - lineStart(text, (first.key.range as Range)[0]);
  // Before the first key (in the file's order) that comes after it in the conventional order; else after the last.
  const next = items.find((item) => rank(keyOf(item)) > rank(key));
  const last = items.at(-1)!;
  const at = next ? lineStart(text, (next.key.range as Range)[0]) : lineEnd(text, last.value?.range ? last.value.range[1] : (last.key.range as Range)[1]);
  const prefix = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  return text.slice(0, at) + prefix + pairText(key, value, column) + text.slice(at);
}
