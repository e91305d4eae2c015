// The language of the CLI's own messages (errors, help), decided before or without a command: --lang, else the
// register's itreg.yaml, else the environment's locale (LC_ALL, LC_MESSAGES, LANG), else Swedish.
import { resolve } from 'node:path';
import type { CommanderError } from 'commander';
import { isLanguage, suggestionOfMany, translator, type Language, type Message } from '../i18n/index.js';
import { findConfig, readConfig } from '../register/config.js';
import { optionValue } from './argv.js';
import { translatePlaceholders } from './help-sv.js';

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

/** Commander's usage errors by code: the pattern of its English text, and the catalogue message it becomes. */
const commanderErrors: ReadonlyArray<
  readonly [code: string, pattern: RegExp, toMessage: (match: RegExpExecArray, suggestion: Message | undefined, term: (name: string) => string) => Message | undefined]
> = [
  ['commander.unknownOption', /unknown option '([^']+)'/, (m, suggestion) => ({ id: 'cliUnknownOption', data: { option: m[1], suggestion } })],
  ['commander.unknownCommand', /unknown command '([^']+)'/, (m, suggestion) => ({ id: 'cliUnknownCommand', data: { command: m[1], suggestion } })],
  ['commander.missingArgument', /missing required argument '([^']+)'/, (m, _suggestion, term) => ({ id: 'cliMissingArgument', data: { argument: term(m[1]!) } })],
  ['commander.missingMandatoryOptionValue', /required option '([^']+)' not specified/, (m) => ({ id: 'cliMissingOption', data: { option: m[1] } })],
  ['commander.optionMissingArgument', /option '([^']+)' argument missing/, (m) => ({ id: 'cliOptionNeedsValue', data: { option: m[1] } })],
  [
    'commander.invalidArgument',
    /(?:option|argument) '([^']+)'.*?'([^']*)' is invalid\.(?:.*Allowed choices are (.+)\.)?/,
    (m) => (m[3] === undefined ? undefined : { id: 'cliInvalidChoice', data: { option: m[1], value: m[2], choices: m[3] } }),
  ],
  [
    'commander.excessArguments',
    /too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)/,
    (m) => ({ id: 'cliTooManyArguments', data: { command: m[1] ?? 'itreg', expected: m[2], got: m[3] } }),
  ],
];

/** Commander's usage error in the CLI's language, as one line (its English text for a code not known here). */
export function translateCommanderError(error: CommanderError, language: Language): string {
  const english = error.message
    .replace(/^error: /, '')
    .trim()
    .replace(/\s*\n\s*/g, ' ');
  // The option's and argument's terms as --help shows them: "--output <mapp>" in Swedish.
  const text = language === 'sv' ? translatePlaceholders(english) : english;
  const t = translator(language);
  // Commander's "(Did you mean one of export, report?)" becomes ' (menade du "export" eller "report"?)'.
  const near = /\(Did you mean (?:one of )?(.+?)\?\)/.exec(text)?.[1];
  const suggestion: Message | undefined = near === undefined ? undefined : suggestionOfMany(near.split(', '), language);
  const known = commanderErrors.find(([code]) => code === error.code);
  const match = known?.[1].exec(text);
  const message = known && match ? known[2](match, suggestion, language === 'sv' ? translatePlaceholders : (name) => name) : undefined;
  return t({ id: 'cliSeeHelp', data: { error: message ? t(message) : text } });
}
