// Typed errors that stop a command, and the one exit-code contract (DESIGN.md "Exit codes").
import { translator, type Language, type Message } from './i18n/index.js';

export const ExitCode = {
  Ok: 0,
  Findings: 1,
  Failure: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A failure the user can fix, in one line that names the file and what to do. Given as a catalogue message, it is
 * shown in the CLI's language (--lang, else itreg.yaml's); `message` holds the English text.
 */
export class ItregError extends Error {
  readonly exitCode: ExitCode = ExitCode.Failure;
  readonly localized: Message | undefined;

  constructor(message: string | Message) {
    super(typeof message === 'string' ? message : translator('en')(message));
    this.localized = typeof message === 'string' ? undefined : message;
  }

  /** The message in `language`, when it came from the catalogue; else as given. */
  messageIn(language: Language): string {
    return this.localized ? translator(language)(this.localized) : this.message;
  }
}

/** Wrong command-line use: a bad option, an unknown command or kind. */
export class UsageError extends ItregError {}

/** `itreg.yaml` missing, unreadable or invalid. */
export class ConfigError extends ItregError {}

/** The register folder or a file in it cannot be read. */
export class RegisterError extends ItregError {}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A package itreg lists as optional (only PDF and .xlsx need them) is not installed where itreg is. */
export class MissingPackageError extends ItregError {}

/**
 * Loads an optional package when a command needs it: `load` is the literal `import('name')`, so the bundle keeps it
 * external. When it is not installed (a lint-only install, `npm ci --omit=optional`), the command says in one line
 * which package to add, for what, and exits 2.
 */
export async function importOptional<T>(name: string, use: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error: unknown) {
    const code = (error as { code?: unknown } | null)?.code;
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && errorMessage(error).includes(`'${name}'`)) {
      throw new MissingPackageError({ id: 'optionalPackageMissing', data: { package: name, use } });
    }
    throw error;
  }
}
