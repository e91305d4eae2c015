// Redaction for publication: holder.name and notes removed, every personnummer or samordningsnummer replaced by ÅÅMMDD-XXXX.
import { identityNumberType } from '../rules/no-personal-identity-number.js';

// The candidates no-personal-identity-number looks at: 10 or 12 digits, an optional - or + before the last four.
const CANDIDATE = /(?<![\d])((?:18|19|20)?\d{6})[-+]?(\d{4})(?![\d])/g;
export const IDENTITY_NUMBER_MASK = 'ÅÅMMDD-XXXX';

export interface RedactionCount {
  names: number;
  notes: number;
  numbers: number;
}

/** The text with every valid identity number masked (invalid digit runs, such as phone numbers, stay). */
export function maskIdentityNumbers(text: string, count?: RedactionCount): string {
  if (!/\d{6}/.test(text)) return text;
  return text.replace(CANDIDATE, (match) => {
    if (identityNumberType(match) === undefined) return match;
    if (count) count.numbers++;
    return IDENTITY_NUMBER_MASK;
  });
}

/** A deep copy of a value with identity numbers masked in every string. */
export function maskDeep<T>(value: T, count?: RedactionCount): T {
  if (typeof value === 'string') return maskIdentityNumbers(value, count) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, count)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = maskDeep(item, count);
    return out as T;
  }
  return value;
}

/** An entity's data without holder.name and notes, identity numbers masked; counts what it removed. */
export function redactEntityData(data: Readonly<Record<string, unknown>>, count: RedactionCount): Record<string, unknown> {
  const copy = maskDeep(data as Record<string, unknown>, count);
  if ('notes' in copy) {
    delete copy['notes'];
    count.notes++;
  }
  const holder = copy['holder'];
  if (typeof holder === 'object' && holder !== null && 'name' in holder) {
    delete (holder as Record<string, unknown>)['name'];
    count.names++;
  }
  return copy;
}
