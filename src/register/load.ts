// loadRegister(): every *.yaml/*.yml below the register folder → parsed files and entity records. The only reader of register files.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RegisterError } from '../errors.js';
import { translator } from '../i18n/index.js';
import { isKind, validateEntity, type Kind, type SchemaIssue } from '../schema/validate.js';
import type { Config } from './config.js';
import { readSource } from './read.js';
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

/** Loads the register in this thread: for tests, small registers and commands that need no speed. */
export function loadRegister(config: Config): LoadedRegister {
  const paths = listYamlFiles(join(config.root, config.register), config);
  const files = paths.map((path) => readSource(path, config.root));
  return { config, files, records: buildRecords(files) };
}

export interface LoadOptions {
  /**
   * Worker threads to parse with besides this one. Default: one per further core (at most 3), for 1,000 files or
   * more on 4 or more cores; on 2 cores `npm run bench` measured them slower than one thread (see README).
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

/** Loads the register with worker threads on large registers, keeping positions exact (each file is parsed whole). */
export async function loadRegisterParallel(config: Config, options: LoadOptions = {}): Promise<LoadedRegister> {
  const paths = listYamlFiles(join(config.root, config.register), config);
  const cache = options.cache;
  const cores = availableParallelism();
  const workers = cache ? 0 : (options.workers ?? (paths.length >= WORKER_THRESHOLD && cores >= 4 ? Math.min(3, cores - 1) : 0));
  const read = (path: string) => (cache ? cache.read(path, config.root) : readSource(path, config.root));
  if (workers <= 0) {
    const files: SourceFile[] = [];
    for (const path of paths) {
      files.push(read(path));
      if (files.length % 500 === 0) options.onProgress?.(files.length, paths.length);
    }
    return { config, files, records: buildRecords(files) };
  }
  // Round-robin shares keep the work even; this thread parses share 0 while the workers parse the rest.
  const shares = Array.from({ length: workers + 1 }, (_, share) => paths.filter((_path, i) => i % (workers + 1) === share));
  const workerUrl = new URL('./parse-worker.js', import.meta.url);
  const pending = shares.slice(1).map(
    (share) =>
      new Promise<SourceFile[]>((resolve, reject) => {
        const worker = new Worker(workerUrl, { workerData: { paths: share, root: config.root } });
        worker.once('message', (files: SourceFile[]) => {
          resolve(files);
          void worker.terminate();
        });
        worker.once('error', reject);
      }),
  );
  const own = shares[0]!.map((path, i) => {
    if ((i + 1) % 500 === 0) options.onProgress?.((i + 1) * (workers + 1), paths.length);
    return readSource(path, config.root);
  });
  const parts = [own, ...(await Promise.all(pending))];
  const files = paths.map((_path, i) => parts[i % (workers + 1)]![Math.floor(i / (workers + 1))]!);
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
function listYamlFiles(folder: string, config: Config): string[] {
  const t = translator(config.language);
  try {
    if (!statSync(folder).isDirectory()) throw new Error('ENOTDIR');
  } catch {
    throw new RegisterError(t({ id: 'registerMissing', data: { folder: relative(process.cwd(), folder) || '.' } }));
  }
  const found: string[] = [];
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
      else if (isFile && YAML_FILE.test(entry.name)) found.push(path);
    }
  };
  walk(folder);
  return found.sort();
}
