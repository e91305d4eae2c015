// What a board acts on: key figures beside last year's, the largest risks in words, open errors by municipality and
// application with the owning unit, collaboration opportunities, and the costs of last, this and next year. Pure.
import type { FileModel } from '../register/load.js';
import type { CostsResult } from '../costs/compute.js';
import type { Language } from '../i18n/index.js';
import { findOpportunities } from '../insight/opportunities.js';
import type { Finding } from '../lint/run-rules.js';
import type { RegisterModel } from '../model/register-model.js';
import type { Application } from '../types/entities.generated.js';
import { formatAmount } from '../util/money.js';
import { reportLabels } from './labels.js';
import { formatDecimal } from '../util/percent.js';

/** The figures of the end of the previous year, from the register as committed then (git). */
export interface PreviousYear {
  readonly date: string;
  readonly compliance: number;
  readonly live: number;
  readonly errors: number;
}

type Labels = (typeof reportLabels)[Language];

/** Names in a list: with semicolons, since a name may hold a comma ("Lärplattform, Bengtsfors"). */
const list = (names: readonly string[]) => names.join('; ');
/** A report label with its {placeholders} filled. */
export const fill = (label: string, data: Readonly<Record<string, string | number>>) => label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));

/** "+1,9 procentenheter", "−2", "+123 456 kr"; "oförändrat" for no change. */
function change(delta: number, language: Language, unit: 'points' | 'count' | 'money', currency: string, t: Labels): string {
  if (delta === 0) return t.unchanged;
  const sign = delta > 0 ? '+' : '−';
  const size = Math.abs(delta);
  if (unit === 'money') return `${sign}${formatAmount(size, language, currency)}`;
  const number = formatDecimal(size, language);
  return unit === 'points' ? `${sign}${number} ${t.points}` : `${sign}${number}`;
}

const total = (costs: CostsResult | undefined) => (costs ? Number(costs.splits.reduce((sum, s) => sum + s.item.amount, 0n)) / Number(costs.scale) : undefined);

export interface BoardInput {
  readonly register: FileModel;
  readonly date: string;
  readonly year: number;
  readonly language: Language;
  readonly findings: readonly Finding[];
  /** Undefined when no demand applies (every measure 0 of 0): no share to show. */
  readonly compliance: number | undefined;
  readonly live: number;
  readonly costs: CostsResult;
  readonly lastYearCosts?: CostsResult;
  /** Next year's split, when it has items (preliminary until the population is published). */
  readonly nextYearCosts?: CostsResult;
  readonly previous?: PreviousYear;
  readonly proposals: readonly string[];
  /** Only this municipality's applications and bill. */
  readonly municipality?: string;
  readonly agreements: ReadonlyArray<{ readonly name: string; readonly application: string; readonly end: string; readonly deadline: string; readonly ended: boolean; readonly passed: boolean }>;
  readonly unowned: readonly string[];
}

/** A finding's message without the policy quote lint appends: the board reads the gap, the policy is cited once. */
function withoutQuote(message: string): string {
  return message.replace(/ \((IT-policyn, kap\.|IT policy, ch\.) [^"]*"[^"]*"\)$/, '');
}

/** The application a finding is about: the entity itself, or the application its role or agreement belongs to. */
function applicationOf(register: RegisterModel, finding: Finding): Application | undefined {
  const entity = finding.entityId === undefined ? undefined : register.get(finding.entityId);
  if (!entity) return undefined;
  if (entity.kind === 'Application') return entity;
  if ('application' in entity && typeof entity.application === 'string') return register.getOf('Application', entity.application);
  return undefined;
}

/**
 * The open errors a report counts: every one, or for one municipality those about its applications, as the section of
 * open errors lists them (it counted the whole register's beside that municipality's list).
 */
export function reportedErrors(register: RegisterModel, findings: readonly Finding[], municipality?: string): Finding[] {
  const errors = findings.filter((f) => f.severity === 'error');
  return municipality === undefined ? errors : errors.filter((f) => applicationOf(register, f)?.municipalities.includes(municipality) === true);
}

export function buildBoardView(input: BoardInput) {
  const { register, date, language, year } = input;
  const t = reportLabels[language];
  const collator = new Intl.Collator('sv');
  const currency = input.costs.currency;
  const errors = reportedErrors(register, input.findings, input.municipality);
  // The year's cost: the whole bill, or with --municipality that municipality's part of it (as its cost section).
  const amountIn = (costs: CostsResult | undefined, id: string) => (costs ? Number(costs.totals.get(id) ?? 0n) / Number(costs.scale) : undefined);
  const costOf = (costs: CostsResult | undefined) => (input.municipality === undefined ? total(costs) : amountIn(costs, input.municipality));
  const thisTotal = costOf(input.costs) ?? 0;
  const lastTotal = costOf(input.lastYearCosts);

  const since = input.previous
    ? new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${input.previous.date}T00:00:00Z`))
    : '';
  const figures = [
    input.compliance === undefined
      ? { label: t.compliance, value: 'none', number: '–', change: undefined }
      : {
          label: t.compliance,
          value: 'percent',
          number: input.compliance,
          change: input.previous ? change(Math.round((input.compliance - input.previous.compliance) * 10) / 10, language, 'points', currency, t) : undefined,
        },
    {
      label: `${t.applications} ${t.liveApplications}`,
      value: 'count',
      number: input.live,
      change: input.previous ? change(input.live - input.previous.live, language, 'count', currency, t) : undefined,
    },
    { label: `${t.costs} ${year}`, value: 'money', number: thisTotal, change: lastTotal !== undefined ? change(thisTotal - lastTotal, language, 'money', currency, t) : undefined },
    { label: t.errorsFigure, value: 'count', number: errors.length, change: input.previous ? change(errors.length - input.previous.errors, language, 'count', currency, t) : undefined },
  ].map((f) => ({ ...f, since: f.value === 'money' ? String(year - 1) : since, isPercent: f.value === 'percent', isMoney: f.value === 'money' }));

  // The largest risks, in words; an agreement by its name and its application's, when it has one.
  const agreementName = (a: { name: string; application: string }) => (a.application ? `${a.name} (${a.application})` : a.name);
  const opportunities = findOpportunities(register, date, 12, language).filter((o) => input.municipality === undefined || o.municipalities.includes(input.municipality));
  const ended = input.agreements.filter((a) => a.ended);
  const passed = input.agreements.filter((a) => a.passed);
  const competence = opportunities.filter((o) => o.trigger === 'competence-risk');
  const risks = [
    ...(ended.length > 0 ? [fill(ended.length === 1 ? t.riskEndedOne : t.riskEnded, { n: ended.length, names: list(ended.map(agreementName)) })] : []),
    ...(passed.length > 0 ? [fill(passed.length === 1 ? t.riskPassedOne : t.riskPassed, { n: passed.length, names: list(passed.map(agreementName)) })] : []),
    ...(input.unowned.length > 0 ? [fill(input.unowned.length === 1 ? t.riskUnownedOne : t.riskUnowned, { n: input.unowned.length, names: list(input.unowned) })] : []),
    ...(competence.length > 0
      ? [fill(competence.length === 1 ? t.riskCompetenceOne : t.riskCompetence, { n: competence.length, names: list(competence.flatMap((o) => o.applications.map((id) => register.nameOf(id)))) })]
      : []),
    ...(errors.length > 0 ? [fill(errors.length === 1 ? t.riskErrorsOne : t.riskErrors, { n: errors.length })] : []),
  ];

  // Open errors by municipality and application, with the unit owning the application.
  const groups = new Map<string, Map<string, { name: string; owner: string; errors: string[] }>>();
  const general: string[] = [];
  for (const finding of errors) {
    const app = applicationOf(register, finding);
    // (With --municipality every error left has an application of that municipality.)
    if (!app) {
      general.push(withoutQuote(finding.message));
      continue;
    }
    const owner = register.currentRoles(app.id, 'system-owner', date)[0];
    const ownerText = owner ? `${owner.holder.title}, ${register.nameOf(owner.holder.unit)}` : t.noOwner;
    for (const municipality of app.municipalities) {
      if (input.municipality !== undefined && municipality !== input.municipality) continue;
      const apps = groups.get(municipality) ?? new Map<string, { name: string; owner: string; errors: string[] }>();
      const entry = apps.get(app.id) ?? { name: app.name, owner: ownerText, errors: [] };
      entry.errors.push(withoutQuote(finding.message));
      apps.set(app.id, entry);
      groups.set(municipality, apps);
    }
  }
  const errorsByMunicipality = [...groups]
    .map(([id, apps]) => ({ name: register.nameOf(id), applications: [...apps.values()].sort((a, b) => collator.compare(a.name, b.name)) }))
    .sort((a, b) => collator.compare(a.name, b.name));

  // Costs per municipality: last year, this year and next year's (preliminary) split.
  const ids = new Map<string, string>();
  for (const costs of [input.lastYearCosts, input.costs, input.nextYearCosts]) for (const m of costs?.municipalities ?? []) if (!ids.has(m.id)) ids.set(m.id, m.name);
  const costRows = [...ids]
    .filter(([id]) => input.municipality === undefined || id === input.municipality)
    .map(([id, name]) => ({ name, last: amountIn(input.lastYearCosts, id), current: amountIn(input.costs, id), next: amountIn(input.nextYearCosts, id) }));
  const nextPreliminary = (input.nextYearCosts?.splits ?? []).some((s) => s.item.preliminary);

  return {
    figures,
    risks,
    proposals: [...input.proposals],
    errorsByMunicipality,
    generalErrors: general,
    opportunities: opportunities.map((o) => ({
      trigger: t.triggers[o.trigger],
      applications: o.applications.map((id) => register.nameOf(id)).join(', '),
      deadline: o.deadline,
      passed: o.deadlinePassed === true,
      message: o.message,
    })),
    costComparison: {
      rows: costRows,
      lastYear: year - 1,
      nextYear: year + 1,
      hasLast: input.lastYearCosts !== undefined,
      hasNext: input.nextYearCosts !== undefined && input.nextYearCosts.splits.length > 0,
      nextPreliminary,
      totals: { last: lastTotal, current: thisTotal, next: costOf(input.nextYearCosts) },
    },
  };
}
