// Reading files as they were at a commit straight from git's objects, without a checkout: what --changed lints as the
// base register, and what history's snapshots read.
import { spawn } from 'node:child_process';
import { runGit } from './run.js';

export interface TreeFile {
  /** Path from the repository's top, with / separators. */
  readonly path: string;
  readonly bytes: Buffer;
}

/** Above this many paths, listing the whole folder once is cheaper than naming each path (and keeps argv short). */
const MAX_NAMED_PATHS = 500;

/**
 * The regular files at `commit` among `paths` (paths from the top) that pass `wanted`; a path the commit lacks is left
 * out. Links (mode 120000) and submodules are left out too, as the working-tree loader never follows a link out of the
 * register. Many paths are listed as the whole `folder` once, and picked from it.
 */
export async function readTreeFiles(cwd: string, commit: string, folder: string, wanted: (path: string) => boolean, paths: readonly string[]): Promise<TreeFile[]> {
  if (paths.length === 0) return [];
  const named = paths.length <= MAX_NAMED_PATHS;
  // --literal-pathspecs: a file named `*.yaml` or `:(top)x` is that file, not a pattern.
  const listing = await runGit(cwd, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', commit, '--', ...(named ? paths : [folder === '.' ? '.' : folder])]);
  const only = named ? undefined : new Set(paths);
  const entries: Array<{ oid: string; path: string }> = [];
  for (const line of listing.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = line.slice(0, tab).split(' ');
    const path = line.slice(tab + 1);
    if (type === 'blob' && mode !== '120000' && oid !== undefined && wanted(path) && (only === undefined || only.has(path))) entries.push({ oid, path });
  }
  if (entries.length === 0) return [];
  const contents = await readObjects(
    cwd,
    entries.map((entry) => entry.oid),
  );
  return entries.flatMap((entry, i) => (contents[i] === undefined ? [] : [{ path: entry.path, bytes: contents[i] }]));
}

/**
 * The blob id of every regular file below `folder` (a path from `cwd`) at `commit`, by its path from `cwd`: what
 * --changed and --staged with --cache look their parsed files up by, without reading them. Links and submodules are
 * left out.
 */
export async function treeBlobs(cwd: string, commit: string, folder: string): Promise<Map<string, string>> {
  // Without --full-name, ls-tree names each path from `cwd`, as the register's files are named.
  const listing = await runGit(cwd, ['--literal-pathspecs', 'ls-tree', '-r', '-z', commit, '--', folder === '' ? '.' : folder]);
  const blobs = new Map<string, string>();
  let at = 0;
  while (at < listing.length) {
    let end = listing.indexOf('\0', at);
    if (end < 0) end = listing.length;
    // "<mode> blob <oid>\t<path>": 100644 and 100755 are regular files.
    if (listing.startsWith('100644 blob ', at) || listing.startsWith('100755 blob ', at)) {
      const tab = listing.indexOf('\t', at);
      if (tab > 0 && tab < end) blobs.set(listing.slice(tab + 1, end), listing.slice(at + 12, tab));
    }
    at = end + 1;
  }
  return blobs;
}

/** An object's header in `git cat-file --batch` output: "<oid> <type> <size>". */
const HEADER = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/;

/**
 * The contents of objects (ids, or anything git names an object by), in the order asked, through one
 * `git cat-file --batch` process instead of one process per object; undefined for a name git does not know.
 */
export function readObjects(cwd: string, names: readonly string[]): Promise<Array<Buffer | undefined>> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file --batch: ${stderr.trim() || `exit ${code}`}`));
      const out = Buffer.concat(chunks);
      const objects: Array<Buffer | undefined> = [];
      let at = 0;
      for (let i = 0; i < names.length; i++) {
        // Each object: "<oid> <type> <size>\n<content>\n", or "<name> missing\n" (also "ambiguous").
        const newline = out.indexOf(10, at);
        if (newline < 0) return reject(new Error(`git cat-file --batch: no answer for ${names[i]}`));
        const header = HEADER.exec(out.subarray(at, newline).toString('latin1'));
        if (header === null) {
          objects.push(undefined);
          at = newline + 1;
          continue;
        }
        const size = Number(header[3]);
        objects.push(out.subarray(newline + 1, newline + 1 + size));
        at = newline + 1 + size + 1;
      }
      resolve(objects);
    });
    child.stdin.on('error', () => undefined); // a git that failed early closes its input; the exit code says why
    child.stdin.end(`${names.join('\n')}\n`);
  });
}

/** Blobs by id as UTF-8 text (a missing one left out). */
export async function readTexts(cwd: string, ids: readonly string[]): Promise<Map<string, string>> {
  const contents = await readObjects(cwd, ids);
  const texts = new Map<string, string>();
  ids.forEach((id, i) => contents[i] !== undefined && texts.set(id, contents[i].toString('utf8')));
  return texts;
}
