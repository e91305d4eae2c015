// The command line read before commander reads it: only what must be known before the program is built.

/** Global options that take a value: their value is no command word. */
const GLOBAL_OPTIONS_WITH_VALUE = ['-C', '--cwd', '-c', '--config', '--lang'];

/** The value of an option in argv (`--lang en`, `--lang=en`, `-Cdir`), before any `--`. */
export function optionValue(argv: readonly string[], names: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    for (const name of names) {
      if (arg === name) value = argv[i + 1];
      else if (name.startsWith('--') && arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
      else if (!name.startsWith('--') && arg.startsWith(name) && arg.length > name.length) value = arg.slice(name.length);
    }
  }
  return value;
}

/**
 * Whether commander will show help: -h/--help, the command `help`, or no command at all (unless -v/--version prints
 * the version instead). Help is written in the CLI's language, which is looked up only then.
 */
export function asksForHelp(argv: readonly string[]): boolean {
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
    if (GLOBAL_OPTIONS_WITH_VALUE.includes(arg)) {
      i++;
      continue;
    }
    if (arg === '-v' || arg === '--version') version = true;
    if (arg.startsWith('-')) continue;
    // The command word: help, or a command whose own -h/--help may still follow.
    if (arg === 'help') return true;
    const rest = argv.slice(i + 1);
    const end = rest.indexOf('--');
    return (end === -1 ? rest : rest.slice(0, end)).some((option) => option === '-h' || option === '--help');
  }
  return !version;
}
