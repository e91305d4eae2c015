// A unified diff of two texts (as `diff -u` and `git diff` print it), for showing a change without making it.

interface Operation {
  readonly type: ' ' | '-' | '+';
  /** The line with its line end, if it has one. */
  readonly line: string;
}

/** The lines of a text, each with its "\n" (the last one may have none). */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Above this many cells the middle is shown as all removed and all added rather than compared line by line. */
const MAX_CELLS = 4_000_000;

/** The edit script between two line lists: common ends first, then a longest common subsequence of the middle. */
function operationsOf(before: readonly string[], after: readonly string[]): Operation[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const ops: Operation[] = before.slice(0, start).map((line) => ({ type: ' ', line }));
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  if (a.length * b.length > MAX_CELLS) {
    ops.push(...a.map((line) => ({ type: '-' as const, line })), ...b.map((line) => ({ type: '+' as const, line })));
  } else {
    // lengths[i][j]: the longest common subsequence of a[i…] and b[j…].
    const width = b.length + 1;
    const lengths = new Uint32Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        ops.push({ type: ' ', line: a[i++]! });
        j++;
      } else if (i < a.length && (j === b.length || lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
        ops.push({ type: '-', line: a[i++]! }); // removals before additions, as diff prints them
      } else {
        ops.push({ type: '+', line: b[j++]! });
      }
    }
  }
  ops.push(...before.slice(endBefore).map((line) => ({ type: ' ' as const, line })));
  return ops;
}

function printed(op: Operation): string {
  return op.line.endsWith('\n') ? `${op.type}${op.line}` : `${op.type}${op.line}\n\\ No newline at end of file\n`;
}

/** "start,count" of a hunk's side, as diff prints it (an empty side names the line before it). */
function range(start: number, count: number): string {
  return count === 0 ? `${start},0` : count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

/**
 * The hunks of a unified diff from `before` to `after` with `context` lines around each change; '' when the texts are
 * equal. No file header: the caller names the files.
 */
export function unifiedHunks(before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = operationsOf(linesOf(before), linesOf(after));
  const changed = ops.flatMap((op, index) => (op.type === ' ' ? [] : [index]));
  let out = '';
  let k = 0;
  while (k < changed.length) {
    // A hunk runs from the first change to the last one less than 2 × context unchanged lines after the one before.
    let last = k;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * context + 1) last++;
    const from = Math.max(0, changed[k]! - context);
    const to = Math.min(ops.length, changed[last]! + context + 1);
    let oldStart = 0;
    let newStart = 0;
    for (const op of ops.slice(0, from)) {
      if (op.type !== '+') oldStart++;
      if (op.type !== '-') newStart++;
    }
    const hunk = ops.slice(from, to);
    const oldCount = hunk.filter((op) => op.type !== '+').length;
    const newCount = hunk.filter((op) => op.type !== '-').length;
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${hunk.map(printed).join('')}`;
    k = last + 1;
  }
  return out;
}
