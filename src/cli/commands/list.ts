// itreg list <kind>: entities of a kind, filtered with --where and sorted.
import Table from 'cli-table3';
import { ExitCode, UsageError } from '../../errors.js';
import { suggestNearest } from '../../i18n/index.js';
import { fieldPaths } from '../../schema/validate.js';
import { toCsv } from '../../insight/export.js';
import { visible } from '../../util/visible.js';
import type { Entity } from '../../model/register-model.js';
import { parseKind } from '../../register/scaffold.js';
import { agreementTerms } from '../../model/agreement-terms.js';
import { dateOption, openRegister, emit, workingFolder, type CommonOptions } from '../io.js';

function valueAt(entity: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, step) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[step] : undefined), entity);
}

const listColumns: Record<string, string[]> = {
  Municipality: ['member'],
  Unit: ['type', 'municipality'],
  Application: ['type', 'municipalities', 'lifecycle.status', 'operatedBy', 'vendor.name'],
  RoleAssignment: ['role', 'application', 'holder.title', 'holder.unit', 'from', 'until'],
  Agreement: ['type', 'application', 'start', 'end', 'currentEnd', 'noticeMonths', 'annualCost'],
  TrainingPlan: ['audience', 'applications', 'updated'],
  Investment: ['year', 'amount', 'application', 'split'],
  Document: ['type', 'municipality', 'adopted', 'validYears', 'supersededBy'],
  Processing: ['controller', 'legalBasis', 'applications', 'start', 'end'],
  Supplier: ['orgNumber', 'country', 'contact'],
};

export async function listCommand(kindText: string, options: CommonOptions & { where?: readonly string[]; sort?: string }): Promise<ExitCode> {
  const kind = parseKind(kindText);
  const { config, register } = openRegister(options);
  // A field the kind does not have would match nothing and list no row, silently: it is a usage error.
  const fields = fieldPaths(kind);
  const checkField = (field: string, option: string) => {
    if (!fields.includes(field)) throw new UsageError({ id: 'listUnknownField', data: { option, field, kind: { kindName: kind }, suggestion: suggestNearest(field, fields) } });
  };
  const filters = (options.where ?? []).map((where) => {
    const at = where.indexOf('=');
    if (at <= 0) throw new UsageError({ id: 'whereSyntax', data: { where } });
    checkField(where.slice(0, at), '--where');
    return [where.slice(0, at), where.slice(at + 1)] as const;
  });
  if (options.sort !== undefined && !(kind === 'Agreement' && options.sort === 'currentEnd')) checkField(options.sort, '--sort');
  const matches = (entity: Entity) =>
    filters.every(([path, wanted]) => {
      const value = valueAt(entity, path);
      return Array.isArray(value) ? value.map(String).includes(wanted) : value !== undefined && String(value) === wanted;
    });
  // An agreement's end is its current end on the date (options and renewals counted), as every output shows it.
  const date = dateOption(options.date, config);
  const currentEnds = new Map<Entity, string | undefined>();
  const valueOf = (entity: Entity, path: string): unknown => {
    if (entity.kind !== 'Agreement' || path !== 'currentEnd') return valueAt(entity, path);
    if (!currentEnds.has(entity)) currentEnds.set(entity, agreementTerms(entity, date).end);
    return currentEnds.get(entity);
  };
  const collator = new Intl.Collator(config.language, { numeric: true });
  const sortKey = kind === 'Agreement' && options.sort === 'end' ? 'currentEnd' : (options.sort ?? 'id');
  // A missing value (an open-ended agreement's end) sorts last, whatever the field.
  const sortValue = (entity: Entity) => {
    const value = valueOf(entity, sortKey);
    return value === undefined || value === '' ? undefined : Array.isArray(value) ? value.join(', ') : String(value);
  };
  const rows = register
    .ofKind(kind)
    .filter(matches)
    .map((entity) => ({ entity, key: sortValue(entity) }))
    .sort((a, b) => (a.key === undefined ? (b.key === undefined ? 0 : 1) : b.key === undefined ? -1 : collator.compare(a.key, b.key)))
    .map(({ entity }) => entity);
  const columns = ['id', ...(kind === 'RoleAssignment' ? [] : ['name']), ...(listColumns[kind] ?? [])];
  const show = (value: unknown) => (value === undefined ? '' : Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value));
  let text: string;
  if (options.format === 'json') text = `${JSON.stringify(rows, null, 2)}\n`;
  else if (options.format === 'csv') {
    const cell = (value: unknown) => (typeof value === 'number' ? value : show(value));
    text = toCsv(
      rows.map((row) => Object.fromEntries(columns.map((c) => [c, cell(valueOf(row, c))]))),
      config.language,
    );
  } else {
    const table = new Table({ head: columns, style: { head: [], border: [] } });
    for (const row of rows) table.push(columns.map((c) => visible(show(valueOf(row, c)))));
    text = `${table.toString()}\n${rows.length}\n`;
  }
  emit(text, options.output, workingFolder(options));
  return ExitCode.Ok;
}
