// watchRegister(): the register's files watched on disk, for the language server when its editor does not send file changes.
import { watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * Calls `onChange` with the paths (relative to `root`, the folder of itreg.yaml, with `/` separators) of files changed,
 * created or deleted in the register folder (recursively) and of the files beside itreg.yaml (itreg.yaml itself,
 * itreg-suppressions.json; not node_modules, which a register that installs itreg has beside it), a few at a time
 * (changes within `settle` ms come together). Returns a function that stops watching, or undefined where the platform
 * cannot watch a folder recursively: the editor's own file events are all there is then.
 */
export function watchRegister(root: string, register: string, onChange: (paths: string[]) => void, settle = 50): (() => void) | undefined {
  const watchers: FSWatcher[] = [];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const noted = (prefix: string) => (_event: string, name: string | Buffer | null) => {
    if (name === null) return;
    const inside = sep === '/' ? String(name) : String(name).split(sep).join('/');
    if (inside.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) return;
    pending.add(prefix + inside);
    timer ??= setTimeout(() => {
      timer = undefined;
      const paths = [...pending];
      pending.clear();
      onChange(paths);
    }, settle);
  };
  const folder = register.replace(/\/+$/, '');
  const inRoot = folder === '' || folder === '.';
  try {
    watchers.push(watch(inRoot ? root : join(root, folder), { recursive: true, persistent: false }, noted(inRoot ? '' : `${folder}/`)));
    if (!inRoot) watchers.push(watch(root, { persistent: false }, noted('')));
  } catch {
    for (const watcher of watchers) watcher.close();
    return undefined;
  }
  for (const watcher of watchers) watcher.on('error', () => watcher.close());
  return () => {
    if (timer) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
