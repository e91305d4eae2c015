// itreg init [dir]: a new register with config, one example per kind, the schemas, CI examples and the pre-commit hook. Never overwrites.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { packagePath } from '../../util/paths.js';
import { ExitCode, UsageError } from '../../errors.js';
import { translator, type Message } from '../../i18n/index.js';
import { HOOK_MARKER, hookPaths, hookRegister, hookScript, installHook } from '../../git/hooks.js';
import { currentBranch, findRepositoryRoot, initRepository } from '../../git/repository-root.js';
import { parseConfigText, readConfig } from '../../register/config.js';
import { itregSource, packageJson } from '../../register/itreg-source.js';
import { writeImport } from './import.js';
import { prepareImport, type PreparedImport } from '../../import/run.js';
import { createFile, makeFolders, refuseOutside } from '../../register/write.js';
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
  readonly createUnits?: boolean;
  /** What the register's package.json pins itreg to: an npm range, a git URL or a tarball. */
  readonly itregSource?: string;
  /** Re-point the repository's itreg hook to this register. */
  readonly force?: boolean;
}

const templateDir = packagePath('templates/init');
/** CI files, written at the repository's top (where GitHub and GitLab look), run in the register's folder. */
const ciTemplateDir = packagePath('templates/ci');

/**
 * The register's folder as it can stand in the CI files: in a YAML plain scalar (the workflow's working-directory) and
 * single-quoted in the GitLab job's `cd` line. Letters, digits, spaces and `. _ / -` can; anything else (a quote, `$`,
 * `:`, `#`, a newline) could change the YAML or the shell's reading of it, so the folder is refused (exit 2).
 */
const SAFE_FOLDER = /^[\p{L}\p{N}._/][\p{L}\p{N}._ /-]*$/u;

function checkFolder(folder: string): string {
  if (!SAFE_FOLDER.test(folder) || folder.endsWith(' ')) throw new UsageError({ id: 'initFolderUnsafe', data: { folder } });
  return folder;
}

/** A branch name as it can stand in the workflow's YAML, a GitHub expression's string and a shell word unquoted. */
const SAFE_BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/** The branch for the CI files ('main' on a detached HEAD); exit 2 for a name that cannot stand in them as it is. */
function checkBranch(branch: string | undefined): string {
  if (branch !== undefined && !SAFE_BRANCH.test(branch)) throw new UsageError({ id: 'initBranchUnsafe', data: { branch } });
  return branch ?? 'main';
}

/** npm leaves every .gitignore out of a package, so the template is gitignore and is written as .gitignore. */
function templateName(path: string): string {
  return path === 'gitignore' ? '.gitignore' : path;
}

/** The nearest folder of `path` that exists (the target of init may not exist yet). */
function existingParent(path: string): string {
  let folder = path;
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

function listFiles(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
}

export async function initCommand(dir: string | undefined, options: InitCommandOptions): Promise<ExitCode> {
  if (options.from !== undefined && options.map === undefined) throw new UsageError({ id: 'initFromNeedsMap' });
  const target = resolve(workingFolder(options, false), dir ?? '.');
  const language = languageOption(options) ?? 'sv';
  const t = translator(language);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  // In an existing repository the CI files go to its top, and its one itreg hook must not silently change register.
  const existingTop = findRepositoryRoot(existingParent(target));
  const top = existingTop ?? target;
  const folder = relative(top, target).split(sep).join('/') || '.';
  if (existingTop !== undefined && options.force !== true) {
    const { hookFile } = await hookPaths(existingParent(target));
    const current = existsSync(hookFile) ? readFileSync(hookFile, 'utf8') : '';
    const checks = current.includes(HOOK_MARKER) ? hookRegister(current) : undefined;
    if (checks !== undefined && checks !== folder) throw new UsageError({ id: 'hookOtherRegister', data: { file: relative(top, hookFile).split(sep).join('/'), folder: checks } });
  }
  const source = itregSource(options.itregSource, workingFolder(options, false), target, top);
  // "i den här mappen", not "i .. Nästa steg" (the folder's name, or a dot for the working folder, ending a sentence).
  const relativeFolder = relative(workingFolder(options, false), target).split(sep).join('/');
  const where: Message = relativeFolder === '' ? { id: 'thisFolder' } : { id: 'namedFolder', data: { folder: relativeFolder } };
  // The CI files name the repository's branch as git reports it (git's default may be master, main or another).
  if (existingTop !== undefined) checkBranch(await currentBranch(top));

  const date = todayFor(undefined);
  const values: Record<string, string> = {
    name: options.name ?? basename(target),
    today: date,
    year: date.slice(0, 4),
    lastYear: String(Number(date.slice(0, 4)) - 1),
    inFiveYears: addYears(date, 5),
    language,
  };
  values['folder'] = checkFolder(folder);
  values['folderPrefix'] = folder === '.' ? '' : `${folder}/`;
  // From the register's folder back to the repository's top (GitLab Pages publishes public/ there).
  values['toTop'] =
    folder === '.'
      ? ''
      : `${folder
          .split('/')
          .map(() => '..')
          .join('/')}/`;
  const render = (text: string) => text.replace(/@@(\w+)@@/g, (whole, key: string) => values[key] ?? whole);
  // The mapping checked and every row planned before the first file is written: a wrong mapping leaves nothing behind.
  let prepared: PreparedImport | undefined;
  if (options.from !== undefined && options.map !== undefined) {
    const configFile = join(target, 'itreg.yaml');
    const config = existsSync(configFile)
      ? readConfig(configFile, languageOption(options))
      : parseConfigText(render(readFileSync(join(templateDir, 'itreg.yaml'), 'utf8')), target, languageOption(options));
    prepared = await prepareImport(config, options.from, { ...options, map: options.map, date: todayFor(config) }, workingFolder(options, false));
  }
  makeFolders(target);
  if (existingTop === undefined) {
    await initRepository(target);
    say(t({ id: 'initGit', data: { folder: where } }));
  }
  values['branch'] = checkBranch(await currentBranch(top));
  const files: Array<[string, string]> = [
    ...listFiles(templateDir)
      .sort()
      // A register made from a spreadsheet gets its entities from it, not the examples.
      .filter((path) => options.from === undefined || !path.startsWith('register/'))
      .map((path): [string, string] => [templateName(path), render(readFileSync(join(templateDir, path), 'utf8'))]),
    ...readdirSync(schemaDir)
      .filter((f) => f.endsWith('.schema.json'))
      .sort()
      .map((f): [string, string] => [`schema/${f}`, readFileSync(join(schemaDir, f), 'utf8')]),
    ['package.json', packageJson(values['name']!, source.spec)],
  ];
  const shown = (file: string) => relative(target, file).split(sep).join('/');
  if (source.vendor !== undefined) {
    const file = join(target, source.vendor.path);
    say(t({ id: existsSync(file) ? 'initSkipped' : createFile(file, source.vendor.bytes()) ? 'initCreated' : 'initSkipped', data: { file: shown(file) } }));
  }
  if (source.outside !== undefined) say(t({ id: 'initSourceOutside', data: { source: source.outside } }));
  for (const [path] of files) refuseOutside(target, join(target, path));
  for (const [path, text] of files) {
    say(t({ id: createFile(join(target, path), text) ? 'initCreated' : 'initSkipped', data: { file: shown(join(target, path)) } }));
  }
  for (const path of listFiles(ciTemplateDir).sort()) {
    const file = join(top, path);
    say(t({ id: createFile(file, render(readFileSync(join(ciTemplateDir, path), 'utf8'))) ? 'initCreated' : 'initSkipped', data: { file: shown(file) } }));
  }

  const paths = await hookPaths(target);
  if (!existsSync(paths.hookFile) || readFileSync(paths.hookFile, 'utf8').includes(HOOK_MARKER)) {
    installHook(paths, hookScript(paths.folder, process.execPath, itregBin, { notInstalled: t({ id: 'hookNotInstalled' }), blocked: t({ id: 'hookBlocked' }) }), options.force === true);
    say(t({ id: 'hookInstalled', data: { file: relative(target, paths.hookFile).split(sep).join('/') } }));
  }
  let exitCode: ExitCode = ExitCode.Ok;
  if (prepared !== undefined) exitCode = writeImport(prepared, false, say);
  say(t({ id: 'initNpmInstall', data: { folder: where, spec: source.spec } }));
  say(t({ id: options.from === undefined ? 'initDone' : 'initDoneFrom', data: { folder: where } }));
  return exitCode;
}
