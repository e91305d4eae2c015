// itreg export: the register as JSON or CSV, --redact dropping personal names and notes.
import { join, resolve } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { exportRegister, toCsv } from '../../insight/export.js';
import { writeFileAtomic } from '../../register/write.js';
import { kinds } from '../../schema/validate.js';
import { translator } from '../../i18n/index.js';
import { openRegister, dateOption, emit, workingFolder, type CommonOptions } from '../io.js';

export async function exportCommand(options: CommonOptions & { redact?: boolean; outDir?: string }): Promise<ExitCode> {
  const { config, register } = openRegister(options);
  const exported = exportRegister(register, options.redact === true);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  if (exported.redaction) {
    const { names, notes, identityNumbers } = exported.redaction;
    const t = translator(config.language);
    say(`itreg: ${t({ id: 'redactedSummary', data: { names: { count: names, of: 'personalName' }, notes: { count: notes, of: 'note' }, numbers: { count: identityNumbers, of: 'identityNumber' } } })}`);
  }
  if (options.format === 'csv') {
    if (!options.outDir) throw new UsageError({ id: 'csvNeedsOutDir' });
    const folder = resolve(workingFolder(options), options.outDir);
    for (const kind of kinds) writeFileAtomic(join(folder, `${kind}.csv`), toCsv(exported.entities[kind], config.language));
    say(`itreg: ${kinds.length} CSV → ${folder}`);
    return ExitCode.Ok;
  }
  const json = { name: config.name, exported: dateOption(options.date, config), ...(exported.redaction ? { redacted: ['holder.name', 'notes', 'personal identity numbers'] } : {}), entities: exported.entities };
  emit(`${JSON.stringify(json, null, 2)}\n`, options.output, workingFolder(options));
  return ExitCode.Ok;
}
