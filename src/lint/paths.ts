// Which paths a lint may name and which findings they select: itreg.yaml, the register folder, and what lies in it.
import { relative, resolve, sep } from 'node:path';
import type { Config } from '../register/config.js';

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
