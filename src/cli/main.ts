// main(): parses the command line and is the one place that maps errors to exit codes (entry.ts and lint-entry.ts run it).
import { CommanderError } from 'commander';
import { ExitCode, ItregError, errorMessage } from '../errors.js';
import { translator, type Language } from '../i18n/index.js';
import { asksForHelp } from './argv.js';
import { visible } from '../util/visible.js';
import { buildProgram, type Action } from './program.js';

/** A reader that stops early (itreg rules | head) closes the pipe: stop quietly, as other command-line tools do. */
function stopOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    process.exit(error.code === 'EPIPE' ? (process.exitCode ?? ExitCode.Ok) : ExitCode.Failure);
  });
}

export async function main(argv: readonly string[]): Promise<ExitCode> {
  stopOnClosedPipe(process.stdout);
  let exitCode: ExitCode = ExitCode.Ok;
  const debug = argv.includes('--debug');
  // Decided once, and only when there is something to say: it may read itreg.yaml.
  let language: Promise<Language> | undefined;
  const messageLanguage = (): Promise<Language> => (language ??= import('./language.js').then((module) => module.decideLanguage(argv)));
  const run = async (action: Action): Promise<void> => {
    exitCode = await action();
  };
  // Help is shown in the CLI's language; otherwise the descriptions are never read, and the language is not looked up.
  const program = buildProgram(run, asksForHelp(argv) ? await messageLanguage() : 'en');
  // No command at all is a usage error (exit 2, as DESIGN.md's exit codes say): the help goes to stderr.
  if (argv.length === 0) {
    process.stderr.write(program.helpInformation());
    return ExitCode.Failure;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error: unknown) {
    if (error instanceof CommanderError) {
      const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help', 'commander.executeSubCommandAsync'];
      if (benign.includes(error.code) || error.exitCode === 0) return ExitCode.Ok;
      const { translateCommanderError } = await import('./language.js');
      process.stderr.write(`itreg: ${visible(translateCommanderError(error, await messageLanguage()))}\n`);
      return ExitCode.Failure;
    }
    if (error instanceof ItregError) {
      process.stderr.write(`itreg: ${visible(error.messageIn(await messageLanguage()))}\n`);
      if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const t = translator(await messageLanguage());
    process.stderr.write(`itreg: ${visible(t({ id: 'internalError', data: { detail: errorMessage(error).split('\n')[0], hint: debug ? undefined : { id: 'internalErrorHint' } } }))}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return ExitCode.Failure;
  }
}
