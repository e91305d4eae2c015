// readSource(): one register file from disk to a SourceFile; an unreadable file is a finding, not a crash.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { decodeSource, problemFile, type SourceFile } from './source.js';

export function relativePath(root: string, path: string): string {
  // The common case, a file below the root, without path.relative's normalising (which costs on 10,000 files).
  const prefix = root.endsWith(sep) ? root : root + sep;
  const inside = path.startsWith(prefix) ? path.slice(prefix.length) : relative(root, path);
  return sep === '/' ? inside : inside.split(sep).join('/');
}

export function readSource(path: string, root: string): SourceFile {
  const file = relativePath(root, path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error: unknown) {
    return unreadableSource(file, (error as NodeJS.ErrnoException).code ?? 'EIO');
  }
  return decodeSource(file, bytes);
}

/** A file that cannot be read (or is no regular file, such as a FIFO): one finding, and the other files go on. */
export function unreadableSource(file: string, code: string): SourceFile {
  return problemFile(file, '', { id: 'fileUnreadable', data: { code } }, { line: 1, column: 1 });
}
