// readSource(): one register file from disk to a SourceFile; an unreadable file is a finding, not a crash.
import { closeSync, openSync, readSync } from 'node:fs';
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
    bytes = readBytes(path);
  } catch (error: unknown) {
    return unreadableSource(file, (error as NodeJS.ErrnoException).code ?? 'EIO');
  }
  return decodeSource(file, bytes);
}

/** One buffer for every file read: decodeSource() makes a string of the bytes at once, so none are kept. */
let scratch: Buffer = Buffer.allocUnsafe(1 << 16);

/**
 * A file's bytes, valid until the next call. readFileSync() would ask for the file's size first and allocate a buffer
 * per file: on 115,000 files one system call and 27 MB of short-lived buffers more.
 */
function readBytes(path: string): Uint8Array {
  const { buffer, end } = readInto({ openSync, readSync, closeSync }, path, scratch, 0);
  scratch = buffer;
  return buffer.subarray(0, end);
}

/** The file system calls readInto() makes, given to it: the read-ahead worker runs its source text. */
export interface FileCalls {
  openSync(path: string, flags: string): number;
  readSync(fd: number, buffer: Buffer, offset: number, length: number, position: null): number;
  closeSync(fd: number): void;
}

/**
 * Reads the file at `path` into `buffer` from `start`, in a larger copy when it does not fit: the buffer holding it,
 * and where the file ends in it. Self-contained (nothing from outside but its arguments and Buffer), since the
 * read-ahead worker is made of its source text.
 */
export function readInto(fs: FileCalls, path: string, buffer: Buffer, start: number): { buffer: Buffer; end: number } {
  const fd = fs.openSync(path, 'r');
  try {
    let end = start;
    for (;;) {
      if (end === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, end);
        buffer = larger;
      }
      const read = fs.readSync(fd, buffer, end, buffer.length - end, null);
      if (read === 0) return { buffer, end };
      end += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A file that cannot be read (or is no regular file, such as a FIFO): one finding, and the other files go on. */
export function unreadableSource(file: string, code: string): SourceFile {
  return problemFile(file, '', { id: 'fileUnreadable', data: { code } }, { line: 1, column: 1 });
}
