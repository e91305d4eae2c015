// The git pre-commit hook: written where git looks for it (core.hooksPath respected), and only ever removing our own.
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../register/write.js';
import { quoteShell, unquoteShell } from '../util/shell.js';

export const HOOK_MARKER = '# itreg pre-commit hook';

export interface HookPaths {
  readonly hookFile: string;
  /** The folder asked about as a path from the top, as git sees it ('.' for the top itself). */
  readonly folder: string;
}

export async function hookPaths(cwd: string): Promise<HookPaths> {
  const git = simpleGit({ baseDir: cwd });
  if (!(await git.checkIsRepo().catch(() => false))) {
    throw new UsageError({ id: 'hookNoRepository', data: { folder: cwd } });
  }
  // --show-prefix, not relative(top, cwd): git gives the top with symbolic links resolved, and `cwd` may keep them
  // (a hook installed through a link changed into ../link/governance, and the real path was "another register").
  // Asked one at a time: a folder's name may hold a newline, so the answers cannot be split at one.
  const [prefix, hooks] = await Promise.all([git.raw(['rev-parse', '--show-prefix']), git.raw(['rev-parse', '--git-path', 'hooks'])]);
  const folder = prefix.replace(/\n$/, '').replace(/\/$/, '') || '.';
  const hooksFolder = hooks.replace(/\n$/, '');
  return { folder, hookFile: join(isAbsolute(hooksFolder) ? hooksFolder : join(cwd, hooksFolder), 'pre-commit') };
}

/**
 * The hook script: lint what the commit holds (the staged files against HEAD) in the register at `folder` (from the top).
 * `notInstalled` is what it says, in the register's language, when it finds no itreg to run; `blocked`, when findings
 * stop the commit (how to go on).
 */
export function hookScript(folder: string, node: string, bin: string, messages: { readonly notInstalled: string; readonly blocked: string }): string {
  // Every value in single quotes, where the shell reads nothing but the closing quote: a folder named `gov$(touch x)`
  // or `IT "styrning"`, or holding a newline, is that folder (it was written raw inside double quotes).
  return `#!/bin/sh
${HOOK_MARKER} (written by \`itreg hook install\`; \`itreg hook uninstall\` removes it)
# Blocks a commit whose staged register files have errors; warnings are shown but do not block.
cd "$(git rev-parse --show-toplevel)"/${quoteShell(folder)} || exit 1
# The register's own, pinned itreg (its devDependency, after npm ci) first; then the one that wrote this hook.
if [ -x node_modules/.bin/itreg ]; then
  set -- node_modules/.bin/itreg
elif [ -x ${quoteShell(node)} ] && [ -f ${quoteShell(bin)} ]; then
  set -- ${quoteShell(node)} ${quoteShell(bin)}
elif command -v itreg >/dev/null 2>&1; then
  set -- itreg
else
  echo ${quoteShell(messages.notInstalled)} >&2
  exit 1
fi
"$@" lint --staged
status=$?
# 1: findings stopped the commit (2, a usage or configuration error, says so itself).
if [ "$status" -eq 1 ]; then
  echo ${quoteShell(messages.blocked)} >&2
fi
exit "$status"
`;
}

export type HookResult = 'installed' | 'replaced' | 'unchanged';

/** The register folder (from the repository's top) an itreg hook lints, read from its script. */
export function hookRegister(script: string): string | undefined {
  const quoted = /^cd "\$\(git rev-parse --show-toplevel\)"\/('(?:[^']|'\\'')*') \|\| exit 1$/m.exec(script)?.[1];
  if (quoted !== undefined) return unquoteShell(quoted);
  // A hook an earlier itreg wrote, with the folder inside the double quotes.
  return /^cd "\$\(git rev-parse --show-toplevel\)\/(.*)" \|\| exit 1$/m.exec(script)?.[1];
}

export function installHook(paths: HookPaths, script: string, force: boolean): HookResult {
  let result: HookResult = 'installed';
  if (existsSync(paths.hookFile)) {
    const current = readFileSync(paths.hookFile, 'utf8');
    if (current === script) return 'unchanged';
    if (!current.includes(HOOK_MARKER) && !force) {
      throw new UsageError({ id: 'hookForeign', data: { file: paths.hookFile } });
    }
    // One hook per repository: a second register in it must not silently take the first one's hook.
    const before = hookRegister(current);
    if (current.includes(HOOK_MARKER) && before !== undefined && before !== hookRegister(script) && !force) {
      throw new UsageError({ id: 'hookOtherRegister', data: { file: paths.hookFile, folder: before } });
    }
    result = 'replaced';
  }
  writeFileAtomic(paths.hookFile, script, { replaceLink: true });
  chmodSync(paths.hookFile, 0o755);
  return result;
}

export function uninstallHook(paths: HookPaths): 'removed' | 'absent' {
  if (!existsSync(paths.hookFile)) return 'absent';
  if (!readFileSync(paths.hookFile, 'utf8').includes(HOOK_MARKER)) {
    throw new UsageError({ id: 'hookNotOurs', data: { file: paths.hookFile } });
  }
  rmSync(paths.hookFile);
  return 'removed';
}
