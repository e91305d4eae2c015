// A fast path for the plain YAML registers are written in: block mappings and sequences, plain scalars (over several
// lines too), one-line quoted scalars and flow collections, literal and folded block scalars, comments, and anchors
// and aliases in block values (`id: &self x`, `owner: *unit`). It gives exactly what the yaml package gives for such a
// file (the value of toJS, where an alias of a collection is the anchored object itself, and the offsets in its nodes'
// ranges), over ten times faster, and gives up (undefined) at anything else: anchors and aliases in flow collections
// or on keys, an anchor defined twice, an alias of an anchor not yet complete or of a collection that holds an alias
// (yaml's cycles and alias-bomb count), tags, multi-line quoted scalars, block scalars that keep their final empty
// lines or give an indentation, multi-line flow collections, escapes, directives, document markers, tabs, a key that
// is not a plain word or number, a duplicate key, a number it does not convert exactly as yaml does. What it gives up
// on goes to the yaml package, which also reports every error. A differential test holds the two to the same value
// (and the same sharing of objects) and index on the example register, the YAML test suite and 20,000 mutated files.

import { addEntry, joinPath, newPathIndex, type MutablePathIndex } from './path-index.js';

export interface PlainYaml {
  readonly value: Record<string, unknown>;
  /** Present when asked for: most files never need a position, so lint builds it only for a file with a finding. */
  readonly index: MutablePathIndex;
}

/** Thrown (never outside this module) when the text leaves the subset. */
const GIVE_UP: unique symbol = Symbol('give up');

/** Characters no register file needs and YAML treats specially or rejects: C0/C1 controls but tab and line ends, BOM, line separators, non-characters. */
const UNUSUAL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/** A carriage return that does not start a CRLF line end (looked for apart: one class alone scans twice as fast). */
const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

// Plain scalars that YAML 1.2's core schema (yaml's default) reads as something other than a string.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** First letters of null, true and false in any case. */
const MAY_START_WORD = new Set([0x4e, 0x6e, 0x54, 0x74, 0x46, 0x66]);
/** YAML allows an implicit key of at most 1024 characters; well below that the subset stops. */
const MAX_KEY_LENGTH = 1000;
/**
 * Aliases of one anchor beyond this go to the yaml package, whose toJS refuses an anchor aliased more than its
 * maxAliasCount (1000 in source.ts) times as an alias bomb: far below it, the two cannot disagree.
 */
const MAX_ALIASES_PER_ANCHOR = 100;
/** The numbers converted here: decimal integers and fractions whose Number() is what yaml's parseInt/parseFloat give. */
const SIMPLE_NUMBER = /^-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;

// Character codes.
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const DOUBLE_QUOTE = 0x22;
const HASH = 0x23;
const AMPERSAND = 0x26;
const SINGLE_QUOTE = 0x27;
const ASTERISK = 0x2a;
const COMMA = 0x2c;
const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const GREATER_THAN = 0x3e;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const PIPE = 0x7c;
const CLOSE_BRACE = 0x7d;

/** The text as value and index when it is a mapping in the plain subset; undefined when the yaml package must decide. */
export function parsePlainYaml(text: string): PlainYaml | undefined;
/** With `withIndex` false, without the path index: a third less work and memory, for the many files without a finding. */
export function parsePlainYaml(text: string, withIndex: boolean): (Omit<PlainYaml, 'index'> & { index?: MutablePathIndex }) | undefined;
export function parsePlainYaml(text: string, withIndex = true): (Omit<PlainYaml, 'index'> & { index?: MutablePathIndex }) | undefined {
  if (UNUSUAL_CHARACTER.test(text) || (text.includes('\r') && LONE_CARRIAGE_RETURN.test(text))) return undefined;
  const parser = new PlainParser(text, withIndex);
  try {
    return parser.parseDocument();
  } catch (error: unknown) {
    // A stack overflow (nesting far deeper than parseText lets through) is left to the yaml path and its limits too.
    if (error === GIVE_UP || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Sets an own property even for "__proto__": parsed data never reaches a prototype. */
export function setOwnProperty(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/**
 * Whether a mapping being read has `key` already. No parsed value is undefined, so a plain look-up answers for every
 * key but an inherited name (toString, __proto__), which Object.hasOwn decides: calling it for every key of a mapping
 * of 160,000 keys cost 8 % of the file's parse.
 */
function hasKey(object: Record<string, unknown>, key: string): boolean {
  return object[key] !== undefined && Object.hasOwn(object, key);
}

function giveUp(): never {
  throw GIVE_UP;
}

/** The plain scalar's value as the core schema resolves it; gives up on numbers whose conversion it does not mirror. */
function resolvePlain(source: string): unknown {
  const first = source.charCodeAt(0);
  // Most letters cannot start a null, boolean or number (n, t, f can; so can ~ . + - and digits): a string at once.
  if (first >= 0x80 || (first >= 0x41 && first !== 0x7e && !MAY_START_WORD.has(first))) return source;
  // n, t or f: no number starts with a letter, and null, true and false have at most five ("field000001" is a string).
  if (first >= 0x41 && first !== 0x7e && source.length > 5) return source;
  if (NULL.test(source)) return null;
  if (TRUE.test(source)) return true;
  if (FALSE.test(source)) return false;
  if (!CORE_NUMBER.test(source)) return source;
  return SIMPLE_NUMBER.test(source) ? Number(source) : giveUp();
}

function isLineEnd(code: number): boolean {
  // NaN (past the end) counts as a line end.
  return code === LINE_FEED || code === CARRIAGE_RETURN || Number.isNaN(code);
}

/** Letters, digits and `_.-`: the characters of a plain key. */
function isKeyCharacter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === DOT || code === DASH;
}

/** Whether `-` followed by this character starts a plain scalar (`-1`, `-x`), not a sequence entry. */
function isPlainSafe(code: number, inFlow: boolean): boolean {
  if (code === SPACE || code === TAB || isLineEnd(code)) return false;
  return !inFlow || (code !== COMMA && code !== OPEN_BRACKET && code !== CLOSE_BRACKET && code !== OPEN_BRACE && code !== CLOSE_BRACE);
}

/** Characters that cannot start a plain scalar in the subset (YAML's indicators). */
function isIndicator(code: number): boolean {
  switch (code) {
    case 0x2d: // - (allowed below when a non-space follows)
    case 0x3f: // ?
    case 0x3a: // :
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x23: // #
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case 0x27: // '
    case 0x22: // "
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return true;
    default:
      return false;
  }
}

class PlainParser {
  private readonly text: string;
  /** Start of the line not yet consumed. */
  private lineStart = 0;
  /** Of the line at lineStart, after peek(): the offset of its first character. */
  private contentStart = 0;
  /** Comment lines more indented than this would sit inside a scalar's continuation: give up on them. */
  private commentLimit = Number.POSITIVE_INFINITY;
  /** Source offsets by path; absent when not asked for (then no path is joined either). */
  private readonly index: MutablePathIndex | undefined;
  /** Complete anchored values by name, with the number of aliases read of each; undefined while one is being read. */
  private readonly anchors = new Map<string, { readonly value: unknown; aliases: number } | undefined>();
  /** Aliases read so far: an anchored value that holds one is left to the yaml package. */
  private aliasCount = 0;

  constructor(text: string, withIndex: boolean) {
    this.text = text;
    this.index = withIndex ? newPathIndex() : undefined;
  }

  parseDocument(): Omit<PlainYaml, 'index'> & { index?: MutablePathIndex } {
    if (this.peek() !== 0) giveUp(); // a leading indent, or no content at all (the yaml package reports an empty file)
    // The top mapping ends only at the end of the text: a line less indented than column 0 does not exist.
    const value = this.parseMapping(0, '', -1, this.contentStart);
    return this.index ? { value, index: this.index } : { value };
  }

  /** Records where the key and value of `path` start. */
  private mark(path: string, keyOffset: number, valueOffset: number): void {
    if (this.index) addEntry(this.index, path, keyOffset, valueOffset);
  }

  /** The path of a child: joined only when an index is being built. */
  private child(path: string, step: string | number): string {
    return this.index ? joinPath(path, step) : '';
  }

  /**
   * Skips blank and comment lines from lineStart; returns the next content line's indentation (and sets
   * contentStart), or -1 at the end of the text. A tab before the content is left to the yaml package.
   */
  private peek(): number {
    const text = this.text;
    for (;;) {
      const start = this.lineStart;
      if (start >= text.length) return -1;
      const i = this.skipSpaces(start);
      const code = text.charCodeAt(i);
      if (code === HASH) {
        if (i - start > this.commentLimit) giveUp();
        this.lineStart = this.nextLine(i);
      } else if (isLineEnd(code)) {
        this.lineStart = this.nextLine(i);
      } else {
        if (code === TAB) giveUp();
        this.contentStart = i;
        return i - start;
      }
    }
  }

  /** The first offset from `from` that is not a space. */
  private skipSpaces(from: number): number {
    let i = from;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** The offset after the line end at or after `from`. */
  private nextLine(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end + 1;
  }

  /** Requires the rest of the line from `from` to be spaces and an optional comment, and moves to the next line. */
  private finishLine(from: number, blockIndent: number): void {
    const text = this.text;
    const i = this.skipSpaces(from);
    const code = text.charCodeAt(i);
    if (code === HASH) {
      if (i === from) giveUp(); // a comment needs a space before it
    } else if (!isLineEnd(code)) {
      giveUp();
    }
    this.lineStart = this.nextLine(i);
    this.commentLimit = blockIndent;
  }

  /** A plain key at `start` up to its `:` and a space or line end: [key, offset after the colon]; undefined if there is none. */
  private scanKey(start: number): [string, number] | undefined {
    const text = this.text;
    let i = start;
    while (isKeyCharacter(text.charCodeAt(i))) i++;
    if (i === start || text.charCodeAt(i) !== COLON) return undefined;
    if (i - start > MAX_KEY_LENGTH) giveUp();
    const after = text.charCodeAt(i + 1);
    if (after !== SPACE && !isLineEnd(after)) return undefined;
    const key = resolvePlain(text.slice(start, i));
    if (typeof key === 'string') return [key, i + 1];
    if (typeof key === 'number') return [String(key), i + 1];
    return giveUp(); // a null or boolean key
  }

  /** A block mapping whose keys stand at column `indent`; its first key starts at `firstKey` (already peeked). */
  private parseMapping(indent: number, path: string, keyOffset: number, firstKey: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.mark(path, keyOffset, firstKey);
    let keyStart = firstKey;
    for (;;) {
      const scanned = this.scanKey(keyStart);
      if (!scanned) giveUp();
      const [key, afterColon] = scanned;
      if (hasKey(object, key)) giveUp(); // the yaml package reports the duplicate
      setOwnProperty(object, key, this.parseValueAfter(afterColon, indent, this.child(path, key), keyStart, true, false));
      const next = this.peek();
      if (next < indent) return object;
      if (next > indent) giveUp();
      keyStart = this.contentStart;
    }
  }

  /**
   * The value after a key's colon or an anchor's name (`from`): on the following lines when the line ends there or a
   * comment follows (parseBlockValue), else on this line (parseInlineValue). After an anchor, a second anchor or an
   * alias is left to yaml. (An anchor on the first key of a mapping, `- &a k: v`, anchors `k`: the plain scalar gives
   * up at its ": ".)
   */
  private parseValueAfter(from: number, indent: number, path: string, keyOffset: number, sameColumnSequence: boolean, afterAnchor: boolean): unknown {
    const i = this.skipSpaces(from);
    const code = this.text.charCodeAt(i);
    if (isLineEnd(code) || (code === HASH && i > from)) return this.parseBlockValue(indent, path, keyOffset, i, sameColumnSequence);
    if (afterAnchor && (code === AMPERSAND || code === ASTERISK)) giveUp();
    return this.parseInlineValue(i, indent, path, keyOffset, sameColumnSequence);
  }

  /**
   * The value of a key (or sequence entry, or anchor) whose line ends after it (`offset`: after it and its spaces): a
   * block mapping or sequence on the following lines, or null. A key's value may be a sequence at the key's own
   * column (`sameColumnSequence`); an entry's may not (that is the next entry).
   */
  private parseBlockValue(indent: number, path: string, keyOffset: number, offset: number, sameColumnSequence: boolean): unknown {
    this.lineStart = this.nextLine(offset);
    this.commentLimit = Number.POSITIVE_INFINITY;
    const next = this.peek();
    const start = this.contentStart;
    const isItem = next >= indent && this.isSequenceItem(start);
    if (next > indent) return isItem ? this.parseSequence(next, path, keyOffset) : this.parseMapping(next, path, keyOffset, start);
    if (next === indent && isItem && sameColumnSequence) return this.parseSequence(next, path, keyOffset);
    this.mark(path, keyOffset, offset);
    return null;
  }

  private isSequenceItem(offset: number): boolean {
    const text = this.text;
    if (text.charCodeAt(offset) !== DASH) return false;
    const after = text.charCodeAt(offset + 1);
    return after === SPACE || isLineEnd(after);
  }

  /** A block sequence whose dashes stand at column `indent` (already peeked). */
  private parseSequence(indent: number, path: string, keyOffset: number): unknown[] {
    const text = this.text;
    const array: unknown[] = [];
    this.mark(path, keyOffset, this.contentStart);
    for (;;) {
      const dash = this.contentStart;
      const i = this.skipSpaces(dash + 1);
      const code = text.charCodeAt(i);
      // An item on the following lines, an empty item or a nested sequence: left to the yaml package.
      if (i === dash + 1 || isLineEnd(code) || code === HASH || this.isSequenceItem(i)) giveUp();
      const child = this.child(path, array.length);
      // A mapping begun on the dash's line has its keys at the column of its first key.
      array.push(this.scanKey(i) ? this.parseMapping(i - this.lineStart, child, -1, i) : this.parseInlineValue(i, indent, child, -1, false));
      // The sequence ends at a line less indented, or at a key of the mapping it is the value of (same column).
      const next = this.peek();
      if (next < indent || (next === indent && !this.isSequenceItem(this.contentStart))) return array;
      if (next > indent) giveUp();
    }
  }

  /**
   * A value that starts on its key's or dash's line at `start`: a one-line scalar or flow collection, a block scalar,
   * an alias, or an anchor and what it anchors. `sameColumnSequence` as parseBlockValue takes it.
   */
  private parseInlineValue(start: number, blockIndent: number, path: string, keyOffset: number, sameColumnSequence: boolean): unknown {
    const text = this.text;
    const code = text.charCodeAt(start);
    // An anchored value is marked where the value starts (each path once).
    if (code === AMPERSAND) return this.parseAnchored(start, blockIndent, path, keyOffset, sameColumnSequence);
    this.mark(path, keyOffset, start);
    if (code === ASTERISK) return this.parseAlias(start, blockIndent);
    if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      const [value, end] = this.scanFlowCollection(start, path);
      this.finishLine(end, blockIndent);
      return value;
    }
    if (code === PIPE || code === GREATER_THAN) return this.parseBlockScalar(start, blockIndent);
    if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
      const [value, end] = this.scanQuoted(start);
      this.finishLine(end, blockIndent);
      return value;
    }
    if (isIndicator(code) && !(code === DASH && isPlainSafe(text.charCodeAt(start + 1), false))) giveUp();
    const [end, lineEnd] = this.scanPlainLine(start);
    this.finishLine(lineEnd, blockIndent);
    // A comment ends a plain scalar; else it may go on over more indented lines, folded into one.
    const first = text.slice(start, end);
    return resolvePlain(isLineEnd(text.charCodeAt(lineEnd)) ? this.continuePlain(first, blockIndent) : first);
  }

  /** An anchor's name from `start` (after `&` or `*`): letters, digits and `_.-`, then a space or the line's end. */
  private scanAnchorName(start: number): [string, number] {
    const text = this.text;
    let i = start;
    while (isKeyCharacter(text.charCodeAt(i))) i++;
    const after = text.charCodeAt(i);
    if (i === start || (after !== SPACE && !isLineEnd(after))) giveUp();
    return [text.slice(start, i), i];
  }

  /**
   * `&name` at `start` and the value it anchors: on the same line, or on the following lines (a block collection, or
   * null). yaml's node range, and so the index, starts at the value, not at the anchor.
   */
  private parseAnchored(start: number, blockIndent: number, path: string, keyOffset: number, sameColumnSequence: boolean): unknown {
    const [name, end] = this.scanAnchorName(start + 1);
    // A second anchor of the same name (yaml's alias then means the latest one) is left to yaml.
    if (this.anchors.has(name)) giveUp();
    this.anchors.set(name, undefined);
    const aliasesBefore = this.aliasCount;
    const value = this.parseValueAfter(end, blockIndent, path, keyOffset, sameColumnSequence, true);
    // An alias inside: yaml counts nested aliases against its limit, and one of this very anchor would be a cycle.
    if (this.aliasCount !== aliasesBefore) giveUp();
    this.anchors.set(name, { value, aliases: 0 });
    return value;
  }

  /** `*name` at `start`: the anchored value itself (an object is shared, as yaml's toJS shares it). */
  private parseAlias(start: number, blockIndent: number): unknown {
    const [name, end] = this.scanAnchorName(start + 1);
    const anchor = this.anchors.get(name);
    // An anchor not yet set, or not yet complete (the alias is inside it): yaml reports or resolves it.
    if (anchor === undefined || ++anchor.aliases > MAX_ALIASES_PER_ANCHOR) giveUp();
    this.aliasCount++;
    this.finishLine(end, blockIndent);
    return anchor.value;
  }

  /**
   * One line of a plain scalar from `start`: [end of its text, where the line's rest begins (its end, or the space
   * before a comment)]. A ": " inside would start a mapping the subset does not take.
   */
  private scanPlainLine(start: number): [number, number] {
    const text = this.text;
    let i = start;
    let end = start;
    for (;;) {
      const c = text.charCodeAt(i);
      if (isLineEnd(c)) break;
      if (c === TAB) giveUp();
      if (c === COLON) {
        const after = text.charCodeAt(i + 1);
        if (after === SPACE || isLineEnd(after)) giveUp();
      } else if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
        i++;
        continue;
      }
      i++;
      end = i;
    }
    return [end, i];
  }

  /**
   * The continuation lines of a plain scalar (more indented than `blockIndent`, from lineStart), folded onto `first`:
   * a line break becomes a space, each empty line between two lines a line break. Lines that begin with an indicator
   * or hold a comment are left to the yaml package.
   */
  private continuePlain(first: string, blockIndent: number): string {
    const text = this.text;
    let value = first;
    let breaks = 0;
    let at = this.lineStart;
    while (at < text.length) {
      const i = this.skipSpaces(at);
      const code = text.charCodeAt(i);
      if (isLineEnd(code)) {
        breaks++;
        at = this.nextLine(i);
        continue;
      }
      if (i - at <= blockIndent || code === HASH) break;
      if (code === TAB || isIndicator(code)) giveUp();
      const [end, lineEnd] = this.scanPlainLine(i);
      if (!isLineEnd(text.charCodeAt(lineEnd))) giveUp(); // a comment after a continuation line
      value += breaks === 0 ? ` ${text.slice(i, end)}` : '\n'.repeat(breaks) + text.slice(i, end);
      breaks = 0;
      at = this.nextLine(lineEnd);
      this.lineStart = at;
    }
    return value;
  }

  /** A quoted scalar on one line, without escapes: [value, offset after the closing quote]. */
  private scanQuoted(start: number): [string, number] {
    const text = this.text;
    const quote = text.charCodeAt(start);
    let value = '';
    let from = start + 1;
    for (let i = from; ; i++) {
      const c = text.charCodeAt(i);
      if (isLineEnd(c) || c === TAB || (c === BACKSLASH && quote === DOUBLE_QUOTE)) giveUp();
      if (c !== quote) continue;
      if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
        value += text.slice(from, i + 1); // '' is one quote
        from = i + 2;
        i++;
        continue;
      }
      return [value + text.slice(from, i), i + 1];
    }
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar at `start`, with clip or strip chomping (`-`): lines at one
   * indentation deeper than `blockIndent`, none more indented in a folded scalar, no leading empty line, no trailing
   * spaces or tabs. The lines up to the first less indented one are consumed.
   */
  private parseBlockScalar(start: number, blockIndent: number): string {
    const text = this.text;
    const folded = text.charCodeAt(start) === GREATER_THAN;
    let i = start + 1;
    const strip = text.charCodeAt(i) === DASH;
    if (strip) i++;
    // The header: keep chomping (+) and indentation indicators are left to the yaml package.
    this.finishLine(i, blockIndent);
    const lines: string[] = [];
    let contentIndent = -1;
    let trailingEmpty = 0;
    for (;;) {
      const lineStart = this.lineStart;
      if (lineStart >= text.length) break;
      const at = this.skipSpaces(lineStart);
      const code = text.charCodeAt(at);
      const lineEnd = text.indexOf('\n', lineStart);
      // The line's end without the line break (and a CR before it); the text's end without a final line break is left to yaml.
      if (lineEnd === -1) giveUp();
      const contentEnd = text.charCodeAt(lineEnd - 1) === CARRIAGE_RETURN ? lineEnd - 1 : lineEnd;
      if (at >= contentEnd) {
        // An empty line: inside the scalar only when no longer than its indentation, and never before its first line.
        if (contentIndent === -1 || at - lineStart > contentIndent) giveUp();
        lines.push('');
        trailingEmpty++;
        this.lineStart = lineEnd + 1;
        continue;
      }
      if (code === TAB) giveUp();
      const indent = at - lineStart;
      if (contentIndent === -1) {
        if (indent <= blockIndent) giveUp(); // an empty block scalar
        contentIndent = indent;
      }
      if (indent < contentIndent) break;
      if (folded && indent > contentIndent) giveUp(); // a more-indented line keeps its breaks: left to yaml
      const last = text.charCodeAt(contentEnd - 1);
      if (last === SPACE || last === TAB) giveUp();
      lines.push(text.slice(lineStart + contentIndent, contentEnd));
      trailingEmpty = 0;
      this.lineStart = lineEnd + 1;
    }
    if (contentIndent === -1) giveUp();
    lines.length -= trailingEmpty;
    this.commentLimit = blockIndent;
    let value = '';
    if (folded) {
      // Folding: a single line break between two lines becomes a space; each empty line between them stays a line break.
      let breaks = -1;
      for (const line of lines) {
        if (line === '') {
          breaks++;
          continue;
        }
        value += breaks === -1 ? line : breaks === 0 ? ` ${line}` : '\n'.repeat(breaks) + line;
        breaks = 0;
      }
    } else {
      value = lines.join('\n');
    }
    return strip ? value : `${value}\n`;
  }

  /**
   * A flow collection on one line from its bracket at `start` (`[a, 'b', 1]`, `{ k: v }`, nested ones too): plain keys,
   * no empty entries: [value, offset after the closing bracket].
   */
  private scanFlowCollection(start: number, path: string): [unknown, number] {
    const text = this.text;
    const isSequence = text.charCodeAt(start) === OPEN_BRACKET;
    const close = isSequence ? CLOSE_BRACKET : CLOSE_BRACE;
    const array: unknown[] = [];
    const object: Record<string, unknown> = {};
    let i = this.skipSpaces(start + 1);
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        if (isSequence) {
          const [value, end] = this.scanFlowNode(i, this.child(path, array.length), -1);
          array.push(value);
          i = end;
        } else {
          const scanned = this.scanKey(i);
          if (!scanned || hasKey(object, scanned[0])) giveUp();
          const [key, afterColon] = scanned;
          const valueStart = this.skipSpaces(afterColon);
          if (valueStart === afterColon) giveUp(); // `{ a: }` and `{ a:, }`: an empty value
          const [value, end] = this.scanFlowNode(valueStart, this.child(path, key), i);
          setOwnProperty(object, key, value);
          i = end;
        }
        i = this.skipSpaces(i);
        const code = text.charCodeAt(i);
        if (code === close) break;
        if (code !== COMMA) giveUp();
        i++;
        i = this.skipSpaces(i);
        if (text.charCodeAt(i) === close) giveUp(); // a trailing comma
      }
    }
    return [isSequence ? array : object, i + 1];
  }

  /** An entry of a flow collection at `start`: a nested collection or a scalar, indexed under `path`. */
  private scanFlowNode(start: number, path: string, keyOffset: number): [unknown, number] {
    this.mark(path, keyOffset, start);
    const code = this.text.charCodeAt(start);
    return code === OPEN_BRACKET || code === OPEN_BRACE ? this.scanFlowCollection(start, path) : this.scanFlowScalar(start);
  }

  /** A quoted or plain scalar inside a flow collection: [value, offset after it]. */
  private scanFlowScalar(start: number): [unknown, number] {
    const text = this.text;
    const code = text.charCodeAt(start);
    if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) return this.scanQuoted(start);
    if (isIndicator(code) && !(code === DASH && isPlainSafe(text.charCodeAt(start + 1), true))) giveUp();
    let i = start;
    let end = start;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || isLineEnd(c)) break;
      // Pairs, brackets inside a scalar, comments and tabs are left to the yaml package.
      if (c === COLON || c === OPEN_BRACKET || c === OPEN_BRACE || c === HASH || c === TAB) giveUp();
      i++;
      if (c !== SPACE) end = i;
    }
    return [resolvePlain(text.slice(start, end)), end];
  }
}
