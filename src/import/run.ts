// An import from start to end: prepareImport() reads the mapping, the sheet and the register and plans every row
// (nothing written); applyImport() decides each file and writes them all through one journal (whole writes).
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { Message } from '../i18n/index.js';
import { RegisterModel } from '../model/register-model.js';
import type { Config } from '../register/config.js';
import { loadRegister, type FileModel } from '../register/load.js';
import { entityText, kindFolders, parseKind, schemaLine } from '../register/scaffold.js';
import type { Kind } from '../schema/validate.js';
import { completeJournal, hasJournal, writeJournaled, type JournalEntry } from './journal.js';
import { readImportMapping, type ImportMapping } from './mapping.js';
import { planImport, type ImportPlan, type PlannedEntity, type RowProblem } from './plan.js';
import { readSpreadsheet, type Sheet } from './spreadsheet.js';
import type { KnownUnit } from './units.js';
import { planUpdate, type ChangeLine, type UpdateOutcome } from './update.js';

export interface ImportOptions {
  readonly kind?: string;
  readonly map: string;
  readonly sheet?: string;
  readonly dryRun?: boolean;
  readonly date: string;
  readonly update?: boolean;
  readonly createUnits?: boolean;
}

/** Everything an import will do, decided before the first file is written. */
export interface PreparedImport {
  readonly config: Config;
  readonly sheet: Sheet;
  readonly kind: Kind;
  readonly plan: ImportPlan;
  readonly updates: readonly UpdateOutcome[];
  /** --update: rows with an itreg-id change existing files. */
  readonly update: boolean;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/**
 * Reads the mapping, the sheet and the register and plans every row; writes nothing. A wrong mapping or sheet is a
 * UsageError here, before any file exists (init --from prepares before it writes its own files).
 */
export async function prepareImport(config: Config, file: string, options: ImportOptions, cwd: string): Promise<PreparedImport> {
  const mapping: ImportMapping = readImportMapping(resolve(cwd, options.map), options.map);
  const given = options.kind === undefined ? undefined : parseKind(options.kind);
  if (given && mapping.kind && given !== mapping.kind) throw new UsageError({ id: 'importKindConflict', data: { option: options.kind ?? '', mapping: mapping.kind } });
  const kind = given ?? mapping.kind;
  if (!kind) throw new UsageError({ id: 'importNeedsKind' });
  const sheet = await readSpreadsheet(resolve(cwd, file), options.sheet ?? mapping.sheet, options.sheet === undefined);
  // A register folder not made yet (itreg.yaml alone) holds no ids; the import makes it.
  const loaded = existsSync(join(config.root, config.register)) ? loadRegister(config) : { config, files: [], records: [] };
  const model: FileModel = new RegisterModel(loaded);
  const existing = new Map<string, string>();
  for (const record of loaded.records) if (record.id !== undefined && !existing.has(record.id)) existing.set(record.id, record.source.path);
  const units: KnownUnit[] = model.ofKind('Unit').map((unit) => ({ id: unit.id, name: unit.name, municipality: unit.municipality }));
  const common = { existing, date: options.date, limits: config, units, createUnits: options.createUnits === true };
  if (!options.update) return { config, sheet, kind, plan: planImport(sheet, mapping, { kind, ...common }), updates: [], update: false };
  const update = planUpdate(sheet, mapping, model, {
    ...common,
    kind,
    fileOf: (id) => {
      const record = model.recordById(id);
      return record ? { path: record.source.path, text: record.source.text } : undefined;
    },
    newPath: (newKind, id, beside) => (beside !== undefined ? `${dirname(beside)}/${id}.yaml` : toPosix(join(config.register, kindFolders[newKind], `${id}.yaml`))),
  });
  return { config, sheet, kind, plan: planImport(update.newRows, mapping, { kind, ...common }), updates: update.rows, update: true };
}

/** One line of the report, by row: what happened to it. */
export type ReportLine =
  | { readonly row: number; readonly status: 'fail'; readonly problem: RowProblem }
  | { readonly row: number; readonly status: 'skip'; readonly reason: Message }
  | { readonly row: number; readonly status: 'change'; readonly change: ChangeLine }
  | { readonly row: number; readonly status: 'conflict'; readonly id: string; readonly file: string }
  /** With --update, a row without itreg-id that becomes a new entity (a plain import says only the count). */
  | { readonly row: number; readonly status: 'new'; readonly id: string; readonly file: string };

export interface ImportResult {
  readonly sheet: Sheet;
  readonly update: boolean;
  readonly dryRun: boolean;
  /** An interrupted import's files written first (0: there was none). */
  readonly completed: number;
  readonly lines: readonly ReportLine[];
  readonly madeUnits: readonly PlannedEntity[];
  readonly counts: {
    readonly written: number;
    readonly files: number;
    readonly skipped: number;
    readonly failed: number;
    readonly changed: number;
    readonly changedFiles: number;
    readonly unchanged: number;
    readonly conflicts: number;
  };
}

/** Completes an interrupted import's journal (refused with --dry-run, which must not write); the number of files. */
export function completeInterrupted(config: Config, dryRun: boolean): number {
  if (!hasJournal(config.root)) return 0;
  if (dryRun) throw new UsageError({ id: 'importInterrupted' });
  return completeJournal(config.root);
}

/** Decides every file of a prepared import and writes them (unless dryRun) through the journal; says what it did. */
export function applyImport(prepared: PreparedImport, dryRun: boolean, completed = 0): ImportResult {
  const { config, plan, updates } = prepared;
  const fileOf = (entity: PlannedEntity): string => join(config.root, config.register, kindFolders[entity.kind], `${entity.id}.yaml`);
  // One schema line per kind and folder (it looks for the register's own copy of the schemas on disk).
  const schemaLines = new Map<string, string>();
  const newFileText = (entity: PlannedEntity, path: string): string => {
    const lineKey = `${entity.kind}\u0000${dirname(path)}`;
    const line = schemaLines.get(lineKey) ?? schemaLine(config, entity.kind, path);
    schemaLines.set(lineKey, line);
    return line + entityText(entity.kind, entity.data);
  };
  const lines: ReportLine[] = [];
  const entries: JournalEntry[] = [];
  const writing = new Set<string>();
  const madeUnits: PlannedEntity[] = [];
  const addUnits = (units: readonly PlannedEntity[]): void => {
    for (const unit of units) {
      const path = fileOf(unit);
      if (writing.has(path) || existsSync(path)) continue;
      writing.add(path);
      madeUnits.push(unit);
      entries.push({ file: path, text: newFileText(unit, path), create: true });
    }
  };
  const counts = { written: 0, files: 0, skipped: 0, failed: 0, changed: 0, changedFiles: 0, unchanged: 0, conflicts: 0 };
  for (const outcome of plan.rows) {
    if (outcome.status === 'fail') {
      counts.failed += 1;
      for (const problem of outcome.problems) lines.push({ row: outcome.row, status: 'fail', problem });
      continue;
    }
    if (outcome.status === 'skip') {
      counts.skipped += 1;
      lines.push({ row: outcome.row, status: 'skip', reason: outcome.reason });
      continue;
    }
    // A file of that name without the id in it (a broken file) is not overwritten either.
    const present = outcome.entities.map(fileOf).find((path) => existsSync(path) || writing.has(path));
    if (present !== undefined) {
      counts.skipped += 1;
      const id = outcome.entities.find((entity) => fileOf(entity) === present)!.id;
      lines.push({ row: outcome.row, status: 'skip', reason: { id: 'importIdExists', data: { id, file: toPosix(relative(config.root, present)) } } });
      continue;
    }
    addUnits(outcome.units);
    for (const entity of outcome.entities) {
      const path = fileOf(entity);
      writing.add(path);
      entries.push({ file: path, text: newFileText(entity, path), create: true });
    }
    counts.written += 1;
    counts.files += outcome.entities.length;
    if (prepared.update) lines.push({ row: outcome.row, status: 'new', id: outcome.entities[0]!.id, file: toPosix(relative(config.root, fileOf(outcome.entities[0]!))) });
  }
  for (const outcome of updates) {
    if (outcome.status === 'unchanged') counts.unchanged += 1;
    else if (outcome.status === 'conflict') {
      counts.conflicts += 1;
      lines.push({ row: outcome.row, status: 'conflict', id: outcome.id, file: outcome.file });
    } else if (outcome.status === 'fail') {
      counts.failed += 1;
      for (const problem of outcome.problems) lines.push({ row: outcome.row, status: 'fail', problem });
    } else {
      counts.changed += 1;
      for (const change of outcome.changes) lines.push({ row: outcome.row, status: 'change', change });
      addUnits(outcome.units);
      for (const created of outcome.created) entries.push({ file: join(config.root, created.path), text: newFileText(created.entity, join(config.root, created.path)), create: true });
      for (const edit of outcome.edits) entries.push({ file: join(config.root, edit.path), text: edit.text });
      counts.changedFiles += outcome.created.length + outcome.edits.length;
    }
  }
  if (!dryRun) writeJournaled(config.root, entries);
  return { sheet: prepared.sheet, update: prepared.update, dryRun, completed, lines: lines.sort((a, b) => a.row - b.row), madeUnits, counts };
}
