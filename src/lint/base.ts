// --changed and --staged: the register at the base (and, staged, as the commit holds it), read from git.
import { join } from 'node:path';
import type { ChangedFiles, StagedChanges } from '../git/changed.js';
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

/** The register `now` with the `touched` files as they were at `commit` (none before the first commit). */
async function registerAt(config: Config, repository: Repository, commit: string | undefined, now: LoadedRegister, touched: ReadonlySet<string>): Promise<LoadedRegister> {
  const { readTreeFiles } = await import('../git/objects.js');
  const registerFolder = repository.pathOf(join(config.root, config.register));
  const paths = [...touched].map((path) => repository.pathOf(join(config.root, path)));
  const before = commit === undefined ? [] : await readTreeFiles(repository.top, commit, registerFolder, (path) => /\.ya?ml$/i.test(path), paths);
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
export async function readStaged(config: Config, staged: StagedChanges, onDisk: LoadedRegister): Promise<Change> {
  const { readObjects } = await import('../git/objects.js');
  const { repository } = staged;
  const notStaged = [...staged.notStaged].filter((path) => touchesRegister(config, path));
  // `:path` names a file's staged version; an untracked file has none and is left out.
  const indexed = await readObjects(
    repository.top,
    notStaged.map((path) => `:${repository.pathOf(join(config.root, path))}`),
  );
  const now = replaceFiles(
    onDisk,
    new Set(notStaged),
    notStaged.flatMap((path, i) => (indexed[i] ? [{ path, bytes: indexed[i] }] : [])),
  );
  const changed = new Set([...staged.staged].filter((path) => touchesRegister(config, path)));
  const touched = new Set([...changed, ...[...staged.stagedDeleted].filter((path) => touchesRegister(config, path))]);
  if (touched.size === 0) return { changed, touched, now };
  return { changed, touched, now, base: await registerAt(config, repository, staged.commit, now, touched) };
}

/**
 * --changed (DESIGN "What a change broke"): the register at the base commit, linted with the current configuration, is
 * the register now with the files the change touched as they were then (only those are read from git).
 */
export async function readChange(config: Config, changes: ChangedFiles, loaded: LoadedRegister, given: ReadonlySet<string> = new Set()): Promise<Change> {
  const changed = new Set([...changes.changed, ...given]);
  const touched = new Set([...changed, ...changes.deleted].filter((path) => touchesRegister(config, path)));
  if (touched.size === 0) return { changed, touched };
  return { changed, touched, base: await registerAt(config, changes.repository, changes.commit, loaded, touched) };
}
