// Whole writes for import: every file an import writes is first listed, with its text, in one journal file; a run
// killed half-way leaves the journal, and the next import writes what it lists before anything else.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage, ItregError, UsageError } from '../errors.js';
import { createFile, refuseOutside, writeFileAtomic } from '../register/write.js';

export const JOURNAL_FILE = '.itreg-import-journal.json';

export interface JournalEntry {
  /** Absolute path. */
  readonly file: string;
  readonly text: string;
  /** A new file: never written over one that exists (one made by the interrupted run itself is kept as it is). */
  readonly create?: boolean;
}

function journalPath(root: string): string {
  return join(root, JOURNAL_FILE);
}

/** Whether an earlier import was killed before it finished writing. */
export function hasJournal(root: string): boolean {
  return existsSync(journalPath(root));
}

/** Writes every entry, each atomically; with the journal written first, a kill at any point can be completed. */
export function writeJournaled(root: string, entries: readonly JournalEntry[]): void {
  if (entries.length === 0) return;
  // Every target judged before the journal exists: a link out of the register stops the import with nothing written.
  for (const entry of entries) refuseOutside(root, entry.file);
  writeFileAtomic(journalPath(root), JSON.stringify(entries));
  completeJournal(root);
}

/** Writes what an interrupted import's journal lists, then removes it; the number of files, 0 when there was none. */
export function completeJournal(root: string): number {
  const path = journalPath(root);
  if (!existsSync(path)) return 0;
  let entries: JournalEntry[];
  try {
    entries = JSON.parse(readFileSync(path, 'utf8')) as JournalEntry[];
  } catch {
    // A journal cut short was never complete, so no file of it was written yet: nothing to finish.
    rmSync(path, { force: true });
    return 0;
  }
  for (const entry of entries) refuseOutside(root, entry.file);
  let written = 0;
  for (const entry of entries) {
    try {
      if (entry.create) createFile(entry.file, entry.text);
      else writeFileAtomic(entry.file, entry.text);
    } catch (error: unknown) {
      // A full disk, or something in a file's place: say how far it got; the journal stays for the next run.
      const detail = error instanceof ItregError ? (error.localized ?? error.message) : errorMessage(error);
      throw new UsageError({ id: 'importStopped', data: { written, total: entries.length, detail } });
    }
    written++;
  }
  rmSync(path, { force: true });
  return entries.length;
}
