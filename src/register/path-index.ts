// The path index a parsed file keeps: source offsets of every key and value by JSON path, so that a finding's path
// becomes a line and column without the YAML nodes (Spectral's getRangeForJsonPath).

/**
 * [key offset or -1, value offset] by path (steps joined with NUL); '' is the document's top mapping. For a key with
 * no value (`name:`) the value offset is where the value would start.
 */
export type PathIndex = Readonly<Record<string, readonly [number, number]>>;

/** A path index being built by a parser. */
export type MutablePathIndex = Record<string, [number, number]>;

export const PATH_SEPARATOR = '\u0000';

/** The index path of a key or position below `path`. */
export function joinPath(path: string, step: string | number): string {
  return path === '' ? String(step) : path + PATH_SEPARATOR + step;
}

/**
 * A new, empty index without a prototype: a path such as "__proto__" or "constructor" (a top-level key of that name)
 * is an entry like any other, never the object's prototype or one of its methods.
 */
export function newPathIndex(): MutablePathIndex {
  return Object.create(null) as MutablePathIndex;
}

/** The entry of a path, own entries only (an index read back from the --cache has a prototype again). */
export function entryAt(index: PathIndex, path: string): readonly [number, number] | undefined {
  return Object.hasOwn(index, path) ? index[path] : undefined;
}
