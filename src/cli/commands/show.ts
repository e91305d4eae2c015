// itreg show <id>: one entity and everything that refers to it.
import { stringify } from 'yaml';
import { ExitCode, UsageError } from '../../errors.js';
import { computeCosts } from '../../costs/compute.js';
import { runRules } from '../../lint/run-rules.js';
import { agreementTerms } from '../../model/agreement-terms.js';
import { isCurrentRole } from '../../model/register-model.js';
import { referencesOf } from '../../model/references.js';
import { isValidException } from '../../register/config.js';
import { rules } from '../../rules/index.js';
import { planReviewDue } from '../../model/policy.js';
import { suggestNearest } from '../../i18n/index.js';
import { formatMoney } from '../../util/money.js';
import { visible } from '../../util/visible.js';
import { loadPaint } from '../../format/paint.js';
import { reportLabels } from '../../report/labels.js';
import { kindName, ruleName } from '../../i18n/terms.js';
import { openRegister, dateOption, emit, useColor, workingFolder, type CommonOptions } from '../io.js';

const showLabels = {
  sv: { roles: 'Roller', agreements: 'Avtal', plans: 'Utbildningsplaner', costs: 'Kostnader', findings: 'Fynd', exceptions: 'Beslutade undantag', referencedBy: 'Refereras av', current: 'gällande', notice: 'uppsägning senast', due: 'översyn', none: '–' },
  en: { roles: 'Roles', agreements: 'Agreements', plans: 'Training plans', costs: 'Costs', findings: 'Findings', exceptions: 'Decided exceptions', referencedBy: 'Referred to by', current: 'current', notice: 'notice by', due: 'review', none: '–' },
} as const;

export async function showCommand(id: string, options: CommonOptions): Promise<ExitCode> {
  const { config, register } = openRegister(options, options.format !== 'json');
  const date = dateOption(options.date, config);
  const entity = register.get(id);
  if (!entity) {
    // Declared, but its file did not pass its schema (or the id is declared twice): not "no entity, did you mean" itself.
    const record = register.recordById(id);
    if (record) throw new UsageError({ id: 'entityNotValid', data: { id, file: record.source.path } });
    throw new UsageError({ id: 'noEntity', data: { id, suggestion: suggestNearest(id, register.ids()) } });
  }
  const file = register.recordOf(entity).source.path;
  const lint = runRules(register, rules, { date, language: config.language });
  const findings = lint.findings.filter((f) => f.entityId === id || f.refersTo === id);
  const exceptions = config.exceptions.filter((e) => e.entity === id && isValidException(e, date));
  const referencedBy = register.entities.filter((other) => other !== entity && referencesOf(other).some((ref) => ref.id === id)).map((other) => ({ kind: other.kind, id: other.id }));
  const year = Number(date.slice(0, 4));
  const costResult = computeCosts(register, config, year);
  const costs = costResult.splits.filter((s) => s.item.entity.application === id || s.item.entity.id === id);
  const app = entity.kind === 'Application' ? entity : undefined;
  const roles = app ? register.roles(id).map((r) => ({ id: r.id, role: r.role, title: r.holder.title, unit: r.holder.unit, from: r.from, until: r.until, current: isCurrentRole(r, date) })) : [];
  const agreements = app ? register.agreements(id).map((a) => {
        const terms = agreementTerms(a, date);
        return { id: a.id, name: a.name, type: a.type, start: a.start, end: terms.end, noticeDeadline: terms.noticeDeadline, ...(terms.terminated !== undefined ? { terminated: terms.terminated } : {}) };
      }) : [];
  const plans = app ? register.plansFor(id).map((p) => ({ id: p.id, name: p.name, audience: p.audience, updated: p.updated, reviewDue: planReviewDue(p) })) : [];
  const money = (minor: bigint) => formatMoney(minor, costResult.scale, { language: config.language, grouping: true });
  const costRows = costs.map((s) => ({ id: s.item.entity.id, name: s.item.entity.name, year, amount: Number(s.item.amount), split: s.item.split, parts: s.apportionment.parts.map((p) => ({ municipality: p.id, amount: Number(p.amount) })) }));

  if (options.format === 'json') {
    const json = { entity, file, roles, agreements, trainingPlans: plans, costs: costRows, findings: findings.map(({ messageId: _m, refersTo: _r, path: _p, ...f }) => f), exceptions, referencedBy };
    emit(`${JSON.stringify(json, null, 2)}\n`, options.output, workingFolder(options));
    return ExitCode.Ok;
  }
  const c = await loadPaint(useColor(options, options.output !== undefined));
  const l = showLabels[config.language];
  // Roles, agreement types, audiences and keys in words, as the reports name them.
  const words = reportLabels[config.language];
  const out: string[] = [c.bold(`${'name' in entity && entity.name ? entity.name : entity.id} (${kindName(config.language, entity.kind)} ${entity.id})`), c.dim(file), '', stringify(entity).trimEnd()];
  const section = (title: string, lines: string[]) => {
    out.push('', c.underline(title), ...(lines.length > 0 ? lines.map((line) => `  ${line}`) : [`  ${l.none}`]));
  };
  if (app) {
    section(l.roles, roles.map((r) => `${r.current ? c.green('●') : c.dim('○')} ${words.roleNames[r.role]}: ${r.title} (${register.nameOf(r.unit)}) ${r.from}–${r.until ?? ''}${r.current ? ` ${c.dim(l.current)}` : ''}`));
    section(l.agreements, agreements.map((a) => `${words.agreementTypes[a.type]}: ${a.name} ${a.start}–${a.end ?? ''}${a.noticeDeadline ? `, ${l.notice} ${a.noticeDeadline}` : ''}`));
    section(l.plans, plans.map((p) => `${words.audiences[p.audience]}: ${p.name}, ${l.due} ${p.reviewDue}`));
    section(`${l.costs} ${year}`, costs.map((s) => `${s.item.entity.name}: ${money(s.item.amount)} ${config.currency} (${words.keys[s.item.split]}) — ${s.apportionment.parts.map((p) => `${register.nameOf(p.id)} ${money(p.amount)}`).join(', ')}`));
  }
  section(l.findings, findings.map((f) => `${f.severity === 'error' ? c.red(words.severities.error) : c.yellow(words.severities.warning)} ${visible(f.file)}:${f.line}:${f.column} ${f.message} ${c.dim(f.ruleId)}`));
  section(l.exceptions, exceptions.map((e) => `${visible(ruleName(config.language, e.rule))} ${c.dim(visible(e.rule))} → ${e.until ?? ''}: ${visible(e.reason ?? '')}`));
  section(l.referencedBy, referencedBy.map((r) => `${kindName(config.language, r.kind)} ${r.id}`));
  emit(`${out.join('\n')}\n`, options.output, workingFolder(options));
  return ExitCode.Ok;
}
