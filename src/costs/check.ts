// What keeps a bill from being trusted: files that did not load, items that cannot be split. One answer for costs, report and site.
import type { FileModel } from '../register/load.js';
import type { Message } from '../i18n/index.js';
import { locate } from '../register/positions.js';
import { unreadFiles } from '../register/unread.js';
import type { CostsResult } from './compute.js';

/** An item (or a file) a bill leaves out, with where and why. */
export interface LeftOut {
  /** `item`: a cost entity that cannot be split; `file`: a file that did not load, which may hold one. */
  readonly kind: 'item' | 'file';
  readonly id?: string;
  /** The item's name, or the file's path. */
  readonly name: string;
  /** file:line:column */
  readonly location: string;
  readonly reason: Message;
}

export interface CostsCheck {
  /** Everything left out: files first, then items (one entry per item, with its first problem). */
  readonly leftOut: readonly LeftOut[];
  /** The one line `costs` (and `report` without --draft) stops with, or undefined when the bill is whole. */
  readonly stop?: Message;
  /** The one line `--final` stops with when any item is preliminary, or undefined. */
  readonly notFinal?: Message;
}

/** " (+N; itreg lint lists them all)" for problems beyond the one shown. */
function moreProblems(count: number): Message | undefined {
  return count > 0 ? { id: 'moreProblems', data: { count } } : undefined;
}

/**
 * Checks a computed bill. A register with unreadable or invalid files could silently miss an item, and an item that
 * cannot be split would be missing from the totals: either stops the bill, naming the first place to fix.
 */
export function checkCosts(model: FileModel, result: CostsResult): CostsCheck {
  const files: LeftOut[] = unreadFiles(model).map((f) => ({ kind: 'file', name: f.path, location: f.location, reason: f.reason }));
  const items: LeftOut[] = [];
  const seen = new Set<string>();
  const locations: string[] = [];
  for (const problem of result.problems) {
    const source = model.recordOf(problem.entity).source;
    const { line, column } = locate(source, problem.path, problem.target ?? 'value');
    const location = `${source.path}:${line}:${column}`;
    locations.push(location);
    if (seen.has(problem.entity.id)) continue;
    seen.add(problem.entity.id);
    items.push({ kind: 'item', id: problem.entity.id, name: problem.entity.name, location, reason: problem.message });
  }
  const [file] = files;
  const [problem] = result.problems;
  let stop: Message | undefined;
  if (file) {
    stop = { id: 'costsNeedCleanRegister', data: { location: file.location, problem: file.reason, more: moreProblems(files.length - 1) } };
  } else if (problem) {
    stop = { id: 'costsEntityProblem', data: { location: locations[0], problem: problem.message, more: moreProblems(result.problems.length - 1) } };
  }
  const [fallback] = result.preliminary;
  let notFinal: Message | undefined;
  if (fallback) {
    const source = model.recordOf(fallback.entity).source;
    const { line, column } = locate(source, fallback.path, 'value');
    notFinal = { id: 'costsPreliminary', data: { year: result.year, location: `${source.path}:${line}:${column}`, problem: fallback.message, more: moreProblems(result.preliminary.length - 1) } };
  }
  return { leftOut: [...files, ...items], ...(stop ? { stop } : {}), ...(notFinal ? { notFinal } : {}) };
}
