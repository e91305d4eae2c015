// What the language server answers, as LSP data: diagnostics from lint's findings, hover, definition and completion of references, suggestions as quick fixes.
import type { CodeAction, CompletionItem, Diagnostic, Hover, Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { translator, type MessageId } from '../i18n/index.js';
import { kindName } from '../i18n/terms.js';
import type { FixKind } from '../lint/fixes.js';
import type { Finding } from '../lint/run-rules.js';
import { locate } from '../register/positions.js';
import { positionAt } from '../register/source.js';
import { ruleDocsUrl } from '../rules/index.js';
import { kindOfText, placeAt, referenceFieldAt, wordAt, type ReferenceField } from './reference-fields.js';
import type { RegisterWorkspace } from './workspace.js';

/** LSP's numbers (the library's enums are values; these are its constants, so this file loads no library). */
const SEVERITY = { error: 1, warning: 2 } as const;
const COMPLETION_REFERENCE = 18;
const MARKDOWN = 'markdown';

/** A fix's title as an offer (lint --fix's summary says what it did). */
const FIX_TITLES = { 'text-encoding': 'lspFixEncoding', 'id-matches-filename': 'lspFixRename', 'schema-line': 'lspFixSchemaLine' } as const satisfies Record<FixKind, MessageId>;

/** What a diagnostic carries for its quick fix: the one nearest candidate and the text it replaces. */
export interface SuggestionData {
  readonly suggestion: string;
  readonly range: Range;
}

export interface Cursor {
  readonly line: number;
  readonly character: number;
}

/** The findings `itreg lint` gives for the file at `path` as diagnostics placed in `text`. */
export function diagnosticsOf(workspace: RegisterWorkspace, path: string): Diagnostic[] {
  const text = workspace.textOf(path) ?? '';
  const lines = text.split('\n');
  const diagnostics = workspace.findings(path).map((finding) => toDiagnostic(finding, lines));
  const problem = path === 'itreg.yaml' ? workspace.configProblem : undefined;
  if (problem) diagnostics.unshift({ range: lineRange(lines, problem.line, problem.column), severity: SEVERITY.error, source: 'itreg', message: problem.message });
  return diagnostics;
}

function toDiagnostic(finding: Finding, lines: readonly string[]): Diagnostic {
  const diagnostic: Diagnostic = {
    range: lineRange(lines, finding.line, finding.column),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: 'itreg',
    message: finding.message,
  };
  const href = ruleDocsUrl(finding.ruleId);
  if (href !== undefined) diagnostic.codeDescription = { href };
  if (finding.suggestion !== undefined) {
    const data: SuggestionData = { suggestion: finding.suggestion, range: tokenRange(lines, finding.line, finding.column) };
    diagnostic.data = data;
  }
  return diagnostic;
}

/** From a finding's place to the end of the text on its line (as SARIF's regions), at least one character. */
function lineRange(lines: readonly string[], line: number, column: number): Range {
  const text = (lines[line - 1] ?? '').replace(/\s+$/, '');
  const start = { line: line - 1, character: column - 1 };
  return { start, end: { line: line - 1, character: Math.max(text.length, column) } };
}

/** The scalar at a finding's place (a key or a value; inside its quotes, if quoted): what a suggestion replaces. */
function tokenRange(lines: readonly string[], line: number, column: number): Range {
  const text = lines[line - 1] ?? '';
  let start = column - 1;
  const quote = text[start] === '"' || text[start] === "'" ? text[start] : undefined;
  if (quote) start++;
  let end = start;
  while (end < text.length && (quote ? text[end] !== quote : !/[\s,\]}#:]/.test(text[end]!))) end++;
  return { start: { line: line - 1, character: start }, end: { line: line - 1, character: end } };
}

/** An offset in `text` as an LSP position. */
function cursorAt(text: string, offset: number): Cursor {
  const { line, column } = positionAt(text, offset);
  return { line: line - 1, character: column - 1 };
}

/** A reference under the cursor in `text` of the file at `path`: the field and the id. */
function referenceAt(text: string, cursor: Cursor): { field: ReferenceField; id: string; range: Range } | undefined {
  const lines = text.split('\n');
  const field = referenceFieldAt(kindOfText(text), placeAt(lines, cursor.line, cursor.character));
  if (!field) return undefined;
  const { start, end, word } = wordAt(lines[cursor.line] ?? '', cursor.character);
  if (word === '') return undefined;
  return { field, id: word, range: { start: { line: cursor.line, character: start }, end: { line: cursor.line, character: end } } };
}

/** Hover on a reference: the entity's kind and name, and its file. */
export function hoverAt(workspace: RegisterWorkspace, text: string, cursor: Cursor): Hover | null {
  const reference = referenceAt(text, cursor);
  const record = reference && workspace.register.recordById(reference.id);
  if (!reference || !record) return null;
  const name = typeof record.data['name'] === 'string' ? record.data['name'] : reference.id;
  const kind = kindName(workspace.language, record.kind ?? String(record.data['kind'] ?? '?'));
  return { contents: { kind: MARKDOWN, value: `**${kind}** ${name}\n\n\`${reference.id}\` · ${record.source.path}` }, range: reference.range };
}

/** Go to definition on a reference: the file that declares the id, at its `id:` line. */
export function definitionAt(workspace: RegisterWorkspace, text: string, cursor: Cursor, uriOf: (path: string) => string): Location | null {
  const reference = referenceAt(text, cursor);
  const record = reference && workspace.register.recordById(reference.id);
  if (!record) return null;
  const { line, column } = locate(record.source, ['id'], 'key');
  const at = { line: line - 1, character: column - 1 };
  return { uri: uriOf(record.source.path), range: { start: at, end: at } };
}

/** Completion in a field that refers to a kind: the ids of that kind (those the field allows), with their names. */
export function completionAt(workspace: RegisterWorkspace, text: string, cursor: Cursor): CompletionItem[] {
  const lines = text.split('\n');
  const field = referenceFieldAt(kindOfText(text), placeAt(lines, cursor.line, cursor.character));
  if (!field) return [];
  const { start } = wordAt(lines[cursor.line] ?? '', cursor.character);
  const range: Range = { start: { line: cursor.line, character: start }, end: cursor };
  const model = workspace.register;
  const items: CompletionItem[] = [];
  for (const id of field.orKind ? [...model.idsOf(field.kind), ...model.idsOf(field.orKind)] : model.idsOf(field.kind)) {
    const data = model.recordById(id)?.data;
    if (field.require && data?.[field.require.field] !== field.require.value) continue;
    const name = typeof data?.['name'] === 'string' ? data['name'] : undefined;
    items.push({ label: id, kind: COMPLETION_REFERENCE, ...(name !== undefined ? { detail: name } : {}), textEdit: { range, newText: id } });
  }
  return items;
}

/**
 * Quick fixes for the diagnostics the client names: each fix lint --fix makes (lint/fixes.ts; a rename only where the
 * client can rename files) and each one nearest candidate (a suggestion) as an edit; and the schema line, where the
 * file lacks it.
 */
export function codeActionsFor(workspace: RegisterWorkspace, path: string, uri: string, diagnostics: readonly Diagnostic[], uriOf: (path: string) => string, canRename: boolean): CodeAction[] {
  const t = translator(workspace.language);
  const actions: CodeAction[] = [];
  const text = workspace.textOf(path) ?? '';
  for (const fix of workspace.fixesOf(path)) {
    if (fix.renameTo !== undefined && !canRename) continue;
    const edits: TextEdit[] = fix.edits.map((edit) => ({ range: { start: cursorAt(text, edit.start), end: cursorAt(text, edit.end) }, newText: edit.text }));
    const fixed = diagnostics.filter((d) => d.source === 'itreg' && d.code === fix.kind && (fix.renameTo !== undefined || edits.some((edit) => edit.range.start.line === d.range.start.line)));
    if (fix.kind !== 'schema-line' && fixed.length === 0) continue;
    const edit: WorkspaceEdit =
      fix.renameTo === undefined
        ? { changes: { [uri]: edits } }
        : { documentChanges: [...(edits.length > 0 ? [{ textDocument: { uri, version: null }, edits }] : []), { kind: 'rename', oldUri: uri, newUri: uriOf(fix.renameTo) }] };
    actions.push({
      title: t({ id: FIX_TITLES[fix.kind], ...(fix.title.data ? { data: fix.title.data } : {}) }),
      kind: 'quickfix',
      ...(fixed.length > 0 ? { diagnostics: fixed, isPreferred: true } : {}),
      edit,
    });
  }
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as Partial<SuggestionData> | undefined;
    if (diagnostic.source !== 'itreg' || typeof data?.suggestion !== 'string' || data.range === undefined) continue;
    actions.push({
      title: t({ id: 'lspReplaceWith', data: { name: data.suggestion } }),
      kind: 'quickfix',
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: data.range, newText: data.suggestion }] } },
    });
  }
  return actions;
}
