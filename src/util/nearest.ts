// "Did you mean …?": the closest known name by edit distance (case-insensitive), as ESLint and Spectral suggest,
// bounded so that a national register with a thousand broken references does not pay a thousand full scans.
import { distance } from 'fastest-levenshtein';

/** The largest distance still taken for a typo of `name`. */
function limitFor(name: string): number {
  return Math.max(2, Math.floor(name.length / 3));
}

/** The candidate closest to `name`, or undefined when none is close enough to be a likely typo (ties: the first). */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  // One scan, for the small lists most questions have (field names, kinds); NearestIndex for many questions over many.
  const query = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = limitFor(name) + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - query.length) >= bestDistance) continue;
    const d = distance(query, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}

/**
 * The names one "did you mean" searches, sorted and lower-cased once, for many questions over a large set (every
 * broken reference of a kind asks the same ids). A question looks at the exact name first, then walks outwards from
 * where the name would sort, since a typo mostly keeps the beginning: a candidate one edit away is then found at
 * once and ends the search. Candidates whose length alone puts them further than the best so far are skipped
 * without computing a distance (fastest-levenshtein's bit-parallel Myers otherwise).
 */
export class NearestIndex {
  private readonly names: readonly string[];
  private readonly lower: readonly string[];
  private readonly exact = new Map<string, string>();
  private readonly order: readonly number[];

  constructor(candidates: Iterable<string>) {
    // Keep the first of names equal but for case, and the order of first appearance for ties.
    const seen: Array<{ name: string; lower: string; order: number }> = [];
    for (const name of candidates) {
      const lower = name.toLowerCase();
      if (this.exact.has(lower)) continue;
      this.exact.set(lower, name);
      seen.push({ name, lower, order: seen.length });
    }
    seen.sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0));
    this.names = seen.map((s) => s.name);
    this.lower = seen.map((s) => s.lower);
    this.order = seen.map((s) => s.order);
  }

  nearest(name: string): string | undefined {
    const query = name.toLowerCase();
    const same = this.exact.get(query);
    if (same !== undefined) return same;
    const limit = limitFor(name);
    let best = -1;
    let bestDistance = limit + 1;
    const consider = (i: number): void => {
      const candidate = this.lower[i]!;
      if (Math.abs(candidate.length - query.length) > bestDistance) return;
      const d = distance(query, candidate);
      // Ties among those seen go to the candidate given first.
      if (d < bestDistance || (d === bestDistance && best >= 0 && this.order[i]! < this.order[best]!)) {
        best = i;
        bestDistance = d;
      }
    };
    // Outwards from the place the name would sort, one step left and one right at a time.
    let right = this.insertionPoint(query);
    let left = right - 1;
    while (left >= 0 || right < this.lower.length) {
      if (right < this.lower.length) consider(right++);
      if (left >= 0) consider(left--);
      // Nothing is closer than one edit (the exact name was looked up first): a tie found later cannot win.
      if (bestDistance === 1) break;
    }
    return best >= 0 ? this.names[best] : undefined;
  }

  private insertionPoint(query: string): number {
    let low = 0;
    let high = this.lower.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.lower[middle]! < query) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
