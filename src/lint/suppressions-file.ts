// itreg-suppressions.json beside itreg.yaml: the findings a cooperation had when it started (itreg lint --suppress-all).
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { ConfigError } from '../errors.js';
import { visible } from '../util/visible.js';
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

/** Plain text: no control, line-separator or bidirectional character (an entry is printed in summaries and CI logs). */
const isPlain = (value: unknown): value is string => typeof value === 'string' && visible(value) === value;

function isEntry(value: unknown): value is SuppressionEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return isPlain(entry['fingerprint']) && isPlain(entry['rule']) && isPlain(entry['file']) && isPlain(entry['date']) && (entry['entity'] === undefined || isPlain(entry['entity']));
}

/** Line and column of a character offset, for a JSON error (the parser's own message quotes the text: not shown). */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * The entries of the register's suppressions file; undefined when there is none. A damaged file is exit 2 with a
 * message that names where, never its content: the file may be a link to something that is not ours to print (a link
 * that leads outside the register, or to no regular file, is not read at all).
 */
export function readSuppressions(root: string): SuppressionEntry[] | undefined {
  const path = join(root, SUPPRESSIONS_FILE);
  let text: string;
  try {
    lstatSync(path);
    const real = realpathSync(path);
    const inside = relative(realpathSync(root), real);
    if (inside.startsWith('..') || isAbsolute(inside) || !lstatSync(real).isFile()) {
      throw new ConfigError({ id: 'suppressionsOutside', data: { file: SUPPRESSIONS_FILE } });
    }
    text = readFileSync(real, 'utf8');
  } catch (error: unknown) {
    if (error instanceof ConfigError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError({ id: 'suppressionsBad', data: { file: SUPPRESSIONS_FILE, detail: (error as NodeJS.ErrnoException).code ?? String(error) } });
  }
  // A byte-order mark, as some Windows editors write: JSON.parse refuses it, a person does not see it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error: unknown) {
    const offset = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    const where = offset === undefined ? undefined : { id: 'suppressionsWhere' as const, data: lineAndColumn(text, Number(offset)) };
    throw new ConfigError({ id: 'suppressionsNotJson', data: { file: SUPPRESSIONS_FILE, where } });
  }
  const entries = (data as { suppressions?: unknown } | null)?.suppressions;
  if (!Array.isArray(entries)) throw new ConfigError({ id: 'suppressionsNotList', data: { file: SUPPRESSIONS_FILE } });
  const bad = entries.findIndex((entry) => !isEntry(entry));
  if (bad >= 0) throw new ConfigError({ id: 'suppressionsEntryBad', data: { file: SUPPRESSIONS_FILE, index: bad + 1 } });
  return entries as SuppressionEntry[];
}

/** Writes the entries (sorted by file, rule and entity, so a diff reads well), atomically. */
export function writeSuppressions(root: string, entries: readonly SuppressionEntry[]): void {
  const key = (e: SuppressionEntry) => `${e.file}\u0000${e.rule}\u0000${e.entity ?? ''}\u0000${e.fingerprint}`;
  const sorted = [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const suppressions = sorted.map(({ fingerprint, rule, entity, file, date }) => ({ rule, ...(entity !== undefined ? { entity } : {}), file, date, fingerprint }));
  writeFileAtomic(join(root, SUPPRESSIONS_FILE), `${JSON.stringify({ version: 1, suppressions }, null, 2)}\n`);
}
