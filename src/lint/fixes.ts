// The fixes that cannot alter a meaning (DESIGN "Fixes"): pure, from a finding and its file's text to text edits or a rename.
import { parseDocument, visit } from 'yaml';
import type { Message } from '../i18n/index.js';
import type { LoadedRegister } from '../register/load.js';
import type { SourceFile } from '../register/source.js';
import type { Kind } from '../schema/validate.js';
import { repairMojibake } from '../util/mojibake.js';
import type { Finding } from './run-rules.js';

/** A replacement of the text from `start` to `end` (offsets in the file's text, `end` exclusive) by `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What a fix answers: a rule's finding, or (the schema line) a file that lacks something no rule reports. */
export type FixKind = 'text-encoding' | 'id-matches-filename' | 'schema-line';

export interface Fix {
  readonly kind: FixKind;
  /** The file, relative to the folder of itreg.yaml. */
  readonly file: string;
  /** Edits of the file's text, in order, none overlapping another. */
  readonly edits: readonly TextEdit[];
  /** The file's new path (same folder), for a rename. */
  readonly renameTo?: string;
  /** What it does, in words (a code action's title, a line of --fix's summary). */
  readonly title: Message;
}

/** A register file as the fixes see it. */
export interface FixFile {
  readonly source: SourceFile;
  readonly kind?: Kind | undefined;
  readonly id?: string | undefined;
}

/** What a fix asks of the register around the file. */
export interface FixContext {
  /** Whether a path (relative to itreg.yaml's folder) already names a file: a rename there is refused. */
  isTaken(path: string): boolean;
  /** The schema line for an entity of `kind` in the file at `path`, with its line end, as `itreg new` writes it. */
  schemaLine(kind: Kind, path: string): string;
}

/** Ids are [a-z0-9-] by the schema; a name made of anything else is not made into a path. */
const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;
/** A schema line anywhere in the file (the YAML language server reads one wherever it stands). */
const SCHEMA_LINE = /^#\s*yaml-language-server\s*:/m;

/** The offset of a 1-based line and column in `text`. */
export function offsetAt(text: string, line: number, column: number): number {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return text.length;
    start = next + 1;
  }
  return Math.min(text.length, start + column - 1);
}

/** The source range [start, end) of the scalar (key or value) at `offset`, and its value; undefined where there is none. */
function scalarAt(text: string, offset: number): { start: number; end: number; value: unknown } | undefined {
  const document = parseDocument(text, { uniqueKeys: false, logLevel: 'silent', keepSourceTokens: false });
  let found: { start: number; end: number; value: unknown } | undefined;
  visit(document, {
    Scalar(_key, node) {
      const [start, end] = node.range ?? [0, 0];
      if (start <= offset && offset < end) {
        found = { start, end, value: node.value };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The edit that turns `before` into `after` at `start`, trimmed to the part that differs. */
function trimmedEdit(start: number, before: string, after: string): TextEdit {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start: start + head, end: start + before.length - tail, text: after.slice(head, after.length - tail) };
}

/** text-encoding: the damaged text in the string the finding points at, repaired where it is UTF-8 read as Latin-1. */
function encodingFix(finding: Finding, source: SourceFile): Fix | undefined {
  if (finding.messageId !== 'mojibake') return undefined; // U+FFFD and control characters have no known original
  const scalar = scalarAt(source.text, offsetAt(source.text, finding.line, finding.column));
  if (!scalar) return undefined;
  const before = source.text.slice(scalar.start, scalar.end);
  const after = repairMojibake(before);
  // Mac Roman damage ("p¬ ett") is not repaired: its bytes do not say for sure which letter was meant.
  if (after === before) return undefined;
  const shown = typeof scalar.value === 'string' ? repairMojibake(scalar.value).trim() : after.trim();
  const text = shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
  return { kind: 'text-encoding', file: source.path, edits: [trimmedEdit(scalar.start, before, after)], title: { id: 'fixEncoding', data: { text } } };
}

/** id-matches-filename: the file renamed to <id>.yaml (or .yml, as it is now) in its folder, where that name is free. */
function renameFix(file: FixFile, context: FixContext): Fix | undefined {
  const { source, id } = file;
  if (id === undefined || !SAFE_ID.test(id)) return undefined;
  const slash = source.path.lastIndexOf('/');
  const name = source.path.slice(slash + 1);
  const ending = /\.yml$/i.test(name) ? '.yml' : '.yaml';
  if (name.replace(/\.ya?ml$/i, '') === id) return undefined;
  const folder = source.path.slice(0, slash + 1);
  const target = `${folder}${id}${ending}`;
  // <id>.yaml beside <id>.yml would be two files of one name: either ending takes the name (not the file's own: Gis.yaml → gis.yaml).
  const takenByOther = (path: string) => path.toLowerCase() !== source.path.toLowerCase() && context.isTaken(path);
  if (takenByOther(`${folder}${id}.yaml`) || takenByOther(`${folder}${id}.yml`)) return undefined;
  return { kind: 'id-matches-filename', file: source.path, edits: [], renameTo: target, title: { id: 'fixRename', data: { name: `${id}${ending}` } } };
}

/** The fix of one finding, if it has one. */
export function fixOfFinding(finding: Finding, file: FixFile, context: FixContext): Fix | undefined {
  if (finding.file !== file.source.path) return undefined;
  if (finding.ruleId === 'text-encoding') return encodingFix(finding, file.source);
  if (finding.ruleId === 'id-matches-filename') return renameFix(file, context);
  return undefined;
}

/** The schema line on top of an entity file that has none, in the file's own line ends. */
export function schemaLineFix(file: FixFile, context: FixContext): Fix | undefined {
  const { source, kind } = file;
  if (kind === undefined || source.syntaxProblems.length > 0 || SCHEMA_LINE.test(source.text)) return undefined;
  const crlf = /^[^\n]*\r\n/.test(source.text);
  const line = context.schemaLine(kind, source.path).replace(/\r?\n$/, crlf ? '\r\n' : '\n');
  // No schema to point at (no schema/ copy, itreg installed elsewhere): nothing to add.
  if (line === '') return undefined;
  return { kind: 'schema-line', file: source.path, edits: [{ start: 0, end: 0, text: line }], title: { id: 'fixSchemaLine' } };
}

/** `text` with the edits made (none overlapping another). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // From the end backwards, so that every offset still points where it did; at one place an insertion goes first.
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** What --fix does to one file: its text before and after, a new name, and the fixes that make the change. */
export interface FilePlan {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  readonly renameTo?: string;
  readonly fixes: readonly Fix[];
}

/** Every fix of a file: its findings' fixes and the schema line; a second edit of a text already edited is dropped. */
export function fixesOfFile(file: FixFile, findings: readonly Finding[], context: FixContext): Fix[] {
  const fixes: Fix[] = [];
  const edited: TextEdit[] = [];
  const overlaps = (edit: TextEdit) => edited.some((e) => edit.start < e.end && e.start < edit.end);
  for (const fix of [...findings.map((finding) => fixOfFinding(finding, file, context)), schemaLineFix(file, context)]) {
    if (!fix || fix.edits.some(overlaps) || (fix.renameTo !== undefined && fixes.some((f) => f.renameTo !== undefined))) continue;
    fixes.push(fix);
    edited.push(...fix.edits);
  }
  return fixes;
}

/**
 * The fixes of a whole register for `findings` (a lint's), in the files `inScope` accepts. Two files that would take
 * one name: the first in path order gets it. Names compare without case, so that a rename is safe on any disk.
 */
export function planFixes(loaded: LoadedRegister, findings: readonly Finding[], schemaLine: FixContext['schemaLine'], inScope: (path: string) => boolean = () => true): FilePlan[] {
  const taken = new Set(loaded.files.map((file) => file.path.toLowerCase()));
  const context: FixContext = { isTaken: (path) => taken.has(path.toLowerCase()), schemaLine };
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const records = new Map(loaded.records.map((record) => [record.source, record]));
  const plans: FilePlan[] = [];
  for (const source of loaded.files) {
    if (!inScope(source.path)) continue;
    const record = records.get(source);
    const fixes = fixesOfFile({ source, kind: record?.kind, id: record?.id }, byFile.get(source.path) ?? [], context);
    if (fixes.length === 0) continue;
    const renameTo = fixes.find((fix) => fix.renameTo !== undefined)?.renameTo;
    if (renameTo !== undefined) taken.add(renameTo.toLowerCase());
    const after = applyEdits(
      source.text,
      fixes.flatMap((fix) => fix.edits),
    );
    plans.push({ path: source.path, before: source.text, after, ...(renameTo === undefined ? {} : { renameTo }), fixes });
  }
  return plans;
}
