// The path index a parsed file keeps: source offsets of every key and value by JSON path, so that a finding's path
// becomes a line and column without the YAML nodes (Spectral's getRangeForJsonPath).

/**
 * Entry i is `paths[i]` (steps joined with NUL; '' is the document's top mapping) at `offsets[2i]` (its key's offset,
 * or -1) and `offsets[2i + 1]` (its value's; for a key with no value (`name:`), where the value would start); each
 * path once, in document order. Two flat lists rather than an object of pairs: a generated file with 160,000 keys
 * made 160,000 pairs and a dictionary of as many property names, a fifth of its parse. Plain data, so --cache can
 * store it.
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

/**
 * Where the last look-up of an index ended, and its entry numbers by path once a look-up needed them. Findings come
 * in document order (a rule's hits, file by file), so the next look-up is most often at or just after the last one:
 * 160,000 unknown fields are looked up without a map of 160,000 paths.
 */
interface LookUp {
  next: number;
  byPath: Map<string, number> | undefined;
}
const lookUps = new WeakMap<PathIndex, LookUp>();
/** How many entries after the last look-up are tried before the map. */
const NEAR = 8;

/** The [key offset, value offset] of a path. */
export function entryAt(index: PathIndex, path: string): readonly [number, number] | undefined {
  const { paths, offsets } = index;
  let lookUp = lookUps.get(index);
  if (lookUp === undefined) {
    lookUp = { next: 0, byPath: undefined };
    lookUps.set(index, lookUp);
  }
  let i = lookUp.next;
  const near = Math.min(i + NEAR, paths.length);
  while (i < near && paths[i] !== path) i++;
  if (i === near) {
    if (lookUp.byPath === undefined) {
      lookUp.byPath = new Map();
      for (let j = 0; j < paths.length; j++) lookUp.byPath.set(paths[j]!, j);
    }
    const found = lookUp.byPath.get(path);
    if (found === undefined) return undefined;
    i = found;
  }
  lookUp.next = i + 1;
  return [offsets[2 * i]!, offsets[2 * i + 1]!];
}

/** Each path once: for a key that yaml keeps apart from an earlier one but that reads as the same (`1:` and `"1":`), the later entry, as the value has the later value. */
export function withUniquePaths(index: MutablePathIndex): MutablePathIndex {
  const last = new Map<string, number>();
  index.paths.forEach((path, i) => last.set(path, i));
  if (last.size === index.paths.length) return index;
  const unique = newPathIndex();
  index.paths.forEach((path, i) => {
    if (last.get(path) === i) addEntry(unique, path, index.offsets[2 * i]!, index.offsets[2 * i + 1]!);
  });
  return unique;
}

/** Every path's [key offset, value offset], as one object (prototype-free: "__proto__" is a path like any other). */
export function indexEntries(index: PathIndex): Record<string, [number, number]> {
  const entries = Object.create(null) as Record<string, [number, number]>;
  index.paths.forEach((path, i) => {
    entries[path] = [index.offsets[2 * i]!, index.offsets[2 * i + 1]!];
  });
  return entries;
}
