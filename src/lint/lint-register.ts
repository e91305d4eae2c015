// lintRegister(): what `itreg lint` computes: the register read (cached), linted whole or against a base, selected.
import { ItregError, errorMessage } from '../errors.js';
import { changedFiles, stagedChanges, type ChangedFiles, type StagedChanges } from '../git/changed.js';
import { translator } from '../i18n/index.js';
import { BlobCache } from '../register/blob-cache.js';
import { ContentCache } from '../register/cache.js';
import type { Config, Severity } from '../register/config.js';
import { listRegister, loadRegister, replaceFiles, type LoadedRegister } from '../register/load.js';
import { rules } from '../rules/index.js';
import { packageVersion } from '../util/paths.js';
import { early, fetchChange, readChange, readStaged, unchangedBlobs } from './base.js';
import { lintAgainstBase } from './changes.js';
import { ignoredFiles, pathFilter } from './paths.js';
import { runRules, selectFindings, type LintResult } from './run-rules.js';
import { applyStartingLine } from './starting-line.js';

export interface LintRequest {
  /** The files or folders to report on, relative to `cwd`; all when empty. */
  readonly paths: readonly string[];
  readonly cwd: string;
  /** The date the register is judged on. */
  readonly date: string;
  /** The day --suppress-all records its entries on (asked only then). */
  readonly today: () => string;
  /** --rule ID=SEVERITY. */
  readonly overrides: Readonly<Record<string, Severity>>;
  /** Errors only. */
  readonly quiet?: boolean;
  /** Only what the change since `base` broke. */
  readonly changed?: boolean;
  /** The git hook's question: what the commit about to be made holds (the index), against HEAD. */
  readonly staged?: boolean;
  readonly base?: string;
  /** --pre-commit's file names, relative to itreg.yaml's folder: they count as changed. */
  readonly given?: ReadonlySet<string>;
  /** The parse cache's file: absent, no cache. */
  readonly cacheFile?: string;
  readonly suppressAll?: boolean;
  readonly pruneSuppressions?: boolean;
  /**
   * Files linted as these texts instead of as they are on disk (--stdin, --fix-dry-run's register after the fixes):
   * the paths in `touched` (relative to itreg.yaml's folder) are taken out and `files` put in.
   */
  readonly replace?: { readonly touched: ReadonlySet<string>; readonly files: ReadonlyArray<{ readonly path: string; readonly bytes: Uint8Array }> };
}

/** What a lint tells its caller besides the result: progress, notes for the user, what --debug prints. */
export interface LintHooks {
  /** A line for the user beside the output (a file written, a cache not written). */
  readonly note: (line: string) => void;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called once the register is read. */
  readonly onLoaded?: () => void;
  /** --debug: a line about the cache. */
  readonly onDebug?: (line: string) => void;
  /** --debug: a rule that crashed, with its error. */
  readonly onRuleCrash?: (ruleId: string, error: unknown) => void;
}

export interface LintOutcome {
  /** The findings to report. */
  readonly result: LintResult;
  /** The register linted (with --staged, as the commit holds it). */
  readonly loaded: LoadedRegister;
  /** Whether a file (relative to itreg.yaml's folder) is among the paths asked about. */
  readonly inPaths: (file: string) => boolean;
  /** The warnings --max-warnings counts: those --quiet leaves out of `result` too (ESLint counts them). */
  readonly warnings: number;
  /** What was reported before --quiet chose the errors (what --fix fixes). */
  readonly reported: LintResult;
}

export async function lintRegister(config: Config, request: LintRequest, hooks: LintHooks): Promise<LintOutcome> {
  const t = translator(config.language);
  // The cache is only valid for the itreg version that wrote it.
  const cache = request.cacheFile !== undefined ? new ContentCache(request.cacheFile, packageVersion) : undefined;
  if (cache?.damaged) hooks.note(t({ id: 'cacheDamaged', data: { file: cache.file } }));
  // --changed and --staged with --cache: files the change left alone come from the cache by their git blob id.
  const blobFile = cache && (request.changed || request.staged) ? BlobCache.besideFile(cache.file) : undefined;
  // --changed: git's questions go out first and run beside the loading (the answers are read once it is done).
  const blobsBelow = blobFile ? config.register : undefined;
  const gitStaged = request.staged ? early(stagedChanges(config.root, config.root, blobsBelow)) : undefined;
  const gitChanges = request.changed && !request.staged ? early(changedFiles(config.root, config.root, request.base, blobsBelow)) : undefined;
  const gitAnswer: Promise<ChangedFiles | StagedChanges> | undefined = gitStaged ?? gitChanges;
  // What git's objects hold of the touched files is read as soon as git has answered (before loading, when it waits).
  const fetched = gitAnswer ? early(gitAnswer.then((answer) => fetchChange(config, answer, request.given))) : undefined;
  const unchanged = async (): Promise<(file: string) => string | undefined> => {
    try {
      return gitAnswer ? unchangedBlobs(await gitAnswer, request.given) : () => undefined;
    } catch {
      return () => undefined; // git's error is reported where the lint awaits it, after a register that fails to load
    }
  };
  // A blob cache is read once git has answered: git's questions go one after another (the repository, the merge base,
  // then the diff and the base's blob ids), and reading the cache (some 0.4 s on a national register) would hold each
  // next one up; the folders are listed meanwhile (some 0.15 s). Without a cache file there is nothing to wait for.
  const waitFor = blobFile !== undefined && BlobCache.isThere(blobFile) ? gitAnswer : undefined;
  const listing = waitFor !== undefined ? listRegister(config) : undefined;
  if (waitFor !== undefined) await waitFor.catch(() => undefined);
  const blobCache = blobFile && cache ? new BlobCache(blobFile, packageVersion, config.source.text, cache) : undefined;
  if (blobCache?.damaged) hooks.note(t({ id: 'cacheDamaged', data: { file: blobCache.file } }));
  // A warm cache waits for git's listing before loading, so that unchanged files are not read; a cold one fills after.
  const warm = blobCache?.warm === true;
  if (blobCache && warm) blobCache.trust(await unchanged());
  const read = loadRegister(config, { ...(warm ? { cache: blobCache } : cache ? { cache } : {}), ...(listing ? { listing } : {}), ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}) });
  if (blobCache && !warm) {
    blobCache.trust(await unchanged());
    blobCache.collect(read.files);
  }
  const onDisk = request.replace ? replaceFiles(read, request.replace.touched, request.replace.files) : read;
  hooks.onLoaded?.();
  let unsaved = false;
  for (const saved of [cache, blobCache]) {
    if (!saved) continue;
    // A cache that cannot be written (a read-only checkout, a folder in its place) costs only speed: say so once, lint on.
    try {
      saved.save();
    } catch (error: unknown) {
      const detail = error instanceof ItregError ? error.messageIn(config.language) : errorMessage(error);
      if (!unsaved) hooks.note(t({ id: 'cacheNotWritten', data: { detail } }));
      unsaved = true;
    }
  }
  if (cache) hooks.onDebug?.(`itreg: cache ${cache.file}: ${cache.hits} unchanged, ${cache.misses} parsed, ${cache.plain} read by the fast path`);
  if (blobCache) hooks.onDebug?.(`itreg: cache ${blobCache.file}: ${blobCache.hits} unchanged, ${blobCache.misses} read`);
  const lintOptions = {
    date: request.date,
    language: config.language,
    overrides: request.overrides,
    ...(hooks.onRuleCrash ? { onRuleCrash: hooks.onRuleCrash } : {}),
  };
  // --changed: the register at the base is read first, so that the lint now can note which checks the change reaches.
  const change = gitStaged
    ? readStaged(config, await gitStaged, onDisk, await fetched!)
    : gitChanges
      ? readChange(config, await gitChanges, onDisk, request.given ?? new Set(), await fetched!)
      : undefined;
  // --staged lints the register as the commit holds it, not as the files on disk are.
  const loaded = change?.now ?? onDisk;
  const everything = request.suppressAll === true || request.pruneSuppressions === true;
  const linted = change?.base
    ? lintAgainstBase(loaded, change.base, change.touched, change.changed, rules, lintOptions, everything)
    : { result: runRules(loaded, rules, lintOptions), isNew: change ? () => false : () => true };
  const full = { ...linted.result, loaded };
  const current = applyStartingLine(config, full, { ...request, note: hooks.note }, 'ran' in linted ? linted.ran : undefined);

  const inPaths = request.given ? () => true : pathFilter(request.paths, request.cwd, config.root);
  const inChanges = linted.isNew;
  // A file named that ignore: leaves unread says so, as ESLint does, instead of "no problems".
  const ignored = request.given ? [] : ignoredFiles(config, request.paths, request.cwd);
  const withIgnored = ignored.length === 0 ? current : { ...current, findings: [...ignored, ...current.findings] };
  const selected = selectFindings(withIgnored, (f) => inPaths(f.file) && inChanges(f));
  // Paths that leave files out judge only those files: the summary says how many, and what the others hold.
  const judged = loaded.files.filter((f) => inPaths(f.path)).length;
  const scoped = !request.given && request.paths.length > 0 && judged < loaded.files.length;
  const others = scoped ? selectFindings(current, (f) => !inPaths(f.file) && inChanges(f)).summary : undefined;
  const reported = others ? { ...selected, summary: { ...selected.summary, scope: { files: judged, otherErrors: others.errors, otherWarnings: others.warnings } } } : selected;
  const result = request.quiet ? selectFindings(reported, (f) => f.severity === 'error') : reported;
  return { result, loaded, inPaths, warnings: reported.summary.warnings, reported };
}
