// itreg export: the register as JSON or CSV, --redact dropping personal names and notes; --map: a spreadsheet in a
// mapping's layout (import/rows.ts) for the round trip through import --update.
import { extname, join, resolve } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { exportRegister, maskIdentityNumbers, toCsv } from '../../insight/export.js';
import { readImportMapping } from '../../import/mapping.js';
import { DIGEST_HEADER, ID_HEADER, exportSheet } from '../../import/rows.js';
import { writeSpreadsheet } from '../../import/spreadsheet.js';
import { registerViews } from '../../views/register-views.js';
import { writeFileAtomic } from '../../register/write.js';
import { kinds } from '../../schema/validate.js';
import { translator } from '../../i18n/index.js';
import { openRegister, dateOption, emit, workingFolder, type CommonOptions } from '../io.js';

interface ExportOptions extends CommonOptions {
  readonly redact?: boolean;
  readonly outDir?: string;
  readonly map?: string;
}

async function exportMapped(options: ExportOptions & { map: string }): Promise<ExitCode> {
  const cwd = workingFolder(options);
  const extension = options.output === undefined ? '' : extname(options.output).toLowerCase().slice(1);
  const format = options.format ?? extension;
  if (options.output === undefined || (format !== 'xlsx' && format !== 'csv') || extension !== format) throw new UsageError({ id: 'exportMapFormat' });
  const mapping = readImportMapping(resolve(cwd, options.map), options.map);
  const { config, register } = openRegister(options);
  if (!mapping.kind) throw new UsageError({ id: 'exportMapNeedsKind', data: { file: options.map } });
  const sheet = exportSheet(register, mapping, mapping.kind, dateOption(options.date, config), config.language);
  const file = resolve(cwd, options.output);
  await writeSpreadsheet(
    file,
    { name: mapping.sheet ?? mapping.kind, headerRow: mapping.headerRow ?? 1, headers: sheet.headers, rows: sheet.rows.map((row) => row.cells), quiet: new Set([ID_HEADER, DIGEST_HEADER]) },
    config.language,
  );
  const t = translator(config.language);
  const rows = new Intl.PluralRules(config.language).select(sheet.rows.length) === 'one' ? 0 : 1;
  process.stderr.write(`itreg: ${t({ id: 'exportMapWritten', data: { count: sheet.rows.length, rows: t({ id: 'exportRowPlural' }).split('|')[rows] ?? '', file: options.output } })}\n`);
  return ExitCode.Ok;
}

export async function exportCommand(options: ExportOptions): Promise<ExitCode> {
  if (options.map !== undefined) return exportMapped({ ...options, map: options.map });
  if (options.format === 'xlsx') throw new UsageError({ id: 'exportMapFormat' });
  const { config, register } = openRegister(options);
  const exported = exportRegister(register, options.redact === true, config.name);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  if (exported.redaction) {
    const { names, notes, identityNumbers, contacts } = exported.redaction;
    const t = translator(config.language);
    say(
      `itreg: ${t({ id: 'redactedSummary', data: { names: { count: names, of: 'personalName' }, notes: { count: notes, of: 'note' }, numbers: { count: identityNumbers, of: 'identityNumber' } } })}`,
    );
    if (contacts > 0) say(t({ id: 'redactedContacts', data: { contacts: { count: contacts, of: 'supplierContact' } } }));
  }
  if (options.format === 'csv') {
    if (!options.outDir) throw new UsageError({ id: 'csvNeedsOutDir' });
    const folder = resolve(workingFolder(options), options.outDir);
    for (const kind of kinds) writeFileAtomic(join(folder, `${kind}.csv`), toCsv(exported.entities[kind], config.language));
    say(`itreg: ${kinds.length} CSV → ${folder}`);
    return ExitCode.Ok;
  }
  const date = dateOption(options.date, config);
  // Beside the entities, the answers on the date as every output gives them: agreements' states, municipalities' parts.
  const views = registerViews(register, config, date);
  const json = {
    name: exported.name,
    exported: date,
    ...(exported.redaction ? { redacted: ['holder.name', 'notes', 'personal identity numbers'] } : {}),
    entities: exported.entities,
    views: exported.redaction ? maskIdentityNumbers(views) : views,
  };
  emit(`${JSON.stringify(json, null, 2)}\n`, options.output, workingFolder(options));
  return ExitCode.Ok;
}
