// itreg import FILE --map mapping.yaml [--update]: options → prepareImport/applyImport (src/import/run.ts) → report → exit code.
import { ExitCode } from '../../errors.js';
import { translator } from '../../i18n/index.js';
import { formatImportReport } from '../../format/import-report.js';
import { applyImport, completeInterrupted, prepareImport, type ImportOptions, type PreparedImport } from '../../import/run.js';
import type { Config } from '../../register/config.js';
import { dateOption, loadConfig, workingFolder, type GlobalOptions } from '../io.js';

export interface ImportCommandOptions extends GlobalOptions, Omit<ImportOptions, 'date'> {
  readonly date?: string;
}

/** Writes a prepared import and prints its report with `say`; exit 1 when a row was refused or in conflict (as lint for errors). */
export function writeImport(prepared: PreparedImport, dryRun: boolean, say: (line: string) => void, completed = 0): ExitCode {
  const result = applyImport(prepared, dryRun, completed);
  for (const line of formatImportReport(result, translator(prepared.config.language), prepared.config.language)) say(line);
  return result.counts.failed > 0 || result.counts.conflicts > 0 ? ExitCode.Findings : ExitCode.Ok;
}

/** Imports `file` into the register of `config`, an interrupted import's files first. */
export async function importSpreadsheet(config: Config, file: string, options: ImportCommandOptions, cwd: string, say: (line: string) => void): Promise<ExitCode> {
  const completed = completeInterrupted(config, options.dryRun === true);
  const prepared = await prepareImport(config, file, { ...options, date: dateOption(options.date, config) }, cwd);
  return writeImport(prepared, options.dryRun === true, say, completed);
}

export async function importCommand(file: string, options: ImportCommandOptions): Promise<ExitCode> {
  const config = loadConfig(options);
  return importSpreadsheet(config, file, options, workingFolder(options), (line) => process.stdout.write(`${line}\n`));
}
