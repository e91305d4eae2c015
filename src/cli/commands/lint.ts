// itreg lint [paths…]: load the whole register, run the rules, report findings in the given paths.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { ciFormats, formatLintOutput, lintFormats } from '../../format/lint-output.js';
import { loadPaint } from '../../format/paint.js';
import { repositoryPrefix } from '../../git/repository-root.js';
import { packageVersion } from '../../util/paths.js';
import { formatFixDiff, formatFixSummary } from '../../format/fix-output.js';
import { ContentCache } from '../../register/cache.js';
import { fixRegister, replacedByFixes } from '../../lint/apply-fixes.js';
import { lintRegister, type LintRequest } from '../../lint/lint-register.js';
import { isLintable, touchesRegister } from '../../lint/paths.js';
import { configInForce } from '../../lint/print-config.js';
import { parseRuleOverrides } from '../../lint/rule-options.js';
import { rules } from '../../rules/index.js';
import { checkDate, dateOption, emit, todayFor, loadConfig, useColor, workingFolder, type GlobalOptions } from '../io.js';

export interface LintCommandOptions extends GlobalOptions {
  readonly format: string;
  readonly date?: string;
  readonly quiet?: boolean;
  readonly output?: string;
  readonly maxWarnings?: string;
  readonly rule?: readonly string[];
  readonly changed?: boolean;
  readonly preCommit?: boolean;
  /** The git hook's question: what the commit about to be made holds (the index), against HEAD. */
  readonly staged?: boolean;
  readonly base?: string;
  readonly cache?: boolean;
  readonly cacheLocation?: string;
  /** --pre-commit's file names, relative to itreg.yaml's folder: they count as changed. */
  readonly given?: ReadonlySet<string>;
  readonly suppressAll?: boolean;
  readonly pruneSuppressions?: boolean;
  readonly fix?: boolean;
  readonly fixDryRun?: boolean;
  readonly stdin?: boolean;
  readonly stdinFilename?: string;
  readonly printConfig?: boolean;
}

export async function lintCommand(paths: readonly string[], options: LintCommandOptions): Promise<ExitCode> {
  if (!(lintFormats as readonly string[]).includes(options.format)) {
    throw new UsageError({ id: 'badFormat', data: { formats: lintFormats.join(', '), value: options.format } });
  }
  const maxWarnings = options.maxWarnings === undefined ? -1 : Number(options.maxWarnings);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError({ id: 'badMaxWarnings' });
  if (options.date !== undefined) checkDate(options.date, '--date'); // before the register is read
  const overrides = parseRuleOverrides(options.rule);
  if (options.fix && options.fixDryRun) throw new UsageError({ id: 'fixBoth' });
  if (options.stdin && options.stdinFilename === undefined) throw new UsageError({ id: 'stdinNeedsFilename' });
  if (!options.stdin && options.stdinFilename !== undefined) throw new UsageError({ id: 'stdinFilenameAlone' });
  if (options.stdin && options.fix) throw new UsageError({ id: 'fixWithStdin' });
  const cwd = workingFolder(options);
  if (options.preCommit) return preCommitLint(paths, options);
  // --stdin: the text is linted as the file --stdin-filename names, which need not exist.
  const named = options.stdinFilename !== undefined ? [options.stdinFilename] : paths;
  const missing = paths.find((path) => !existsSync(resolve(cwd, path)));
  // As ESLint: a path that matches nothing is a mistake to point out, not an empty success.
  if (missing !== undefined) throw new UsageError({ id: 'noSuchPath', data: { path: missing } });
  const config = loadConfig(options);
  if (options.printConfig) {
    process.stdout.write(`${JSON.stringify(configInForce(config, rules, overrides), null, 2)}\n`);
    return ExitCode.Ok;
  }
  const date = dateOption(options.date, config);
  const outside = named.find((path) => {
    const inRoot = relative(config.root, resolve(cwd, path)).split(sep).join('/');
    // A file that is no YAML (README.md) is no register file, wherever it lies.
    const notYaml = inRoot !== 'itreg.yaml' && !/\.ya?ml$/i.test(inRoot) && (options.stdin || statSync(resolve(cwd, path)).isFile());
    return notYaml || !isLintable(config, inRoot);
  });
  // As ESLint with a file it does not lint: a path outside the register is a mistake, not "no problems".
  if (outside !== undefined)
    throw new UsageError({
      id: 'pathOutsideRegister',
      data: {
        path: outside,
        register: join(relative(cwd, config.root) || '.', config.register)
          .split(sep)
          .join('/'),
      },
    });
  const stdinPath = options.stdinFilename === undefined ? undefined : relative(config.root, resolve(cwd, options.stdinFilename)).split(sep).join('/');

  const progress = progressLine(options.format === 'stylish' && !options.output);
  const note = (line: string) => process.stderr.write(`itreg: ${line}\n`);
  const request: LintRequest = {
    paths: named,
    cwd,
    date,
    today: () => todayFor(config),
    overrides,
    cacheFile: options.cache ? (options.cacheLocation ? resolve(cwd, options.cacheLocation) : ContentCache.defaultFile(config.root)) : undefined,
    quiet: options.quiet,
    changed: options.changed,
    staged: options.staged,
    base: options.base,
    given: options.given,
    suppressAll: options.suppressAll,
    pruneSuppressions: options.pruneSuppressions,
    ...(stdinPath === undefined ? {} : { replace: { touched: new Set([stdinPath]), files: [{ path: stdinPath, bytes: readFileSync(0) }] } }),
  };
  const hooks = {
    note,
    onProgress: progress.update,
    onLoaded: progress.done,
    ...(options.debug ? { onDebug: (line: string) => console.error(line), onRuleCrash: (id: string, error: unknown) => console.error(`[${id}]`, error) } : {}),
  };
  const outcome = await lintRegister(config, request, hooks);
  if (options.fix || options.fixDryRun) {
    const { plans, applied } = await fixRegister(config, outcome, options.fixDryRun === true);
    for (const line of formatFixSummary(applied, config.language, options.fixDryRun)) note(line);
    // As ESLint: after fixing, the lint reports what remains.
    if (options.fix) return lintCommand(paths, { ...options, fix: false });
    emit(formatFixDiff(plans), options.output, cwd);
    const after = await lintRegister(config, { ...request, replace: replacedByFixes(request.replace, plans) }, { note: () => undefined });
    return exitCode(after.result.summary.errors, after.warnings, maxWarnings);
  }
  const { result, loaded, inPaths } = outcome;

  const text = formatLintOutput(result, {
    format: options.format,
    language: config.language,
    loaded,
    inPaths,
    // CI annotations name files from the repository's top, wherever itreg.yaml sits in it.
    prefix: ciFormats.includes(options.format) ? repositoryPrefix(config.root) : '',
    version: packageVersion,
    maxWarnings,
    countedWarnings: outcome.warnings,
    paint: options.format === 'stylish' ? await loadPaint(useColor(options, options.output !== undefined)) : undefined,
  });
  emit(text, options.output, cwd);

  return exitCode(result.summary.errors, outcome.warnings, maxWarnings);
}

/** 1 on errors, or on more warnings than --max-warnings (those --quiet leaves out count too, as in ESLint). */
function exitCode(errors: number, warnings: number, maxWarnings: number): ExitCode {
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? ExitCode.Findings : ExitCode.Ok;
}

/**
 * --pre-commit: what the pre-commit framework's hook runs, in the repository's top folder, with the staged file names
 * (every file under `pre-commit run --all-files`). Those in the register count as changed; the others (the CI files,
 * .pre-commit-config.yaml) are none of itreg's business.
 */
async function preCommitLint(paths: readonly string[], options: LintCommandOptions): Promise<ExitCode> {
  const config = loadConfig(options);
  const given = new Set(paths.map((path) => relative(config.root, resolve(process.cwd(), path)).split(sep).join('/')).filter((path) => touchesRegister(config, path)));
  return lintCommand([], { ...options, preCommit: false, changed: true, base: options.base ?? 'HEAD', given });
}

/**
 * A progress line on stderr for long runs: only on a terminal, never in CI or machine formats, and only once a
 * run has taken a second (short runs stay quiet).
 */
function progressLine(wanted: boolean): { update: (done: number, total: number) => void; done: () => void } {
  const show = wanted && process.stderr.isTTY === true && !process.env['CI'];
  const started = Date.now();
  const after = Number(process.env['ITREG_PROGRESS_AFTER_MS'] ?? 1000);
  let shown = false;
  return {
    update(done, total) {
      if (!show || Date.now() - started < after) return;
      shown = true;
      process.stderr.write(`\ritreg: ${done}/${total} …`);
    },
    done() {
      if (shown) process.stderr.write('\r\u001b[K');
    },
  };
}
