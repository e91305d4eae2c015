// itreg show <id>: one entity and everything that refers to it.
import { stringify } from 'yaml';
import { ExitCode, UsageError } from '../../errors.js';
import { computeCosts } from '../../costs/compute.js';
import { runRules } from '../../lint/run-rules.js';
import { agreementStateMessage, agreementView, type AgreementView } from '../../views/agreement.js';
import { applicationView } from '../../views/application.js';
import { findingsAbout, findingView } from '../../views/finding.js';
import { itemPopulationView, partView } from '../../views/part.js';
import { referencesOf } from '../../model/references.js';
import { isValidException } from '../../register/config.js';
import { rules } from '../../rules/index.js';
import { suggestNearest, translator } from '../../i18n/index.js';
import { formatMoney } from '../../util/money.js';
import { visible } from '../../util/visible.js';
import { loadPaint } from '../../format/paint.js';
import { supplierLabels } from '../../format/suppliers.js';
import { reportLabels } from '../../report/labels.js';
import { capitalise, kindName, ruleName } from '../../i18n/terms.js';
import { openRegister, dateOption, emit, useColor, workingFolder, type CommonOptions } from '../io.js';

const showLabels = {
  sv: {
    roles: 'Roller',
    agreements: 'Avtal',
    plans: 'Utbildningsplaner',
    processings: 'Behandlingar av personuppgifter (registerförteckningen)',
    suppliers: 'Leverantörer',
    controller: 'personuppgiftsansvarig',
    processingStates: { current: 'pågår', ended: 'avslutad', upcoming: 'ej påbörjad' },
    costs: 'Kostnader',
    findings: 'Fynd',
    exceptions: 'Beslutade undantag',
    referencedBy: 'Refereras av',
    current: 'gällande',
    notice: 'uppsägning senast',
    terms: 'Villkor och läge',
    currentEnd: 'nuvarande slut',
    state: 'läge',
    due: 'översyn',
    none: '–',
  },
  en: {
    roles: 'Roles',
    agreements: 'Agreements',
    plans: 'Training plans',
    processings: 'Processing activities (the record of processing)',
    suppliers: 'Suppliers',
    controller: 'controller',
    processingStates: { current: 'ongoing', ended: 'ended', upcoming: 'not started' },
    costs: 'Costs',
    findings: 'Findings',
    exceptions: 'Decided exceptions',
    referencedBy: 'Referred to by',
    current: 'current',
    notice: 'notice by',
    terms: 'Terms and state',
    currentEnd: 'current end',
    state: 'state',
    due: 'review',
    none: '–',
  },
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
  const findings = findingsAbout(register, lint.findings, id);
  const exceptions = config.exceptions.filter((e) => e.entity === id && isValidException(e, date));
  const referencedBy = register.entities.filter((other) => other !== entity && referencesOf(other).some((ref) => ref.id === id)).map((other) => ({ kind: other.kind, id: other.id }));
  const year = Number(date.slice(0, 4));
  const costResult = computeCosts(register, config, year);
  const costs = costResult.splits.filter((s) => s.item.entity.application === id || s.item.entity.id === id);
  const app = entity.kind === 'Application' ? entity : undefined;
  const appView = app ? applicationView(register, app, date, lint.findings) : undefined;
  const agreement = entity.kind === 'Agreement' ? agreementView(register, entity, date) : undefined;
  const roles = appView?.roles ?? [];
  const agreements = appView?.agreements ?? [];
  const plans = (appView?.plans ?? []).map(({ overdue: _overdue, ...p }) => p);
  const processings = appView?.processings ?? [];
  const suppliers = appView?.suppliers ?? [];
  const money = (minor: bigint) => formatMoney(minor, costResult.scale, { language: config.language, grouping: true });
  const costRows = costs.map((s) => {
    const population = itemPopulationView(s);
    return {
      id: s.item.entity.id,
      name: s.item.entity.name,
      year,
      amount: Number(s.item.amount),
      split: s.item.split,
      ...(population.preliminary ? { preliminary: true, populationYears: population.populationYears } : {}),
      parts: s.apportionment.parts.map((p) => ({ municipality: p.id, amount: Number(p.amount), ...(population.preliminary ? { populationYear: partView(s, p.id)?.populationYear } : {}) })),
    };
  });

  if (options.format === 'json') {
    const json = {
      entity,
      file,
      ...(agreement ? { agreement } : {}),
      roles,
      agreements,
      trainingPlans: plans,
      ...(app ? { processings, suppliers } : {}),
      costs: costRows,
      findings: findings.map(findingView),
      exceptions,
      referencedBy,
    };
    emit(`${JSON.stringify(json, null, 2)}\n`, options.output, workingFolder(options));
    return ExitCode.Ok;
  }
  const c = await loadPaint(useColor(options, options.output !== undefined));
  const l = showLabels[config.language];
  // Roles, agreement types, audiences and keys in words, as the reports name them.
  const words = reportLabels[config.language];
  const translate = translator(config.language);
  const stateText = (a: AgreementView) => translate(agreementStateMessage(a));
  const out: string[] = [c.bold(`${'name' in entity && entity.name ? entity.name : entity.id} (${kindName(config.language, entity.kind)} ${entity.id})`), c.dim(file), '', stringify(entity).trimEnd()];
  const section = (title: string, lines: string[]) => {
    out.push('', c.underline(title), ...(lines.length > 0 ? lines.map((line) => `  ${line}`) : [`  ${l.none}`]));
  };
  if (app) {
    section(
      l.roles,
      roles.map(
        (r) => `${r.current ? c.green('●') : c.dim('○')} ${words.roleNames[r.role]}: ${r.title} (${register.nameOf(r.unit)}) ${r.from}–${r.until ?? ''}${r.current ? ` ${c.dim(l.current)}` : ''}`,
      ),
    );
    section(
      l.agreements,
      agreements.map((a) => `${words.agreementTypes[a.type]}: ${a.name} ${a.start}–${a.end ?? ''}${a.noticeDeadline ? `, ${l.notice} ${a.noticeDeadline}` : ''} (${stateText(a)})`),
    );
    section(
      l.plans,
      plans.map((p) => `${words.audiences[p.audience]}: ${p.name}, ${l.due} ${p.reviewDue}`),
    );
    // Where the application is in the record of processing, and whom it depends on, as `itreg suppliers` counts it.
    section(
      l.processings,
      processings.map((p) => `${p.state === 'current' ? c.green('●') : c.dim('○')} ${p.name} (${l.controller}: ${register.nameOf(p.controller)}) ${c.dim(l.processingStates[p.state])}`),
    );
    section(
      l.suppliers,
      suppliers.map((d) => `${d.name} (${d.via.map((via) => supplierLabels[config.language].links[via]).join(', ')})`),
    );
    section(
      `${l.costs} ${year}`,
      costs.map(
        (s) =>
          `${s.item.entity.name}: ${money(s.item.amount)} ${config.currency} (${words.keys[s.item.split]}) — ${s.apportionment.parts.map((p) => `${register.nameOf(p.id)} ${money(p.amount)}`).join(', ')}`,
      ),
    );
  }
  if (agreement) {
    // Once notice is given, the deadline is no date to act by: the state says when notice was given.
    section(l.terms, [
      `${capitalise(l.currentEnd)}: ${agreement.end ?? l.none}`,
      ...(agreement.noticeDeadline && agreement.state !== 'terminated' ? [`${capitalise(l.notice)}: ${agreement.noticeDeadline}`] : []),
      `${capitalise(l.state)}: ${stateText(agreement)}`,
    ]);
  }
  section(
    l.findings,
    findings.map((f) => `${f.severity === 'error' ? c.red(words.severities.error) : c.yellow(words.severities.warning)} ${visible(f.file)}:${f.line}:${f.column} ${f.message} ${c.dim(f.ruleId)}`),
  );
  section(
    l.exceptions,
    exceptions.map((e) => `${visible(ruleName(config.language, e.rule))} ${c.dim(visible(e.rule))} → ${e.until ?? ''}: ${visible(e.reason ?? '')}`),
  );
  section(
    l.referencedBy,
    referencedBy.map((r) => `${kindName(config.language, r.kind)} ${r.id}`),
  );
  emit(`${out.join('\n')}\n`, options.output, workingFolder(options));
  return ExitCode.Ok;
}
