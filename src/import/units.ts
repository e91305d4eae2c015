// A unit named in a cell ("Socialförvaltningen"): found by the mapping's values, a Unit's id or name, or made (--create-units).
import type { Kind } from '../schema/validate.js';
import { ABSENT, headerKey, translateText } from './columns.js';

export interface KnownUnit {
  readonly id: string;
  readonly name: string;
  readonly municipality?: string | undefined;
}

/** The fields that refer to a Unit, per kind, and the type a unit made for one gets. */
export const unitFields: Partial<Record<Kind, Readonly<Record<string, 'department' | 'it-unit'>>>> = {
  RoleAssignment: { 'holder.unit': 'department' },
  Application: { operatedBy: 'it-unit' },
  Processing: { controller: 'department' },
};

export type UnitLookup = { readonly id: string } | { readonly absent: true } | { readonly missing: true };

/**
 * The unit a cell names: the column's translation; else a unit whose id is the text; else one whose name is (case
 * and spacing ignored), within the row's municipalities when the name is in several; else missing.
 */
export function findUnit(text: string, translations: Readonly<Record<string, unknown>> | undefined, units: readonly KnownUnit[], municipalities: readonly string[]): UnitLookup {
  const translated = translateText(translations, text);
  if (translated === ABSENT) return { absent: true };
  if (typeof translated === 'string') return { id: translated };
  const byId = units.find((unit) => unit.id === text);
  if (byId) return { id: byId.id };
  const named = units.filter((unit) => headerKey(unit.name) === headerKey(text));
  const local = named.filter((unit) => unit.municipality === undefined || municipalities.includes(unit.municipality));
  const found = (local.length > 0 ? local : named.length === 1 ? named : [])[0];
  return found ? { id: found.id } : { missing: true };
}

/** The id of a unit made from a name: 'Socialförvaltningen' in amal → 'socialforvaltningen-amal', -2 when taken. */
export function newUnitId(base: string, municipality: string | undefined, taken: (id: string) => boolean): string {
  const stem = municipality === undefined ? base : `${base}-${municipality}`;
  let id = stem;
  for (let n = 2; taken(id); n += 1) id = `${stem}-${n}`;
  return id;
}
