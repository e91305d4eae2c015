// itreg init [dir]: a new register with config, one example per kind, the schemas, CI examples and the pre-commit hook. Never overwrites.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { packagePath } from '../../util/paths.js';
import { ExitCode, UsageError } from '../../errors.js';
import { translator, type Message } from '../../i18n/index.js';
import { HOOK_MARKER, hookPaths, hookScript, installHook } from '../../git/hooks.js';
import { findRepositoryRoot, initRepository } from '../../git/repository-root.js';
import { readConfig } from '../../register/config.js';
import { createFile } from '../../register/write.js';
import { schemaDir } from '../../schema/validate.js';
import { addYears } from '../../util/dates.js';
import { languageOption, todayFor, workingFolder, type GlobalOptions } from '../io.js';
import { itregBin } from './hook.js';

export interface InitCommandOptions extends GlobalOptions {
  readonly name?: string;
  /** --from: a spreadsheet to import instead of the example entities (with --map, --kind, --sheet). */
  readonly from?: string;
  readonly map?: string;
  readonly kind?: string;
  readonly sheet?: string;
}

const templateDir = packagePath('templates/init');

function listFiles(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

export async function initCommand(dir: string | undefined, options: InitCommandOptions): Promise<ExitCode> {
  if (options.from !== undefined && options.map === undefined) throw new UsageError({ id: 'initFromNeedsMap' });
  const target = resolve(workingFolder(options), dir ?? '.');
  const t = translator(languageOption(options) ?? 'sv');
  const say = (line: string) => process.stdout.write(`${line}\n`);
  mkdirSync(target, { recursive: true });

  const date = todayFor(undefined);
  const values: Record<string, string> = {
    name: options.name ?? basename(target),
    today: date,
    year: date.slice(0, 4),
    lastYear: String(Number(date.slice(0, 4)) - 1),
    inFiveYears: addYears(date, 5),
  };
  const render = (text: string) => text.replace(/@@(\w+)@@/g, (whole, key: string) => values[key] ?? whole);
  const files: Array<[string, string]> = [
    ...listFiles(templateDir)
      .sort()
      // A register made from a spreadsheet gets its entities from it, not the examples.
      .filter((path) => options.from === undefined || !path.startsWith('register/'))
      .map((path): [string, string] => [path, render(readFileSync(join(templateDir, path), 'utf8'))]),
    ...readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort().map((f): [string, string] => [`schema/${f}`, readFileSync(join(schemaDir, f), 'utf8')]),
  ];
  for (const [path, text] of files) {
    say(t({ id: createFile(join(target, path), text) ? 'initCreated' : 'initSkipped', data: { file: path } }));
  }

  // "i den här mappen", not "i .. Nästa steg" (the folder's name, or a dot for the working folder, ending a sentence).
  const relativeFolder = relative(workingFolder(options), target).split(sep).join('/');
  const where: Message = relativeFolder === '' ? { id: 'thisFolder' } : { id: 'namedFolder', data: { folder: relativeFolder } };
  if (!findRepositoryRoot(target)) {
    await initRepository(target);
    say(t({ id: 'initGit', data: { folder: where } }));
  }
  const paths = await hookPaths(target);
  if (!existsSync(paths.hookFile) || readFileSync(paths.hookFile, 'utf8').includes(HOOK_MARKER)) {
    installHook(paths, hookScript(paths.top, target, process.execPath, itregBin, t({ id: 'hookNotInstalled' })), false);
    say(t({ id: 'hookInstalled', data: { file: relative(target, paths.hookFile).split(sep).join('/') } }));
  }
  let exitCode: ExitCode = ExitCode.Ok;
  if (options.from !== undefined && options.map !== undefined) {
    const { importSpreadsheet } = await import('./import.js');
    const config = readConfig(join(target, 'itreg.yaml'), languageOption(options));
    exitCode = await importSpreadsheet(config, options.from, { ...options, map: options.map }, workingFolder(options), say);
  }
  say(t({ id: options.from === undefined ? 'initDone' : 'initDoneFrom', data: { folder: where } }));
  return exitCode;
}
