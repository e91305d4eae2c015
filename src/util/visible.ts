// Register text for people's screens and CI logs: control characters shown as escapes (\n, \u001b), so a name can
// neither forge a line (a GitHub "::error" workflow command, a fake finding) nor steer a terminal (colours, OSC 8
// hyperlinks, window titles, bidirectional overrides that reorder what is shown).

/** C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional formatting characters. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character written as an escape: "a\nb" → "a\\nb", ESC → "\\u001b". */
export function visible(text: string): string {
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A copy of parsed data with every string (keys too) made visible; other values as they are. */
export function visibleData<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) return value.map(visibleData) as T;
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty: a "__proto__" key stays data, never a prototype.
      Object.defineProperty(copy, visible(key), { value: visibleData(item), enumerable: true, writable: true, configurable: true });
    }
    return copy as T;
  }
  return value;
}
