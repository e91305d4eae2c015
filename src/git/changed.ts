// changedFiles(): what differs from the merge base with --base (committed, staged, unstaged, untracked).
// It runs git directly, its independent questions at once: it sits in every pre-commit run, where simple-git's
// loading and queue cost more than the git processes (90 ms against 30 ms for the six calls).
import { UsageError } from '../errors.js';
import { treeBlobs } from './objects.js';
import { findRepository, runGit, tryGit, type Repository } from './run.js';

export interface ChangedFiles {
  /** The ref compared against, as the user would name it. */
  readonly base: string;
  /** Changed or added files that exist, relative to `root`, with / separators. */
  readonly changed: ReadonlySet<string>;
  /** Deleted files, relative to `root`. */
  readonly deleted: ReadonlySet<string>;
  /** The blob id at `commit` of each changed or deleted file (relative to `root`) that was a regular file there. */
  readonly before: ReadonlyMap<string, string>;
  /** The commit compared against (the merge base); absent before the first commit, when everything is new. */
  readonly commit?: string;
  /** The repository's top folder, and a folder as a path from it. */
  readonly repository: Repository;
  /** When asked for (`blobsBelow`, a folder from `cwd`): the blob id of every regular file below it at `commit`, by path from `cwd`. */
  readonly blobs?: ReadonlyMap<string, string>;
}

/**
 * How to fetch a missing ref, e.g. origin/main → git fetch --no-tags origin main:refs/remotes/origin/main.
 * In a shallow clone --deepen also deepens the current branch, so the two histories meet.
 */
function fetchHint(ref: string, shallow: boolean): string {
  const match = /^(?:refs\/remotes\/)?([^/]+)\/(.+)$/.exec(ref);
  const depth = shallow ? ' --deepen=200' : '';
  return match ? `git fetch --no-tags${depth} ${match[1]} ${match[2]}:refs/remotes/${match[1]}/${match[2]}` : `git fetch --no-tags${depth} origin ${ref}`;
}

/**
 * Files that differ from the merge base of `base` (default: the upstream branch, else HEAD) and HEAD,
 * plus staged, unstaged and untracked files. `root` is the folder paths are made relative to.
 */
export async function changedFiles(cwd: string, root: string, base?: string, blobsBelow?: string): Promise<ChangedFiles> {
  // The questions that do not depend on each other, at once: the top folder and whether the clone is shallow, whether
  // there is a commit, the upstream branch, and the untracked files.
  const [repository, head, upstream, untracked] = await Promise.all([
    findRepository(cwd),
    tryGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']),
    base === undefined ? tryGit(cwd, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']) : Promise.resolve(undefined),
    // --full-name: paths from the top, as diff gives them, wherever in the repository the register sits.
    runGit(cwd, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z']).catch(() => ''),
  ]);
  if (repository === undefined) {
    throw new UsageError({ id: 'changedNoRepository', data: { folder: cwd } });
  }
  const { shallow } = repository;
  const hasHead = head !== undefined;
  const baseRef = base ?? upstream ?? 'HEAD';

  let mergeBase: string | undefined;
  if (hasHead) {
    mergeBase = await tryGit(cwd, ['merge-base', baseRef, 'HEAD']);
    // No merge base: the ref is missing, or the histories do not meet. Only now is it worth asking which.
    if (mergeBase === undefined && (await tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`])) === undefined) {
      throw new UsageError({ id: 'baseRefMissing', data: { ref: baseRef, shallow: shallow ? { id: 'shallowClone' } : undefined, command: fetchHint(baseRef, shallow) } });
    }
    if (mergeBase === undefined) {
      throw new UsageError(shallow ? { id: 'noCommonCommitShallow', data: { ref: baseRef, command: fetchHint(baseRef, true) } } : { id: 'noCommonCommit', data: { ref: baseRef } });
    }
  }

  const toRoot = (path: string) => repository.toRoot(path, root);
  // The base's blob ids (--cache), beside the diff.
  const [listing, blobs] = await Promise.all([
    mergeBase ? runGit(cwd, ['diff', '--raw', '--no-abbrev', '--no-renames', '-z', mergeBase, '--']) : undefined,
    mergeBase && blobsBelow !== undefined ? treeBlobs(cwd, mergeBase, blobsBelow) : undefined,
  ]);
  // No commit yet: everything in the index is new.
  const { changed, deleted, before } = listing !== undefined ? rawStatus(listing, toRoot) : everythingNew(await runGit(cwd, ['ls-files', '--full-name', '-z']), toRoot);
  for (const path of nulSeparated(untracked)) changed.add(toRoot(path));
  return { base: baseRef, changed, deleted, before, ...(mergeBase ? { commit: mergeBase } : {}), repository, ...(blobs ? { blobs } : {}) };
}

/** What a commit about to be made holds (the git hook's question), against HEAD. */
export interface StagedChanges {
  /** Files the commit adds or changes, and those it deletes, relative to `root`. */
  readonly staged: ReadonlySet<string>;
  readonly stagedDeleted: ReadonlySet<string>;
  /**
   * Files whose working copy is not what the commit holds (changed or deleted but not staged, or untracked), relative to
   * `root`: their staged version, or none, is what counts.
   */
  readonly notStaged: ReadonlySet<string>;
  /** The blob id at HEAD of each file the commit changes or deletes (relative to `root`) that was a regular file there. */
  readonly before: ReadonlyMap<string, string>;
  /** HEAD; absent before the first commit. */
  readonly commit?: string;
  readonly repository: Repository;
  /** When asked for (`blobsBelow`, a folder from `cwd`): the blob id of every regular file below it at HEAD, by path from `cwd`. */
  readonly blobs?: ReadonlyMap<string, string>;
}

/** The names of `-z` output. */
function nulSeparated(output: string): string[] {
  return output.split('\0').filter(Boolean);
}

/** What a diff against a commit says, by path relative to `root`. */
interface Status {
  readonly changed: Set<string>;
  readonly deleted: Set<string>;
  /** The blob id at the commit of each changed or deleted path that was a regular file there. */
  readonly before: Map<string, string>;
}

/** Before the first commit: every file `git ls-files -z` names is new. */
function everythingNew(listing: string, toRoot: (path: string) => string): Status {
  return { changed: new Set(nulSeparated(listing).map(toRoot)), deleted: new Set(), before: new Map() };
}

/**
 * `git diff --raw --no-abbrev --no-renames -z` output (":<mode> <mode> <id> <id> <status>\0<path>\0" a file), split
 * into changed and deleted paths, with each one's blob id at the commit: what --changed reads as the base, so that no
 * `git ls-tree` has to name them first.
 */
function rawStatus(output: string, toRoot: (path: string) => string): Status {
  const status: Status = { changed: new Set(), deleted: new Set(), before: new Map() };
  const parts = nulSeparated(output);
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [mode, , id, , letter] = parts[i]!.slice(1).split(' ');
    const path = toRoot(parts[i + 1]!);
    (letter?.startsWith('D') ? status.deleted : status.changed).add(path);
    // 100644 and 100755 are regular files; a link (120000) or submodule (160000) is not read, an added file (000000) was not there.
    if ((mode === '100644' || mode === '100755') && id !== undefined) status.before.set(path, id);
  }
  return status;
}

/** Paths from `git diff --name-status -z` output, split into changed and deleted, made relative to `root`. */
function nameStatus(output: string, toRoot: (path: string) => string): { changed: Set<string>; deleted: Set<string> } {
  const changed = new Set<string>();
  const deleted = new Set<string>();
  const parts = nulSeparated(output);
  for (let i = 0; i + 1 < parts.length; i += 2) (parts[i]!.startsWith('D') ? deleted : changed).add(toRoot(parts[i + 1]!));
  return { changed, deleted };
}

/**
 * The index against HEAD (what the commit holds) and the working copy against the index (what it leaves out), so that
 * the hook judges the commit, not the files on disk: a typo staged and then fixed on disk without `git add` is still
 * in the commit.
 */
export async function stagedChanges(cwd: string, root: string, blobsBelow?: string): Promise<StagedChanges> {
  // Every question at once, the index against HEAD too (it fails before the first commit, and is then not needed).
  const cachedDiff = ['diff', '--cached', '--raw', '--no-abbrev', '--no-renames', '-z', 'HEAD', '--'];
  const [repository, head, untracked, unstaged, cached, headBlobs] = await Promise.all([
    findRepository(cwd),
    tryGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']),
    runGit(cwd, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z']).catch(() => ''),
    runGit(cwd, ['diff', '--name-status', '--no-renames', '-z', '--']).catch(() => ''),
    runGit(cwd, cachedDiff).catch(() => undefined),
    // HEAD's blob ids (--cache).
    blobsBelow !== undefined ? treeBlobs(cwd, 'HEAD', blobsBelow).catch(() => undefined) : undefined,
  ]);
  if (repository === undefined) throw new UsageError({ id: 'changedNoRepository', data: { folder: cwd } });
  const toRoot = (path: string) => repository.toRoot(path, root);
  // Before the first commit, everything staged is new. (A diff that failed with a commit is asked again, for its error.)
  const staged = head ? rawStatus(cached ?? (await runGit(cwd, cachedDiff)), toRoot) : everythingNew(await runGit(cwd, ['ls-files', '--full-name', '-z']), toRoot);
  const left = nameStatus(unstaged, toRoot);
  const notStaged = new Set([...left.changed, ...left.deleted, ...nulSeparated(untracked).map(toRoot)]);
  const blobs = head ? headBlobs : undefined;
  return { staged: staged.changed, stagedDeleted: staged.deleted, before: staged.before, notStaged, ...(head ? { commit: head } : {}), repository, ...(blobs ? { blobs } : {}) };
}
