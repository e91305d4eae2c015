// Parses one YAML file into a SourceFile: the text, the plain value, a path → offset index and any syntax problems.
// A SourceFile is plain data (no YAML nodes), so --cache can store it.
import { Document as YamlDocument, isAlias, isMap, isPair, isScalar, isSeq, Pair, parseAllDocuments, parseDocument, visit, YAMLMap, type Document, type Node } from 'yaml';
import { isUtf8 } from 'node:buffer';
import type { Message } from '../i18n/index.js';
import { addEntry, joinPath, newPathIndex, withUniquePaths, type MutablePathIndex, type PathIndex } from './path-index.js';
import { parsePlainYaml, setOwnProperty } from './plain-yaml.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface SyntaxProblem {
  readonly message: Message;
  readonly position: Position;
}

export interface SourceFile {
  /** Path relative to the folder holding itreg.yaml, with `/` separators. */
  readonly path: string;
  readonly text: string;
  /** The document as plain data, when it parsed without errors; unknown until the schema has passed it. */
  readonly value: unknown;
  /**
   * Source offsets by JSON path. Absent for a file the fast path read: built on first need by pathIndexOf() (a file
   * with a finding), since building it for every file cost a third of parsing.
   */
  readonly index?: PathIndex;
  readonly syntaxProblems: readonly SyntaxProblem[];
}

/** What parsing adds to the text; the part --cache stores. */
export type ParseResult = Pick<SourceFile, 'value' | 'index' | 'syntaxProblems'>;

/** Aliases a document may expand before it counts as an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 1000;
/** Files longer than this (characters) keep their path index from the first parse. */
const INDEX_AT_ONCE = 64 * 1024;
const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?: |$)/m;
/** Nesting deeper than this is no register entity; the parser's recursion would only risk the stack. */
const MAX_DEPTH = 1000;
/**
 * Warnings (a collection as a key) stay out of stderr: the schema reports such a key. Duplicate keys are errors, found
 * by duplicateKeys() in one pass: yaml's own uniqueKeys compares every key with every earlier one (100,000 keys in one
 * mapping took minutes).
 */
const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, logLevel: 'error' } as const;

/** What parses text the fast path gives up on: the yaml package, or the --cache in front of it. */
export type SlowParse = (text: string) => ParseResult;

/** Decodes file bytes as UTF-8; anything else (Latin-1, binary) is a syntax problem, never silently replaced. */
export function decodeSource(path: string, bytes: Uint8Array, slowParse: SlowParse = parseWithYaml): SourceFile {
  if (bytes.includes(0)) return problemFile(path, '', { id: 'binaryFile' }, { line: 1, column: 1 });
  if (!isUtf8(bytes)) {
    const good = firstInvalidUtf8(bytes);
    const prefix = decodeUtf8(bytes.subarray(0, good));
    return problemFile(path, '', { id: 'notUtf8' }, positionAt(prefix, prefix.length));
  }
  const text = decodeUtf8(bytes);
  const parsed = parseText(text, slowParse);
  // Built whole, not spread: one object a file, 115,000 in a national register.
  return parsed.index ? { path, text, value: parsed.value, index: parsed.index, syntaxProblems: parsed.syntaxProblems } : { path, text, value: parsed.value, syntaxProblems: parsed.syntaxProblems };
}

/** One empty list for every file that parsed. */
const NO_PROBLEMS: readonly SyntaxProblem[] = Object.freeze([]);

/** UTF-8 bytes as text without a byte-order mark (as TextDecoder does, but without ICU: faster). */
function decodeUtf8(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseSource(path: string, text: string): SourceFile {
  return { path, text, ...parseText(text) };
}

/** Pure: YAML text → value, path index and syntax problems. */
export function parseText(text: string, slowParse: SlowParse = parseWithYaml): ParseResult {
  const empty = { value: undefined, index: newPathIndex() };
  // Cheap pre-checks first: most files have no conflict markers, directives or deep nesting.
  const conflict = text.includes('<<<<<<<') || text.includes('=======') || text.includes('>>>>>>>') ? CONFLICT_MARKER.exec(text) : null;
  if (conflict) return { ...empty, syntaxProblems: [{ message: { id: 'mergeConflict' }, position: positionAt(text, conflict.index) }] };
  const depth = mayNestDeeper(text) ? nestingDepth(text) : { depth: 0, offset: 0 };
  if (depth.depth > MAX_DEPTH) {
    return { ...empty, syntaxProblems: [{ message: { id: 'tooDeep', data: { limit: MAX_DEPTH } }, position: positionAt(text, depth.offset) }] };
  }
  // Most register files are plain block YAML, which the fast path reads several times faster than the yaml package.
  // A large file is likely to have findings, and parsing it twice would cost more than its index: that one keeps it.
  const plain = parsePlainYaml(text, text.length > INDEX_AT_ONCE);
  if (!plain) return slowParse(text);
  return plain.index ? { value: plain.value, index: plain.index, syntaxProblems: NO_PROBLEMS } : { value: plain.value, syntaxProblems: NO_PROBLEMS };
}

const builtIndexes = new WeakMap<SourceFile, PathIndex>();

/** The file's path index: kept from parsing, or built now from its text (the same parse, this time with offsets). */
export function pathIndexOf(source: SourceFile): PathIndex {
  if (source.index !== undefined) return source.index;
  let index = builtIndexes.get(source);
  if (index === undefined) {
    index = parsePlainYaml(source.text)?.index ?? parseWithYaml(source.text).index ?? newPathIndex();
    builtIndexes.set(source, index);
  }
  return index;
}

/** The yaml package's reading of a text that passed the pre-checks: the reference the fast path is tested against. */
export function parseWithYaml(text: string): ParseResult {
  const empty = { value: undefined, index: newPathIndex() };
  let documents: Document.Parsed[];
  try {
    // parseDocument is about a quarter faster than parseAllDocuments; only a file with several documents needs the latter.
    const single = parseDocument(text, YAML_OPTIONS);
    documents = single.errors.some((e) => e.code === 'MULTIPLE_DOCS') ? (parseAllDocuments(text, YAML_OPTIONS) as Document.Parsed[]) : [single];
  } catch (error: unknown) {
    // The parser recovers from almost anything; a throw here is a parser limit.
    return { ...empty, syntaxProblems: [{ message: { id: 'yamlError', data: { detail: firstLine(error) } }, position: { line: 1, column: 1 } }] };
  }
  const problems: SyntaxProblem[] = [];
  for (const document of documents) {
    // In document order, with the duplicate keys among them, as yaml's uniqueKeys reported them.
    const errors: Array<{ offset: number; problem: SyntaxProblem }> = [];
    for (const error of document.errors) {
      // An unclosed quote is noticed at the end of the text; the line where it opened is where to look.
      const quote = error.code === 'MISSING_CHAR' ? /Missing closing (["'])quote/.exec(error.message)?.[1] : undefined;
      const offset = (quote === undefined ? undefined : unclosedQuote(text, quote)) ?? error.pos[0];
      errors.push({ offset: error.pos[0], problem: { message: yamlErrorMessage(error.code, error.message), position: positionAt(text, offset) } });
    }
    for (const offset of duplicateKeys(document)) errors.push({ offset, problem: { message: { id: 'duplicateKey' }, position: positionAt(text, offset) } });
    errors.sort((a, b) => a.offset - b.offset);
    problems.push(...errors.map((e) => e.problem));
  }
  if (documents.length > 1) {
    problems.push({ message: { id: 'multipleDocuments', data: { count: documents.length } }, position: positionAt(text, documents[1]!.range[0]) });
  }
  // Invalid directives the parser lets through (yaml-test-suite 9MMA, SF5V): a %YAML directive twice, or with no document.
  const directive = text.startsWith('%') || text.includes('\n%') ? directiveProblem(text) : undefined;
  if (directive && problems.length === 0) problems.push(directive);
  const document = documents.length === 1 ? documents[0] : undefined;
  if (problems.length > 0) return { ...empty, syntaxProblems: problems };
  if (!document || document.contents === null) return { ...empty, syntaxProblems: [{ message: { id: 'emptyFile' }, position: { line: 1, column: 1 } }] };
  if (!isMap(document.contents)) {
    return { ...empty, syntaxProblems: [{ message: { id: 'notAMapping' }, position: positionAt(text, document.contents.range[0]) }] };
  }
  try {
    const index = newPathIndex();
    const plain = toPlain(document.contents, '', index, document);
    // Aliases, tags and complex keys are rare in a register: there yaml's own toJS decides the value.
    const value: unknown = plain === UNSUPPORTED ? document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) : plain;
    return { value, index: withUniquePaths(index), syntaxProblems: NO_PROBLEMS };
  } catch (error: unknown) {
    return { ...empty, syntaxProblems: [{ message: { id: 'yamlError', data: { detail: firstLine(error) } }, position: positionAt(text, document.contents.range[0]) }] };
  }
}

/**
 * The offset of every key that repeats an earlier key of its mapping (a scalar with the same value, as yaml's
 * uniqueKeys compares them), with a set per mapping: linear in the keys.
 */
function duplicateKeys(document: Document.Parsed): number[] {
  const offsets: number[] = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        const value: unknown = key.value;
        if (typeof value === 'number' && Number.isNaN(value)) continue; // NaN !== NaN for yaml too
        if (seen.has(value)) offsets.push(key.range?.[0] ?? 0);
        else seen.add(value);
      }
    },
  });
  return offsets;
}

const UNSUPPORTED = Symbol('unsupported');

/**
 * The name toJS gives an alias or collection key: an alias's scalar value (`*k : x` with `&k IT` is the field "IT"), a
 * collection's flow text (`? [a, b]` is "[ a, b ]"); undefined where toJS would not name it so.
 */
function oddKeyName(key: Node | null, document: Document.Parsed): string | undefined {
  if (key === null) return undefined;
  try {
    if (isAlias(key)) {
      const target = key.resolve(document);
      return isScalar(target) && (typeof target.value === 'string' || typeof target.value === 'number') ? String(target.value) : undefined;
    }
    const map = new YAMLMap();
    map.items.push(new Pair(key.clone(), null));
    const single = new YamlDocument(map, { logLevel: 'silent' });
    return Object.keys(single.toJS() as object)[0];
  } catch {
    return undefined;
  }
}

/**
 * One walk for both the plain value (what toJS gives for plain maps, lists and scalars) and the path index:
 * [key offset or -1, value offset] by path. Returns UNSUPPORTED for what only toJS should convert; the walk still
 * goes on through the rest of the document, so a key after an alias (`description: *name`) keeps its position.
 */
function toPlain(node: Node | null, path: string, index: MutablePathIndex, document: Document.Parsed, keyOffset = -1): unknown {
  if (node === null) return null;
  addEntry(index, path, keyOffset, node.range?.[0] ?? Math.max(keyOffset, 0));
  if (node.tag !== undefined && !/^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq)$/.test(node.tag)) return UNSUPPORTED;
  if (isScalar(node)) return node.value;
  if (isMap(node)) {
    const object: Record<string, unknown> = {};
    let unsupported = false;
    for (const pair of node.items) {
      let key: string | undefined;
      if (isPair(pair) && isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number')) key = String(pair.key.value);
      else {
        // An alias or collection as a key: toJS decides the value, but the pairs after it keep their positions (a
        // return here left every later finding of the file at 1:1), and the odd key itself is indexed by its name.
        unsupported = true;
        key = isPair(pair) ? oddKeyName(pair.key as Node | null, document) : undefined;
        if (key === undefined) continue;
      }
      const value = pair.value as Node | null;
      const child = joinPath(path, key);
      // A key with no value (`name:`) has no value range: the key stands for it.
      const keyStart = (pair.key as Node | null)?.range?.[0] ?? 0;
      const converted = value === null ? (addEntry(index, child, keyStart, keyStart), null) : toPlain(value, child, index, document, keyStart);
      if (converted === UNSUPPORTED) unsupported = true;
      else if (!unsupported) setOwnProperty(object, key, converted);
    }
    return unsupported ? UNSUPPORTED : object;
  }
  if (isSeq(node)) {
    const array: unknown[] = [];
    let unsupported = false;
    for (let i = 0; i < node.items.length; i++) {
      const converted = toPlain(node.items[i] as Node | null, joinPath(path, i), index, document);
      if (converted === UNSUPPORTED) unsupported = true;
      else if (!unsupported) array.push(converted);
    }
    return unsupported ? UNSUPPORTED : array;
  }
  return UNSUPPORTED; // an alias
}

/** A file that cannot be parsed at all: its one problem, and no value. */
export function problemFile(path: string, text: string, message: Message, position: Position): SourceFile {
  return { path, text, value: undefined, index: newPathIndex(), syntaxProblems: [{ message, position }] };
}

/** Line and column (1-based) of an offset, counting \n; a \r before it is part of the line end. */
export function positionAt(text: string, offset: number): Position {
  const starts = lineStartsOf(text);
  // The last line start at or before the offset (binary search: a file with 100,000 findings stays linear).
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/** The line starts of the last text asked about: findings come file by file, so one entry serves them all. */
let lastText: string | undefined;
let lastStarts: number[] = [0];

function lineStartsOf(text: string): readonly number[] {
  if (text === lastText) {
    // Equal, maybe as another string of the same content (a copied file): kept as this one, so that the next call
    // finds it by identity instead of comparing every character again (two copies of a 1 MB file with 40,000
    // findings each: 1.8 s of comparing).
    lastText = text;
    return lastStarts;
  }
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  lastText = text;
  lastStarts = starts;
  return starts;
}

/**
 * Whether the text could nest deeper than MAX_DEPTH: it has more opening brackets than that, or a line indented by
 * more spaces. Most files have neither, and these searches skip the character-by-character walk (35 ms on 4 MB).
 */
function mayNestDeeper(text: string): boolean {
  if (text.length <= MAX_DEPTH) return false;
  if (text.includes(`\n${' '.repeat(MAX_DEPTH + 1)}`)) return true;
  let brackets = 0;
  for (const bracket of ['[', '{']) {
    for (let i = text.indexOf(bracket); i !== -1; i = text.indexOf(bracket, i + 1)) if (++brackets > MAX_DEPTH) return true;
  }
  return false;
}

/** The deepest bracket/indent nesting, cheaply, to refuse pathological files before the recursive parser sees them. */
function nestingDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let deepest = 0;
  let offset = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        offset = i;
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth = Math.max(0, depth - 1);
    } else if (c === 0x0a) {
      // Block nesting: indentation of the next line, in steps of at least one space.
      let spaces = 0;
      while (text.charCodeAt(i + 1 + spaces) === 0x20) spaces++;
      if (spaces > deepest) {
        deepest = spaces;
        offset = i + 1 + spaces;
      }
    }
  }
  return { depth: deepest, offset };
}

function directiveProblem(text: string): SyntaxProblem | undefined {
  const lines = text.split('\n');
  let yamlDirectives = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('%YAML')) {
      yamlDirectives++;
      if (yamlDirectives > 1) return { message: { id: 'yamlError', data: { detail: 'the %YAML directive must not be repeated for one document' } }, position: { line: i + 1, column: 1 } };
    } else if (line.startsWith('---') || line.startsWith('...')) {
      yamlDirectives = 0;
    } else if (!line.startsWith('%') && !line.startsWith('#') && line.trim() !== '') {
      yamlDirectives = 0;
    }
  }
  // A directive with no document after it.
  const trimmed = text.replace(/(^|\n)#[^\n]*/g, '').trimEnd();
  if (/(^|\n)%[^\n]*$/.test(trimmed)) {
    return {
      message: { id: 'yamlError', data: { detail: 'a directive must be followed by a document ("---")' } },
      position: { line: text.slice(0, text.lastIndexOf('%')).split('\n').length, column: 1 },
    };
  }
  return undefined;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The offset of the first quote of kind `quote` that opens a value (after ": " or "- ") and is not closed on its line. */
function unclosedQuote(text: string, quote: string): number | undefined {
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const open = /^\s*(?:- |[^#\s][^#]*?: )/.exec(line);
    const at = open ? open[0].length : -1;
    if (at >= 0 && line[at] === quote) {
      const rest = line.slice(at + 1);
      const closed = quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
      if (!closed) return lineStart + at;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** The parser's message, in the catalogue's words (Swedish and English) for the mistakes people make; else its own. */
function yamlErrorMessage(code: string, message: string): Message {
  const detail = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return { id: 'duplicateKey' };
    case 'TAB_AS_INDENT':
      return { id: 'tabIndent' };
    case 'BAD_INDENT':
      return { id: 'yamlBadIndent' };
    case 'MISSING_CHAR':
      // The code stands for a dozen things; the two people meet get words of their own.
      if (detail.startsWith('Missing closing')) return { id: 'yamlUnclosed' };
      if (detail.startsWith('Implicit map keys need to be followed')) return { id: 'yamlLineWithoutKey' };
      return { id: 'yamlError', data: { detail } };
    case 'MULTILINE_IMPLICIT_KEY':
      return { id: 'yamlLineWithoutKey' };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { id: 'yamlNestedInValue' };
    case 'BAD_SCALAR_START': {
      const character = /reserved character (.)/.exec(detail)?.[1];
      return character ? { id: 'yamlReservedStart', data: { character } } : { id: 'yamlError', data: { detail } };
    }
    case 'BAD_DQ_ESCAPE': {
      const escape = /Invalid escape sequence (\S+)/.exec(detail)?.[1];
      return escape ? { id: 'yamlBadEscape', data: { escape } } : { id: 'yamlError', data: { detail } };
    }
    default:
      return { id: 'yamlError', data: { detail } };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // The well-formed byte sequences of Unicode's table 3-7: the second byte's range depends on the first, which rules
  // out overlong forms (C0, C1, E0 80–9F, F0 80–8F), surrogates (ED A0–BF) and code points above U+10FFFF.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k]! >> 6 !== 0b10) return i;
    i += length;
  }
  return i;
}
