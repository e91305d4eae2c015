// Turns a JSON path into the line and column of a key or value in the YAML document that was kept (Spectral's getRangeForJsonPath).
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Position, SourceFile } from './source.js';

export type JsonPath = readonly (string | number)[];

/** 'value' points at the value of the path's last step, 'key' at its key (for unknown fields). */
export type Target = 'key' | 'value';

/**
 * The position of `path` in `source`. When the path runs out of the document (a missing field),
 * the deepest node that exists is used, so a missing field points at its parent and a missing
 * top-level field at the entity's first line.
 */
export function locate(source: SourceFile, path: JsonPath, target: Target = 'value'): Position {
  const contents = source.document?.contents;
  if (!contents) return { line: 1, column: 1 };
  let node: Node = contents;
  let keyNode: Node | undefined;
  for (const step of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      keyNode = isScalar(pair.key) ? pair.key : undefined;
      if (!pair.value || !isNodeWithRange(pair.value)) {
        node = keyNode ?? node;
        break;
      }
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (!item || !isNodeWithRange(item)) break;
      node = item;
    } else {
      break;
    }
  }
  const chosen = target === 'key' && keyNode ? keyNode : node;
  return offsetToPosition(source, chosen.range?.[0] ?? 0);
}

export function offsetToPosition(source: SourceFile, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

function isNodeWithRange(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
