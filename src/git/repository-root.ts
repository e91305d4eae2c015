// The repository around a register: found without running git (findRepositoryRoot), or created (initRepository).
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { runGit, tryGit } from './run.js';

/** The nearest folder at or above `start` with a .git entry. */
export function findRepositoryRoot(start: string): string | undefined {
  let folder = resolve(start);
  for (;;) {
    if (existsSync(join(folder, '.git'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** `git init` in `folder` (itreg init, when the folder is in no repository yet). */
export async function initRepository(folder: string): Promise<void> {
  await runGit(folder, ['init', '--quiet']);
}

/** The register root's path inside its repository ('' at the top, 'governance/' below it), for CI annotations. */
export function repositoryPrefix(root: string): string {
  const top = findRepositoryRoot(root);
  if (!top) return '';
  const path = relative(top, resolve(root)).split(sep).join('/');
  return path ? `${path}/` : '';
}

/** The branch git reports for the repository at `folder` (an unborn one too); undefined on a detached HEAD. */
export async function currentBranch(folder: string): Promise<string | undefined> {
  return tryGit(folder, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
}
