// changedFiles(): what differs from the merge base with --base (committed, staged, unstaged, untracked). The only importer of simple-git.
import { join, relative, sep } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UsageError } from '../errors.js';

export interface ChangedFiles {
  /** The ref compared against, as the user would name it. */
  readonly base: string;
  /** Changed or added files that exist, relative to `root`, with / separators. */
  readonly changed: ReadonlySet<string>;
  /** Deleted files, relative to `root`. */
  readonly deleted: ReadonlySet<string>;
}

/** Output of a git command, or undefined when it failed or printed nothing (simple-git only throws when git wrote to stderr). */
async function tryGit(git: SimpleGit, args: string[]): Promise<string | undefined> {
  try {
    const out = (await git.raw(args)).trim();
    return out === '' ? undefined : out;
  } catch {
    return undefined;
  }
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
export async function changedFiles(cwd: string, root: string, base?: string): Promise<ChangedFiles> {
  const git = simpleGit({ baseDir: cwd });
  // One rev-parse for the facts needed (each git process costs): the top folder, and whether the clone is shallow.
  const facts = await tryGit(git, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  if (facts === undefined) {
    throw new UsageError({ id: 'changedNoRepository', data: { folder: cwd } });
  }
  const [top = cwd, shallowText] = facts.split('\n');
  const shallow = shallowText === 'true';
  const hasHead = (await tryGit(git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])) !== undefined;
  const baseRef = base ?? (await tryGit(git, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'])) ?? 'HEAD';

  let mergeBase: string | undefined;
  if (hasHead) {
    mergeBase = await tryGit(git, ['merge-base', baseRef, 'HEAD']);
    // No merge base: the ref is missing, or the histories do not meet. Only now is it worth asking which.
    if (mergeBase === undefined && (await tryGit(git, ['rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`])) === undefined) {
      throw new UsageError({ id: 'baseRefMissing', data: { ref: baseRef, shallow: shallow ? { id: 'shallowClone' } : undefined, command: fetchHint(baseRef, shallow) } });
    }
    if (mergeBase === undefined) {
      throw new UsageError(shallow ? { id: 'noCommonCommitShallow', data: { ref: baseRef, command: fetchHint(baseRef, true) } } : { id: 'noCommonCommit', data: { ref: baseRef } });
    }
  }

  const toRoot = (path: string) => relative(root, join(top, path)).split(sep).join('/');
  const changed = new Set<string>();
  const deleted = new Set<string>();
  if (mergeBase) {
    const diff = await git.raw(['diff', '--name-status', '--no-renames', '-z', mergeBase, '--']);
    const parts = diff.split('\0').filter(Boolean);
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const status = parts[i]!;
      const path = toRoot(parts[i + 1]!);
      (status.startsWith('D') ? deleted : changed).add(path);
    }
  } else {
    // No commit yet: everything in the index is new.
    for (const path of (await git.raw(['ls-files', '-z'])).split('\0').filter(Boolean)) changed.add(toRoot(path));
  }
  for (const path of (await git.raw(['ls-files', '--others', '--exclude-standard', '-z'])).split('\0').filter(Boolean)) {
    changed.add(toRoot(path));
  }
  return { base: baseRef, changed, deleted };
}
