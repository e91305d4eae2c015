// moveFile(): a register file renamed in its folder: with `git mv` where git tracks it, else a plain rename; never over a file.
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { renameNoReplace } from '../register/write.js';
import { runGit, tryGit } from './run.js';

/** How a file was moved, or why not. */
export type Moved = 'git' | 'renamed' | 'taken';

/** Moves `from` to `to` (absolute paths in one folder); 'taken' and nothing moved when a file has that name. */
export async function moveFile(from: string, to: string): Promise<Moved> {
  if (existsSync(to)) return 'taken';
  const folder = dirname(from);
  // ls-files names a tracked file and says nothing of an untracked one, or outside a repository.
  const tracked = await tryGit(folder, ['ls-files', '--', basename(from)]);
  if (tracked === undefined) return renameNoReplace(from, to) ? 'renamed' : 'taken';
  // git mv refuses a destination that exists (without -f), and records the rename in the index.
  await runGit(folder, ['mv', '--', basename(from), basename(to)]);
  return 'git';
}
