// itreg lint [paths…]: load the whole register, run the rules, report findings in the given paths.
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { ciFormats, formatLintOutput, lintFormats } from '../../format/lint-output.js';
import { loadPaint } from '../../format/paint.js';
import { repositoryPrefix } from '../../git/repository-root.js';
import { packageVersion } from '../../util/paths.js';
import type { Severity } from '../../register/config.js';
import { ContentCache } from '../../register/cache.js';
import { lintRegister } from '../../lint/lint-register.js';
import { isLintable, touchesRegister } from '../../lint/paths.js';
import { ruleIds, isRuleId } from '../../rules/index.js';
import { suggestNearest } from '../../i18n/index.js';
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
}

function parseRuleOverrides(values: readonly string[] = []): Record<string, Severity> {
  const overrides: Record<string, Severity> = {};
  for (const value of values) {
    const [id = '', severity = ''] = value.split('=');
    if (!isRuleId(id)) {
      throw new UsageError({ id: 'ruleOptionUnknown', data: { value, id, suggestion: suggestNearest(id, ruleIds) } });
    }
    if (severity !== 'off' && severity !== 'warning' && severity !== 'error') {
      throw new UsageError({ id: 'ruleOptionSeverity', data: { value } });
    }
    overrides[id] = severity;
  }
  return overrides;
}

export async function lintCommand(paths: readonly string[], options: LintCommandOptions): Promise<ExitCode> {
  if (!(lintFormats as readonly string[]).includes(options.format)) {
    throw new UsageError({ id: 'badFormat', data: { formats: lintFormats.join(', '), value: options.format } });
  }
  const maxWarnings = options.maxWarnings === undefined ? -1 : Number(options.maxWarnings);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError({ id: 'badMaxWarnings' });
  if (options.date !== undefined) checkDate(options.date, '--date'); // before the register is read
  const overrides = parseRuleOverrides(options.rule);
  const cwd = workingFolder(options);
  if (options.preCommit) return preCommitLint(paths, options);
  const missing = paths.find((path) => !existsSync(resolve(cwd, path)));
  // As ESLint: a path that matches nothing is a mistake to point out, not an empty success.
  if (missing !== undefined) throw new UsageError({ id: 'noSuchPath', data: { path: missing } });
  const config = loadConfig(options);
  const date = dateOption(options.date, config);
  const outside = paths.find((path) => {
    const inRoot = relative(config.root, resolve(cwd, path)).split(sep).join('/');
    // A file that is no YAML (README.md) is no register file, wherever it lies.
    const notYaml = inRoot !== 'itreg.yaml' && !/\.ya?ml$/i.test(inRoot) && statSync(resolve(cwd, path)).isFile();
    return notYaml || !isLintable(config, inRoot);
  });
  // As ESLint with a file it does not lint: a path outside the register is a mistake, not "no problems".
  if (outside !== undefined) throw new UsageError({ id: 'pathOutsideRegister', data: { path: outside, register: join(relative(cwd, config.root) || '.', config.register).split(sep).join('/') } });

  const progress = progressLine(options.format === 'stylish' && !options.output);
  const note = (line: string) => process.stderr.write(`itreg: ${line}\n`);
  const { result, loaded, inPaths } = await lintRegister(
    config,
    {
      paths,
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
    },
    {
      note,
      onProgress: progress.update,
      onLoaded: progress.done,
      ...(options.debug ? { onDebug: (line: string) => console.error(line), onRuleCrash: (id: string, error: unknown) => console.error(`[${id}]`, error) } : {}),
    },
  );

  const text = formatLintOutput(result, {
    format: options.format,
    language: config.language,
    loaded,
    inPaths,
    // CI annotations name files from the repository's top, wherever itreg.yaml sits in it.
    prefix: ciFormats.includes(options.format) ? repositoryPrefix(config.root) : '',
    version: packageVersion,
    maxWarnings,
    paint: options.format === 'stylish' ? await loadPaint(useColor(options, options.output !== undefined)) : undefined,
  });
  emit(text, options.output, cwd);

  const { errors, warnings } = result.summary;
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? ExitCode.Findings : ExitCode.Ok;
}

/**
 * --pre-commit: what the pre-commit framework's hook runs, in the repository's top folder, with the staged file names
 * (every file under `pre-commit run --all-files`). Those in the register count as changed; the others (the CI files,
 * .pre-commit-config.yaml) are none of itreg's business.
 */
async function preCommitLint(paths: readonly string[], options: LintCommandOptions): Promise<ExitCode> {
  const config = loadConfig(options);
  const given = new Set(
    paths
      .map((path) => relative(config.root, resolve(process.cwd(), path)).split(sep).join('/'))
      .filter((path) => touchesRegister(config, path)),
  );
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
