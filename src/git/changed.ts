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
  // No commit yet: everything in the index is new.
  // The base's blob ids (--cache), beside the diff.
  const [listing, blobs] = await Promise.all([
    mergeBase ? runGit(cwd, ['diff', '--name-status', '--no-renames', '-z', mergeBase, '--']) : undefined,
    mergeBase && blobsBelow !== undefined ? treeBlobs(cwd, mergeBase, blobsBelow) : undefined,
  ]);
  const { changed, deleted } =
    listing !== undefined ? nameStatus(listing, toRoot) : { changed: new Set(nulSeparated(await runGit(cwd, ['ls-files', '--full-name', '-z'])).map(toRoot)), deleted: new Set<string>() };
  for (const path of nulSeparated(untracked)) changed.add(toRoot(path));
  return { base: baseRef, changed, deleted, ...(mergeBase ? { commit: mergeBase } : {}), repository, ...(blobs ? { blobs } : {}) };
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
  const [repository, head, untracked, unstaged, headBlobs] = await Promise.all([
    findRepository(cwd),
    tryGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']),
    runGit(cwd, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z']).catch(() => ''),
    runGit(cwd, ['diff', '--name-status', '--no-renames', '-z', '--']).catch(() => ''),
    // HEAD's blob ids (--cache), at once.
    blobsBelow !== undefined ? treeBlobs(cwd, 'HEAD', blobsBelow).catch(() => undefined) : undefined,
  ]);
  if (repository === undefined) throw new UsageError({ id: 'changedNoRepository', data: { folder: cwd } });
  const toRoot = (path: string) => repository.toRoot(path, root);
  // Before the first commit, everything staged is new.
  const staged = head
    ? nameStatus(await runGit(cwd, ['diff', '--cached', '--name-status', '--no-renames', '-z', head, '--']), toRoot)
    : { changed: new Set(nulSeparated(await runGit(cwd, ['ls-files', '--full-name', '-z'])).map(toRoot)), deleted: new Set<string>() };
  const left = nameStatus(unstaged, toRoot);
  const notStaged = new Set([...left.changed, ...left.deleted, ...nulSeparated(untracked).map(toRoot)]);
  const blobs = head ? headBlobs : undefined;
  return { staged: staged.changed, stagedDeleted: staged.deleted, notStaged, ...(head ? { commit: head } : {}), repository, ...(blobs ? { blobs } : {}) };
}
