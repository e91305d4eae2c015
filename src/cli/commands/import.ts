// itreg import FILE --kind K --map mapping.yaml: one entity file per spreadsheet row, through the writer `itreg new` uses.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { translator, type Language, type Translate } from '../../i18n/index.js';
import { planImport, type PlannedEntity } from '../../import/plan.js';
import type { Config } from '../../register/config.js';
import { readImportMapping } from '../../import/mapping.js';
import { loadRegister } from '../../register/load.js';
import { entityText, kindFolders, parseKind, schemaLine } from '../../register/scaffold.js';
import { readSpreadsheet } from '../../import/spreadsheet.js';
import { createFile } from '../../register/write.js';
import { dateOption, loadConfig, workingFolder, type GlobalOptions } from '../io.js';

export interface ImportOptions {
  readonly kind?: string;
  readonly map: string;
  readonly sheet?: string;
  readonly dryRun?: boolean;
  readonly date?: string;
}

export interface ImportCommandOptions extends GlobalOptions, ImportOptions {}

/** 'rad|rader' → the form for `count`, by the language's plural rules. */
function plural(forms: string, count: number, language: Language): string {
  const [one = forms, other = one] = forms.split('|');
  return new Intl.PluralRules(language).select(count) === 'one' ? one : other;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/**
 * Imports `file` into the register of `config`; prints the report with `say`. Exit 1 when a row could not be
 * imported (as lint does for errors), else 0. Shared with `itreg init --from`.
 */
export async function importSpreadsheet(config: Config, file: string, options: ImportOptions, cwd: string, say: (line: string) => void): Promise<ExitCode> {
  const t: Translate = translator(config.language);
  const mapping = readImportMapping(resolve(cwd, options.map), options.map);
  const given = options.kind === undefined ? undefined : parseKind(options.kind);
  if (given && mapping.kind && given !== mapping.kind) throw new UsageError({ id: 'importKindConflict', data: { option: options.kind ?? '', mapping: mapping.kind } });
  const kind = given ?? mapping.kind;
  if (!kind) throw new UsageError({ id: 'importNeedsKind' });
  const sheet = await readSpreadsheet(resolve(cwd, file), options.sheet ?? mapping.sheet);
  const existing = new Map<string, string>();
  // A register folder not made yet (itreg.yaml alone) holds no ids; the import makes it.
  const records = existsSync(join(config.root, config.register)) ? loadRegister(config).records : [];
  for (const record of records) if (record.id !== undefined && !existing.has(record.id)) existing.set(record.id, record.source.path);

  const fileOf = (entity: PlannedEntity): string => join(config.root, config.register, kindFolders[entity.kind], `${entity.id}.yaml`);
  const plan = planImport(sheet, mapping, { kind, existing, date: dateOption(options.date, config), limits: config });
  const lines: string[] = [];
  const rowWord = t({ id: 'importRowWord' });
  let written = 0;
  let skipped = 0;
  let failed = 0;
  let files = 0;
  // One schema line per kind and folder (it looks for the register's own copy of the schemas on disk).
  const schemaLines = new Map<string, string>();
  const words = { fail: t({ id: 'importFailedWord' }), skip: t({ id: 'importSkippedWord' }) };
  const wordWidth = Math.max(words.fail.length, words.skip.length);
  const placeWidth = rowWord.length + 1 + String(sheet.rows.at(-1)?.row ?? 0).length;
  const report = (row: number, word: string, text: string): void => {
    lines.push(`  ${`${rowWord} ${row}`.padEnd(placeWidth)}  ${word.padEnd(wordWidth)}  ${text}`);
  };
  for (const outcome of plan.rows) {
    if (outcome.status === 'fail') {
      failed += 1;
      for (const problem of outcome.problems) {
        const where = problem.column === undefined ? problem.field : `${problem.column} → ${problem.field}`;
        report(outcome.row, words.fail, `${where}: ${t(problem.message)}`);
      }
      continue;
    }
    if (outcome.status === 'skip') {
      skipped += 1;
      report(outcome.row, words.skip, t(outcome.reason));
      continue;
    }
    // A file of that name without the id in it (a broken file) is not overwritten either.
    const present = outcome.entities.map(fileOf).find((path) => existsSync(path));
    if (present !== undefined) {
      skipped += 1;
      const id = outcome.entities.find((entity) => fileOf(entity) === present)!.id;
      report(outcome.row, words.skip, t({ id: 'importIdExists', data: { id, file: toPosix(relative(config.root, present)) } }));
      continue;
    }
    if (!options.dryRun) {
      for (const entity of outcome.entities) {
        const path = fileOf(entity);
        const lineKey = `${entity.kind}\u0000${dirname(path)}`;
        const line = schemaLines.get(lineKey) ?? schemaLine(config, entity.kind, path);
        schemaLines.set(lineKey, line);
        createFile(path, line + entityText(entity.kind, entity.data));
      }
    }
    written += 1;
    files += outcome.entities.length;
  }

  const language = config.language;
  if (sheet.encoding === 'windows-1252') say(t({ id: 'importReencoded', data: { file: sheet.label } }));
  if (lines.length > 0) say([sheet.label, ...lines].join('\n'));
  const rows = plural(t({ id: options.dryRun ? 'importRowsWouldImport' : 'importRowsImported' }), written, language);
  const fileWord = plural(t({ id: 'importFilePlural' }), files, language);
  say(t({ id: options.dryRun ? 'importSummaryDry' : 'importSummary', data: { written, rows, files, fileWord, skipped, failed } }));
  return failed > 0 ? ExitCode.Findings : ExitCode.Ok;
}

export async function importCommand(file: string, options: ImportCommandOptions): Promise<ExitCode> {
  const config = loadConfig(options);
  return importSpreadsheet(config, file, options, workingFolder(options), (line) => process.stdout.write(`${line}\n`));
}
