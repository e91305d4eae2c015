// itreg-suppressions.json beside itreg.yaml: the findings a cooperation had when it started (itreg lint --suppress-all).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { writeFileAtomic } from '../register/write.js';

export const SUPPRESSIONS_FILE = 'itreg-suppressions.json';

/** One recorded finding: its fingerprint is the key; rule, entity and file are there for a person reading a diff. */
export interface SuppressionEntry {
  readonly fingerprint: string;
  readonly rule: string;
  readonly entity?: string;
  readonly file: string;
  /** The day it was recorded. */
  readonly date: string;
}

function isEntry(value: unknown): value is SuppressionEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry['fingerprint'] === 'string' && typeof entry['rule'] === 'string' && typeof entry['file'] === 'string' && typeof entry['date'] === 'string' && (entry['entity'] === undefined || typeof entry['entity'] === 'string');
}

/** The entries of the register's suppressions file; undefined when there is none. A damaged file is exit 2. */
export function readSuppressions(root: string): SuppressionEntry[] | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, SUPPRESSIONS_FILE), 'utf8');
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError({ id: 'suppressionsBad', data: { file: SUPPRESSIONS_FILE, detail: (error as NodeJS.ErrnoException).code ?? String(error) } });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error: unknown) {
    throw new ConfigError({ id: 'suppressionsBad', data: { file: SUPPRESSIONS_FILE, detail: error instanceof Error ? error.message : String(error) } });
  }
  const entries = (data as { suppressions?: unknown } | null)?.suppressions;
  if (!Array.isArray(entries) || !entries.every(isEntry)) {
    throw new ConfigError({ id: 'suppressionsBad', data: { file: SUPPRESSIONS_FILE, detail: '"suppressions" must be a list of { fingerprint, rule, file, date }' } });
  }
  return entries;
}

/** Writes the entries (sorted by file, rule and entity, so a diff reads well), atomically. */
export function writeSuppressions(root: string, entries: readonly SuppressionEntry[]): void {
  const key = (e: SuppressionEntry) => `${e.file}\u0000${e.rule}\u0000${e.entity ?? ''}\u0000${e.fingerprint}`;
  const sorted = [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const suppressions = sorted.map(({ fingerprint, rule, entity, file, date }) => ({ rule, ...(entity !== undefined ? { entity } : {}), file, date, fingerprint }));
  writeFileAtomic(join(root, SUPPRESSIONS_FILE), `${JSON.stringify({ version: 1, suppressions }, null, 2)}\n`);
}
