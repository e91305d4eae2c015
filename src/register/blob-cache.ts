// BlobCache: --changed and --staged with --cache keep each parsed file's value by its git blob id, so a later run reads
// and parses only the files git names as changed; the others come from the cache, their text read only when needed.
import { hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { readCacheFile, serializeKeeping } from './cache.js';
import type { ParseCache } from './load.js';
import { readSource, relativePath } from './read.js';
import { decodeSource, type ParseResult, type SourceFile, type SyntaxProblem } from './source.js';
import { writeFileAtomic } from './write.js';

/** Bumped when an entry's shape changes; a cache of another shape, itreg version or configuration is ignored. */
const ENTRY_FORMAT = 1;

interface Stored {
  readonly format: string;
  /** Blob id → the value of a file with exactly those bytes, which parsed without a problem. */
  readonly values: ReadonlyMap<string, unknown>;
}

const NO_PROBLEMS: readonly SyntaxProblem[] = Object.freeze([]);

/** Git's blob id of a file's text (SHA-1 of "blob <size>\0" and its UTF-8 bytes): the key is the content, checked, not trusted. */
export function gitBlobId(text: string): string {
  return hash('sha1', `blob ${Buffer.byteLength(text, 'utf8')}\0${text}`, 'hex');
}

/**
 * A file the cache gave the value of: its text is read when first asked (a finding's position, --fix). A class, so that
 * 115,000 of them share one getter instead of a closure each.
 */
class CachedSource implements SourceFile {
  readonly syntaxProblems = NO_PROBLEMS;
  private read: string | undefined;

  constructor(
    readonly path: string,
    private readonly absolute: string,
    readonly value: unknown,
  ) {}

  get text(): string {
    if (this.read === undefined) {
      let text = '';
      try {
        text = readFileSync(this.absolute, 'utf8');
      } catch {
        // gone since git listed it: no text, as for a file that vanished while being linted
      }
      this.read = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    return this.read;
  }
}

export class BlobCache implements ParseCache {
  /** Files whose value came from the cache, and files read and parsed. */
  hits = 0;
  misses = 0;
  /** Whether a cache file was there but could not be used. */
  damaged = false;
  private readonly format: string;
  private readonly values: Map<string, unknown>;
  /** Blob ids this run met: save() keeps only those. */
  private readonly seen = new Set<string>();
  private added = 0;
  private readonly found: boolean;
  /** The blob id of a file (relative to itreg.yaml's folder) whose content git vouches is that blob. */
  private blobOf: (file: string) => string | undefined = () => undefined;

  /**
   * `version` is itreg's and `configuration` the text of itreg.yaml: a cache written by another version or for another
   * configuration is not used. `content` is the --cache of the yaml package's results, which parses what the fast path
   * does not read, and keeps the entries of the files this cache gave.
   */
  constructor(
    readonly file: string,
    version: string,
    configuration: string,
    private readonly content?: { parse(file: string, text: string): ParseResult; retain(file: string): void },
  ) {
    this.format = `${ENTRY_FORMAT}:${version}:${hash('sha1', configuration, 'hex')}`;
    // Keys are only ever looked up by the blob ids git gives; a value is checked by the schema like any parsed file.
    const read = readCacheFile<Stored>(file, this.format, (stored) => stored.values instanceof Map);
    this.damaged = read === 'damaged';
    const stored = typeof read === 'object' ? read : undefined;
    this.found = stored !== undefined;
    this.values = (stored?.values as Map<string, unknown> | undefined) ?? new Map<string, unknown>();
  }

  /** Beside the --cache file: lint-cache.bin → lint-cache-changed.bin. */
  static besideFile(cacheFile: string): string {
    const extension = extname(cacheFile);
    return join(dirname(cacheFile), `${basename(cacheFile, extension)}-changed${extension || '.bin'}`);
  }

  /** Whether there is a cache file at `file` (a cheap look before reading it). */
  static isThere(file: string): boolean {
    return existsSync(file);
  }

  /** Whether the cache holds anything to use (else loading does not wait for git's blob ids). */
  get warm(): boolean {
    return this.values.size > 0;
  }

  /** Where to find the blob id of a file (relative to itreg.yaml's folder) whose working copy git holds to be that blob. */
  trust(blobOf: (file: string) => string | undefined): void {
    this.blobOf = blobOf;
  }

  read(path: string, root: string): SourceFile {
    const file = relativePath(root, path);
    const id = this.blobOf(file);
    if (id !== undefined && this.values.has(id)) {
      this.hits++;
      this.content?.retain(file);
      // Two files with the same bytes get a value each, as when parsed: a value is never shared between records.
      const shared = this.seen.size === this.seen.add(id).size;
      const value = this.values.get(id);
      return new CachedSource(file, path, shared ? structuredClone(value) : value);
    }
    this.misses++;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return readSource(path, root); // reports the file as unreadable
    }
    const { content } = this;
    const source = decodeSource(file, bytes, content ? (text) => content.parse(file, text) : undefined);
    if (id !== undefined) this.keep(id, source);
    return source;
  }

  /** After a load without the cache (it was empty): keeps the value of each file git vouches for. */
  collect(files: readonly SourceFile[]): void {
    for (const source of files) {
      const id = this.blobOf(source.path);
      if (id !== undefined) this.keep(id, source);
    }
  }

  /**
   * Keeps a parsed file under its blob id only when its text is that blob: a checkout that converts line ends or runs a
   * filter (LFS) has other bytes than the blob git names, and such a file is always read. (A file that parsed has valid
   * UTF-8 for its text; one with a byte-order mark hashes otherwise and is always read too.)
   */
  private keep(id: string, source: SourceFile): void {
    if (source.syntaxProblems.length > 0 || this.seen.has(id) || gitBlobId(source.text) !== id) return;
    this.seen.add(id);
    if (this.values.has(id)) return;
    this.values.set(id, source.value);
    this.added++;
  }

  /** Writes the cache (atomically) when it changed, forgetting the blobs this run did not meet. */
  save(): void {
    let changed = !this.found || this.added > 0;
    // Every id seen is in the cache: as many as it holds, and none is to be forgotten.
    if (this.seen.size < this.values.size)
      for (const id of this.values.keys()) {
        if (this.seen.has(id)) continue;
        this.values.delete(id);
        changed = true;
      }
    if (changed) writeFileAtomic(this.file, this.serialized());
  }

  /** The cache file's bytes; a value structured clone cannot copy (yaml's merge key as a Symbol) is left out. */
  private serialized(): Buffer {
    return serializeKeeping(this.values, (values) => ({ format: this.format, values }) satisfies Stored);
  }
}
