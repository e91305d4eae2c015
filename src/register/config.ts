// itreg.yaml: found from the working folder upwards (as ESLint finds its config), parsed, checked against schema/itreg.schema.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { isLanguage, suggestNearest, translator, type Language, type Message } from '../i18n/index.js';
import { defaultClassificationLevels } from '../i18n/terms.js';
import type { ConfigFile } from '../types/entities.generated.js';
import { validateConfig } from '../schema/validate.js';
import { locate } from './positions.js';
import { decodeSource, type SourceFile } from './source.js';
import { DEFAULT_TIME_ZONE, isTimeZone, timeZoneNames } from '../model/today.js';

const CONFIG_FILE = 'itreg.yaml';

export type Severity = 'off' | 'warning' | 'error';
export type RuleSetting = NonNullable<NonNullable<ConfigFile['rules']>['schema']>;
export type ExceptionEntry = NonNullable<ConfigFile['exceptions']>[number];

export interface Config {
  /** Absolute folder holding itreg.yaml; finding paths are relative to it. */
  readonly root: string;
  readonly source: SourceFile;
  readonly name: string;
  /** The register folder, relative to root. */
  readonly register: string;
  /** `ignore:` globs, relative to the register folder: files that are not read. */
  readonly ignore: readonly string[];
  readonly language: Language;
  readonly currency: string;
  /** IANA time zone that decides what date it is today (default Europe/Stockholm). */
  readonly timeZone: string;
  readonly collaborationLevels: readonly string[];
  /** Names of the classification's consequence levels 0, 1, …: itreg.yaml's, else KLASSA's five in the language. */
  readonly classificationLevels: readonly string[];
  readonly populationYear: 'previous' | 'same';
  /** latest: a missing reference-year population falls back to the latest earlier year (a preliminary split). */
  readonly populationFallback: 'latest' | 'none';
  /** `report: { proposals }`: proposed decisions for the yearly report's first page. */
  readonly proposals: readonly string[];
  readonly rounding: 'krona' | 'ore';
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly exceptions: readonly ExceptionEntry[];
}

/** A decided exception in force on `date`: with a reason, and `until` not passed. */
export function isValidException(exception: ExceptionEntry, date: string): boolean {
  return Boolean(exception.reason?.trim()) && exception.until !== undefined && date <= exception.until;
}

/** The itreg.yaml in `start` or the nearest folder above it. */
export function findConfig(start: string): string | undefined {
  let folder = resolve(start);
  for (;;) {
    const candidate = join(folder, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Reads and checks itreg.yaml; any problem is a ConfigError naming the line (exit 2). */
export function readConfig(file: string, language?: Language): Config {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error: unknown) {
    const t = translator(language ?? 'sv');
    throw new ConfigError(t({ id: 'configUnreadable', data: { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) } }));
  }
  return parseConfig(decodeSource(CONFIG_FILE, bytes), dirname(resolve(file)), language);
}

/** The Config that `text` would be as the itreg.yaml in `root` (itreg init plans an import before it writes the file). */
export function parseConfigText(text: string, root: string, language?: Language): Config {
  return parseConfig(decodeSource(CONFIG_FILE, new TextEncoder().encode(text)), resolve(root), language);
}

/** Pure: the parsed itreg.yaml source → Config, or a ConfigError at the first problem. */
function parseConfig(source: SourceFile, root: string, language?: Language): Config {
  const declared = (source.value as { language?: unknown } | undefined)?.language;
  const t = translator(language ?? (isLanguage(declared) ? declared : 'sv'));
  const fail = (message: Message, line: number, column: number): never => {
    throw new ConfigError(`${CONFIG_FILE}:${line}:${column}: ${t(message)}`);
  };
  const syntax = source.syntaxProblems[0];
  if (syntax) fail(syntax.message, syntax.position.line, syntax.position.column);
  const issue = validateConfig(source.value)[0];
  if (issue) {
    const { line, column } = locate(source, issue.path, issue.target);
    fail(issue.message, line, column);
  }
  const data = source.value as ConfigFile;
  if (data.timeZone !== undefined && !isTimeZone(data.timeZone)) {
    const { line, column } = locate(source, ['timeZone'], 'value');
    fail({ id: 'badTimeZone', data: { value: data.timeZone, suggestion: suggestNearest(data.timeZone, timeZoneNames()) } }, line, column);
  }
  return {
    root,
    source,
    name: data.name ?? '',
    register: data.register ?? 'register',
    ignore: data.ignore ?? [],
    language: language ?? data.language ?? 'sv',
    currency: data.currency ?? 'SEK',
    timeZone: data.timeZone ?? DEFAULT_TIME_ZONE,
    collaborationLevels: data.collaborationLevels ?? [],
    classificationLevels: data.classificationLevels ?? defaultClassificationLevels[language ?? data.language ?? 'sv'],
    populationYear: data.populationYear ?? 'previous',
    populationFallback: data.populationFallback ?? 'latest',
    proposals: data.report?.proposals ?? [],
    rounding: data.rounding ?? 'krona',
    rules: data.rules ?? {},
    exceptions: data.exceptions ?? [],
  };
}
