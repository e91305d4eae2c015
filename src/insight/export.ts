// exportRegister(): the register for publication (it is an allmän handling) or other tools, with --redact dropping
// personal names and notes and masking every personnummer and samordningsnummer.
import type { RegisterModel, Entity } from '../register/model.js';
import { setOwnProperty } from '../register/plain-yaml.js';
import { kinds, type Kind } from '../schema/validate.js';
import { formatCsv, type CsvCell } from '../util/csv.js';
import type { Language } from '../i18n/index.js';
import { redactIdentityNumbers } from '../util/identity-number.js';

export interface Redaction {
  readonly names: number;
  readonly notes: number;
  /** Personnummer and samordningsnummer replaced by ÅÅMMDD-XXXX, in any string. */
  readonly identityNumbers: number;
}

export interface Exported {
  readonly entities: Readonly<Record<Kind, readonly Record<string, unknown>[]>>;
  readonly redaction?: Redaction;
}

export function exportRegister(register: RegisterModel, redact: boolean): Exported {
  let names = 0;
  let notes = 0;
  let identityNumbers = 0;
  // The detector no-personal-identity-number uses, over every string left (keys stay: they are field names and ids).
  const mask = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const redacted = redactIdentityNumbers(value);
      identityNumbers += redacted.count;
      return redacted.text;
    }
    if (Array.isArray(value)) return value.map(mask);
    if (typeof value === 'object' && value !== null) {
      const object = value as Record<string, unknown>;
      for (const key of Object.keys(object)) setOwnProperty(object, key, mask(object[key]));
    }
    return value;
  };
  const strip = (entity: Entity): Record<string, unknown> => {
    const copy = structuredClone(entity) as unknown as Record<string, unknown>;
    if (!redact) return copy;
    if ('notes' in copy) {
      delete copy['notes'];
      notes++;
    }
    const holder = copy['holder'] as Record<string, unknown> | undefined;
    if (holder && 'name' in holder) {
      delete holder['name'];
      names++;
    }
    return mask(copy) as Record<string, unknown>;
  };
  const entities = Object.fromEntries(kinds.map((kind) => [kind, register.ofKind(kind).map(strip)])) as Record<Kind, Record<string, unknown>[]>;
  return { entities, ...(redact ? { redaction: { names, notes, identityNumbers } } : {}) };
}

/** Flattens nested fields to dotted columns, lists joined with "; ", for one CSV per kind. */
export function toCsv(rows: readonly Record<string, unknown>[], language: Language): string {
  const flat = rows.map((row) => flatten(row));
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  return formatCsv([columns, ...flat.map((row) => columns.map((c) => row[c]))], language);
}

function flatten(value: unknown, prefix = '', out: Record<string, CsvCell> = {}): Record<string, CsvCell> {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) out[prefix] = value.map(String).join('; ');
    else out[prefix] = JSON.stringify(value);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, out);
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    out[prefix] = value; // a number keeps its type: the CSV writer gives it the language's decimal mark
  } else if (value !== undefined && value !== null) {
    out[prefix] = String(value);
  }
  return out;
}
