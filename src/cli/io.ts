// The CLI's own IO: printing, atomic file output, colour detection, and finding the register from the global options.
import type { FileModel } from '../register/load.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../register/write.js';
import { ConfigError, UsageError } from '../errors.js';
import { isLanguage, translator, type Language } from '../i18n/index.js';
import { findConfig, readConfig, type Config } from '../register/config.js';
import { loadRegister, type LoadedRegister } from '../register/load.js';
import { checkRuleOptions } from '../lint/rule-options.js';
import { rules } from '../rules/index.js';
import { visible, visibleData } from '../util/visible.js';
import { RegisterModel } from '../model/register-model.js';
import { DEFAULT_TIME_ZONE, todayIn } from '../model/today.js';
import { isIsoDate } from '../util/dates.js';

export interface GlobalOptions {
  readonly cwd?: string;
  readonly config?: string;
  readonly lang?: string;
  readonly color?: boolean;
  readonly debug?: boolean;
}

/** Past this length (characters) a text is checked for ASCII, whose bytes need no UTF-8 encoding. */
const LARGE_OUTPUT = 1 << 20;
const NOT_ASCII = /[^\x00-\x7f]/;

/** Prints to stdout, or writes --output/--out atomically. */
export function emit(text: string, output: string | undefined, cwd: string): void {
  // An ASCII text's bytes are its characters: copied as Latin-1, which is UTF-8 for them, they skip the encoder
  // (34 MB of JSON: half the time), to a file as to stdout.
  const data = text.length > LARGE_OUTPUT && !NOT_ASCII.test(text) ? Buffer.from(text, 'latin1') : text;
  if (output) writeFileAtomic(resolve(cwd, output), data);
  else process.stdout.write(data);
}

/**
 * Colour on a terminal, as chalk decides it: never with --no-color, in a file, or with NO_COLOR set to anything;
 * FORCE_COLOR=0 or false turns it off and any other FORCE_COLOR on (in a pipe too); TERM=dumb turns it off.
 */
export function useColor(options: GlobalOptions, toFile: boolean): boolean {
  if (options.color === false || toFile) return false;
  const { NO_COLOR: noColor, FORCE_COLOR: force, TERM: term } = process.env;
  if (noColor !== undefined && noColor !== '') return false;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (term === 'dumb') return false;
  return process.stdout.isTTY === true;
}

/** The folder -C names (it must exist, unless the command makes it: init), else the current one. */
export function workingFolder(options: GlobalOptions, mustExist = true): string {
  const folder = resolve(options.cwd ?? process.cwd());
  if (mustExist && options.cwd !== undefined && !statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError({ id: 'noSuchFolder', data: { folder: options.cwd } });
  return folder;
}

export function languageOption(options: GlobalOptions): Language | undefined {
  if (options.lang === undefined) return undefined;
  if (!isLanguage(options.lang)) throw new UsageError({ id: 'badLanguage', data: { value: options.lang } });
  return options.lang;
}

/** The register's configuration, from --config or the nearest itreg.yaml above the working folder. */
export function loadConfig(options: GlobalOptions): Config {
  const cwd = workingFolder(options);
  const language = languageOption(options);
  const file = options.config ? resolve(cwd, options.config) : findConfig(cwd);
  if (!file) throw new ConfigError(translator(language ?? 'sv')({ id: 'noConfig', data: { folder: cwd } }));
  const config = readConfig(file, language);
  checkRuleOptions(config, rules, language);
  return config;
}

/**
 * The present moment: ITREG_NOW (an ISO 8601 instant such as 2026-06-01T22:30:00Z) when set, for reproducible runs and
 * tests, else the system clock.
 */
export function currentInstant(): Date {
  const fixed = process.env['ITREG_NOW'];
  if (fixed === undefined || fixed === '') return new Date();
  // Its day is checked as --date is (JavaScript would read 2027-02-31 as 3 March); then the whole instant.
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(fixed)) throw new UsageError({ id: 'badNow', data: { value: fixed } });
  checkDate(fixed.slice(0, 10), 'ITREG_NOW');
  const instant = new Date(fixed);
  if (Number.isNaN(instant.getTime())) throw new UsageError({ id: 'badNow', data: { value: fixed } });
  return instant;
}

/** Today's date in the register's time zone (itreg.yaml `timeZone`, default Europe/Stockholm), whatever the machine's. */
export function todayFor(config: Pick<Config, 'timeZone'> | undefined): string {
  return todayIn(config?.timeZone ?? DEFAULT_TIME_ZONE, currentInstant());
}

/** A date option (whole days in the register's time zone), or today there. */
export function dateOption(value: string | undefined, config: Pick<Config, 'timeZone'> | undefined, option = '--date'): string {
  if (value === undefined) return todayFor(config);
  checkDate(value, option);
  return value;
}

/** A date option's value as given: YYYY-MM-DD, and a day the calendar has (exit 2 with which of the two it is not). */
export function checkDate(value: string, option: string): void {
  if (isIsoDate(value)) return;
  throw new UsageError({ id: /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'noSuchDate' : 'badDate', data: { option, value } });
}

/** Options most reading commands share. */
export interface CommonOptions extends GlobalOptions {
  readonly date?: string;
  readonly format?: string;
  readonly output?: string;
}

/**
 * The configuration and the register model, for commands that read the register in this thread. `forPeople`: for a
 * human format (a table, text), every string of the register and the cooperation's name with control characters
 * made visible (util/visible.ts); machine formats (JSON, CSV, iCalendar) get the data as it is.
 */
export function openRegister(options: GlobalOptions, forPeople = false): { config: Config; register: FileModel } {
  const config = loadConfig(options);
  const loaded = loadRegister(config);
  return forPeople ? { config: { ...config, name: visible(config.name) }, register: new RegisterModel(visibleRegister(loaded)) } : { config, register: new RegisterModel(loaded) };
}

/** A loaded register whose entity data has control characters made visible, for output people read. */
export function visibleRegister(loaded: LoadedRegister): LoadedRegister {
  return { ...loaded, records: loaded.records.map((record) => ({ ...record, data: visibleData(record.data) })) };
}
