// --changed and --staged: the register at the base (and, staged, as the commit holds it), read from git.
import { join } from 'node:path';
import type { ChangedFiles, StagedChanges } from '../git/changed.js';
import type { TreeFile } from '../git/objects.js';
import type { Repository } from '../git/run.js';
import type { Config } from '../register/config.js';
import { replaceFiles, type LoadedRegister } from '../register/load.js';
import { touchesRegister } from './paths.js';

/** What --changed compares: the changed files, and the register at the base. */
export interface Change {
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
export function early<T>(asked: Promise<T>): Promise<T> {
  asked.catch(() => undefined);
  return asked;
}

/**
 * --cache: the blob id of a file (relative to itreg.yaml's folder, which git was asked from) the change left alone,
 * whose working copy git holds to be that blob of the base: git's listing of the base, less every file changed, added,
 * deleted or not staged.
 */
export function unchangedBlobs(answer: ChangedFiles | StagedChanges, given: ReadonlySet<string> = new Set()): (file: string) => string | undefined {
  const { blobs } = answer;
  if (blobs === undefined) return () => undefined;
  const changes = new Set('staged' in answer ? [...answer.staged, ...answer.stagedDeleted, ...answer.notStaged] : [...answer.changed, ...answer.deleted, ...given]);
  return (file) => {
    const id = blobs.get(file);
    return id === undefined || changes.has(file) ? undefined : id;
  };
}

/** The touched files as they were at the base, and (--staged) the staged versions of files not staged, from git's objects. */
export interface Fetched {
  /** Paths from the repository's top. */
  readonly before: readonly TreeFile[];
  /** --staged: each notStaged() file's staged version, in that order; undefined for an untracked one. */
  readonly indexed: ReadonlyArray<Buffer | undefined>;
}

/** The register files a change touched (changed, added or deleted), relative to itreg.yaml's folder. */
function touchedFiles(config: Config, answer: ChangedFiles | StagedChanges, given: ReadonlySet<string>): { changed: Set<string>; touched: Set<string> } {
  const changed = 'staged' in answer ? new Set([...answer.staged].filter((path) => touchesRegister(config, path))) : new Set([...answer.changed, ...given]);
  const deleted = 'staged' in answer ? answer.stagedDeleted : answer.deleted;
  return { changed, touched: new Set([...changed, ...deleted].filter((path) => touchesRegister(config, path))) };
}

/** --staged: the files whose working copy is not what the commit holds, relative to itreg.yaml's folder. */
function notStaged(config: Config, staged: StagedChanges): string[] {
  return [...staged.notStaged].filter((path) => touchesRegister(config, path));
}

/**
 * Reads from git's objects what the base and the commit hold of the files a change touched, in one `git cat-file`: the
 * base's blob ids come with git's diff. Called as soon as git has answered, so that its process starts before the
 * register is loaded when the loading waits for git (--cache).
 */
export async function fetchChange(config: Config, answer: ChangedFiles | StagedChanges, given: ReadonlySet<string> = new Set()): Promise<Fetched> {
  const { readObjects, readTreeFiles } = await import('../git/objects.js');
  const { repository, before, commit } = answer;
  const { touched } = touchedFiles(config, answer, given);
  const fromTop = (path: string) => repository.pathOf(join(config.root, path));
  // `:path` names a file's staged version; an untracked file has none and is left out.
  const indexNames = 'staged' in answer ? notStaged(config, answer).map((path) => `:${fromTop(path)}`) : [];
  // A touched path without a blob at the base was added since (or was a link, which is not read). Only a file
  // --pre-commit names that git's diff does not is looked up in the base's tree.
  const known = commit === undefined ? [] : [...touched].filter((path) => YAML_FILE.test(path) && before.has(path));
  const named = commit === undefined ? [] : [...given].filter((path) => touched.has(path) && !before.has(path)).map(fromTop);
  const registerFolder = repository.pathOf(join(config.root, config.register));
  const [contents, more] = await Promise.all([
    readObjects(repository.top, [...indexNames, ...known.map((path) => before.get(path)!)]),
    commit === undefined ? [] : readTreeFiles(repository.top, commit, registerFolder, (path) => YAML_FILE.test(path), named),
  ]);
  return {
    before: [
      ...known.flatMap((path, i) => {
        const bytes = contents[indexNames.length + i];
        return bytes === undefined ? [] : [{ path: fromTop(path), bytes }];
      }),
      ...more,
    ],
    indexed: contents.slice(0, indexNames.length),
  };
}

const YAML_FILE = /\.ya?ml$/i;

/** The register `now` with the `touched` files as they were at the base (`before`, paths from the top). */
function registerAt(config: Config, repository: Repository, now: LoadedRegister, touched: ReadonlySet<string>, before: readonly TreeFile[]): LoadedRegister {
  return replaceFiles(
    now,
    touched,
    before.map((file) => ({ path: repository.toRoot(file.path, config.root), bytes: file.bytes })),
  );
}

/**
 * --staged (the git hook): the register as the commit holds it is the register on disk with every file whose working
 * copy is not what is staged (changed or deleted without `git add`, untracked) taken from the index, or left out; the
 * base is that register with the staged files as they are at HEAD.
 */
export function readStaged(config: Config, staged: StagedChanges, onDisk: LoadedRegister, fetched: Fetched): Change {
  const { repository } = staged;
  const left = notStaged(config, staged);
  const now = replaceFiles(
    onDisk,
    new Set(left),
    left.flatMap((path, i) => (fetched.indexed[i] ? [{ path, bytes: fetched.indexed[i] }] : [])),
  );
  const { changed, touched } = touchedFiles(config, staged, new Set());
  if (touched.size === 0) return { changed, touched, now };
  return { changed, touched, now, base: registerAt(config, repository, now, touched, fetched.before) };
}

/**
 * --changed (DESIGN "What a change broke"): the register at the base commit, linted with the current configuration, is
 * the register now with the files the change touched as they were then (only those are read from git).
 */
export function readChange(config: Config, changes: ChangedFiles, loaded: LoadedRegister, given: ReadonlySet<string>, fetched: Fetched): Change {
  const { changed, touched } = touchedFiles(config, changes, given);
  if (touched.size === 0) return { changed, touched };
  return { changed, touched, base: registerAt(config, changes.repository, loaded, touched, fetched.before) };
}
