// planUpdate(): a sheet from `export --map`, edited by people, → the changes to existing files (import --update). Pure:
// it gets the register's model and file texts and returns new texts; the command writes them.
import type { Message } from '../i18n/index.js';
import type { Entity, RegisterModel } from '../model/register-model.js';
import { editYaml, type FieldEdit } from '../register/edit.js';
import { fieldOrder } from '../register/scaffold.js';
import { fieldName, validateEntity, type Kind } from '../schema/validate.js';
import type { ImportMapping, RoleAssignment } from '../types/entities.generated.js';
import { addDays } from '../util/dates.js';
import { cellText, cellValue, mappedColumns, mappedRoles, rolePath, sameCell, type MappedColumn, type MappedRole, type RolePart } from './columns.js';
import { getPath, municipalitiesOf, readLayout, setPath, unitResolver, type PlanOptions, type PlannedEntity, type RowProblem } from './plan.js';
import { DIGEST_HEADER, ID_HEADER, entityCells, rowDigest, rowRoles } from './rows.js';
import type { Cell, Sheet } from './spreadsheet.js';
import { findUnit, unitFields, type KnownUnit } from './units.js';

/** A register file as the update reads it: its path relative to the register's root, and its text. */
export interface FileText {
  readonly path: string;
  readonly text: string;
}

/** One change as the report says it: `subject: field: old → new`, or a sentence about a role's assignments. */
export type ChangeLine = { readonly subject: string; readonly field: string; readonly old: unknown; readonly new: unknown } | { readonly subject: string; readonly message: Message };

export interface NewFile {
  /** Relative to the register's root; the command adds the schema line. */
  readonly path: string;
  readonly entity: PlannedEntity;
}

export type UpdateOutcome =
  | { readonly row: number; readonly status: 'unchanged'; readonly id: string }
  | {
      readonly row: number;
      readonly status: 'change';
      readonly id: string;
      readonly changes: readonly ChangeLine[];
      readonly edits: readonly FileText[];
      readonly created: readonly NewFile[];
      readonly units: readonly PlannedEntity[];
    }
  | { readonly row: number; readonly status: 'conflict'; readonly id: string; readonly file: string }
  | { readonly row: number; readonly status: 'fail'; readonly problems: readonly RowProblem[] };

export interface UpdateOptions extends Pick<PlanOptions, 'date' | 'limits' | 'units' | 'createUnits' | 'existing'> {
  readonly kind: Kind;
  /** The file of an entity, with its text. */
  readonly fileOf: (id: string) => FileText | undefined;
  /** Where a new entity of a kind goes, relative to the root (the kind's folder). */
  readonly newPath: (kind: Kind, id: string, beside: string | undefined) => string;
}

export interface UpdatePlan {
  readonly rows: readonly UpdateOutcome[];
  /** The rows with no itreg-id: new entities, planned as a plain import plans them. */
  readonly newRows: Sheet;
}

const roleSuffix: Record<MappedRole, string> = { owner: 'systemagare', administrator: 'systemansvarig' };

/** The rows of `sheet` with an itreg-id (or the mapping's id column) that names an entity, planned as changes. */
export function planUpdate(sheet: Sheet, mapping: ImportMapping, model: RegisterModel, options: UpdateOptions): UpdatePlan {
  const { kind, date } = options;
  const layout = readLayout(sheet, mapping);
  const columns = mappedColumns(mapping, kind).map((column) => ({ column, index: layout.column(column.header) }));
  const idIndex = layout.find(ID_HEADER) ?? (mapping.id?.column !== undefined ? layout.column(mapping.id.column) : undefined);
  const digestIndex = layout.find(DIGEST_HEADER);
  const kindUnits = unitFields[kind] ?? {};
  /** Ids this update gives out, so that two new assignments never get one id. */
  const given = new Set<string>();
  const taken = (id: string): boolean => given.has(id) || model.recordById(id) !== undefined;
  const units = unitResolver(options, taken);

  const outcomes: UpdateOutcome[] = [];
  /** itreg-id → the first row with it: a second row for one entity is refused, not applied over the first. */
  const seen = new Map<string, number>();
  const newRows: Sheet['rows'][number][] = [];
  for (const sheetRow of sheet.rows) {
    const { row, cells } = sheetRow;
    if (row < layout.headerRow) continue;
    const id = idIndex === undefined ? undefined : cellText(cells[idIndex]);
    if (row === layout.headerRow || id === undefined || cells.every((cell) => cellText(cell) === undefined)) {
      newRows.push(sheetRow);
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      outcomes.push({ row, status: 'fail', problems: [{ field: ID_HEADER, message: { id: 'importDuplicateId', data: { id, row: first } } }] });
      continue;
    }
    seen.set(id, row);
    const entity = model.getOf(kind, id);
    if (!entity) {
      outcomes.push({ row, status: 'fail', problems: [{ field: ID_HEADER, message: { id: 'importNotInRegister', data: { id, kind } } }] });
      continue;
    }
    const roles = rowRoles(model, entity, date);
    const exported = entityCells(
      model,
      entity,
      columns.map((c) => c.column),
      roles,
    );
    // A cell written otherwise but meaning the same ("Åmål; Mellerud" for "Åmål, Mellerud", a name for an id) is no change.
    const means = (column: MappedColumn, cell: Cell): boolean => meansCurrent(column, cell, entity, roles, options.units, kindUnits);
    const changed = columns.filter(({ column, index }, i) => !sameCell(exported[i], cells[index]) && !means(column, cells[index]));
    if (changed.length === 0) {
      outcomes.push({ row, status: 'unchanged', id });
      continue;
    }
    const digest = digestIndex === undefined ? undefined : cellText(cells[digestIndex]);
    const file = options.fileOf(id);
    if (digest !== undefined && digest !== rowDigest(entity, roles, mapping)) {
      outcomes.push({ row, status: 'conflict', id, file: file?.path ?? id });
      continue;
    }
    outcomes.push(planRow(row, cells, entity, roles, changed, { ...options, resolver: units, taken, given, kindUnits, headers: layout.headers }));
  }
  return { rows: outcomes, newRows: { ...sheet, rows: newRows } };
}

/** Whether a cell, read as import reads it, gives every target of its column the value it has now. */
function meansCurrent(
  column: MappedColumn,
  cell: Cell,
  entity: Entity,
  roles: Partial<Record<MappedRole, RoleAssignment>>,
  units: readonly KnownUnit[],
  kindUnits: Readonly<Record<string, string>>,
): boolean {
  const municipalities = municipalitiesOf(entity as unknown as Record<string, unknown>);
  const unitOf = (): string | undefined => {
    const text = cellText(cell);
    if (text === undefined) return undefined;
    const found = findUnit(text, column.translations, units, municipalities);
    return 'id' in found ? found.id : 'absent' in found ? undefined : `\u0000${text}`;
  };
  return column.targets.every((target) => {
    if (target.type === 'field') {
      const now = getPath(entity, target.path);
      return sameValue(kindUnits[target.path.join('.')] !== undefined ? unitOf() : cellValue(cell, column.translations, entity.kind, target.path), now);
    }
    const now = getPath(roles[target.role], rolePath(target.part));
    return sameValue(target.part === 'unit' ? unitOf() : cellValue(cell, column.translations, 'RoleAssignment', rolePath(target.part)), now);
  });
}

interface RowContext extends Omit<UpdateOptions, 'units'> {
  readonly resolver: ReturnType<typeof unitResolver>;
  readonly taken: (id: string) => boolean;
  readonly given: Set<string>;
  readonly kindUnits: Readonly<Record<string, 'department' | 'it-unit'>>;
  readonly headers: readonly string[];
}

/** Plain data without the mappings a removed field left empty (editYaml removes such a key with its last field). */
function withoutEmpty(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, withoutEmpty(item)] as const);
  return Object.fromEntries(entries.filter(([, item]) => !(typeof item === 'object' && item !== null && !Array.isArray(item) && Object.keys(item).length === 0)));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function planRow(
  row: number,
  cells: readonly Cell[],
  entity: Entity,
  roles: Partial<Record<MappedRole, RoleAssignment>>,
  changed: ReadonlyArray<{ column: MappedColumn; index: number }>,
  context: RowContext,
): UpdateOutcome {
  const { kind, date } = context;
  const problems: RowProblem[] = [];
  const changes: ChangeLine[] = [];
  const edits: FieldEdit[] = [];
  const made: PlannedEntity[] = [];
  const data = structuredClone(entity) as unknown as Record<string, unknown>;
  const municipalities = municipalitiesOf(data);
  const unitOf = (text: string | undefined, column: MappedColumn, type: 'department' | 'it-unit', field: string): string | undefined => {
    if (text === undefined) return undefined;
    const answer = context.resolver.resolve(text, column, municipalities, type);
    if (answer.problem) problems.push({ field, column: column.header, message: answer.problem });
    if (answer.made && !made.includes(answer.made)) made.push(answer.made);
    return answer.id;
  };
  const roleParts = new Map<MappedRole, Map<RolePart, { column: MappedColumn; cell: Cell }>>();

  for (const { column, index } of changed) {
    for (const target of column.targets) {
      if (target.type === 'role') {
        const parts = roleParts.get(target.role) ?? new Map<RolePart, { column: MappedColumn; cell: Cell }>();
        parts.set(target.part, { column, cell: cells[index] });
        roleParts.set(target.role, parts);
        continue;
      }
      const field = target.path.join('.');
      const value = context.kindUnits[field] !== undefined ? unitOf(cellText(cells[index]), column, context.kindUnits[field], field) : cellValue(cells[index], column.translations, kind, target.path);
      const old = getPath(entity, target.path);
      if (sameValue(old, value)) continue;
      setPath(data, target.path, value);
      edits.push({ path: target.path, value });
      changes.push({ subject: entity.id, field, old, new: value });
    }
  }
  // An emptied nested field (vendor.product with no vendor.name) is removed with its parent, as editYaml does.
  const cleaned = withoutEmpty(JSON.parse(JSON.stringify(data))) as Record<string, unknown>;
  for (const issue of validateEntity(cleaned, context.limits)) {
    const named = issue.message.data?.['field'];
    const field = typeof named === 'string' ? named : fieldName(issue.path);
    const column = changed.find(({ column: c }) => c.targets.some((t) => t.type === 'field' && t.path.join('.') === field))?.column.header;
    problems.push({ field, ...(column !== undefined ? { column } : {}), message: issue.message });
  }

  const files: FileText[] = [];
  const created: NewFile[] = [];
  const entityFile = context.fileOf(entity.id);
  if (edits.length > 0 && entityFile) files.push({ path: entityFile.path, text: editYaml(entityFile.text, edits, (path) => fieldOrder(kind, path)) });

  let newOwner: string | undefined;
  for (const role of ['owner', 'administrator'] as const) {
    const parts = roleParts.get(role);
    if (!parts) continue;
    const old = roles[role];
    const value = (part: RolePart): unknown => {
      const found = parts.get(part);
      if (!found) return getPath(old, rolePath(part));
      if (part === 'unit') return unitOf(cellText(found.cell), found.column, 'department', `${role}.unit`);
      return cellValue(found.cell, found.column.translations, 'RoleAssignment', rolePath(part));
    };
    const holder = { title: value('title'), unit: value('unit'), name: value('name') };
    const from = value('from');
    const holderChanged = !sameValue(JSON.parse(JSON.stringify(holder)), JSON.parse(JSON.stringify(old?.holder ?? {})));
    for (const part of ['title', 'unit', 'name', 'from'] as const) {
      const before = getPath(old, rolePath(part));
      const after = part === 'from' ? from : holder[part];
      if (!sameValue(before, after)) changes.push({ subject: entity.id, field: `${role}.${part}`, old: before, new: after });
    }
    if (!holderChanged) {
      // Only the first day changed: a correction of the assignment there is, not a new one.
      if (old && from !== undefined && from !== old.from) {
        const file = context.fileOf(old.id);
        if (file) files.push({ path: file.path, text: editYaml(file.text, [{ path: ['from'], value: from }], (path) => fieldOrder('RoleAssignment', path)) });
      }
      continue;
    }
    // Another holder: the assignment there is ends, a new one begins; history is never rewritten.
    const start = typeof from === 'string' && from !== old?.from ? from : old ? addDays(date, 1) : date;
    const until = addDays(start, -1);
    const oldFile = old ? context.fileOf(old.id) : undefined;
    if (old && oldFile) files.push({ path: oldFile.path, text: editYaml(oldFile.text, [{ path: ['until'], value: until }], (path) => fieldOrder('RoleAssignment', path)) });
    if (holder.title === undefined) {
      if (old) changes.push({ subject: entity.id, message: { id: 'importRoleEndsOnly', data: { id: old.id, until } } });
      continue;
    }
    let newId = `${entity.id}-${roleSuffix[role]}-${start.slice(0, 4)}`;
    for (let n = 2; context.taken(newId); n += 1) newId = `${entity.id}-${roleSuffix[role]}-${start.slice(0, 4)}-${n}`;
    context.given.add(newId);
    const appointedBy = role === 'administrator' ? (newOwner ?? old?.appointedBy ?? roles.owner?.id) : undefined;
    const assignment: Record<string, unknown> = {
      kind: 'RoleAssignment',
      id: newId,
      role: mappedRoles[role],
      application: entity.id,
      holder: JSON.parse(JSON.stringify(holder)) as unknown,
      ...(appointedBy !== undefined ? { appointedBy } : {}),
      from: start,
    };
    if (role === 'owner') newOwner = newId;
    // A unit not found is said once, at its cell; the assignment it leaves without a unit is not said again.
    if (problems.length === 0)
      for (const issue of validateEntity(assignment, context.limits)) {
        const named = issue.message.data?.['field'];
        problems.push({ field: `${newId}: ${typeof named === 'string' ? named : fieldName(issue.path)}`, message: issue.message });
      }
    const path = context.newPath('RoleAssignment', newId, oldFile?.path);
    created.push({ path, entity: { kind: 'RoleAssignment', id: newId, data: assignment } });
    changes.push({
      subject: entity.id,
      message: old ? { id: 'importRoleEnds', data: { id: old.id, until, newId, from: start, file: path } } : { id: 'importRoleNew', data: { newId, from: start, file: path } },
    });
  }
  if (problems.length > 0) return { row, status: 'fail', problems };
  if (files.length === 0 && created.length === 0) return { row, status: 'unchanged', id: entity.id };
  return { row, status: 'change', id: entity.id, changes, edits: files, created, units: made };
}
