// loadRegister(): every *.yaml/*.yml below the register folder → parsed files and entity records. The only reader of register files.
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { RegisterError } from '../errors.js';
import { translator } from '../i18n/index.js';
import { isKind, validateEntity, type RegisterLimits } from '../schema/validate.js';
import type { Config } from './config.js';
import { ignoreMatcher } from './ignore.js';
import { readAhead, type ReadAhead } from './read-ahead.js';
import { readSource, relativePath, unreadableSource } from './read.js';
import { decodeSource, problemFile, type SourceFile } from './source.js';
import type { EntityRecord, RegisterModel } from '../model/register-model.js';

/** One file's entity, with the parsed file it came from (positions, text). */
export type FileRecord = EntityRecord<SourceFile>;

/** The model over a register read from files: its records carry their sources. */
export type FileModel = RegisterModel<LoadedRegister>;

export interface LoadedRegister {
  readonly config: Config;
  /** Every register file, sorted by path; a file that did not parse has syntax problems and no record. */
  readonly files: readonly SourceFile[];
  readonly records: readonly FileRecord[];
}

const YAML_FILE = /\.ya?ml$/i;

export interface Listing {
  /** Every YAML-named file, sorted. */
  readonly paths: readonly string[];
  /** Those that are no regular file (FIFO, socket, device): never opened, since reading one can block. */
  readonly notRegular: ReadonlySet<string>;
  /** Those reached through a link that resolves outside the register folder: never opened (DESIGN "Register files"). */
  readonly outside: ReadonlySet<string>;
  /**
   * Folders that are another git repository (a submodule, or a clone inside the register): never walked, since
   * --changed and the hook see only this repository's changes, and a full lint must judge the same files.
   */
  readonly nested: ReadonlySet<string>;
}

/** Reads one listed file: through `read` when it is a regular file, else as an unreadable-file finding. */
function readListed(listing: Listing, path: string, root: string, read: (path: string, root: string) => SourceFile): SourceFile {
  if (listing.outside.has(path)) return problemFile(relativePath(root, path), '', { id: 'linkOutsideRegister' }, { line: 1, column: 1 });
  if (listing.nested.has(path)) return problemFile(relativePath(root, path), '', { id: 'nestedRepository' }, { line: 1, column: 1 });
  return listing.notRegular.has(path) ? unreadableSource(relativePath(root, path), 'ENOTREG') : read(path, root);
}

/**
 * The register's files as listed now (folders walked, links and special files noted), for loadRegister(): taken early
 * when this thread would otherwise wait (for git's answers), so that loading does not walk the folders again.
 */
export function listRegister(config: Config): Listing {
  return listYamlFiles(join(config.root, config.register), config);
}

export interface LoadOptions {
  /** The register's files, listed earlier by listRegister() (else listed here). */
  readonly listing?: Listing;
  /** Parses through a content-hash cache (itreg lint --cache). */
  readonly cache?: ParseCache;
  /** From how many readable files a worker reads ahead (tests set it low). */
  readonly readAheadFrom?: number;
  /** Called every 500 files (for a progress line). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What --cache provides: a parsed file for unchanged text, and a place to keep new results. */
export interface ParseCache {
  read(path: string, root: string): SourceFile;
  /** A cache that parses bytes read elsewhere (by the worker reading ahead) has this; one that reads no file it has not. */
  decode?(file: string, bytes: Uint8Array): SourceFile;
}

/**
 * Loads the register, parsing in this thread. Parsing is no longer the cost it was (the plain-YAML fast path reads
 * 10,000 files in about 130 ms), so parser processes or threads would only add their start-up and the copying of
 * results (on the 2-core benchmark machine one more parser process made lint slower: 0.95 s against 0.75 s). Reading
 * is another matter: on a large register a worker thread reads ahead (readAhead()), handing over bytes, not parses.
 */
export function loadRegister(config: Config, options: LoadOptions = {}): LoadedRegister {
  const listing = options.listing ?? listRegister(config);
  const { cache, onProgress, readAheadFrom = READ_AHEAD_FROM } = options;
  const ahead = (!cache || cache.decode) && listing.paths.length >= readAheadFrom ? readingAhead(listing, cache) : undefined;
  const read = ahead?.read ?? (cache ? (path: string, root: string) => cache.read(path, root) : readSource);
  const files: SourceFile[] = [];
  try {
    for (const path of listing.paths) {
      files.push(readListed(listing, path, config.root, read));
      if (files.length % 500 === 0) onProgress?.(files.length, listing.paths.length);
    }
  } finally {
    ahead?.close();
  }
  return { config, files, records: buildRecords(files, config) };
}

/**
 * Reading with a worker ahead (readAhead()): the first files (at most a quarter) are read here while it starts, the
 * rest it hands over in the order readListed() asks for them; a file it could not read is read here. Where no worker
 * can be started, every file is read here.
 */
function readingAhead(listing: Listing, cache?: ParseCache): { read: (path: string, root: string) => SourceFile; close: () => void } | undefined {
  const readable = listing.paths.filter((path) => !listing.outside.has(path) && !listing.notRegular.has(path) && !listing.nested.has(path));
  const first = Math.min(READ_HERE_FIRST, Math.floor(readable.length / 4));
  let ahead: ReadAhead;
  try {
    ahead = readAhead(readable.slice(first));
  } catch {
    return undefined;
  }
  let readHere = 0;
  return {
    read: (path, root) => {
      const bytes = readHere++ < first ? undefined : ahead.next();
      if (cache) return bytes && cache.decode ? cache.decode(relativePath(root, path), bytes) : cache.read(path, root);
      return bytes ? decodeSource(relativePath(root, path), bytes) : readSource(path, root);
    },
    close: () => ahead.close(),
  };
}

/**
 * From how many files a worker reads ahead: below it, its start-up (about 30 ms) and memory (a second heap, some 10 MB)
 * cost more than it saves. At 10,016 files it saves 40–50 ms of the main thread's time and some 4 % of the wall time.
 */
const READ_AHEAD_FROM = 5_000;
/** The files read here while the worker starts (about 40 ms; at most a quarter), so that its first batch is ready. */
const READ_HERE_FIRST = 3000;

/**
 * The register as it was at another commit (--changed's base), from the register now: the files in `touched` (changed,
 * added or deleted since, paths relative to the folder of itreg.yaml) are taken out, and `before`, their versions at
 * that commit, read elsewhere, are put in; they are chosen and parsed as from disk. Every other file is the same text
 * then and now, so its parse and record are the current ones.
 */
export function replaceFiles(current: LoadedRegister, touched: ReadonlySet<string>, before: ReadonlyArray<{ readonly path: string; readonly bytes: Uint8Array }>): LoadedRegister {
  const { config } = current;
  const read = before.filter((file) => isReadFile(config, file.path));
  return replaceSources(
    current,
    touched,
    read.map((file) => decodeSource(file.path, file.bytes)),
  );
}

/**
 * Whether a path relative to the folder of itreg.yaml names a file loadRegister() reads: a register file in the
 * register folder that `ignore:` does not exclude.
 */
export function isReadFile(config: Config, path: string): boolean {
  const prefix = config.register === '.' || config.register === '' ? '' : `${config.register.replace(/\/+$/, '')}/`;
  const inside = path.slice(prefix.length);
  return path.startsWith(prefix) && isRegisterFile(inside) && !ignoreMatcher(config.ignore)(inside);
}

/**
 * The register with the files in `touched` taken out and `sources` (parsed already; only files isReadFile() takes)
 * put in: what replaceFiles() does with bytes, and the language server with an editor's text.
 */
export function replaceSources(current: LoadedRegister, touched: ReadonlySet<string>, sources: readonly SourceFile[]): LoadedRegister {
  const { config } = current;
  const fresh = sources.filter((source) => isReadFile(config, source.path));
  // The current files and records are in path order already: the few files from the base are merged in, not sorted.
  const byPath = (a: SourceFile, b: SourceFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  fresh.sort(byPath);
  const freshRecords = buildRecords(fresh, config);
  const files = mergeSorted(
    current.files.filter((source) => !touched.has(source.path)),
    fresh,
    byPath,
  );
  const records = mergeSorted(
    current.records.filter((record) => !touched.has(record.source.path)),
    freshRecords,
    (a, b) => byPath(a.source, b.source),
  );
  return { config, files, records };
}

/** A register file read again from disk (its path relative to the folder of itreg.yaml), or undefined when it is gone. */
export function rereadFile(config: Config, path: string): SourceFile | undefined {
  const absolute = join(config.root, path);
  const stat = statSync(absolute, { throwIfNoEntry: false });
  return stat === undefined || stat.isDirectory() ? undefined : readSource(absolute, config.root);
}

/** Each file's record (undefined for a file without one), in the order of `loaded.files`. */
export function recordsOfFiles(loaded: LoadedRegister): Array<FileRecord | undefined> {
  const { files, records } = loaded;
  // Records come in the order of their files, at most one a file: one walk pairs them.
  const paired = new Array<FileRecord | undefined>(files.length);
  let next = 0;
  for (let i = 0; i < files.length; i++) if (records[next]?.source === files[i]) paired[i] = records[next++];
  if (next === records.length) return paired;
  const bySource = new Map(records.map((record) => [record.source, record]));
  return files.map((source) => bySource.get(source));
}

/** The place of `source` among `files`, or -1. */
export function indexOfFile(files: readonly SourceFile[], source: SourceFile): number {
  const index = indexOfPath(files, source.path);
  return files[index] === source ? index : -1;
}

/**
 * The place of the file with `path` among `files` (each path once), or -1: by halving, since files come in path order,
 * and else by looking at each (the listing sorts full paths, whose separator on Windows sorts otherwise than `/`).
 */
export function indexOfPath(files: readonly SourceFile[], path: string): number {
  let low = 0;
  let high = files.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const here = files[middle]!.path;
    if (here === path) return middle;
    if (here < path) low = middle + 1;
    else high = middle - 1;
  }
  return files.findIndex((file) => file.path === path);
}

/** Two lists, each in order, as one list in order. */
function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  if (b.length === 0) return [...a];
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/** Whether a path below the register folder names a register file: a YAML name, in no hidden or node_modules folder. */
export function isRegisterFile(path: string): boolean {
  return YAML_FILE.test(path) && path.split('/').every((part) => !part.startsWith('.') && part !== 'node_modules');
}

/**
 * Pure: parsed files → entity records with schema issues, including what itreg.yaml bounds (`limits`, the Config).
 * Schema issues are computed on every run, never cached: a change of itreg.yaml's levels shows at once.
 */
export function buildRecords(files: readonly SourceFile[], limits: RegisterLimits): FileRecord[] {
  const records: FileRecord[] = [];
  for (const source of files) {
    if (source.syntaxProblems.length > 0 || typeof source.value !== 'object' || source.value === null) continue;
    const data = source.value as Record<string, unknown>;
    const kind = isKind(data['kind']) ? data['kind'] : undefined;
    const id = typeof data['id'] === 'string' ? data['id'] : undefined;
    records.push({ source, data, kind, id, schemaIssues: validateEntity(data, limits) });
  }
  return records;
}

/** Every YAML file below `folder`, sorted; symlinked folders are followed once, so a link loop ends. */
function listYamlFiles(folder: string, config: Config): Listing {
  const t = translator(config.language);
  try {
    if (!statSync(folder).isDirectory()) throw new Error('ENOTDIR');
  } catch {
    throw new RegisterError(t({ id: 'registerMissing', data: { folder: relative(process.cwd(), folder) || '.' } }));
  }
  const found: string[] = [];
  const notRegular = new Set<string>();
  const outside = new Set<string>();
  const nested = new Set<string>();
  const visited = new Set<string>();
  const registerReal = realpathSync(folder);
  const isInside = (real: string) => real === registerReal || real.startsWith(registerReal.endsWith(sep) ? registerReal : registerReal + sep);
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error: unknown) {
      throw new RegisterError(t({ id: 'folderUnreadable', data: { folder: dir, code: (error as NodeJS.ErrnoException).code ?? 'EIO' } }));
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = dir.endsWith(sep) ? dir + entry.name : dir + sep + entry.name; // join() normalises: slower, same here
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let linkedOut = false;
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
          // A link may point anywhere (/etc/shadow): what lies outside the register folder is not read.
          linkedOut = !isInside(realpathSync(path));
        } catch {
          isFile = YAML_FILE.test(entry.name); // a dangling link: reported as unreadable
        }
      }
      if (linkedOut) {
        // A linked folder outside is not walked, and a linked YAML file outside not read: each is one finding.
        if (isDirectory || YAML_FILE.test(entry.name)) {
          found.push(path);
          outside.add(path);
        }
      } else if (isDirectory && existsSync(path + sep + '.git')) {
        found.push(path);
        nested.add(path);
      } else if (isDirectory) walk(path);
      // A FIFO, socket or device with a YAML name is listed too: reading it is refused with a finding, never a hang.
      else if (YAML_FILE.test(entry.name) && (isFile || !entry.isSymbolicLink())) {
        found.push(path);
        if (!isFile) notRegular.add(path);
      }
    }
  };
  walk(folder);
  const ignored = ignoreMatcher(config.ignore);
  const kept = config.ignore.length === 0 ? found : found.filter((path) => !ignored(relativePath(folder, path)));
  return { paths: kept.sort(), notRegular, outside, nested };
}
