// The language of the CLI's own messages (errors, help), decided before or without a command: --lang, else the
// register's itreg.yaml, else the environment's locale (LC_ALL, LC_MESSAGES, LANG), else Swedish.
import { resolve } from 'node:path';
import type { CommanderError } from 'commander';
import { isLanguage, translator, type Language, type Message } from '../i18n/index.js';
import { findConfig, readConfig } from '../register/config.js';

export function decideLanguage(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Language {
  const lang = optionValue(argv, ['--lang']);
  if (isLanguage(lang)) return lang;
  try {
    const cwd = resolve(optionValue(argv, ['-C', '--cwd']) ?? process.cwd());
    const given = optionValue(argv, ['-c', '--config']);
    const file = given === undefined ? findConfig(cwd) : resolve(cwd, given);
    if (file) return readConfig(file).language;
  } catch {
    // A broken itreg.yaml has its own error; its messages fall back to the locale.
  }
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^en/i.test(locale) ? 'en' : 'sv';
}

/** The value of an option in argv (`--lang en`, `--lang=en`, `-Cdir`), before any `--`. */
function optionValue(argv: readonly string[], names: readonly string[]): string | undefined {
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

/** Commander's usage error in the CLI's language, as one line. */
export function translateCommanderError(error: CommanderError, language: Language): string {
  const text = error.message.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ');
  const t = translator(language);
  const near = /\(Did you mean (?:one of )?(.+?)\?\)/.exec(text)?.[1];
  const suggestion: Message | undefined = near === undefined ? undefined : { id: 'suggestion', data: { name: near } };
  let match: RegExpExecArray | null;
  let message: Message | undefined;
  if (error.code === 'commander.unknownOption' && (match = /unknown option '([^']+)'/.exec(text))) {
    message = { id: 'cliUnknownOption', data: { option: match[1], suggestion } };
  } else if (error.code === 'commander.unknownCommand' && (match = /unknown command '([^']+)'/.exec(text))) {
    message = { id: 'cliUnknownCommand', data: { command: match[1], suggestion } };
  } else if (error.code === 'commander.missingArgument' && (match = /missing required argument '([^']+)'/.exec(text))) {
    message = { id: 'cliMissingArgument', data: { argument: match[1] } };
  } else if (error.code === 'commander.optionMissingArgument' && (match = /option '([^']+)' argument missing/.exec(text))) {
    message = { id: 'cliOptionNeedsValue', data: { option: match[1] } };
  } else if (error.code === 'commander.invalidArgument' && (match = /(?:option|argument) '([^']+)'.*?'([^']*)' is invalid\.(?:.*Allowed choices are (.+)\.)?/.exec(text))) {
    message = match[3] === undefined ? undefined : { id: 'cliInvalidChoice', data: { option: match[1], value: match[2], choices: match[3] } };
  } else if (error.code === 'commander.excessArguments' && (match = /too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)/.exec(text))) {
    message = { id: 'cliTooManyArguments', data: { command: match[1] ?? 'itreg', expected: match[2], got: match[3] } };
  }
  return t({ id: 'cliSeeHelp', data: { error: message ? t(message) : text } });
}
