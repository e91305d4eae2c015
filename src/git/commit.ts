// headCommit(): the short commit the register is read at, for pages that say which version they show.
import { tryGit } from './run.js';

/** The short id of HEAD, with "+" when the register folder has uncommitted changes; undefined outside git or before a first commit. */
export async function headCommit(cwd: string, folder: string): Promise<string | undefined> {
  const [head, status] = await Promise.all([tryGit(cwd, ['rev-parse', '--short', 'HEAD']), tryGit(cwd, ['status', '--porcelain', '--', folder])]);
  if (head === undefined) return undefined;
  return status === undefined ? head : `${head}+`;
}
