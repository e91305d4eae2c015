// Parses one YAML file into a SourceFile: the text, the YAML document with positions, the plain value and any syntax problems.
import { LineCounter, isMap, parseAllDocuments, type Document } from 'yaml';
import type { Message } from '../i18n/index.js';

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
  readonly lineCounter: LineCounter;
  /** The single YAML document, when the file parsed as exactly one. */
  readonly document: Document.Parsed | undefined;
  /** The document as plain data, when it parsed without errors; unknown until the schema has passed it. */
  readonly value: unknown;
  readonly syntaxProblems: readonly SyntaxProblem[];
}

/** Aliases a document may expand before it counts as an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 1000;
const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?: |$)/m;

/** Decodes file bytes as UTF-8; anything else (Latin-1, binary) is a syntax problem, never silently replaced. */
export function decodeSource(path: string, bytes: Uint8Array): SourceFile {
  if (bytes.includes(0)) {
    return problemFile(path, '', { id: 'binaryFile' }, { line: 1, column: 1 });
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return parseSource(path, text);
  } catch {
    const good = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, good));
    const lines = prefix.split('\n');
    const position = { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
    return problemFile(path, '', { id: 'notUtf8' }, position);
  }
}

export function parseSource(path: string, text: string): SourceFile {
  const lineCounter = new LineCounter();
  const conflict = CONFLICT_MARKER.exec(text);
  if (conflict) {
    const line = text.slice(0, conflict.index).split('\n').length;
    return { ...problemFile(path, text, { id: 'mergeConflict' }, { line, column: 1 }), lineCounter };
  }
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false }) as Document.Parsed[];
  } catch (error: unknown) {
    // The parser recovers from almost anything; a throw here is a parser limit (e.g. nesting depth).
    return problemFile(path, text, { id: 'yamlError', data: { detail: firstLine(error) } }, { line: 1, column: 1 });
  }
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: SyntaxProblem[] = [];
  for (const document of documents) {
    for (const error of document.errors) {
      problems.push({ message: yamlErrorMessage(error.code, error.message), position: at(error.pos[0]) });
    }
  }
  if (documents.length > 1) {
    const second = documents[1]!;
    problems.push({ message: { id: 'multipleDocuments', data: { count: documents.length } }, position: at(second.range[0]) });
  }
  const document = documents.length === 1 ? documents[0] : undefined;
  let value: unknown;
  if (problems.length === 0) {
    if (!document || document.contents === null) {
      problems.push({ message: { id: 'emptyFile' }, position: { line: 1, column: 1 } });
    } else if (!isMap(document.contents)) {
      problems.push({ message: { id: 'notAMapping' }, position: at(document.contents.range[0]) });
    } else {
      try {
        value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error: unknown) {
        problems.push({ message: { id: 'yamlError', data: { detail: firstLine(error) } }, position: at(document.contents.range[0]) });
      }
    }
  }
  return { path, text, lineCounter, document, value, syntaxProblems: problems };
}

function problemFile(path: string, text: string, message: Message, position: Position): SourceFile {
  return { path, text, lineCounter: new LineCounter(), document: undefined, value: undefined, syntaxProblems: [{ message, position }] };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The parser's message, in the catalogue's words where we have them. */
function yamlErrorMessage(code: string, message: string): Message {
  const detail = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return { id: 'duplicateKey' };
    case 'TAB_AS_INDENT':
      return { id: 'tabIndent' };
    default:
      return { id: 'yamlError', data: { detail } };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (bytes[i + k]! >> 6 !== 0b10) return i;
    i += length;
  }
  return i;
}
