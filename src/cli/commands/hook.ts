// itreg hook install|uninstall: the git pre-commit hook that lints what a commit changes.
import { packagePath } from '../../util/paths.js';
import { ExitCode, UsageError } from '../../errors.js';
import { translator } from '../../i18n/index.js';
import { hookPaths, hookScript, installHook, uninstallHook } from '../../git/hooks.js';
import { loadConfig, type GlobalOptions } from '../io.js';

export interface HookCommandOptions extends GlobalOptions {
  readonly force?: boolean;
}

/** bin/itreg.js of this installation, for the hook to call. */
export const itregBin = packagePath('bin/itreg.js');

export async function hookCommand(action: string, options: HookCommandOptions): Promise<ExitCode> {
  const config = loadConfig(options);
  const t = translator(config.language);
  const paths = await hookPaths(config.root);
  if (action === 'install') {
    const result = installHook(paths, hookScript(paths.folder, process.execPath, itregBin, { notInstalled: t({ id: 'hookNotInstalled' }), blocked: t({ id: 'hookBlocked' }) }), options.force === true);
    const id = result === 'installed' ? 'hookInstalled' : result === 'replaced' ? 'hookReplaced' : 'hookUnchanged';
    process.stdout.write(`${t({ id, data: { file: paths.hookFile } })}\n`);
  } else if (action === 'uninstall') {
    const result = uninstallHook(paths);
    process.stdout.write(`${t(result === 'removed' ? { id: 'hookRemoved', data: { file: paths.hookFile } } : { id: 'hookAbsent' })}\n`);
  } else {
    throw new UsageError({ id: 'unknownHookAction', data: { action } });
  }
  return ExitCode.Ok;
}
