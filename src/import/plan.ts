// planImport(): spreadsheet rows + a mapping → the entities each row becomes, or why a row is skipped or refused. Pure: no IO.
import { UsageError } from '../errors.js';
import { suggestNearest, type Message } from '../i18n/index.js';
import { fieldPaths, fieldSchema } from '../register/scaffold.js';
import type { Cell, Sheet } from './spreadsheet.js';
import { fieldName, validateEntity, type Kind, type RegisterLimits } from '../schema/validate.js';
import type { ImportMapping } from '../types/entities.generated.js';

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
  | { readonly row: number; readonly status: 'write'; readonly entities: readonly PlannedEntity[] }
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

/** Headers compare without case and with white space folded: 'System ägare ' = 'system ägare'. */
function headerKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function cellText(cell: Cell): string | undefined {
  if (cell === undefined) return undefined;
  const text = String(cell).trim();
  return text === '' ? undefined : text;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const step of path.slice(0, -1)) {
    if (typeof node[step] !== 'object' || node[step] === null || Array.isArray(node[step])) node[step] = {};
    node = node[step] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

/** A Swedish or English number as typed in a sheet: '12 000', '1 234,50', '1234.5'; else undefined. */
function parseNumber(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const normal = /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : undefined;
}

/** A yes or no as a spreadsheet writes it (`critical`, `member`), in either language; a mapping's `values` can add more. */
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true], ['false', false], ['ja', true], ['nej', false], ['yes', true], ['no', false],
]);

export function planImport(sheet: Sheet, mapping: ImportMapping, options: PlanOptions): ImportPlan {
  const { kind } = options;
  const headerRow = mapping.headerRow ?? 1;
  const header = sheet.rows.find((row) => row.row === headerRow);
  if (!header) throw new UsageError({ id: 'importNoHeader', data: { file: sheet.label, row: headerRow } });
  const headers = header.cells.map((cell) => cellText(cell) ?? '');
  const columnIndex = new Map<string, number>();
  headers.forEach((text, index) => {
    if (text !== '' && !columnIndex.has(headerKey(text))) columnIndex.set(headerKey(text), index);
  });
  /** The position of a column the mapping names; a name the sheet lacks is a usage error naming the headers it has. */
  const column = (name: string): number => {
    const index = columnIndex.get(headerKey(name));
    if (index !== undefined) return index;
    throw new UsageError({ id: 'importNoColumn', data: { column: name, file: sheet.label, row: headerRow, headers: headers.filter(Boolean).join(', '), suggestion: suggestNearest(name, headers.filter(Boolean)) } });
  };
  const known = fieldPaths(kind);
  const field = (path: string): string[] => {
    const steps = path.split('.');
    if (path === 'kind' || !fieldSchema(kind, steps)) throw new UsageError({ id: 'importUnknownField', data: { field: path, kind, suggestion: suggestNearest(path, known) } });
    return steps;
  };
  const related = mapping.owner ?? mapping.administrator ?? mapping.vendor;
  if (related && kind !== 'Application') throw new UsageError({ id: 'importRelatedNeedsApplication', data: { kind } });

  // Everything the mapping names is checked once, before the first row, so a typo stops the import at once.
  const columns = Object.entries(mapping.columns).map(([name, path]) => ({ name, index: column(name), path: field(path) }));
  const constants = Object.entries(mapping.constants ?? {}).map(([path, value]) => ({ path: field(path), value }));
  const translations = new Map(Object.entries(mapping.values ?? {}).map(([name, table]) => [column(name), table as Record<string, unknown>]));
  const skipWhen = Object.entries(mapping.skip?.when ?? {}).map(([name, values]) => ({ name, index: column(name), values: new Set(values.map(headerKey)) }));
  const skipRows = new Set(mapping.skip?.rows ?? []);
  const idColumn = mapping.id?.column !== undefined ? column(mapping.id.column) : columns.find((c) => c.path.join('.') === 'id')?.index;
  const nameColumn = mapping.id?.from !== undefined ? column(mapping.id.from) : columns.find((c) => c.path.join('.') === 'name')?.index;
  if (idColumn === undefined && nameColumn === undefined) throw new UsageError({ id: 'importNoId' });
  const roleColumns = (role: ImportMapping['owner']) =>
    role && { title: column(role.title), unit: column(role.unit), name: role.name === undefined ? undefined : column(role.name), from: role.from === undefined ? undefined : column(role.from) };
  const owner = roleColumns(mapping.owner);
  const administrator = roleColumns(mapping.administrator);
  /** Field → the column it comes from, to name both when a value is wrong. */
  const entitySources = new Map<string, number>(columns.map((c) => [c.path.join('.'), c.index]));
  const roleSources = (role: NonNullable<ReturnType<typeof roleColumns>>) =>
    new Map<string, number>(Object.entries({ 'holder.title': role.title, 'holder.unit': role.unit, 'holder.name': role.name, from: role.from }).filter((e): e is [string, number] => e[1] !== undefined));
  const vendor = mapping.vendor && { name: column(mapping.vendor.name), product: mapping.vendor.product === undefined ? undefined : column(mapping.vendor.product) };
  if (vendor) {
    entitySources.set('vendor.name', vendor.name);
    if (vendor.product !== undefined) entitySources.set('vendor.product', vendor.product);
  }

  /** A cell's value for a field: the mapping's translation, else typed as the schema wants it (a list, a number). */
  const valueOf = (cells: readonly Cell[], index: number, kindOf: Kind, path: readonly string[]): unknown => {
    const cell = cells[index];
    const text = cellText(cell);
    if (text === undefined) return undefined;
    const table = translations.get(index);
    const translate = (item: string): unknown => {
      if (!table) return undefined;
      if (Object.hasOwn(table, item)) return table[item];
      const key = Object.keys(table).find((k) => headerKey(k) === headerKey(item));
      return key === undefined ? undefined : table[key];
    };
    const whole = translate(text);
    if (whole !== undefined) return whole;
    const schema = fieldSchema(kindOf, path);
    if (schema?.type === 'array') return text.split(/\s*[,;]\s*/).filter(Boolean).map((item) => translate(item) ?? item);
    if ((schema?.type === 'number' || schema?.type === 'integer') && typeof cell === 'string') return parseNumber(text) ?? text;
    if (schema?.type === 'boolean' && typeof cell === 'string') return BOOLEAN_WORDS.get(text.trim().toLowerCase()) ?? text;
    if (schema?.type === 'string' || schema?.type === undefined) return typeof cell === 'string' ? text : String(cell);
    return cell;
  };

  const planned = new Set<string>();
  const explicitRows = new Map<string, number>();
  const outcomes: RowOutcome[] = [];
  for (const { row, cells } of sheet.rows) {
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
    let id: string;
    if (idColumn !== undefined) {
      id = cellText(cells[idColumn]) ?? '';
      const first = explicitRows.get(id);
      if (id !== '' && first !== undefined) problems.push({ field: 'id', column: headers[idColumn], message: { id: 'importDuplicateId', data: { id, row: first } } });
      else if (id !== '') explicitRows.set(id, row);
    } else {
      const base = idFromName(cellText(cells[nameColumn!]) ?? '');
      id = base === '' ? '' : `${mapping.id?.prefix ?? ''}${base}`;
      for (let n = 2; id !== '' && planned.has(id); n += 1) id = `${mapping.id?.prefix ?? ''}${base}-${n}`;
    }
    if (id === '') problems.push({ field: 'id', column: headers[idColumn ?? nameColumn!], message: { id: 'importNoIdValue' } });
    planned.add(id);

    const data: Record<string, unknown> = { kind };
    for (const constant of constants) setPath(data, constant.path, structuredClone(constant.value));
    for (const c of columns) {
      if (c.path.join('.') === 'id') continue;
      const value = valueOf(cells, c.index, kind, c.path);
      if (value !== undefined) setPath(data, c.path, value);
    }
    data['id'] = id;
    if (vendor) {
      const name = valueOf(cells, vendor.name, kind, ['vendor', 'name']);
      const product = vendor.product === undefined ? undefined : valueOf(cells, vendor.product, kind, ['vendor', 'product']);
      if (name !== undefined || product !== undefined) {
        data['vendor'] = { ...(name !== undefined ? { name } : {}), ...(product !== undefined ? { product } : {}) };
      }
    }
    const entities: Array<{ entity: PlannedEntity; sourceOf: ReadonlyMap<string, number> }> = [{ entity: { kind, id, data }, sourceOf: entitySources }];

    const role = (columnsOf: NonNullable<ReturnType<typeof roleColumns>>, roleId: string, suffix: string, appointedBy: string | undefined): string | undefined => {
      const title = valueOf(cells, columnsOf.title, 'RoleAssignment', ['holder', 'title']);
      const unit = valueOf(cells, columnsOf.unit, 'RoleAssignment', ['holder', 'unit']);
      // No title, no role: a gap for lint to report, not an error in the sheet (the unit column is often shared).
      if (title === undefined) return undefined;
      const name = columnsOf.name === undefined ? undefined : valueOf(cells, columnsOf.name, 'RoleAssignment', ['holder', 'name']);
      const from = columnsOf.from === undefined ? undefined : valueOf(cells, columnsOf.from, 'RoleAssignment', ['from']);
      const assignment: Record<string, unknown> = {
        kind: 'RoleAssignment',
        id: `${id}-${suffix}`,
        role: roleId,
        application: id,
        holder: { ...(title !== undefined ? { title } : {}), ...(unit !== undefined ? { unit } : {}), ...(name !== undefined ? { name } : {}) },
        ...(appointedBy !== undefined ? { appointedBy } : {}),
        from: from ?? options.date,
      };
      entities.push({ entity: { kind: 'RoleAssignment', id: `${id}-${suffix}`, data: assignment }, sourceOf: roleSources(columnsOf) });
      return `${id}-${suffix}`;
    };
    const ownerId = owner ? role(owner, 'system-owner', 'systemagare', undefined) : undefined;
    if (administrator) role(administrator, 'system-administrator', 'systemansvarig', ownerId);

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
    const taken = entities.find(({ entity }) => options.existing.has(entity.id));
    if (taken) {
      outcomes.push({ row, status: 'skip', reason: { id: 'importIdExists', data: { id: taken.entity.id, file: options.existing.get(taken.entity.id)! } } });
      continue;
    }
    outcomes.push({ row, status: 'write', entities: entities.map(({ entity }) => entity) });
  }
  return { rows: outcomes };
}
