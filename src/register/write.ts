// File writing for commands that create files: atomic (temp file + rename), and never over an existing file unless asked.
import { existsSync, linkSync, lstatSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { UsageError } from '../errors.js';

/** The one-line error for a write that failed: a name too long for the file system says which name. */
function writeError(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  if (code === 'ENAMETOOLONG') return new UsageError({ id: 'nameTooLong', data: { file, length: Buffer.byteLength(basename(file)) } });
  return new UsageError({ id: 'cannotWrite', data: { file, code } });
}

/** Removes a temporary file if it is there; a path that cannot hold one (below a file: ENOTDIR) has nothing to remove. */
function removeTemporary(temporary: string): void {
  try {
    rmSync(temporary, { force: true });
  } catch {
    // Nothing was written there.
  }
}

function temporaryName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Creates `folder` and any missing parents one level at a time. mkdirSync's recursive mode loops for ever where a
 * parent cannot be made (under /proc); made one by one, the first refusal is an error.
 */
export function makeFolder(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    try {
      if (!statSync(current).isDirectory()) throw Object.assign(new Error(`${current} is not a folder`), { code: 'ENOTDIR' });
      break;
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(current) === current) throw error;
      missing.push(current);
    }
  }
  for (const part of missing.reverse()) mkdirSync(part);
}

/** makeFolder() for a command's output or target folder: a folder that cannot be made is one line, exit 2. */
export function makeFolders(folder: string): void {
  try {
    makeFolder(folder);
  } catch (error: unknown) {
    throw writeError(folder, error);
  }
}

/**
 * Refuses to replace what is not a regular file: a FIFO, a device (/dev/full), a folder, or a link (whose target the
 * user may not mean; `replaceLink` for files itreg owns, such as a hook). Nothing there is fine.
 */
function refuseNonRegular(file: string, replaceLink: boolean): void {
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return;
  }
  if (stat.isFile() || (replaceLink && stat.isSymbolicLink())) return;
  const what = stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'folder' : stat.isFIFO() ? 'fifo' : stat.isSocket() ? 'socket' : 'device';
  throw new UsageError({ id: 'outputNotRegular', data: { file, what: { id: `outputIs${what[0]!.toUpperCase()}${what.slice(1)}` as 'outputIsLink' } } });
}

/** Writes `text` to `file` through a temporary file and a rename, so a reader never sees half a file. */
export function writeFileAtomic(file: string, text: string | Uint8Array, options: { replaceLink?: boolean } = {}): void {
  refuseNonRegular(file, options.replaceLink === true);
  const temporary = temporaryName(file);
  try {
    makeFolder(dirname(file));
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error: unknown) {
    removeTemporary(temporary);
    throw writeError(file, error);
  }
}

/** Writes a new file atomically; false (and nothing written) when the file already exists. */
export function createFile(file: string, text: string | Uint8Array): boolean {
  const temporary = temporaryName(file);
  try {
    makeFolder(dirname(file));
    writeFileSync(temporary, text);
    // A hard link fails with EEXIST instead of replacing: no window in which an existing file is overwritten.
    linkSync(temporary, file);
    return true;
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw writeError(file, error);
  } finally {
    removeTemporary(temporary);
  }
}

/**
 * Renames `from` to `to` without ever replacing a file there: false (nothing moved) when `to` exists. A hard link
 * fails with EEXIST instead of replacing; where the disk has no hard links, the name is checked just before renaming.
 */
export function renameNoReplace(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    unlinkSync(from);
    return true;
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw new UsageError({ id: 'cannotWrite', data: { file: to, code: code ?? String(error) } });
  }
  if (existsSync(to)) return false;
  try {
    renameSync(from, to);
    return true;
  } catch (error: unknown) {
    throw new UsageError({ id: 'cannotWrite', data: { file: to, code: (error as NodeJS.ErrnoException).code ?? String(error) } });
  }
}

/**
 * Refuses a write below `root` whose folder leads, through a link, outside `root`'s real folder (lint refuses to read
 * such a link): one line naming the link, exit 2. A file not below `root` as written (an explicit --dir) is not judged.
 */
export function refuseOutside(root: string, file: string): void {
  const within = relative(root, file);
  if (within.startsWith('..') || isAbsolute(within)) return;
  let folder = dirname(file);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(folder);
  } catch {
    return;
  }
  if (real === realRoot || real.startsWith(realRoot + sep)) return;
  let link = folder;
  let current = root;
  for (const part of relative(root, folder).split(sep)) {
    current = join(current, part);
    if (lstatSync(current).isSymbolicLink()) {
      link = current;
      break;
    }
  }
  throw new UsageError({ id: 'writeThroughLink', data: { link, target: real } });
}
