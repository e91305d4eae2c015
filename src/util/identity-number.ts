// Swedish personnummer and samordningsnummer in free text: the one detector that the no-personal-identity-number
// rule and export --redact share, so what lint flags is exactly what redaction removes.
import { daysInMonth } from './dates.js';

export type IdentityNumberType = 'personnummer' | 'samordningsnummer';

export interface IdentityNumberMatch {
  readonly index: number;
  readonly length: number;
  readonly type: IdentityNumberType;
}

/**
 * 10 or 12 digits, with an optional separator before the last four: '-' or '+' (Skatteverket's forms), or the ones
 * people type or word processors make of them: a space, a no-break space, an en dash, a minus sign. Not part of a
 * longer number.
 */
const CANDIDATE = /(?<![\d])((?:18|19|20)?\d{6})([-+ \u00a0\u2013\u2212]?)(\d{4})(?![\d])/g;

const SIX_DIGITS = /\d{6}/;

/** The type of a valid Swedish identity number (date part and Luhn check digit), or undefined. */
export function identityNumberType(text: string): IdentityNumberType | undefined {
  const plus = text.includes('+');
  const digits = text.replace(/[-+ \u00a0\u2013\u2212]/g, '');
  if (!/^\d{10}(\d{2})?$/.test(digits)) return undefined;
  const ten = digits.slice(-10);
  const century = digits.length === 12 ? Number(digits.slice(0, 2)) : undefined;
  if (century !== undefined && (century < 18 || century > 20)) return undefined;
  const yy = Number(ten.slice(0, 2));
  const month = Number(ten.slice(2, 4));
  let day = Number(ten.slice(4, 6));
  const coordination = day > 60;
  if (coordination) day -= 60;
  if (month < 1 || month > 12 || day < 1) return undefined;
  // A '+' says the holder is a hundred or older: born in the 1900s at the latest (1900 was no leap year). Without a
  // century or a '+', 29 February is valid whenever some century makes the year a leap year.
  const year = century !== undefined ? century * 100 + yy : plus ? 1900 + yy : yy % 4 === 0 ? 2000 + yy : 1900 + yy;
  if (day > daysInMonth(year, month)) return undefined;
  return luhnValid(ten) ? (coordination ? 'samordningsnummer' : 'personnummer') : undefined;
}

function luhnValid(ten: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let value = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10 === Number(ten[9]);
}

/** Every valid identity number in `text`, in order. */
export function findIdentityNumbers(text: string): IdentityNumberMatch[] {
  const found: IdentityNumberMatch[] = [];
  if (!SIX_DIGITS.test(text)) return found; // every candidate has its date's six digits in a row
  for (const match of text.matchAll(CANDIDATE)) {
    const type = identityNumberType(match[0]);
    if (type) found.push({ index: match.index, length: match[0].length, type });
  }
  return found;
}

/** What export --redact writes in place of a number. */
export const REDACTED_IDENTITY_NUMBER = 'ÅÅMMDD-XXXX';

/** `text` with every identity number replaced by ÅÅMMDD-XXXX, and how many there were. */
export function redactIdentityNumbers(text: string): { text: string; count: number } {
  const found = findIdentityNumbers(text);
  if (found.length === 0) return { text, count: 0 };
  let out = '';
  let at = 0;
  for (const match of found) {
    out += text.slice(at, match.index) + REDACTED_IDENTITY_NUMBER;
    at = match.index + match.length;
  }
  return { text: out + text.slice(at), count: found.length };
}
