// itreg list <kind>: entities of a kind, filtered with --where and sorted.
import Table from 'cli-table3';
import { ExitCode, UsageError } from '../../errors.js';
import { toCsv } from '../../insight/export.js';
import { visible } from '../../util/visible.js';
import type { Entity } from '../../model/register-model.js';
import { parseKind } from '../../register/scaffold.js';
import { openRegister, emit, workingFolder, type CommonOptions } from '../io.js';

function valueAt(entity: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, step) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[step] : undefined), entity);
}

const listColumns: Record<string, string[]> = {
  Municipality: ['member'],
  Unit: ['type', 'municipality'],
  Application: ['type', 'municipalities', 'lifecycle.status', 'operatedBy', 'vendor.name'],
  RoleAssignment: ['role', 'application', 'holder.title', 'holder.unit', 'from', 'until'],
  Agreement: ['type', 'application', 'start', 'end', 'noticeMonths', 'annualCost'],
  TrainingPlan: ['audience', 'applications', 'updated'],
  Investment: ['year', 'amount', 'application', 'split'],
  Document: ['type', 'municipality', 'adopted', 'validYears', 'supersededBy'],
  Processing: ['controller', 'legalBasis', 'applications', 'start', 'end'],
  Supplier: ['orgNumber', 'country', 'contact'],
};

export async function listCommand(kindText: string, options: CommonOptions & { where?: readonly string[]; sort?: string }): Promise<ExitCode> {
  const kind = parseKind(kindText);
  const { config, register } = openRegister(options);
  const filters = (options.where ?? []).map((where) => {
    const at = where.indexOf('=');
    if (at <= 0) throw new UsageError({ id: 'whereSyntax', data: { where } });
    return [where.slice(0, at), where.slice(at + 1)] as const;
  });
  const matches = (entity: Entity) =>
    filters.every(([path, wanted]) => {
      const value = valueAt(entity, path);
      return Array.isArray(value) ? value.map(String).includes(wanted) : value !== undefined && String(value) === wanted;
    });
  const collator = new Intl.Collator(config.language);
  const sortKey = options.sort ?? 'id';
  const rows = register.ofKind(kind).filter(matches).sort((a, b) => collator.compare(String(valueAt(a, sortKey) ?? ''), String(valueAt(b, sortKey) ?? '')));
  const columns = ['id', ...(kind === 'RoleAssignment' ? [] : ['name']), ...(listColumns[kind] ?? [])];
  const show = (value: unknown) => (value === undefined ? '' : Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value));
  let text: string;
  if (options.format === 'json') text = `${JSON.stringify(rows, null, 2)}\n`;
  else if (options.format === 'csv') {
    const cell = (value: unknown) => (typeof value === 'number' ? value : show(value));
    text = toCsv(rows.map((row) => Object.fromEntries(columns.map((c) => [c, cell(valueAt(row, c))]))), config.language);
  } else {
    const table = new Table({ head: columns, style: { head: [], border: [] } });
    for (const row of rows) table.push(columns.map((c) => visible(show(valueAt(row, c)))));
    text = `${table.toString()}\n${rows.length}\n`;
  }
  emit(text, options.output, workingFolder(options));
  return ExitCode.Ok;
}
