// loadRegister(): every *.yaml/*.yml below the register folder → parsed files and entity records. The only reader of register files.
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { RegisterError } from '../errors.js';
import { translator } from '../i18n/index.js';
import { isKind, validateEntity, type Kind, type SchemaIssue } from '../schema/validate.js';
import type { Config } from './config.js';
import { decodeSource, type SourceFile } from './source.js';

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

export function loadRegister(config: Config): LoadedRegister {
  const folder = join(config.root, config.register);
  const paths = listYamlFiles(folder, config);
  const files = paths.map((path) => readSource(path, config.root));
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

function readSource(path: string, root: string): SourceFile {
  const relativePath = relative(root, path).split(sep).join('/');
  try {
    return decodeSource(relativePath, readFileSync(path));
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return {
      ...decodeSource(relativePath, new Uint8Array()),
      syntaxProblems: [{ message: { id: 'fileUnreadable', data: { code } }, position: { line: 1, column: 1 } }],
    };
  }
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
