// File writing for commands that create files: atomic (temp file + rename), and never over an existing file unless asked.
import { linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

function temporaryName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/** Writes `text` to `file` through a temporary file and a rename, so a reader never sees half a file. */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  const temporary = temporaryName(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error: unknown) {
    rmSync(temporary, { force: true });
    throw new UsageError({ id: 'cannotWrite', data: { file, code: (error as NodeJS.ErrnoException).code ?? String(error) } });
  }
}

/** Writes a new file atomically; false (and nothing written) when the file already exists. */
export function createFile(file: string, text: string): boolean {
  const temporary = temporaryName(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, text);
    // A hard link fails with EEXIST instead of replacing: no window in which an existing file is overwritten.
    linkSync(temporary, file);
    return true;
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UsageError({ id: 'cannotWrite', data: { file, code: (error as NodeJS.ErrnoException).code ?? String(error) } });
  } finally {
    rmSync(temporary, { force: true });
  }
}
