// Repairs text whose UTF-8 bytes were read as Latin-1 or Windows-1252 ("frÃ¥n" → "från"), and nothing else.

/** Windows-1252's characters for the bytes 0x80–0x9F (Latin-1 has control characters there; both are read back). */
const WINDOWS_1252: Readonly<Record<number, number>> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** The byte a character stands for when Latin-1 or Windows-1252 decoded it; undefined for any other character. */
function byteOf(code: number): number | undefined {
  if (code >= 0x80 && code <= 0xff) return code;
  return WINDOWS_1252[code];
}

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * What a repair may give: a letter, digit, mark, punctuation, symbol or space, never a control or format character
 * (U+0080–U+009F, a byte-order mark, U+2028) that would change how the text is read rather than what it says.
 */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;

/**
 * The one character the UTF-8 sequence starting at `text[i]` spells, read as Latin-1 or Windows-1252, and its length;
 * undefined where the characters are no such sequence.
 */
function sequenceAt(text: string, i: number): { char: string; length: number } | undefined {
  const lead = byteOf(text.charCodeAt(i));
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return undefined;
  const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  const bytes = new Uint8Array(length);
  bytes[0] = lead;
  for (let k = 1; k < length; k++) {
    const byte = i + k < text.length ? byteOf(text.charCodeAt(i + k)) : undefined;
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return undefined;
    bytes[k] = byte;
  }
  let char: string;
  try {
    char = strict.decode(bytes);
  } catch {
    return undefined; // overlong, a surrogate, beyond U+10FFFF
  }
  return PRINTABLE.test(char) ? { char, length } : undefined;
}

/** One pass: every sequence replaced by its character. */
function repairOnce(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const found = sequenceAt(text, i);
    if (found) {
      out += found.char;
      i += found.length;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

/**
 * `text` with every UTF-8 sequence that was read as Latin-1 or Windows-1252 turned back into its character. Text
 * damaged twice ("ÃƒÂ¥") is repaired as often as it takes, so that a repaired text has nothing left to repair.
 */
export function repairMojibake(text: string): string {
  // Each round that changes anything makes the text shorter (two to four characters become one), so this ends.
  let current = text;
  for (let next = repairOnce(current); next !== current; next = repairOnce(current)) current = next;
  return current;
}
