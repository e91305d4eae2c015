// The mapping as columns, both ways: a cell's text → a field's value (import), a field's value → a cell (export --map).
import { UsageError } from '../errors.js';
import { suggestNearest } from '../i18n/index.js';
import { fieldPaths, fieldSchema } from '../register/scaffold.js';
import type { Kind } from '../schema/validate.js';
import type { ImportMapping } from '../types/entities.generated.js';
import type { Cell } from './spreadsheet.js';

/** The roles a mapping can fill from columns, and the role each is. */
export const mappedRoles = { owner: 'system-owner', administrator: 'system-administrator' } as const;
export type MappedRole = keyof typeof mappedRoles;
export type RolePart = 'title' | 'unit' | 'name' | 'from';

/** Where a column's value goes: a field of the row's entity, or a part of one of its roles. */
export type ColumnTarget = { readonly type: 'field'; readonly path: readonly string[] } | { readonly type: 'role'; readonly role: MappedRole; readonly part: RolePart };

export interface MappedColumn {
  /** The header as the mapping writes it. */
  readonly header: string;
  /** One column may feed several targets (the owner's and the administrator's unit from one "Förvaltning"). */
  readonly targets: readonly ColumnTarget[];
  /** The mapping's `values` for this column: cell text → value. */
  readonly translations: Readonly<Record<string, unknown>> | undefined;
}

/** The field of a role part, as the RoleAssignment has it. */
export function rolePath(part: RolePart): string[] {
  return part === 'from' ? ['from'] : ['holder', part];
}

/** Headers compare without case and with white space folded: 'System ägare ' = 'system ägare'. */
export function headerKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The mapping's columns in its layout's order (`layout`, else the order the mapping names them), each with what it
 * fills; a field the kind does not have is a usage error before any row is read.
 */
/** A dotted field the mapping names (a column's or a constant's), as a path; one the kind lacks is a usage error. */
export function mappedField(kind: Kind, path: string): string[] {
  const steps = path.split('.');
  if (path === 'kind' || !fieldSchema(kind, steps)) throw new UsageError({ id: 'importUnknownField', data: { field: path, kind, suggestion: suggestNearest(path, fieldPaths(kind)) } });
  return steps;
}

export function mappedColumns(mapping: ImportMapping, kind: Kind): MappedColumn[] {
  const field = (path: string): string[] => mappedField(kind, path);
  if ((mapping.owner ?? mapping.administrator ?? mapping.vendor) && kind !== 'Application') throw new UsageError({ id: 'importRelatedNeedsApplication', data: { kind } });
  const byHeader = new Map<string, { header: string; targets: ColumnTarget[] }>();
  const add = (header: string, target: ColumnTarget): void => {
    const key = headerKey(header);
    const column = byHeader.get(key) ?? { header, targets: [] };
    column.targets.push(target);
    byHeader.set(key, column);
  };
  for (const [header, path] of Object.entries(mapping.columns)) add(header, { type: 'field', path: field(path) });
  if (mapping.vendor) {
    add(mapping.vendor.name, { type: 'field', path: ['vendor', 'name'] });
    if (mapping.vendor.product !== undefined) add(mapping.vendor.product, { type: 'field', path: ['vendor', 'product'] });
  }
  for (const role of Object.keys(mappedRoles) as MappedRole[]) {
    const columns = mapping[role];
    if (!columns) continue;
    for (const part of ['title', 'unit', 'name', 'from'] as const) {
      const header = columns[part];
      if (header !== undefined) add(header, { type: 'role', role, part });
    }
  }
  const values = new Map(Object.entries(mapping.values ?? {}).map(([header, table]) => [headerKey(header), table as Record<string, unknown>]));
  const order = (mapping.layout ?? []).map(headerKey);
  const columns = [...byHeader.entries()].map(([key, column]) => ({ ...column, key, translations: values.get(key) }));
  const rank = (key: string): number => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  return columns
    .map((column, index) => ({ column, index }))
    .sort((a, b) => rank(a.column.key) - rank(b.column.key) || a.index - b.index)
    .map(({ column: { header, targets, translations } }) => ({ header, targets, translations }));
}

/** A translation to `null` or `""` (or `~`): the field is absent. */
export const ABSENT = Symbol('absent');

function isAbsent(value: unknown): boolean {
  return value === null || value === '';
}

/** The translation of one text by a column's table (case and spacing ignored), ABSENT, or undefined when none. */
export function translateText(table: Readonly<Record<string, unknown>> | undefined, text: string): unknown {
  if (!table) return undefined;
  const key = Object.hasOwn(table, text) ? text : Object.keys(table).find((k) => headerKey(k) === headerKey(text));
  if (key === undefined) return undefined;
  return isAbsent(table[key]) ? ABSENT : table[key];
}

export function cellText(cell: Cell): string | undefined {
  if (cell === undefined) return undefined;
  const text = String(cell).trim();
  return text === '' ? undefined : text;
}

/** A Swedish or English number as typed in a sheet: '12 000', '1 234,50', '1234.5'; else undefined. */
export function parseNumber(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const normal = /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : undefined;
}

/** A yes or no as a spreadsheet writes it (`critical`, `member`), in either language; a mapping's `values` can add more. */
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['ja', true],
  ['nej', false],
  ['yes', true],
  ['no', false],
]);

/** The items of a list cell: split at `,` and `;`. */
export function listItems(text: string): string[] {
  return text
    .split(/\s*[,;]\s*/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * A cell's value for a field of `kind` (undefined: absent): the column's translation of the whole cell, else, for a
 * list field, each item translated (a translation to a list adds its items), else typed as the schema wants it.
 */
export function cellValue(cell: Cell, translations: MappedColumn['translations'], kind: Kind, path: readonly string[]): unknown {
  const text = cellText(cell);
  if (text === undefined) return undefined;
  const schema = fieldSchema(kind, path);
  const whole = translateText(translations, text);
  if (whole === ABSENT) return undefined;
  if (schema?.type === 'array') {
    if (whole !== undefined) return Array.isArray(whole) ? whole : [whole];
    const items = listItems(text).flatMap((item) => {
      const one = translateText(translations, item);
      if (one === ABSENT) return [];
      if (one === undefined) return [item];
      return Array.isArray(one) ? (one as unknown[]) : [one];
    });
    return items.length === 0 ? undefined : items;
  }
  if (whole !== undefined) return whole;
  if ((schema?.type === 'number' || schema?.type === 'integer') && typeof cell === 'string') return parseNumber(text) ?? text;
  if (schema?.type === 'boolean' && typeof cell === 'string') return BOOLEAN_WORDS.get(text.toLowerCase()) ?? text;
  if (schema?.type === 'string' || schema?.type === undefined) return typeof cell === 'string' ? text : String(cell);
  return cell;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The cell that gives `value` back (export --map): the column's translation read backwards (the first key whose
 * value it is; for absent, a key translated to null or ""), a list's items each so and joined with ", ", else the
 * value itself. `name` gives the cell of an id that the column shows by name (a unit).
 */
export function valueCell(value: unknown, translations: MappedColumn['translations'], name?: (id: string) => string | undefined): Cell {
  const backwards = (one: unknown): string | undefined => {
    if (!translations) return undefined;
    for (const [text, translated] of Object.entries(translations)) {
      if (one === undefined ? isAbsent(translated) : sameValue(translated, one) || (Array.isArray(translated) && translated.length === 1 && sameValue(translated[0], one))) return text;
    }
    return undefined;
  };
  if (value === undefined || value === null) return backwards(undefined);
  const whole = backwards(value);
  if (whole !== undefined) return whole;
  if (Array.isArray(value)) {
    const items = value.map((item) => backwards(item) ?? (typeof item === 'string' ? (name?.(item) ?? item) : String(item)));
    return items.length === 0 ? backwards(undefined) : items.join(', ');
  }
  if (typeof value === 'string') return name?.(value) ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Whether a sheet's cell says what the exported cell said (text trimmed; a number however the program wrote it). */
export function sameCell(exported: Cell, read: Cell): boolean {
  const a = cellText(exported);
  const b = cellText(read);
  if (a === undefined || b === undefined) return a === b;
  if (typeof exported === 'number') return (typeof read === 'number' ? read : parseNumber(b)) === exported;
  if (typeof exported === 'boolean') return a.toLowerCase() === b.toLowerCase();
  return a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');
}
