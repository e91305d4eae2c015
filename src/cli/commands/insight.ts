// itreg opportunities, list, show, calendar and export: questions a coordinator asks of the register.
import { join, resolve } from 'node:path';
import Table from 'cli-table3';
import { stringify } from 'yaml';
import { ExitCode, UsageError } from '../../errors.js';
import { computeCosts } from '../../costs/compute.js';
import { collectDeadlines, formatCalendar } from '../../insight/calendar.js';
import { exportRegister, toCsv } from '../../insight/export.js';
import { findOpportunities, type Opportunity } from '../../insight/opportunities.js';
import { runRules } from '../../lint/run-rules.js';
import type { Language } from '../../i18n/index.js';
import { loadRegister } from '../../register/load.js';
import { isCurrentRole, RegisterModel, type Entity } from '../../register/model.js';
import { referencesOf } from '../../register/references.js';
import { parseKind } from '../../register/scaffold.js';
import { writeFileAtomic } from '../../register/write.js';
import { noticeDeadline } from '../../rules/agreement-expiry.js';
import { isValidException } from '../../rules/exception.js';
import { rules } from '../../rules/index.js';
import { planReviewDue } from '../../rules/training-plan-review.js';
import { kinds } from '../../schema/validate.js';
import { didYouMean } from '../../util/nearest.js';
import { formatMoney } from '../../util/money.js';
import { dateOption, emit, loadConfig, useColor, workingFolder, type GlobalOptions } from '../io.js';
import { loadPaint } from '../../format/paint.js';

interface Common extends GlobalOptions {
  readonly date?: string;
  readonly format?: string;
  readonly output?: string;
}

function open(options: GlobalOptions) {
  const config = loadConfig(options);
  return { config, register: new RegisterModel(loadRegister(config)) };
}

const labels = {
  sv: { trigger: 'Anledning', deadline: 'Agera senast', applications: 'Applikationer', municipalities: 'Kommuner', message: 'Vad', none: 'Inga samverkanstillfällen inom horisonten.', triggers: { 'agreement-ending': 'avtal på väg ut', 'poor-fit': 'fungerar dåligt', 'competence-risk': 'kompetensrisk', 'same-product': 'samma produkt' } },
  en: { trigger: 'Trigger', deadline: 'Act by', applications: 'Applications', municipalities: 'Municipalities', message: 'What', none: 'No collaboration opportunities within the horizon.', triggers: { 'agreement-ending': 'agreement ending', 'poor-fit': 'works poorly', 'competence-risk': 'competence risk', 'same-product': 'same product' } },
} as const;

export async function opportunitiesCommand(options: Common & { months?: string }): Promise<ExitCode> {
  const date = dateOption(options.date);
  const months = options.months === undefined ? 12 : Number(options.months);
  if (!Number.isInteger(months) || months < 0) throw new UsageError('--months must be a whole number of months, 0 or more');
  const { config, register } = open(options);
  const found = findOpportunities(register, date, months, config.language);
  const l = labels[config.language];
  let text: string;
  if (options.format === 'json') text = `${JSON.stringify({ opportunities: found }, null, 2)}\n`;
  else if (options.format === 'md') text = markdownOpportunities(found, config.language);
  else {
    const table = new Table({ head: [l.trigger, l.deadline, l.applications, l.message], wordWrap: true, colWidths: [18, 13, 26, 60], style: { head: [], border: [] } });
    for (const o of found) table.push([l.triggers[o.trigger], o.deadline ?? '', o.applications.join(', '), o.message]);
    text = found.length === 0 ? `${l.none}\n` : `${table.toString()}\n`;
  }
  emit(text, options.output, workingFolder(options));
  return ExitCode.Ok;
}

function markdownOpportunities(found: readonly Opportunity[], language: Language): string {
  const l = labels[language];
  if (found.length === 0) return `${l.none}\n`;
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${l.trigger} | ${l.deadline} | ${l.applications} | ${l.municipalities} | ${l.message} |`, '| --- | --- | --- | --- | --- |', ...found.map((o) => `| ${l.triggers[o.trigger]} | ${o.deadline ?? ''} | ${o.applications.join(', ')} | ${o.municipalities.join(', ')} | ${cell(o.message)} |`)].join('\n') + '\n';
}

/** The value at a dotted path ("lifecycle.status", "holder.unit"). */
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
};

export async function listCommand(kindText: string, options: Common & { where?: readonly string[]; sort?: string }): Promise<ExitCode> {
  const kind = parseKind(kindText);
  const { config, register } = open(options);
  const filters = (options.where ?? []).map((where) => {
    const at = where.indexOf('=');
    if (at <= 0) throw new UsageError(`--where ${where}: write field=value, e.g. --where lifecycle.status=active`);
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
    const separator = config.language === 'sv' ? ';' : ',';
    text = toCsv(rows.map((row) => Object.fromEntries(columns.map((c) => [c, show(valueAt(row, c))]))), separator);
  } else {
    const table = new Table({ head: columns, style: { head: [], border: [] } });
    for (const row of rows) table.push(columns.map((c) => show(valueAt(row, c))));
    text = `${table.toString()}\n${rows.length}\n`;
  }
  emit(text, options.output, workingFolder(options));
  return ExitCode.Ok;
}

const showLabels = {
  sv: { roles: 'Roller', agreements: 'Avtal', plans: 'Utbildningsplaner', costs: 'Kostnader', findings: 'Fynd', exceptions: 'Beslutade undantag', referencedBy: 'Refereras av', current: 'gällande', notice: 'uppsägning senast', due: 'översyn', none: '–' },
  en: { roles: 'Roles', agreements: 'Agreements', plans: 'Training plans', costs: 'Costs', findings: 'Findings', exceptions: 'Decided exceptions', referencedBy: 'Referred to by', current: 'current', notice: 'notice by', due: 'review', none: '–' },
} as const;

export async function showCommand(id: string, options: Common): Promise<ExitCode> {
  const date = dateOption(options.date);
  const { config, register } = open(options);
  const entity = register.get(id);
  if (!entity) {
    throw new UsageError(`no entity "${id}" in the register${didYouMean(id, register.ids())}; itreg list <kind> lists them`);
  }
  const file = register.recordOf(entity).source.path;
  const lint = runRules(register.loaded, rules, { date, language: config.language });
  const findings = lint.findings.filter((f) => f.entityId === id || f.refersTo === id);
  const exceptions = config.exceptions.filter((e) => e.entity === id && isValidException(e, date));
  const referencedBy = register.entities.filter((other) => other !== entity && referencesOf(other).some((ref) => ref.id === id)).map((other) => ({ kind: other.kind, id: other.id }));
  const year = Number(date.slice(0, 4));
  const costResult = computeCosts(register, config, year);
  const costs = costResult.splits.filter((s) => s.item.entity.application === id || s.item.entity.id === id);
  const app = entity.kind === 'Application' ? entity : undefined;
  const roles = app ? register.roles(id).map((r) => ({ id: r.id, role: r.role, title: r.holder.title, unit: r.holder.unit, from: r.from, until: r.until, current: isCurrentRole(r, date) })) : [];
  const agreements = app ? register.agreements(id).map((a) => ({ id: a.id, name: a.name, type: a.type, start: a.start, end: a.end, noticeDeadline: noticeDeadline(a) })) : [];
  const plans = app ? register.plansFor(id).map((p) => ({ id: p.id, name: p.name, audience: p.audience, updated: p.updated, reviewDue: planReviewDue(p) })) : [];
  const money = (minor: bigint) => formatMoney(minor, costResult.scale, { language: config.language, grouping: true });
  const costRows = costs.map((s) => ({ id: s.item.entity.id, name: s.item.entity.name, year, amount: Number(s.item.amount), split: s.item.split, parts: s.apportionment.parts.map((p) => ({ municipality: p.id, amount: Number(p.amount) })) }));

  if (options.format === 'json') {
    const json = { entity, file, roles, agreements, trainingPlans: plans, costs: costRows, findings: findings.map(({ messageId: _m, refersTo: _r, ...f }) => f), exceptions, referencedBy };
    emit(`${JSON.stringify(json, null, 2)}\n`, options.output, workingFolder(options));
    return ExitCode.Ok;
  }
  const c = await loadPaint(useColor(options, options.output !== undefined));
  const l = showLabels[config.language];
  const out: string[] = [c.bold(`${'name' in entity && entity.name ? entity.name : entity.id} (${entity.kind} ${entity.id})`), c.dim(file), '', stringify(entity).trimEnd()];
  const section = (title: string, lines: string[]) => {
    out.push('', c.underline(title), ...(lines.length > 0 ? lines.map((line) => `  ${line}`) : [`  ${l.none}`]));
  };
  if (app) {
    section(l.roles, roles.map((r) => `${r.current ? c.green('●') : c.dim('○')} ${r.role}: ${r.title} (${register.nameOf(r.unit)}) ${r.from}–${r.until ?? ''}${r.current ? ` ${c.dim(l.current)}` : ''}`));
    section(l.agreements, agreements.map((a) => `${a.type}: ${a.name} ${a.start}–${a.end ?? ''}${a.noticeDeadline ? `, ${l.notice} ${a.noticeDeadline}` : ''}`));
    section(l.plans, plans.map((p) => `${p.audience}: ${p.name}, ${l.due} ${p.reviewDue}`));
    section(`${l.costs} ${year}`, costs.map((s) => `${s.item.entity.name}: ${money(s.item.amount)} ${config.currency} (${s.item.split}) — ${s.apportionment.parts.map((p) => `${register.nameOf(p.id)} ${money(p.amount)}`).join(', ')}`));
  }
  section(l.findings, findings.map((f) => `${f.severity === 'error' ? c.red(f.severity) : c.yellow(f.severity)} ${f.file}:${f.line}:${f.column} ${f.message} ${c.dim(f.ruleId)}`));
  section(l.exceptions, exceptions.map((e) => `${e.rule} → ${e.until}: ${e.reason ?? ''}`));
  section(l.referencedBy, referencedBy.map((r) => `${r.kind} ${r.id}`));
  emit(`${out.join('\n')}\n`, options.output, workingFolder(options));
  return ExitCode.Ok;
}

export async function calendarCommand(options: Common & { municipality?: string; ownerUnit?: string }): Promise<ExitCode> {
  const date = dateOption(options.date);
  const { config, register } = open(options);
  let deadlines = collectDeadlines(register, config, date, config.language);
  if (options.municipality) {
    if (!register.getOf('Municipality', options.municipality)) throw new UsageError(`no municipality "${options.municipality}"`);
    deadlines = deadlines.filter((d) => d.municipalities.includes(options.municipality!));
  }
  if (options.ownerUnit) {
    if (!register.getOf('Unit', options.ownerUnit)) throw new UsageError(`no unit "${options.ownerUnit}"`);
    const owned = new Set(register.ofKind('RoleAssignment').filter((r) => r.role === 'system-owner' && r.holder.unit === options.ownerUnit && isCurrentRole(r, date)).map((r) => r.application));
    deadlines = deadlines.filter((d) => d.applications.some((a) => owned.has(a)));
  }
  const stamp = `${date.replace(/-/g, '')}T000000Z`;
  emit(formatCalendar(deadlines, { name: config.name || 'itreg', stamp, language: config.language }), options.output, workingFolder(options));
  return ExitCode.Ok;
}

export async function exportCommand(options: Common & { redact?: boolean; outDir?: string }): Promise<ExitCode> {
  const { config, register } = open(options);
  const exported = exportRegister(register, options.redact === true);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  if (exported.redaction) {
    const { names, notes } = exported.redaction;
    say(config.language === 'sv' ? `itreg: tog bort ${names} personnamn (holder.name) och ${notes} anteckningar (notes)` : `itreg: removed ${names} personal names (holder.name) and ${notes} notes`);
  }
  if (options.format === 'csv') {
    if (!options.outDir) throw new UsageError('--format csv writes one CSV file per kind: give the folder with --out-dir');
    const folder = resolve(workingFolder(options), options.outDir);
    const separator = config.language === 'sv' ? ';' : ',';
    for (const kind of kinds) writeFileAtomic(join(folder, `${kind}.csv`), toCsv(exported.entities[kind], separator));
    say(`itreg: ${kinds.length} CSV → ${folder}`);
    return ExitCode.Ok;
  }
  const json = { name: config.name, exported: dateOption(options.date), ...(exported.redaction ? { redacted: ['holder.name', 'notes'] } : {}), entities: exported.entities };
  emit(`${JSON.stringify(json, null, 2)}\n`, options.output, workingFolder(options));
  return ExitCode.Ok;
}
