// planImport(): spreadsheet rows + a mapping → the entities each row becomes, or why a row is skipped or refused. Pure: no IO.
import { UsageError } from '../errors.js';
import { suggestNearest, type Message } from '../i18n/index.js';
import type { Cell, Sheet } from './spreadsheet.js';
import { fieldName, validateEntity, type Kind, type RegisterLimits } from '../schema/validate.js';
import type { ImportMapping } from '../types/entities.generated.js';
import { cellText, cellValue, headerKey, mappedColumns, mappedField, mappedRoles, rolePath, type MappedColumn, type MappedRole } from './columns.js';
import { findUnit, newUnitId, unitFields, type KnownUnit } from './units.js';

export interface PlannedEntity {
  readonly kind: Kind;
  readonly id: string;
  readonly data: Record<string, unknown>;
}

export interface RowProblem {
  /** The entity's field ('holder.unit'), and the column it came from when one did. */
  readonly field: string;
  readonly column?: string;
  readonly message: Message;
}

export type RowOutcome =
  /** `units`: the units the row names that --create-units makes (the same unit on several rows: once each). */
  | { readonly row: number; readonly status: 'write'; readonly entities: readonly PlannedEntity[]; readonly units: readonly PlannedEntity[] }
  | { readonly row: number; readonly status: 'skip'; readonly reason: Message }
  | { readonly row: number; readonly status: 'fail'; readonly problems: readonly RowProblem[] };

export interface ImportPlan {
  readonly rows: readonly RowOutcome[];
}

export interface PlanOptions {
  readonly kind: Kind;
  /** Ids already in the register → their file: such a row is skipped, never overwritten. */
  readonly existing: ReadonlyMap<string, string>;
  /** `from` of the roles a row creates when the mapping names no column for it. */
  readonly date: string;
  /** What itreg.yaml bounds (the number of collaboration levels): a row above it would not pass lint. */
  readonly limits: RegisterLimits;
  /** The register's units, to find one a cell names by its id or name. */
  readonly units: readonly KnownUnit[];
  /** --create-units: a unit a cell names that is not found is made (else the row is refused). */
  readonly createUnits: boolean;
}

const folded: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', đ: 'd', ł: 'l', þ: 'th' };

/** An id from a name: 'Åmål kommun' → 'amal-kommun' (lower case, accents dropped, anything else a hyphen). */
export function idFromName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[æøßđłþ]/g, (c) => folded[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const step of path.slice(0, -1)) {
    if (typeof node[step] !== 'object' || node[step] === null || Array.isArray(node[step])) node[step] = {};
    node = node[step] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

/** The value at a dotted path of plain data, or undefined. */
export function getPath(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const step of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}

/** The municipalities a row's entity belongs to (`municipalities`, else `municipality`): where its units are looked for. */
export function municipalitiesOf(data: Readonly<Record<string, unknown>>): string[] {
  const list = data['municipalities'];
  if (Array.isArray(list)) return list.filter((item): item is string => typeof item === 'string');
  return typeof data['municipality'] === 'string' ? [data['municipality']] : [];
}

/** A sheet's header row read against the mapping: where each mapped column is, by the header's text. */
export interface SheetLayout {
  readonly headerRow: number;
  /** The header row's texts, by position. */
  readonly headers: readonly string[];
  /** The position of a header, case and spacing ignored; a header the sheet lacks is a usage error naming those it has. */
  column(name: string): number;
  /** The position of a header, or undefined (for itreg's own columns, which a sheet may lack). */
  find(name: string): number | undefined;
}

export function readLayout(sheet: Sheet, mapping: ImportMapping): SheetLayout {
  const headerRow = mapping.headerRow ?? 1;
  const header = sheet.rows.find((row) => row.row === headerRow);
  if (!header) throw new UsageError({ id: 'importNoHeader', data: { file: sheet.label, row: headerRow } });
  const headers = header.cells.map((cell) => cellText(cell) ?? '');
  const index = new Map<string, number>();
  headers.forEach((text, i) => {
    if (text !== '' && !index.has(headerKey(text))) index.set(headerKey(text), i);
  });
  const named = headers.filter(Boolean);
  return {
    headerRow,
    headers,
    find: (name) => index.get(headerKey(name)),
    column(name) {
      const found = index.get(headerKey(name));
      if (found !== undefined) return found;
      throw new UsageError({ id: 'importNoColumn', data: { column: name, file: sheet.label, row: headerRow, headers: named.join(', '), suggestion: suggestNearest(name, named) } });
    },
  };
}

/** What resolving a unit cell gave: an id, absent, or a problem; and a unit to make. */
export interface UnitResolver {
  /** The id for a unit cell of a row (municipalities: the row's), or a problem message. */
  resolve(text: string, column: MappedColumn, municipalities: readonly string[], type: 'department' | 'it-unit'): { id?: string; problem?: Message; made?: PlannedEntity };
}

/** Finds units by the mapping, id or name; with --create-units makes one per name and municipality, once per import. */
export function unitResolver(options: Pick<PlanOptions, 'units' | 'createUnits' | 'existing'>, taken: (id: string) => boolean): UnitResolver {
  const made = new Map<string, PlannedEntity>();
  return {
    resolve(text, column, municipalities, type) {
      const found = findUnit(text, column.translations, options.units, municipalities);
      if ('absent' in found) return {};
      if ('id' in found) return { id: found.id };
      const municipality = municipalities.length === 1 ? municipalities[0] : undefined;
      if (!options.createUnits) return { problem: { id: 'importUnknownUnit', data: { text, column: column.header } } };
      const key = `${headerKey(text)}\u0000${municipality ?? ''}`;
      let unit = made.get(key);
      if (!unit) {
        const id = newUnitId(idFromName(text), municipality, (candidate) => taken(candidate) || options.existing.has(candidate) || [...made.values()].some((u) => u.id === candidate));
        unit = { kind: 'Unit', id, data: { kind: 'Unit', id, name: text, type, ...(municipality !== undefined ? { municipality } : {}) } };
        made.set(key, unit);
      }
      return { id: unit.id, made: unit };
    },
  };
}

/** The holder and dates of a role from a row's cells: undefined when the row names no title (a gap for lint). */
export function roleFromCells(cells: readonly Cell[], columns: ReadonlyMap<string, { column: MappedColumn; index: number }>): Record<string, unknown> | undefined {
  const value = (part: string): unknown => {
    const found = columns.get(part);
    return found ? cellValue(cells[found.index], found.column.translations, 'RoleAssignment', rolePath(part as 'title')) : undefined;
  };
  const title = value('title');
  if (title === undefined) return undefined;
  const name = value('name');
  const from = value('from');
  return { holder: { title, ...(name !== undefined ? { name } : {}) }, ...(from !== undefined ? { from } : {}) };
}

/** A column's letters as a spreadsheet program shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function planImport(sheet: Sheet, mapping: ImportMapping, options: PlanOptions): ImportPlan {
  const { kind } = options;
  const layout = readLayout(sheet, mapping);
  const { headerRow, headers } = layout;
  const column = (name: string) => layout.column(name);

  // Everything the mapping names is checked once, before the first row, so a typo stops the import at once.
  const mapped = mappedColumns(mapping, kind).map((c) => ({ column: c, index: column(c.header) }));
  const constants = Object.entries(mapping.constants ?? {}).map(([path, value]) => ({ path: mappedField(kind, path), value }));
  for (const [name] of Object.entries(mapping.values ?? {})) column(name);
  const skipWhen = Object.entries(mapping.skip?.when ?? {}).map(([name, values]) => ({ name, index: column(name), values: new Set(values.map(headerKey)) }));
  const skipRows = new Set(mapping.skip?.rows ?? []);
  const fieldColumns = mapped.flatMap(({ column: c, index }) => c.targets.flatMap((t) => (t.type === 'field' ? [{ column: c, index, path: t.path }] : [])));
  const idColumn = mapping.id?.column !== undefined ? column(mapping.id.column) : fieldColumns.find((c) => c.path.join('.') === 'id')?.index;
  const nameColumn = mapping.id?.from !== undefined ? column(mapping.id.from) : fieldColumns.find((c) => c.path.join('.') === 'name')?.index;
  if (idColumn === undefined && nameColumn === undefined) throw new UsageError({ id: 'importNoId' });
  const roleColumns = (role: MappedRole) => {
    const parts = new Map<string, { column: MappedColumn; index: number }>();
    for (const m of mapped) for (const t of m.column.targets) if (t.type === 'role' && t.role === role) parts.set(t.part, m);
    return parts.size === 0 ? undefined : parts;
  };
  const roles = (Object.keys(mappedRoles) as MappedRole[]).map((role) => ({ role, columns: roleColumns(role) }));
  /** Field → the column it comes from, to name both when a value is wrong. */
  const entitySources = new Map<string, number>(fieldColumns.map((c) => [c.path.join('.'), c.index]));
  const roleSources = (parts: ReadonlyMap<string, { index: number }>) => new Map<string, number>([...parts].map(([part, { index }]) => [rolePath(part as 'title').join('.'), index]));
  const kindUnits = unitFields[kind] ?? {};

  const planned = new Set<string>();
  /** Every id a written row's files take (the entity's, its roles', its new units'), by row: no two files share one. */
  const plannedFiles = new Map<string, number>();
  const units = unitResolver(options, (id) => planned.has(id) || plannedFiles.has(id));
  const readColumns = new Set<number>(mapped.map((m) => m.index));
  const explicitRows = new Map<string, number>();
  const outcomes: RowOutcome[] = [];
  for (const sheetRow of sheet.rows) {
    const { row, cells } = sheetRow;
    if (row <= headerRow || cells.every((cell) => cellText(cell) === undefined)) continue;
    if (skipRows.has(row)) {
      outcomes.push({ row, status: 'skip', reason: { id: 'importSkipRow' } });
      continue;
    }
    const when = skipWhen.find((rule) => rule.values.has(headerKey(cellText(cells[rule.index]) ?? '')));
    if (when) {
      outcomes.push({ row, status: 'skip', reason: { id: 'importSkipWhen', data: { column: when.name, value: cellText(cells[when.index]) ?? '' } } });
      continue;
    }

    // The id: from its column as written, or made from the name, with -2, -3 … on a collision within the sheet.
    const problems: RowProblem[] = [];
    if (idColumn !== undefined) readColumns.add(idColumn);
    if (nameColumn !== undefined) readColumns.add(nameColumn);
    for (const cell of sheetRow.unreadable ?? []) {
      if (!readColumns.has(cell.column)) continue;
      const reference = `${columnLetters(cell.column)}${row}`;
      problems.push({
        field: fieldColumns.find((c) => c.index === cell.column)?.path.join('.') ?? reference,
        column: headers[cell.column],
        message: { id: 'importUnreadableCell', data: { cell: reference, value: cell.value } },
      });
    }
    let id: string;
    if (idColumn !== undefined) {
      id = cellText(cells[idColumn]) ?? '';
      const first = explicitRows.get(id);
      if (id !== '' && first !== undefined) problems.push({ field: 'id', column: headers[idColumn], message: { id: 'importDuplicateId', data: { id, row: first } } });
      else if (id !== '') explicitRows.set(id, row);
    } else {
      const base = idFromName(cellText(cells[nameColumn!]) ?? '');
      id = base === '' ? '' : `${mapping.id?.prefix ?? ''}${base}`;
      for (let n = 2; id !== '' && (planned.has(id) || plannedFiles.has(id)); n += 1) id = `${mapping.id?.prefix ?? ''}${base}-${n}`;
    }
    if (id === '') problems.push({ field: 'id', column: headers[idColumn ?? nameColumn!], message: { id: 'importNoIdValue' } });
    planned.add(id);

    const data: Record<string, unknown> = { kind };
    for (const constant of constants) setPath(data, constant.path, structuredClone(constant.value));
    const unitCells: Array<{ path: string; column: MappedColumn; index: number }> = [];
    for (const c of fieldColumns) {
      if (c.path.join('.') === 'id') continue;
      if (kindUnits[c.path.join('.')] !== undefined) {
        unitCells.push({ path: c.path.join('.'), column: c.column, index: c.index });
        continue;
      }
      const value = cellValue(cells[c.index], c.column.translations, kind, c.path);
      if (value !== undefined) setPath(data, c.path, value);
    }
    data['id'] = id;
    const municipalities = municipalitiesOf(data);
    const needed: PlannedEntity[] = [];
    const unitOf = (text: string | undefined, c: MappedColumn, index: number, type: 'department' | 'it-unit', label: string): string | undefined => {
      if (text === undefined) return undefined;
      const answer = units.resolve(text, c, municipalities, type);
      if (answer.problem) problems.push({ field: label, column: headers[index], message: answer.problem });
      if (answer.made && !needed.includes(answer.made)) needed.push(answer.made);
      return answer.id;
    };
    for (const u of unitCells) {
      const unit = unitOf(cellText(cells[u.index]), u.column, u.index, kindUnits[u.path]!, u.path);
      if (unit !== undefined) setPath(data, u.path.split('.'), unit);
    }
    const entities: Array<{ entity: PlannedEntity; sourceOf: ReadonlyMap<string, number> }> = [{ entity: { kind, id, data }, sourceOf: entitySources }];

    let ownerId: string | undefined;
    for (const { role, columns: parts } of roles) {
      if (!parts) continue;
      const from = roleFromCells(cells, parts);
      if (from === undefined) continue;
      const suffix = role === 'owner' ? 'systemagare' : 'systemansvarig';
      const roleId = `${id}-${suffix}`;
      const unitColumn = parts.get('unit');
      const unit = unitColumn ? unitOf(cellText(cells[unitColumn.index]), unitColumn.column, unitColumn.index, 'department', `${roleId}: holder.unit`) : undefined;
      const holder = { ...(from['holder'] as Record<string, unknown>) };
      const assignment: Record<string, unknown> = {
        kind: 'RoleAssignment',
        id: roleId,
        role: mappedRoles[role],
        application: id,
        holder: { title: holder['title'], ...(unit !== undefined ? { unit } : {}), ...(holder['name'] !== undefined ? { name: holder['name'] } : {}) },
        ...(role === 'administrator' && ownerId !== undefined ? { appointedBy: ownerId } : {}),
        from: from['from'] ?? options.date,
      };
      if (role === 'owner') ownerId = roleId;
      entities.push({ entity: { kind: 'RoleAssignment', id: roleId, data: assignment }, sourceOf: roleSources(parts) });
    }

    if (problems.length === 0) {
      for (const { entity, sourceOf: sources } of entities) {
        for (const issue of validateEntity(entity.data, options.limits)) {
          // A missing field is reported at its parent: the message names the field itself.
          const named = issue.message.data?.['field'];
          const path = typeof named === 'string' ? named : fieldName(issue.path);
          const index = sources.get(path) ?? sources.get(issue.path.filter((step) => typeof step === 'string').join('.'));
          const label = entity.kind === kind ? path : `${entity.id}: ${path}`;
          problems.push({ field: label, ...(index !== undefined ? { column: headers[index] } : {}), message: issue.message });
        }
      }
    }
    if (problems.length > 0) {
      outcomes.push({ row, status: 'fail', problems });
      continue;
    }
    const clash = problems.length === 0 ? entities.find(({ entity }) => plannedFiles.has(entity.id)) : undefined;
    if (clash) {
      const { id: clashId } = clash.entity;
      const label = clash.entity.kind === kind ? 'id' : `${clashId}: id`;
      outcomes.push({
        row,
        status: 'fail',
        problems: [{ field: label, column: headers[idColumn ?? nameColumn!], message: { id: 'importPlannedClash', data: { id: clashId, row: plannedFiles.get(clashId)! } } }],
      });
      continue;
    }
    const taken = entities.find(({ entity }) => options.existing.has(entity.id));
    if (taken) {
      outcomes.push({ row, status: 'skip', reason: { id: 'importIdExists', data: { id: taken.entity.id, file: options.existing.get(taken.entity.id)! } } });
      continue;
    }
    for (const { entity } of entities) plannedFiles.set(entity.id, row);
    for (const unit of needed) if (!plannedFiles.has(unit.id)) plannedFiles.set(unit.id, row);
    outcomes.push({ row, status: 'write', entities: entities.map(({ entity }) => entity), units: needed });
  }
  return { rows: outcomes };
}
