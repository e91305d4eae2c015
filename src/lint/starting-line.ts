// The starting line of itreg-suppressions.json applied to a lint: --suppress-all records it, --prune-suppressions trims it.
import { translator } from '../i18n/index.js';
import type { Config } from '../register/config.js';
import type { Ran } from './changes.js';
import type { LintResult } from './run-rules.js';
import { applySuppressions, pruneSuppressions, recordSuppressions } from './suppressions.js';
import { readSuppressions, SUPPRESSIONS_FILE, writeSuppressions } from './suppressions-file.js';

export interface StartingLineOptions {
  readonly suppressAll?: boolean;
  readonly pruneSuppressions?: boolean;
  /** The day --suppress-all records its entries on. */
  readonly today: () => string;
  /** A line for the user (what was written or pruned). */
  readonly note: (line: string) => void;
}

/**
 * itreg-suppressions.json (DESIGN "Starting from today's state"): --suppress-all records every current finding,
 * --prune-suppressions drops the entries whose finding is gone; findings it holds are counted, not reported.
 * Fingerprints are taken over the lint's findings before paths, --changed or --quiet select some. --changed lints
 * only what the change reaches (every finding of a check it runs, so fingerprints agree with a full lint's): an entry
 * counts as unused only where it ran (`ran`), and --suppress-all and --prune-suppressions have it lint everything.
 */
export function applyStartingLine(config: Config, full: LintResult, options: StartingLineOptions, ran?: Ran): LintResult {
  const t = translator(config.language);
  const { note } = options;
  let entries = readSuppressions(config.root);
  if (options.suppressAll) {
    entries = recordSuppressions(full, entries ?? [], options.today());
    writeSuppressions(config.root, entries);
    note(t({ id: 'suppressionsWritten', data: { file: SUPPRESSIONS_FILE, count: { count: entries.length, of: 'finding' } } }));
  }
  if (entries === undefined) {
    if (options.pruneSuppressions) note(t({ id: 'suppressionsNone', data: { file: SUPPRESSIONS_FILE } }));
    return full;
  }
  const result = applySuppressions(full, entries, ran);
  if (!options.pruneSuppressions) return result;
  const kept = pruneSuppressions(entries, result);
  if (kept.length < entries.length) writeSuppressions(config.root, kept);
  const notJudged = result.summary.notJudgedSuppressions ?? 0;
  const keptNote = notJudged > 0 ? { id: 'suppressionsKeptNotJudged' as const, data: { count: { count: notJudged, of: 'entry' as const } } } : undefined;
  note(t({ id: 'suppressionsPruned', data: { file: SUPPRESSIONS_FILE, count: { count: entries.length - kept.length, of: 'unusedEntry' }, kept: keptNote } }));
  return { ...result, unusedSuppressions: [], summary: { ...result.summary, unusedSuppressions: 0 } };
}
