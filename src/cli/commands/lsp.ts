// itreg lsp: the language server over stdio (the protocol library is loaded only here, so lint does not pay for it).
import { resolve } from 'node:path';
import type { ExitCode } from '../../errors.js';
import { currentInstant, languageOption, workingFolder, type GlobalOptions } from '../io.js';

export async function lspCommand(options: GlobalOptions): Promise<ExitCode> {
  const cwd = workingFolder(options);
  const language = languageOption(options);
  const { runLanguageServer } = await import('../../lsp/stdio.js');
  return (await runLanguageServer({
    cwd,
    ...(options.config ? { configFile: resolve(cwd, options.config) } : {}),
    ...(language ? { language } : {}),
    now: currentInstant,
    verbose: options.debug === true,
  })) as ExitCode;
}
