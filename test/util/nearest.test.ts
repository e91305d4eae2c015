// "Did you mean": the bounded index finds a candidate as close as a full scan would, on the register's own ids and
// on random ones.
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { NearestIndex, nearestName } from '../../src/util/nearest.js';

/** The closest distance a full scan finds, case-insensitive, when within the limit. */
function bruteForce(name: string, candidates: readonly string[]): number | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const best = Math.min(...candidates.map((c) => distance(name.toLowerCase(), c.toLowerCase())));
  return best <= limit ? best : undefined;
}

describe('nearestName', () => {
  it.each([
    ['aplications', ['applications', 'units', 'roles'], 'applications'],
    ['APP-0001-OWNR', ['app-0001-owner', 'app-0002-owner', 'app-0001-admin'], 'app-0001-owner'],
    ['gis', ['gis', 'gsi'], 'gis'],
    ['xyz', ['applications', 'municipalities'], undefined],
    ['munipality', ['municipality', 'type', 'name'], 'municipality'],
  ])('%s → %s', (name, candidates, expected) => {
    expect(nearestName(name, candidates)).toBe(expected);
  });

  it('finds a candidate as close as a full scan, on 300 random questions over 2,000 ids', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = (n: number) => Array.from({ length: n }, () => 'abcdef-0123'[Math.floor(random() * 11)]).join('');
    const ids = Array.from({ length: 2000 }, () => `app-${word(4 + Math.floor(random() * 6))}`);
    const index = new NearestIndex(ids);
    for (let q = 0; q < 300; q++) {
      const base = ids[Math.floor(random() * ids.length)]!;
      const at = Math.floor(random() * base.length);
      const edits = [base.slice(0, at) + base.slice(at + 1), base.slice(0, at) + 'x' + base.slice(at), base.slice(0, at) + 'z' + base.slice(at + 1), word(8)];
      const name = edits[q % edits.length]!;
      const found = index.nearest(name);
      const expected = bruteForce(name, ids);
      expect(found === undefined ? undefined : distance(name.toLowerCase(), found.toLowerCase())).toBe(expected);
    }
  });
});
