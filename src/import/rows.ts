// The register in a mapping's layout (export --map), one row per entity, with its id and a digest of what the row shows.
import { createHash } from 'node:crypto';
import { addDays } from '../util/dates.js';
import type { Entity, RegisterModel } from '../model/register-model.js';
import type { Kind } from '../schema/validate.js';
import type { Language } from '../types/language.js';
import type { ImportMapping } from '../types/entities.generated.js';
import type { RoleAssignment } from '../types/entities.generated.js';
import { mappedColumns, mappedRoles, rolePath, valueCell, type MappedColumn, type MappedRole } from './columns.js';
import { getPath } from './plan.js';
import type { Cell } from './spreadsheet.js';
import { unitFields } from './units.js';

/** itreg's own columns after the mapping's: the entity's id, and the digest that tells --update what it exported. */
export const ID_HEADER = 'itreg-id';
export const DIGEST_HEADER = 'itreg-digest';

export interface ExportedSheet {
  readonly columns: readonly MappedColumn[];
  /** The mapping's headers, then itreg-id and itreg-digest. */
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<{ readonly id: string; readonly cells: readonly Cell[] }>;
}

/**
 * The roles a row shows: the owner's and administrator's assignment current on `date`, or the one that follows it
 * when its successor is already registered (an import --update that ended one today started the next tomorrow: run
 * again, the sheet's new holder is what the register says, not a change to make twice).
 */
export function rowRoles(model: RegisterModel, entity: Entity, date: string): Partial<Record<MappedRole, RoleAssignment>> {
  const roles: Partial<Record<MappedRole, RoleAssignment>> = {};
  for (const role of Object.keys(mappedRoles) as MappedRole[]) {
    const current = model.currentRoles(entity.id, mappedRoles[role], date)[0];
    const next = current?.until === undefined ? undefined : model.roles(entity.id, mappedRoles[role]).find((other) => other.from === addDays(current.until!, 1));
    const shown = next ?? current;
    if (shown) roles[role] = shown;
  }
  return roles;
}

/** Keys sorted at every depth, so that the digest does not depend on the order of a file's keys. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

/**
 * What a row stands for, as 16 hex digits: the entity as in the register and the roles the mapping shows. An entity or
 * role changed in the register after the export gives another digest, and --update refuses the row as a conflict.
 */
export function rowDigest(entity: Entity, roles: Partial<Record<MappedRole, RoleAssignment>>, mapping: ImportMapping): string {
  const shown = { entity, owner: mapping.owner ? (roles.owner ?? null) : null, administrator: mapping.administrator ? (roles.administrator ?? null) : null };
  return createHash('sha256')
    .update(JSON.stringify(canonical(shown)))
    .digest('hex')
    .slice(0, 16);
}

/** The cells of one entity in the mapping's columns: the first target a column feeds decides what it shows. */
export function entityCells(model: RegisterModel, entity: Entity, columns: readonly MappedColumn[], roles: Partial<Record<MappedRole, RoleAssignment>>): Cell[] {
  const unitName = (id: string): string | undefined => model.getOf('Unit', id)?.name;
  const kindUnits = unitFields[entity.kind] ?? {};
  return columns.map((column) => {
    const target = column.targets[0]!;
    if (target.type === 'field') {
      const isUnit = kindUnits[target.path.join('.')] !== undefined;
      return valueCell(getPath(entity, target.path), column.translations, isUnit ? unitName : undefined);
    }
    const role = roles[target.role];
    if (!role) return undefined;
    return valueCell(getPath(role, rolePath(target.part)), column.translations, target.part === 'unit' ? unitName : undefined);
  });
}

/** Whether an entity falls within the mapping's constants (municipalities: [amal] exports Åmål's applications only). */
function withinConstants(entity: Entity, mapping: ImportMapping): boolean {
  return Object.entries(mapping.constants ?? {}).every(([path, value]) => {
    const actual: unknown = getPath(entity, path.split('.'));
    if (Array.isArray(value)) return Array.isArray(actual) && (value as unknown[]).every((item) => (actual as unknown[]).some((one) => JSON.stringify(one) === JSON.stringify(item)));
    return JSON.stringify(actual) === JSON.stringify(value);
  });
}

/** The entities of the mapping's kind (within its constants) as rows in its layout, in the order of the first column. */
export function exportSheet(model: RegisterModel, mapping: ImportMapping, kind: Kind, date: string, language: Language): ExportedSheet {
  const columns = mappedColumns(mapping, kind);
  const entities = [...model.ofKind(kind)].filter((entity) => withinConstants(entity, mapping));
  const rows = entities.map((entity) => {
    const roles = rowRoles(model, entity, date);
    return { id: entity.id, cells: [...entityCells(model, entity, columns, roles), entity.id, rowDigest(entity, roles, mapping)] };
  });
  // In the order of the first column (the name, as a person looks for it), then by id.
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  rows.sort((a, b) => collator.compare(String(a.cells[0] ?? ''), String(b.cells[0] ?? '')) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { columns, headers: [...columns.map((c) => c.header), ID_HEADER, DIGEST_HEADER], rows };
}
