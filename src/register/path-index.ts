// The path index a parsed file keeps: source offsets of every key and value by JSON path, so that a finding's path
// becomes a line and column without the YAML nodes (Spectral's getRangeForJsonPath).

/**
 * Entry i is `paths[i]` (steps joined with NUL; '' is the document's top mapping) at `offsets[2i]` (its key's offset,
 * or -1) and `offsets[2i + 1]` (its value's; for a key with no value (`name:`), where the value would start). A later
 * entry of a path replaces an earlier one. Two flat lists rather than an object of pairs: a generated file with
 * 160,000 keys made 160,000 pairs and a dictionary of as many property names, a fifth of its parse; the look-up map
 * is made on the first look-up, for the files with a finding. Plain data, so --cache can store it.
 */
export interface PathIndex {
  readonly paths: readonly string[];
  readonly offsets: readonly number[];
}

/** A path index being built by a parser. */
export interface MutablePathIndex extends PathIndex {
  readonly paths: string[];
  readonly offsets: number[];
}

export const PATH_SEPARATOR = '\u0000';

/** The index path of a key or position below `path`. */
export function joinPath(path: string, step: string | number): string {
  return path === '' ? String(step) : path + PATH_SEPARATOR + step;
}

export function newPathIndex(): MutablePathIndex {
  return { paths: [], offsets: [] };
}

/** Records where `path`'s key and value start. */
export function addEntry(index: MutablePathIndex, path: string, keyOffset: number, valueOffset: number): void {
  index.paths.push(path);
  index.offsets.push(keyOffset, valueOffset);
}

/** Each index's entry number by path (the last entry of a path), made on its first look-up. */
const lookups = new WeakMap<PathIndex, Map<string, number>>();

/** The [key offset, value offset] of a path. */
export function entryAt(index: PathIndex, path: string): readonly [number, number] | undefined {
  let lookup = lookups.get(index);
  if (lookup === undefined) {
    lookup = new Map();
    const { paths } = index;
    for (let i = 0; i < paths.length; i++) lookup.set(paths[i]!, i);
    lookups.set(index, lookup);
  }
  const i = lookup.get(path);
  return i === undefined ? undefined : [index.offsets[2 * i]!, index.offsets[2 * i + 1]!];
}

/** Every path's [key offset, value offset], as one object (prototype-free: "__proto__" is a path like any other). */
export function indexEntries(index: PathIndex): Record<string, [number, number]> {
  const entries = Object.create(null) as Record<string, [number, number]>;
  index.paths.forEach((path, i) => {
    entries[path] = [index.offsets[2 * i]!, index.offsets[2 * i + 1]!];
  });
  return entries;
}
