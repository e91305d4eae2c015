// The --cache: the yaml package's parse results kept by content hash (as ESLint's --cache-strategy content), so an
// unchanged file is not parsed by it again. Files the plain-YAML fast path reads are not kept: it reads one in about
// 13 µs, less than hashing it and reading its entry back would cost.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParseCache } from './load.js';
import { readSource, relativePath } from './read.js';
import { decodeSource, parseWithYaml, type ParseResult, type SourceFile, type SyntaxProblem } from './source.js';
import { writeFileAtomic } from './write.js';

/** Bumped when an entry's shape changes; a cache of another shape or itreg version is ignored. */
const ENTRY_FORMAT = 3;

interface Entry {
  /** SHA-1 of the decoded text. */
  readonly hash: string;
  readonly result: ParseResult;
}

interface Stored {
  readonly format: string;
  readonly entries: ReadonlyMap<string, Entry>;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';

/** An entry as save() writes it: trusted only after this look, since the file is anyone's to edit. */
function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const { hash, result } = value as Partial<Entry>;
  if (typeof hash !== 'string' || typeof result !== 'object' || result === null) return false;
  const { index, syntaxProblems } = result as Partial<ParseResult>;
  if (typeof index !== 'object' || index === null || !Array.isArray(index.paths) || !Array.isArray(index.offsets)) return false;
  if (index.offsets.length !== index.paths.length * 2 || !index.paths.every((path) => typeof path === 'string') || !index.offsets.every(isNumber)) return false;
  return (
    Array.isArray(syntaxProblems) &&
    syntaxProblems.every((problem: unknown) => {
      const { message, position } = (problem ?? {}) as Partial<SyntaxProblem>;
      return typeof message?.id === 'string' && isNumber(position?.line) && isNumber(position?.column);
    })
  );
}

export class ContentCache implements ParseCache {
  /** Files the yaml package had to parse: found unchanged in the cache, or parsed. */
  hits = 0;
  misses = 0;
  /** Files the fast path read. */
  plain = 0;
  private readonly format: string;
  private readonly entries: Map<string, Entry>;
  private readonly seen = new Set<string>();
  /** Whether a cache of this format was there to read: if not, save() writes one even when nothing was parsed. */
  private readonly found: boolean;

  /** `version` is itreg's: a cache written by another version is ignored. */
  constructor(
    readonly file: string,
    version: string,
  ) {
    this.format = `${ENTRY_FORMAT}:${version}`;
    const read = readCacheFile<Stored>(file, this.format, (stored) => stored.entries instanceof Map && [...stored.entries].every(([name, entry]) => typeof name === 'string' && isEntry(entry)));
    this.damaged = read === 'damaged';
    const stored = typeof read === 'object' ? read : undefined;
    this.found = stored !== undefined;
    this.entries = new Map(stored?.entries ?? []);
  }

  /** The default place: node_modules/.cache/itreg below the register's root (as find-cache-dir does). */
  static defaultFile(root: string): string {
    return join(root, 'node_modules/.cache/itreg/lint-cache.bin');
  }

  /** Whether a cache file was there but could not be used (damaged, or of the right format with entries of another shape). */
  damaged = false;

  read(path: string, root: string): SourceFile {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return readSource(path, root); // reports the file as unreadable
    }
    return this.decode(relativePath(root, path), bytes);
  }

  /** A file's bytes, read here or by the worker reading ahead, parsed through the cache. */
  decode(file: string, bytes: Uint8Array): SourceFile {
    let slow = false;
    const source = decodeSource(file, bytes, (text) => {
      slow = true;
      return this.parse(file, text);
    });
    if (!slow) this.plain++;
    return source;
  }

  /** A file the fast path does not read, from the cache or parsed by the yaml package. */
  parse(file: string, text: string): ParseResult {
    this.seen.add(file);
    const hash = createHash('sha1').update(text).digest('hex');
    const entry = this.entries.get(file);
    if (entry?.hash === hash) {
      this.hits++;
      return entry.result;
    }
    this.misses++;
    const result = parseWithYaml(text);
    this.entries.set(file, { hash, result });
    return result;
  }

  /** Keeps the entry of a file this run did not read (--changed took its value from its blob's cache). */
  retain(file: string): void {
    if (this.entries.size > 0 && this.entries.has(file)) this.seen.add(file);
  }

  /** Writes the cache (atomically) when it changed, forgetting files that are gone or now read by the fast path. */
  save(): void {
    let changed = !this.found || this.misses > 0;
    for (const file of this.entries.keys()) {
      if (this.seen.has(file)) continue;
      this.entries.delete(file);
      changed = true;
    }
    if (!changed) return;
    writeFileAtomic(this.file, this.serialized());
  }

  /**
   * The cache file's bytes. A value structured clone cannot copy (yaml's merge key `<<` as a Symbol, in
   * `name: !!merge <<`) keeps its file out of the cache: it is parsed again next time, as without --cache.
   */
  private serialized(): Buffer {
    return serializeKeeping(this.entries, (entries) => ({ format: this.format, entries }) satisfies Stored);
  }
}

/**
 * A cache file read back: what it stored, when it is one of ours in `format` and `isWhole` holds; 'none' without a
 * file or for one of ours in another format (another itreg version or configuration, passed over without a word);
 * 'damaged' for anything else (not a structured clone, not one of ours, entries of the wrong shape). Both caches read
 * their files with it.
 */
export function readCacheFile<Stored extends { readonly format: string }>(file: string, format: string, isWhole: (stored: Stored) => boolean): Stored | 'none' | 'damaged' {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return 'none'; // no cache yet
  }
  try {
    const stored = deserialize(bytes) as Partial<Stored> | null;
    if (typeof stored !== 'object' || stored === null || typeof stored.format !== 'string') return 'damaged';
    if (stored.format !== format) return 'none';
    return isWhole(stored as Stored) ? (stored as Stored) : 'damaged';
  } catch {
    return 'damaged'; // not a structured-clone file
  }
}

/**
 * A cache file's bytes: `whole(entries)` serialized, an entry whose value structured clone cannot copy (yaml's merge
 * key as a Symbol) left out of `entries` first.
 */
export function serializeKeeping<K, V>(entries: Map<K, V>, whole: (entries: Map<K, V>) => unknown): Buffer {
  try {
    return serialize(whole(entries));
  } catch {
    for (const [key, value] of entries) {
      try {
        serialize(value);
      } catch {
        entries.delete(key);
      }
    }
    return serialize(whole(entries));
  }
}
