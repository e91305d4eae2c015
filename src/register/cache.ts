// The --cache: parse results kept by content hash (as ESLint's --cache-strategy content), so an unchanged file is not parsed again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParseCache } from './load.js';
import { readSource, relativePath } from './read.js';
import { decodeSource, decodeUtf8, type ParseResult, type SourceFile } from './source.js';
import { writeFileAtomic } from './write.js';

interface Entry {
  readonly hash: string;
  /** False for files kept as no text (binary, not UTF-8). */
  readonly decoded: boolean;
  readonly result: ParseResult;
}

interface Stored {
  readonly format: string;
  readonly entries: ReadonlyMap<string, Entry>;
}

export class ContentCache implements ParseCache {
  hits = 0;
  misses = 0;
  private readonly entries: Map<string, Entry>;
  private readonly seen = new Set<string>();

  /** `format` names the itreg version: a cache written by another version is ignored. */
  constructor(
    readonly file: string,
    private readonly format: string,
  ) {
    this.entries = new Map(ContentCache.readStored(file, format)?.entries ?? []);
  }

  /** The default place: node_modules/.cache/itreg below the register's root (as find-cache-dir does). */
  static defaultFile(root: string): string {
    return join(root, 'node_modules/.cache/itreg/lint-cache.bin');
  }

  private static readStored(file: string, format: string): Stored | undefined {
    try {
      const stored = deserialize(readFileSync(file)) as Stored;
      return stored.format === format && stored.entries instanceof Map ? stored : undefined;
    } catch {
      return undefined; // no cache yet, or an unreadable one: start afresh
    }
  }

  read(path: string, root: string): SourceFile {
    const file = relativePath(root, path);
    this.seen.add(file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      this.misses++;
      return readSource(path, root); // reports the file as unreadable
    }
    const hash = createHash('sha1').update(bytes).digest('hex');
    const entry = this.entries.get(file);
    if (entry?.hash === hash) {
      this.hits++;
      // Decoded exactly as decodeSource does (a BOM is dropped), so the cached offsets still fit the text.
      return { path: file, text: entry.decoded ? decodeUtf8(bytes) : '', ...entry.result };
    }
    this.misses++;
    const source = decodeSource(file, bytes);
    this.entries.set(file, { hash, decoded: source.text !== '' || bytes.length === 0, result: { value: source.value, index: source.index, syntaxProblems: source.syntaxProblems } });
    return source;
  }

  /** Writes the cache (atomically), forgetting files that are gone. */
  save(): void {
    for (const file of this.entries.keys()) if (!this.seen.has(file)) this.entries.delete(file);
    const stored: Stored = { format: this.format, entries: this.entries };
    writeFileAtomic(this.file, serialize(stored));
  }
}

