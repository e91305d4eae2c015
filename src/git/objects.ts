// readTreeFiles(): the files of one folder at a commit, read from git's objects (ls-tree and one cat-file --batch),
// without a checkout: what --changed lints as the base register.
import { spawn } from 'node:child_process';
import { runGit } from './run.js';

export interface TreeFile {
  /** Path from the repository's top, with / separators. */
  readonly path: string;
  readonly bytes: Buffer;
}

/**
 * Every regular file below `folder` (a path from the top, '.' for all) at `commit` whose path passes `wanted`.
 * Links (mode 120000) and submodules are left out, as the working-tree loader never follows a link out of the register.
 */
export async function readTreeFiles(cwd: string, commit: string, folder: string, wanted: (path: string) => boolean): Promise<TreeFile[]> {
  const listing = await runGit(cwd, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', folder === '.' ? '.' : folder]);
  const entries: Array<{ oid: string; path: string }> = [];
  for (const line of listing.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = line.slice(0, tab).split(' ');
    const path = line.slice(tab + 1);
    if (type === 'blob' && mode !== '120000' && oid !== undefined && wanted(path)) entries.push({ oid, path });
  }
  if (entries.length === 0) return [];
  const contents = await catFileBatch(cwd, entries.map((entry) => entry.oid));
  return entries.map((entry, i) => ({ path: entry.path, bytes: contents[i]! }));
}

/** The contents of blobs, in the order asked, through one `git cat-file --batch` process. */
function catFileBatch(cwd: string, oids: readonly string[]): Promise<Buffer[]> {
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
      const blobs: Buffer[] = [];
      let at = 0;
      for (const oid of oids) {
        // Each object: "<oid> <type> <size>\n<content>\n" (or "<oid> missing\n").
        const newline = out.indexOf(10, at);
        const header = out.subarray(at, newline).toString('latin1').split(' ');
        if (header[1] === 'missing' || newline < 0) return reject(new Error(`git cat-file --batch: object ${oid} missing`));
        const size = Number(header[2]);
        blobs.push(out.subarray(newline + 1, newline + 1 + size));
        at = newline + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.on('error', () => undefined); // a git that failed early closes its input; the exit code says why
    child.stdin.end(`${oids.join('\n')}\n`);
  });
}
