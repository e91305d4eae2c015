// Which paths a lint may name and which findings they select: itreg.yaml, the register folder, and what lies in it.
import { relative, resolve, sep } from 'node:path';
import { translator } from '../i18n/index.js';
import type { Config } from '../register/config.js';
import { ignoringPattern } from '../register/ignore.js';
import type { Finding } from './run-rules.js';

/** A path relative to itreg.yaml's folder that a change to the register can touch: itreg.yaml, or a file in the register. */
export function touchesRegister(config: Config, path: string): boolean {
  return path === 'itreg.yaml' || isInRegister(config, path);
}

/** A lint path (relative to itreg.yaml's folder): itreg.yaml, the register folder, a folder above it, or inside it. */
export function isLintable(config: Config, path: string): boolean {
  const folder = config.register.replace(/\/+$/, '');
  if (path === '' || touchesRegister(config, path)) return true;
  return !path.startsWith('..') && (folder === path || folder.startsWith(`${path}/`));
}

/** A path relative to itreg.yaml's folder lies in the register folder. */
export function isInRegister(config: Config, path: string): boolean {
  const folder = config.register.replace(/\/+$/, '');
  return folder === '.' || folder === '' ? !path.startsWith('../') : path.startsWith(`${folder}/`);
}

/** Findings in the given files or folders (relative to the working folder); all when none are given. */
export function pathFilter(paths: readonly string[], cwd: string, root: string): (file: string) => boolean {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((path) => relative(root, resolve(cwd, path)).split(sep).join('/'));
  return (file) => prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}

/**
 * A warning for each file named (relative to `cwd`) that `ignore:` leaves unread (ESLint: "File ignored because of a
 * matching ignore pattern"); a folder named is not a file asked about, and says nothing.
 */
export function ignoredFiles(config: Config, paths: readonly string[], cwd: string): Finding[] {
  const t = translator(config.language);
  const folder = config.register.replace(/\/+$/, '');
  const findings: Finding[] = [];
  for (const path of paths) {
    const file = relative(config.root, resolve(cwd, path)).split(sep).join('/');
    if (!/\.ya?ml$/i.test(file) || !isInRegister(config, file)) continue;
    const pattern = ignoringPattern(config.ignore, folder === '.' || folder === '' ? file : file.slice(folder.length + 1));
    if (pattern === undefined) continue;
    findings.push({ ruleId: 'ignored-file', severity: 'warning', message: t({ id: 'fileIgnored', data: { pattern } }), file, line: 1, column: 1, messageId: 'fileIgnored' });
  }
  return findings;
}
