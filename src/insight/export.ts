// exportRegister(): the register for publication (it is an allmän handling) or other tools, with --redact dropping
// personal names and notes and masking every personnummer and samordningsnummer.
import type { RegisterModel, Entity } from '../model/register-model.js';
import { setOwnProperty } from '../register/plain-yaml.js';
import { kinds, type Kind } from '../schema/validate.js';
import { formatCsv, type CsvCell } from '../util/csv.js';
import type { Language } from '../i18n/index.js';
import type { EntityChange } from './history.js';
import { redactIdentityNumbers } from '../util/identity-number.js';

export interface Redaction {
  readonly names: number;
  readonly notes: number;
  /** Personnummer and samordningsnummer replaced by ÅÅMMDD-XXXX, in any string. */
  readonly identityNumbers: number;
  /** Suppliers' `contact`: a shared address by the schema, but it can be a person's name. */
  readonly contacts: number;
}

export interface Exported {
  /** The register's name, masked with --redact. */
  readonly name: string;
  readonly entities: Readonly<Record<Kind, readonly Record<string, unknown>[]>>;
  readonly redaction?: Redaction;
}

export interface RedactionCount {
  names: number;
  notes: number;
  identityNumbers: number;
  contacts: number;
}

/**
 * Every personnummer and samordningsnummer in any string of a value, keys included (an id can be a key), counted. Copies
 * only what changes: an array or object with no identity number beneath it is returned as it is, so masking a page's
 * view (site --redact) allocates next to nothing for the pages that hold none.
 */
export function maskIdentityNumbers<T>(value: T, count?: RedactionCount): T {
  if (typeof value === 'string') {
    const redacted = redactIdentityNumbers(value);
    if (count) count.identityNumbers += redacted.count;
    return redacted.text as T;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const masked = maskIdentityNumbers(item, count);
      if (masked !== item && !copy) copy = value.slice(0, i);
      copy?.push(masked);
    }
    return (copy ?? value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    let copy: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const item = (value as Record<string, unknown>)[key];
      const masked = maskIdentityNumbers(item, count);
      // A key can hold one too (an id as the key of `shares` or `population`); field names never match.
      const maskedKey = maskIdentityNumbers(key, count);
      if ((masked !== item || maskedKey !== key) && !copy) {
        copy = {};
        for (const k of keys.slice(0, i)) setOwnProperty(copy, k, (value as Record<string, unknown>)[k]);
      }
      if (copy) setOwnProperty(copy, maskedKey, masked);
    }
    return (copy ?? value) as T;
  }
  return value;
}

/**
 * An entity's data redacted: no holder.name, no notes, no supplier's contact, identity numbers masked (export and site --redact). Only what
 * changes is copied, and the input is never changed: data with none of them is returned as it is, so site --redact's
 * redacted model shares what it can with the one the register was linted on.
 */
export function redactEntity(data: Readonly<Record<string, unknown>>, count: RedactionCount): Readonly<Record<string, unknown>> {
  let copy = data;
  if ('notes' in data) {
    const { notes: _notes, ...rest } = data;
    copy = rest;
    count.notes++;
  }
  const holder = copy['holder'];
  if (typeof holder === 'object' && holder !== null && 'name' in holder) {
    const { name: _name, ...rest } = holder as Record<string, unknown>;
    copy = { ...copy, holder: rest };
    count.names++;
  }
  // A supplier's contact should be a shared address or phone number, but nothing stops it naming a person.
  if (copy['kind'] === 'Supplier' && 'contact' in copy) {
    const { contact: _contact, ...rest } = copy;
    copy = rest;
    count.contacts++;
  }
  return maskIdentityNumbers(copy, count);
}

/**
 * The history from git as a redacted site shows it: no author (a name of a person), no change of a note, a
 * holder's name or a supplier's contact, identity numbers masked and counted (in commit subjects too).
 */
export function redactHistory(changes: readonly EntityChange[], count: RedactionCount): EntityChange[] {
  // A note written as a map or list too; a supplier's contact as it was and became (a unit's contact is a
  // functional address, public like the unit itself, and stays).
  const hidden = (c: EntityChange, path: string) => /^(notes|holder\.name)(?:$|[.[])/.test(path) || (c.kind !== 'Unit' && /^contact(?:$|[.[])/.test(path));
  return changes.map((c) => maskIdentityNumbers({ ...c, author: '', fields: c.fields.filter((f) => !hidden(c, f.path)) }, count));
}

export function exportRegister(register: RegisterModel, redact: boolean, name: string): Exported {
  const count: RedactionCount = { names: 0, notes: 0, identityNumbers: 0, contacts: 0 };
  // The register's own name (itreg.yaml) is text like any other: masked too.
  const shownName = redact ? maskIdentityNumbers(name, count) : name;
  const strip = (entity: Entity): Record<string, unknown> =>
    redact ? redactEntity(entity as unknown as Record<string, unknown>, count) : (structuredClone(entity) as unknown as Record<string, unknown>);
  const entities = Object.fromEntries(kinds.map((kind) => [kind, register.ofKind(kind).map(strip)])) as Record<Kind, Record<string, unknown>[]>;
  return { name: shownName, entities, ...(redact ? { redaction: { ...count } } : {}) };
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
