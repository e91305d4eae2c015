// Running git directly (no simple-git): for the calls on hot paths, where simple-git's loading and queue cost more
// than the git processes themselves, and calls that do not depend on each other can run at once.
import { execFile } from 'node:child_process';

/** Output of a git command in `cwd`, trimmed; undefined when git failed or printed nothing. */
export function tryGit(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer: 1 << 28 }, (error, stdout) => {
      const out = error ? '' : stdout.trim();
      resolve(out === '' ? undefined : out);
    });
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
