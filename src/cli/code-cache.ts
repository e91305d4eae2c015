// runWithCodeCache(): runs a CommonJS file with a V8 code cache, so that a start does not compile its code again. The cache
// is used only when it was made from this very text by this node and V8 and is whole (V8 itself checks no more than
// the text's length and its own version); any other cache is ignored, and a new one is written when the run ends.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The first line of a cache file; a new layout gets a new number. */
const MAGIC = 'itreg V8 code cache 1\n';

/** What a cache was made from, on its second line (JSON), before V8's own bytes. */
interface CacheHeader {
  /** SHA-256 of the file's bytes. */
  readonly source: string;
  readonly node: string;
  readonly v8: string;
  readonly arch: string;
  /** SHA-256 and length of V8's bytes. */
  readonly data: string;
  readonly bytes: number;
}

/**
 * What became of the cache, for the tests: used; used but thin (made by a run that compiled little), so replaced at
 * exit; no cache file; a file that failed a check; V8 refused it (other flags).
 */
export type CacheUse = 'used' | 'thin' | 'none' | 'ignored' | 'rejected';

export interface CodeCacheRun {
  readonly cache: CacheUse;
  /** Writes a new cache now (done at exit unless the cache was used); false if it could not be written. */
  readonly write: () => boolean;
}

/**
 * A cache smaller than this share of the text was made by a run that compiled little of it (`lint --help`, a usage
 * error: about 30 % of lint.cjs; a lint: 65 %): it is used, and the run's own replaces it.
 */
export const THIN_CACHE = 0.45;

/**
 * Runs `file` (CommonJS) in this context, with the code cache in `cacheFile` when that one fits. Unless the cache was
 * used, a new one is written when the process exits (`writeOnExit`), holding every function the run compiled.
 */
export function runWithCodeCache(file: string, cacheFile: string | undefined, writeOnExit = true): CodeCacheRun {
  // Hashed as read: hashing the decoded text would encode it again.
  const bytes = readFileSync(file);
  const sourceHash = sha256(bytes);
  const source = bytes.toString('utf8');
  const found = cacheFile === undefined ? 'none' : readCache(cacheFile, sourceHash);
  const cachedData = typeof found === 'string' ? undefined : found;
  // The wrapper node's own CommonJS loader puts around a file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cache: CacheUse = typeof found === 'string' ? found : script.cachedDataRejected ? 'rejected' : found.length < THIN_CACHE * bytes.length ? 'thin' : 'used';
  const write = (): boolean => (cacheFile === undefined ? false : writeCache(cacheFile, sourceHash, script.createCachedData()));
  if (cache !== 'used' && cacheFile !== undefined && writeOnExit) process.once('exit', write);
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { cache, write };
}

/**
 * Where the code cache of the bundle `name` of the package at `packageRoot` lives: in node_modules/.cache/itreg/ of the
 * node_modules folder the package is installed in (in a checkout, its own), which only who can change the package can
 * write. Undefined without such a folder: then there is no cache.
 */
export function codeCacheFile(packageRoot: string, name: string): string | undefined {
  const parent = dirname(packageRoot);
  const modules = basename(parent) === 'node_modules' ? parent : join(packageRoot, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'itreg', `${name}.v8-cache`) : undefined;
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function headerFor(sourceHash: string, data: Uint8Array): CacheHeader {
  return { source: sourceHash, node: process.version, v8: process.versions.v8, arch: process.arch, data: sha256(data), bytes: data.length };
}

/** V8's bytes from the cache file if this text, node and V8 made it and it is whole; 'none' without a file, else 'ignored'. */
function readCache(file: string, sourceHash: string): Buffer | 'none' | 'ignored' {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return 'none';
  }
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return 'ignored';
  const end = bytes.indexOf(0x0a, MAGIC.length);
  if (end === -1) return 'ignored';
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length, end));
  } catch {
    return 'ignored';
  }
  if (typeof header !== 'object' || header === null) return 'ignored';
  const data = bytes.subarray(end + 1);
  const made = header as Record<string, unknown>;
  // The cheap checks first: the cache of another build or node is not hashed at all.
  if (made['source'] !== sourceHash || made['node'] !== process.version || made['v8'] !== process.versions.v8 || made['arch'] !== process.arch || made['bytes'] !== data.length) return 'ignored';
  return made['data'] === sha256(data) ? data : 'ignored';
}

/** Writes the cache whole or not at all (a temporary file renamed into place), so that runs side by side never see half of one. */
function writeCache(file: string, sourceHash: string, data: Buffer): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(headerFor(sourceHash, data))}\n`), data]));
    renameSync(temporary, file);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}
