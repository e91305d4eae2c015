// loadRegister(): every *.yaml/*.yml below the register folder → parsed files and entity records. The only reader of register files.
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { deserialize } from 'node:v8';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InternalError, RegisterError } from '../errors.js';
import { translator } from '../i18n/index.js';
import { isKind, validateEntity, type Kind, type SchemaIssue } from '../schema/validate.js';
import type { Config } from './config.js';
import { readSource, relativePath, unreadableSource } from './read.js';
import type { SourceFile } from './source.js';

/** One file's entity: its data as parsed, its schema issues, and whether the policy rules may trust it. */
export interface EntityRecord {
  readonly source: SourceFile;
  readonly data: Readonly<Record<string, unknown>>;
  readonly kind: Kind | undefined;
  readonly id: string | undefined;
  readonly schemaIssues: readonly SchemaIssue[];
}

export interface LoadedRegister {
  readonly config: Config;
  /** Every register file, sorted by path; a file that did not parse has syntax problems and no record. */
  readonly files: readonly SourceFile[];
  readonly records: readonly EntityRecord[];
}

const YAML_FILE = /\.ya?ml$/i;

interface Listing {
  /** Every YAML-named file, sorted. */
  readonly paths: readonly string[];
  /** Those that are no regular file (FIFO, socket, device): never opened, since reading one can block. */
  readonly notRegular: ReadonlySet<string>;
}

/** Reads one listed file: through `read` when it is a regular file, else as an unreadable-file finding. */
function readListed(listing: Listing, path: string, root: string, read: (path: string, root: string) => SourceFile = readSource): SourceFile {
  return listing.notRegular.has(path) ? unreadableSource(relativePath(root, path), 'ENOTREG') : read(path, root);
}

/** Loads the register in this thread: for tests, small registers and commands that need no speed. */
export function loadRegister(config: Config): LoadedRegister {
  const listing = listYamlFiles(join(config.root, config.register), config);
  const files = listing.paths.map((path) => readListed(listing, path, config.root));
  return { config, files, records: buildRecords(files) };
}

export interface LoadOptions {
  /**
   * Parser processes besides this one. Default: one per further core (at most 3), for 1,000 files or more on 4 or
   * more cores. On the 2-vCPU benchmark machine one extra process made lint slower (2.08 s against 1.73 s, medians
   * of 6), as two parsers there run about 1.6× slower each than one alone.
   */
  readonly workers?: number;
  /** Parses through a content-hash cache (itreg lint --cache). */
  readonly cache?: ParseCache;
  /** Called as files are parsed (for a progress line). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What --cache provides: a parsed file for unchanged text, and a place to keep new results. */
export interface ParseCache {
  read(path: string, root: string): SourceFile;
}

const WORKER_THRESHOLD = 1000;

/** Loads the register with parser processes on large registers, keeping positions exact (each file is parsed whole). */
export async function loadRegisterParallel(config: Config, options: LoadOptions = {}): Promise<LoadedRegister> {
  const listing = listYamlFiles(join(config.root, config.register), config);
  const { paths } = listing;
  const cache = options.cache;
  const cores = availableParallelism();
  const workers = cache ? 0 : (options.workers ?? (paths.length >= WORKER_THRESHOLD && cores >= 4 ? Math.min(3, cores - 1) : 0));
  const read = (path: string) => readListed(listing, path, config.root, cache ? (p, r) => cache.read(p, r) : readSource);
  if (workers <= 0) {
    const files: SourceFile[] = [];
    for (const path of paths) {
      files.push(read(path));
      if (files.length % 500 === 0) options.onProgress?.(files.length, paths.length);
    }
    return { config, files, records: buildRecords(files) };
  }
  // Round-robin shares keep the work even; this thread parses share 0 while the workers parse the rest.
  const shares = Array.from({ length: workers + 1 }, (_, share) => paths.filter((path, i) => i % (workers + 1) === share && !listing.notRegular.has(path)));
  const workerFile = fileURLToPath(new URL('./parse-worker.js', import.meta.url));
  const scratch = mkdtempSync(join(tmpdir(), 'itreg-parse-'));
  const pending = shares.slice(1).map((share, n) => {
    const jobFile = join(scratch, `job-${n}.json`);
    const resultFile = join(scratch, `result-${n}.bin`);
    writeFileSync(jobFile, JSON.stringify({ paths: share, root: config.root }));
    const child = spawn(process.execPath, [workerFile, jobFile, resultFile], { stdio: ['ignore', 'ignore', 'inherit'] });
    return new Promise<SourceFile[]>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => {
        if (code === 0) resolve(deserialize(readFileSync(resultFile)) as SourceFile[]);
        else reject(new InternalError(`a parser process exited with code ${String(code)}`));
      });
    });
  });
  const own = shares[0]!.map((path, i) => {
    if ((i + 1) % 500 === 0) options.onProgress?.((i + 1) * (workers + 1), paths.length);
    return readSource(path, config.root);
  });
  let parts: SourceFile[][];
  try {
    parts = [own, ...(await Promise.all(pending))];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const parsed = new Map(parts.flat().map((file) => [file.path, file]));
  const files = paths.map((path) => parsed.get(relativePath(config.root, path)) ?? readListed(listing, path, config.root));
  options.onProgress?.(files.length, paths.length);
  return { config, files, records: buildRecords(files) };
}

/** Pure: parsed files → entity records with schema issues. */
export function buildRecords(files: readonly SourceFile[]): EntityRecord[] {
  const records: EntityRecord[] = [];
  for (const source of files) {
    if (source.syntaxProblems.length > 0 || typeof source.value !== 'object' || source.value === null) continue;
    const data = source.value as Record<string, unknown>;
    const kind = isKind(data['kind']) ? data['kind'] : undefined;
    const id = typeof data['id'] === 'string' ? data['id'] : undefined;
    records.push({ source, data, kind, id, schemaIssues: validateEntity(data) });
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
  const visited = new Set<string>();
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
      const path = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          isFile = YAML_FILE.test(entry.name); // a dangling link: reported as unreadable
        }
      }
      if (isDirectory) walk(path);
      // A FIFO, socket or device with a YAML name is listed too: reading it is refused with a finding, never a hang.
      else if (YAML_FILE.test(entry.name) && (isFile || !entry.isSymbolicLink())) {
        found.push(path);
        if (!isFile) notRegular.add(path);
      }
    }
  };
  walk(folder);
  return { paths: found.sort(), notRegular };
}
