// Mentions: which files' records hold a string (a value or a key, at any depth), kept up to date file by file, so that a change finds the entities that may ask about an id it touched without walking every entity.
import type { FileRecord } from '../register/load.js';

export class Mentions {
  /** The files whose record holds each string. */
  private readonly filesOf = new Map<string, Set<string>>();
  /** Each file's strings, to take out again when it changes. */
  private readonly stringsOf = new Map<string, readonly string[]>();

  constructor(records: readonly FileRecord[]) {
    for (const record of records) this.update(record.source.path, record);
  }

  /** The file at `path` holds `record` now (or none). */
  update(path: string, record: FileRecord | undefined): void {
    for (const text of this.stringsOf.get(path) ?? []) this.filesOf.get(text)?.delete(path);
    this.stringsOf.delete(path);
    if (record === undefined) return;
    const strings = new Set<string>();
    collectStrings(record.data, strings);
    for (const text of strings) {
      const files = this.filesOf.get(text);
      if (files) files.add(path);
      else this.filesOf.set(text, new Set([path]));
    }
    this.stringsOf.set(path, [...strings]);
  }

  /** The files whose record holds one of `texts` (what mayAskAbout() asks of each entity). */
  filesMentioning(texts: Iterable<string>): Set<string> {
    const found = new Set<string>();
    for (const text of texts) for (const path of this.filesOf.get(text) ?? []) found.add(path);
    return found;
  }
}

/** Every string in a value, keys included, as mayAskAbout() in model/register-model.ts reads them. */
function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const key in value) {
      into.add(key);
      collectStrings((value as Record<string, unknown>)[key], into);
    }
  }
}
