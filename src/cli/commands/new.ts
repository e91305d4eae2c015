// itreg new <kind> <id>: a new entity file from the schema, with the schema line, refusing an id already in use.
import { join, relative, resolve, sep } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { translator } from '../../i18n/index.js';
import { loadRegister } from '../../register/load.js';
import { kindFolders, newEntityText, parseKind, parseSets, schemaLine } from '../../register/scaffold.js';
import { createFile, refuseOutside } from '../../register/write.js';
import { loadConfig, workingFolder, type GlobalOptions } from '../io.js';

export interface NewCommandOptions extends GlobalOptions {
  readonly set?: readonly string[];
  readonly dir?: string;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

export async function newCommand(kindText: string, id: string, options: NewCommandOptions): Promise<ExitCode> {
  const kind = parseKind(kindText);
  if (!ID.test(id)) throw new UsageError({ id: 'notAnId', data: { id } });
  const config = loadConfig(options);
  const t = translator(config.language);
  const existing = loadRegister(config).records.find((record) => record.id === id);
  if (existing) throw new UsageError({ id: 'newExists', data: { id, file: existing.source.path } });

  // An absolute --dir is that folder (join() would have put it below the working folder).
  const folder = options.dir ? resolve(workingFolder(options), options.dir) : join(config.root, config.register, kindFolders[kind]);
  const file = join(folder, `${id}.yaml`);
  const { text, missing, conditional } = newEntityText(kind, id, parseSets(options.set ?? []), config);
  const line = schemaLine(config, kind, file);
  refuseOutside(config.root, file);
  if (!createFile(file, line + text)) {
    throw new UsageError({ id: 'newExists', data: { id, file: relative(config.root, file) } });
  }
  const shown = relative(workingFolder(options), file).split(sep).join('/');
  process.stdout.write(`${t({ id: 'newCreated', data: { file: shown } })}\n`);
  if (line === '') process.stdout.write(`${t({ id: 'newNoSchemaLine' })}\n`);
  if (missing.length > 0) process.stdout.write(`${t({ id: 'newFillIn', data: { fields: missing.join(', ') } })}\n`);
  if (conditional.length > 0) process.stdout.write(`${t({ id: 'newFillInIf', data: { fields: conditional.join(', ') } })}\n`);
  return ExitCode.Ok;
}
