// Turns a JSON path into the line and column of a key or value, from the path index kept at parse time
// (Spectral's getRangeForJsonPath).
import { entryAt, PATH_SEPARATOR } from './path-index.js';
import type { JsonPath, Target } from '../types/json-path.js';
import { pathIndexOf, positionAt, type Position, type SourceFile } from './source.js';

export type { JsonPath, Target } from '../types/json-path.js';

/**
 * The position of `path` in `source`. When the path runs out of the document (a missing field), the deepest
 * part that exists is used, so a missing field points at its parent and a missing top-level field at the
 * entity's first line.
 */
export function locate(source: SourceFile, path: JsonPath, target: Target = 'value'): Position {
  return positionAt(source.text, offsetOf(source, path, target));
}

export function offsetOf(source: SourceFile, path: JsonPath, target: Target = 'value'): number {
  const index = pathIndexOf(source);
  for (let length = path.length; length >= 0; length--) {
    // A one-step path (most unknown fields) is its step: no array or string to make.
    const entry = entryAt(index, length === 1 ? String(path[0]) : path.slice(0, length).join(PATH_SEPARATOR));
    if (!entry) continue;
    const [key, value] = entry;
    return target === 'key' && length === path.length && key >= 0 ? key : value;
  }
  return 0;
}
