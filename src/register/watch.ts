// watchRegister(): the folder of itreg.yaml watched on disk, for the language server when its editor does not send file changes.
import { watch, type FSWatcher } from 'node:fs';
import { sep } from 'node:path';

/**
 * Calls `onChange` with the paths (relative to `root`, `/` separators) of files changed, created or deleted below it,
 * a few at a time (changes within `settle` ms come together). Returns a function that stops watching. Where the
 * platform cannot watch a folder recursively it returns undefined: the editor's own file events are all there is then.
 */
export function watchRegister(root: string, onChange: (paths: string[]) => void, settle = 50): (() => void) | undefined {
  let watcher: FSWatcher;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  try {
    watcher = watch(root, { recursive: true, persistent: false }, (_event, name) => {
      if (name === null) return;
      const path = sep === '/' ? String(name) : String(name).split(sep).join('/');
      if (path.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) return;
      pending.add(path);
      timer ??= setTimeout(() => {
        timer = undefined;
        const paths = [...pending];
        pending.clear();
        onChange(paths);
      }, settle);
    });
  } catch {
    return undefined;
  }
  watcher.on('error', () => watcher.close());
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
