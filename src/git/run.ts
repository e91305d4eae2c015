// Running git directly (no simple-git): for the calls on hot paths, where simple-git's loading and queue cost more
// than the git processes themselves, and calls that do not depend on each other can run at once.
import { execFile } from 'node:child_process';
import { posix, relative, sep } from 'node:path';

/** Output of a git command in `cwd`, trimmed; undefined when git failed or printed nothing. */
export function tryGit(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer: 1 << 28 }, (error, stdout) => {
      const out = error ? '' : stdout.trim();
      resolve(out === '' ? undefined : out);
    });
  });
}

/** A git command's output exactly as printed; undefined when git failed. */
function gitOutput(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer: 1 << 28 }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

/** Output of a git command that must succeed (an empty output is fine). */
export function runGit(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 1 << 28 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(' ')}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** The repository around `cwd`, as git sees it; undefined outside one. */
export interface Repository {
  /** Its top folder. */
  readonly top: string;
  readonly shallow: boolean;
  /** A folder as a path from the top, as git takes it in a pathspec ('.' for the top itself). */
  pathOf(folder: string): string;
  /** A path git prints from the top, made relative to `root` (the folder of itreg.yaml), with / separators. */
  toRoot(path: string, root: string): string;
}

export async function findRepository(cwd: string): Promise<Repository | undefined> {
  // --show-prefix: `cwd` as a path from the top, as git sees it. Paths are made from it, not from relative(top, …):
  // git gives the top with symlinks resolved (macOS's /var is /private/var), where `cwd` and the folders asked about
  // may keep them, and a path between the two would climb out of the repository.
  // Two questions at once, each answer read up to its last line end only (not split at every one, not trimmed): a
  // folder's name may hold a newline or end in a space, and the prefix is its own answer.
  const [facts, prefixLine] = await Promise.all([gitOutput(cwd, ['rev-parse', '--is-shallow-repository', '--show-toplevel']), gitOutput(cwd, ['rev-parse', '--show-prefix'])]);
  if (facts === undefined || prefixLine === undefined) return undefined;
  const shallow = facts.slice(0, facts.indexOf('\n'));
  const top = facts.slice(facts.indexOf('\n') + 1).replace(/\n$/, '') || cwd;
  const prefix = prefixLine.replace(/\n$/, '');
  const fromTop = (folder: string) => posix.join(prefix, relative(cwd, folder).split(sep).join('/')).replace(/(.)\/$/, '$1');
  return {
    top,
    shallow: shallow === 'true',
    pathOf: fromTop,
    toRoot: (path, root) => posix.relative(`/${fromTop(root)}`, `/${path}`),
  };
}
