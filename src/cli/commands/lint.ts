// itreg lint [paths…]: load the whole register, run the rules, report findings in the given paths.
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExitCode, ItregError, UsageError, errorMessage } from '../../errors.js';
import { formatGithub } from '../../format/github.js';
import { formatGitlab } from '../../format/gitlab.js';
import { formatJson } from '../../format/json.js';
import { formatJunit } from '../../format/junit.js';
import { formatSarif } from '../../format/sarif.js';
import { formatStylish } from '../../format/stylish.js';
import { loadPaint } from '../../format/paint.js';
import type { Rule } from '../../rules/define-rule.js';
import { repositoryPrefix } from '../../git/repository-root.js';
import { changedFiles, stagedChanges, type ChangedFiles, type StagedChanges } from '../../git/changed.js';
import type { Repository } from '../../git/run.js';
import { packageVersion } from '../../util/paths.js';
import type { Config, Severity } from '../../register/config.js';
import { ContentCache } from '../../register/cache.js';
import { loadRegister, replaceFiles, type LoadedRegister } from '../../register/load.js';
import { lintAgainstBase, type Ran } from '../../lint/changes.js';
import { runRules, selectFindings, type Finding, type LintResult } from '../../lint/run-rules.js';
import { rules, ruleIds, isRuleId } from '../../rules/index.js';
import { suggestNearest, translator } from '../../i18n/index.js';
import { applySuppressions, pruneSuppressions, recordSuppressions } from '../../lint/suppressions.js';
import { readSuppressions, SUPPRESSIONS_FILE, writeSuppressions } from '../../lint/suppressions-file.js';
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

const lintFormats = ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab'] as const;

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
  // The cache is only valid for the itreg version that wrote it.
  const cache = options.cache ? new ContentCache(options.cacheLocation ? resolve(cwd, options.cacheLocation) : ContentCache.defaultFile(config.root), packageVersion) : undefined;
  // --changed: git's questions go out first and run beside the loading (the answers are read once it is done).
  const gitStaged = options.staged ? early(stagedChanges(config.root, config.root)) : undefined;
  const gitChanges = options.changed && !options.staged ? early(changedFiles(config.root, config.root, options.base)) : undefined;
  const progress = progressLine(options.format === 'stylish' && !options.output);
  const onDisk = loadRegister(config, { ...(cache ? { cache } : {}), onProgress: progress.update });
  progress.done();
  if (cache) {
    // A cache that cannot be written (a read-only checkout, a folder in its place) costs only speed: say so, lint on.
    try {
      cache.save();
    } catch (error: unknown) {
      const detail = error instanceof ItregError ? error.messageIn(config.language) : errorMessage(error);
      process.stderr.write(`itreg: ${translator(config.language)({ id: 'cacheNotWritten', data: { detail } })}\n`);
    }
    if (options.debug) console.error(`itreg: cache ${cache.file}: ${cache.hits} unchanged, ${cache.misses} parsed, ${cache.plain} read by the fast path`);
  }
  const lintOptions = {
    date,
    language: config.language,
    overrides,
    ...(options.debug ? { onRuleCrash: (id: string, error: unknown) => console.error(`[${id}]`, error) } : {}),
  };
  // --changed: the register at the base is read first, so that the lint now can note which checks the change reaches.
  const change = gitStaged
    ? await readStaged(config, await gitStaged, onDisk)
    : gitChanges
      ? await readChange(config, await gitChanges, onDisk, options.given)
      : undefined;
  // --staged lints the register as the commit holds it, not as the files on disk are.
  const loaded = change?.now ?? onDisk;
  const linted = change?.base
    ? lintAgainstBase(loaded, change.base, change.touched, change.changed, rules, lintOptions, options.suppressAll === true || options.pruneSuppressions === true)
    : { result: runRules(loaded, rules, lintOptions), isNew: change ? () => false : () => true };
  const full = { ...linted.result, loaded };
  const current = startingLine(config, full, options, 'ran' in linted ? linted.ran : undefined);

  const inPaths = options.given ? () => true : pathFilter(paths, cwd, config.root);
  const inChanges = linted.isNew;
  const result: LintResult = selectFindings(current, (f) => inPaths(f.file) && inChanges(f) && (!options.quiet || f.severity === 'error'));

  const language = config.language;
  // CI annotations name files from the repository's top, wherever itreg.yaml sits in it.
  const ciFormats = ['sarif', 'github', 'gitlab', 'junit'];
  const prefix = ciFormats.includes(options.format) ? repositoryPrefix(config.root) : '';
  const ciResult = withPrefix(result, prefix);
  let text: string;
  switch (options.format) {
    case 'json':
      text = formatJson(result);
      break;
    case 'sarif':
      text = formatSarif(ciResult, {
        rules: rules as readonly Rule[],
        language,
        version: packageVersion,
        sourceRoot: `${pathToFileURL(resolve(config.root, prefix.replace(/[^/]+\//g, '../') || '.')).href.replace(/\/?$/, '/')}`,
        regionEnd: regionEnds(loaded, prefix),
      });
      break;
    case 'junit':
      text = formatJunit(ciResult, { files: ['itreg.yaml', ...loaded.files.map((f) => f.path)].filter(inPaths).map((path) => prefix + path) });
      break;
    case 'github':
      text = formatGithub(ciResult, { language });
      break;
    case 'gitlab':
      text = formatGitlab(ciResult);
      break;
    default:
      text = formatStylish(result, { paint: await loadPaint(useColor(options, options.output !== undefined)), language, maxWarnings });
  }
  emit(text, options.output, cwd);

  const { errors, warnings } = result.summary;
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? ExitCode.Findings : ExitCode.Ok;
}

/**
 * itreg-suppressions.json (DESIGN "Starting from today's state"): --suppress-all records every current finding,
 * --prune-suppressions drops the entries whose finding is gone; findings it holds are counted, not reported.
 * Fingerprints are taken over the lint's findings before paths, --changed or --quiet select some. --changed lints
 * only what the change reaches (every finding of a check it runs, so fingerprints agree with a full lint's): an entry
 * counts as unused only where it ran (`ran`), and --suppress-all and --prune-suppressions have it lint everything.
 */
function startingLine(config: Config, full: LintResult, options: LintCommandOptions, ran?: Ran): LintResult {
  const t = translator(config.language);
  const note = (line: string) => process.stderr.write(`itreg: ${line}\n`);
  let entries = readSuppressions(config.root);
  if (options.suppressAll) {
    entries = recordSuppressions(full, entries ?? [], todayFor(config));
    writeSuppressions(config.root, entries);
    note(t({ id: 'suppressionsWritten', data: { file: SUPPRESSIONS_FILE, count: { count: entries.length, of: 'finding' } } }));
  }
  if (entries === undefined) {
    if (options.pruneSuppressions) note(t({ id: 'suppressionsNone', data: { file: SUPPRESSIONS_FILE } }));
    return full;
  }
  const result = applySuppressions(full, entries, ran);
  if (!options.pruneSuppressions) return result;
  const kept = pruneSuppressions(entries, result);
  if (kept.length < entries.length) writeSuppressions(config.root, kept);
  const notJudged = result.summary.notJudgedSuppressions ?? 0;
  const keptNote = notJudged > 0 ? { id: 'suppressionsKeptNotJudged' as const, data: { count: { count: notJudged, of: 'entry' as const } } } : undefined;
  note(t({ id: 'suppressionsPruned', data: { file: SUPPRESSIONS_FILE, count: { count: entries.length - kept.length, of: 'unusedEntry' }, kept: keptNote } }));
  return { ...result, unusedSuppressions: [], summary: { ...result.summary, unusedSuppressions: 0 } };
}


/** What --changed compares: the changed files, and the register at the base. */
interface Change {
  /** Changed and added files (and those --pre-commit names), relative to the folder of itreg.yaml. */
  readonly changed: ReadonlySet<string>;
  /** Register files changed, added or deleted. */
  readonly touched: ReadonlySet<string>;
  /** Absent when nothing in the register changed: then nothing can be the change's doing. */
  readonly base?: LoadedRegister;
  /** With --staged: the register as the commit holds it (what is not staged, as it is in the index). */
  readonly now?: LoadedRegister;
}

/**
 * Git's questions (what changed since the base, or what the commit holds) go out now, beside the loading: called before
 * it, and imported statically, so nothing waits for the event loop. A failure waits to be awaited: a register that
 * fails to load says so first.
 */
function early<T>(asked: Promise<T>): Promise<T> {
  asked.catch(() => undefined);
  return asked;
}

/** A path relative to itreg.yaml's folder that a change to the register can touch: itreg.yaml, or a file in the register. */
function touchesRegister(config: Config, path: string): boolean {
  return path === 'itreg.yaml' || isInRegister(config, path);
}

/** The register `now` with the `touched` files as they were at `commit` (none before the first commit). */
async function registerAt(config: Config, repository: Repository, commit: string | undefined, now: LoadedRegister, touched: ReadonlySet<string>): Promise<LoadedRegister> {
  const { readTreeFiles } = await import('../../git/objects.js');
  const registerFolder = repository.pathOf(join(config.root, config.register));
  const paths = [...touched].map((path) => repository.pathOf(join(config.root, path)));
  const before = commit === undefined ? [] : await readTreeFiles(repository.top, commit, registerFolder, (path) => /\.ya?ml$/i.test(path), paths);
  return replaceFiles(now, touched, before.map((file) => ({ path: repository.toRoot(file.path, config.root), bytes: file.bytes })));
}

/**
 * --staged (the git hook): the register as the commit holds it is the register on disk with every file whose working
 * copy is not what is staged (changed or deleted without `git add`, untracked) taken from the index, or left out; the
 * base is that register with the staged files as they are at HEAD.
 */
async function readStaged(config: Config, staged: StagedChanges, onDisk: LoadedRegister): Promise<Change> {
  const { readObjects } = await import('../../git/objects.js');
  const { repository } = staged;
  const notStaged = [...staged.notStaged].filter((path) => touchesRegister(config, path));
  // `:path` names a file's staged version; an untracked file has none and is left out.
  const indexed = await readObjects(repository.top, notStaged.map((path) => `:${repository.pathOf(join(config.root, path))}`));
  const now = replaceFiles(onDisk, new Set(notStaged), notStaged.flatMap((path, i) => (indexed[i] ? [{ path, bytes: indexed[i] }] : [])));
  const changed = new Set([...staged.staged].filter((path) => touchesRegister(config, path)));
  const touched = new Set([...changed, ...[...staged.stagedDeleted].filter((path) => touchesRegister(config, path))]);
  if (touched.size === 0) return { changed, touched, now };
  return { changed, touched, now, base: await registerAt(config, repository, staged.commit, now, touched) };
}

/**
 * --changed (DESIGN "What a change broke"): the register at the base commit, linted with the current configuration, is
 * the register now with the files the change touched as they were then (only those are read from git).
 */
async function readChange(config: Config, changes: ChangedFiles, loaded: LoadedRegister, given: ReadonlySet<string> = new Set()): Promise<Change> {
  const changed = new Set([...changes.changed, ...given]);
  const touched = new Set([...changed, ...changes.deleted].filter((path) => touchesRegister(config, path)));
  if (touched.size === 0) return { changed, touched };
  return { changed, touched, base: await registerAt(config, changes.repository, changes.commit, loaded, touched) };
}

/** A lint path (relative to itreg.yaml's folder): itreg.yaml, the register folder, a folder above it, or inside it. */
function isLintable(config: Config, path: string): boolean {
  const folder = config.register.replace(/\/+$/, '');
  if (path === '' || touchesRegister(config, path)) return true;
  return !path.startsWith('..') && (folder === path || folder.startsWith(`${path}/`));
}

/** A path relative to itreg.yaml's folder lies in the register folder. */
function isInRegister(config: Config, path: string): boolean {
  const folder = config.register.replace(/\/+$/, '');
  return folder === '.' || folder === '' ? !path.startsWith('../') : path.startsWith(`${folder}/`);
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

/** SARIF regions end where the text on the finding's line ends (at least one character after its start). */
function regionEnds(loaded: LoadedRegister, prefix: string): (finding: Finding) => { endLine: number; endColumn: number } {
  const texts = new Map<string, string>([[prefix + 'itreg.yaml', loaded.config.source.text], ...loaded.files.map((file) => [prefix + file.path, file.text] as const)]);
  const lines = new Map<string, string[]>();
  return (finding) => {
    let fileLines = lines.get(finding.file);
    if (fileLines === undefined) {
      fileLines = (texts.get(finding.file) ?? '').split('\n');
      lines.set(finding.file, fileLines);
    }
    const text = (fileLines[finding.line - 1] ?? '').replace(/\s+$/, '');
    return { endLine: finding.line, endColumn: Math.max(text.length + 1, finding.column + 1) };
  };
}

function withPrefix(result: LintResult, prefix: string): LintResult {
  return prefix ? { ...result, findings: result.findings.map((f) => ({ ...f, file: prefix + f.file })) } : result;
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

/** Findings in the given files or folders (relative to the working folder); all when none are given. */
function pathFilter(paths: readonly string[], cwd: string, root: string): (file: string) => boolean {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((path) => relative(root, resolve(cwd, path)).split(sep).join('/'));
  return (file) => prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}
