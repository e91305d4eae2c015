// The reports' view models: everything a template shows, computed here from the register (templates hold no logic).
import type { FileModel } from '../register/load.js';
import { checkCosts, type CostsCheck } from '../costs/check.js';
import { computeCosts, type CostsResult } from '../costs/compute.js';
import { translator, type Language } from '../i18n/index.js';
import type { EntityChange } from '../insight/history.js';
import type { Finding } from '../lint/run-rules.js';
import type { Config } from '../register/config.js';
import { isLive, type RegisterModel } from '../model/register-model.js';
import { agreementView, type AgreementView } from '../views/agreement.js';
import { applicationView } from '../views/application.js';
import { continuityView, type ContinuityCounts } from '../views/continuity.js';
import { levelName } from '../model/continuity.js';
import { itemPopulationView } from '../views/part.js';
import { isValidException } from '../register/config.js';
import { documentReviewDue, isDocumentExpired, isGoverning, isShared } from '../model/policy.js';
import type { Application } from '../types/entities.generated.js';
import { addMonths } from '../util/dates.js';
import { formatAmount } from '../util/money.js';
import { formatPercent } from '../util/percent.js';
import { basisText, billRows, daysText } from '../costs/basis.js';
import { preliminaryText } from '../costs/preliminary.js';
import { buildBoardView, type PreviousYear } from './board.js';
import { barChart, lineChart } from './charts.js';
import { computeComplianceIn, measureKeys, type Compliance, type Subject } from './compliance.js';
import { reportLabels } from './labels.js';
import { capitalise, ruleName, terms } from '../i18n/terms.js';

export interface ReportInput {
  readonly register: FileModel;
  readonly config: Config;
  readonly year: number;
  readonly date: string;
  readonly language: Language;
  readonly findings: readonly Finding[];
  /** The year's changes from git; undefined when the register is not in a git repository. */
  readonly history?: { readonly changes: readonly EntityChange[]; readonly shallow?: { readonly commits: number; readonly since: string } };
  /** Compliance at month ends, from committed snapshots. */
  readonly trend: ReadonlyArray<{ readonly date: string; readonly percent: number }>;
  /** The year's bill, computed once (as `itreg costs` computes it) and checked: see reportCosts(). */
  readonly costs: ReportCosts;
  /** Last year's and next year's bills (next only when it has items), for the board's comparison. */
  readonly lastYearCosts?: CostsResult;
  readonly nextYearCosts?: CostsResult;
  /** The register as committed at the end of the previous year, when git has it. */
  readonly previous?: PreviousYear;
  /** The yearly report for one municipality: its applications and its bill. */
  readonly municipality?: string;
  /** The register's short git commit, for the PDF footer. */
  readonly commit?: string;
}

export interface ReportCosts {
  readonly result: CostsResult;
  readonly check: CostsCheck;
}

/** The bill of `year` exactly as `itreg costs` computes it, with what it leaves out. */
export function reportCosts(register: FileModel, config: Config, year: number): ReportCosts {
  const result = computeCosts(register, config, year);
  return { result, check: checkCosts(register, result) };
}

/** What a draft lacks: a banner ("Utkast: 2 kostnadsposter kunde inte fördelas") and each item with its reason. */
function draftView(costs: ReportCosts, language: Language) {
  const t = reportLabels[language];
  const translate = translator(language);
  const items = costs.check.leftOut.filter((l) => l.kind === 'item').length;
  const files = costs.check.leftOut.length - items;
  const plural = new Intl.PluralRules(language);
  const parts = [
    ...(items > 0 ? [(plural.select(items) === 'one' ? t.draftItemsOne : t.draftItemsMany).replace('{n}', String(items))] : []),
    ...(files > 0 ? [(plural.select(files) === 'one' ? t.draftFilesOne : t.draftFilesMany).replace('{n}', String(files))] : []),
  ];
  return {
    banner: `${t.draft}: ${parts.join('; ')}`,
    leftOut: costs.check.leftOut.map((l) => ({ name: l.name, location: l.location, reason: translate(l.reason) })),
  };
}

// Swedish collation in both languages: the names are Swedish, and Å, Ä, Ö sort last.
const collatorFor = (_language: Language) => new Intl.Collator('sv');

function municipalityOf(register: RegisterModel, unitId: string | undefined): string | undefined {
  return register.getOf('Unit', unitId)?.municipality;
}

function currentOwner(register: RegisterModel, app: Application, date: string) {
  return register.currentRoles(app.id, 'system-owner', date)[0];
}

/** The year's cost split in currency units, for templates; the site shows the same. */
export function costView(costs: CostsResult, language: Language) {
  const t = reportLabels[language];
  const unit = Number(costs.scale);
  const amount = (minor: bigint) => Number(minor) / unit;
  return {
    currency: costs.currency,
    referenceYear: costs.referenceYear,
    total: amount(costs.splits.reduce((sum, s) => sum + s.item.amount, 0n)),
    byMunicipality: costs.municipalities.map((m) => ({ id: m.id, name: m.name, amount: amount(costs.totals.get(m.id) ?? 0n) })),
    items: costs.splits.map((s) => ({
      id: s.item.entity.id,
      name: s.item.entity.name,
      key: t.keys[s.item.split],
      amount: amount(s.item.amount),
      preliminary: preliminaryText(s, language),
      // The population years the split stands on (an earlier year's, when preliminary): views/part.ts.
      populationYears: itemPopulationView(s).populationYears.join(', '),
      parts: costs.municipalities.map((m) => ({ municipality: m.name, amount: amount(s.apportionment.parts.find((p) => p.id === m.id)?.amount ?? 0n) })),
      application: s.item.entity.application,
      referenceYear: s.item.referenceYear,
      // How the item was split: each participant's weight (population, agreed share or one equal part) and part.
      participants: s.item.participants.map((p) => ({
        id: p.id,
        name: p.name,
        weight: s.item.split === 'population' ? (p.population ?? 0) : s.item.split === 'shares' ? (p.share ?? 0) : 1,
        amount: amount(s.apportionment.parts.find((x) => x.id === p.id)?.amount ?? 0n),
      })),
      totalWeight: Number(s.apportionment.totalWeight),
    })),
  };
}

/** An agreement's state as the reports word it (the state is the model's: views/agreement.ts). */
function agreementRowState(view: AgreementView, t: (typeof reportLabels)[Language]) {
  return {
    ended: view.state === 'ended',
    passed: view.state === 'deadline-passed',
    state: t.agreementStates[view.state],
    actionable: view.canGiveNotice,
    endText: view.renews ? t.renewsText : t.endsText,
  };
}

/**
 * The section on classification and continuity: the counts of views/continuity.ts (with the rules' options), worded.
 * A cell is marked when it falls short of the count it is part of.
 */
function yearlyContinuity(input: ReportInput, apps: readonly Application[], members: readonly { id: string; name: string }[], collator: Intl.Collator) {
  const { register, config, date, language } = input;
  const t = reportLabels[language];
  const view = continuityView(register, apps, members, config.rules, date);
  const { policy } = view;
  const row = (name: string, c: ContinuityCounts, total: boolean) => ({
    name,
    total,
    ...c,
    classifiedShort: c.classified < c.live,
    currentShort: c.classificationCurrent < c.classified,
    planShort: c.withPlan < c.needContinuity,
    restoreShort: c.restoreCurrent < c.needContinuity,
  });
  const names = (list: readonly Application[], note: (app: Application) => { note: string; date?: string }) =>
    [...list].sort((a, b) => collator.compare(a.name, b.name)).map((app) => ({ name: app.name, ...note(app) }));
  const gaps = [
    { label: t.continuityUnclassified, applications: names(view.gaps.unclassified, () => ({ note: '' })) },
    {
      label: t.continuityReview,
      applications: names(view.gaps.classificationNotCurrent, (a) => {
        const decided = a.classification?.decided;
        return decided === undefined ? { note: t.continuityUndated } : { note: t.continuityDecided, date: decided };
      }),
    },
    { label: t.continuityNoPlan, applications: names(view.gaps.planMissing, () => ({ note: '' })) },
    {
      label: t.continuityNoRestore,
      applications: names(view.gaps.restoreNotCurrent, (a) => {
        const tested = a.continuity?.restoreTested;
        return tested === undefined ? { note: t.continuityNeverTested } : { note: t.continuityTested, date: tested };
      }),
    },
  ].filter((g) => g.applications.length > 0);
  const rows = view.byMunicipality.map((m) => row(m.name, m, false));
  // With one municipality (--municipality) its row is the whole scope: no second column with the same figures.
  const total = rows.length === 1 ? undefined : row(t.continuityTotal, view.total, true);
  const columns = total ? [...rows, total] : rows;
  // A line per figure and a column per municipality, as the compliance table: six figures fit across a page, five
  // municipalities' names beside them do not.
  const line = (label: string, part: boolean, value: (c: (typeof columns)[number]) => number, short: (c: (typeof columns)[number]) => boolean) => ({
    label,
    part,
    cells: columns.map((c) => ({ value: value(c), short: short(c), total: c.total })),
  });
  const table = {
    columns: columns.map((c) => ({ name: c.name, total: c.total })),
    lines: [
      line(
        t.continuityLive,
        false,
        (c) => c.live,
        () => false,
      ),
      line(
        t.continuityClassified,
        false,
        (c) => c.classified,
        (c) => c.classifiedShort,
      ),
      line(
        t.continuityCurrent,
        true,
        (c) => c.classificationCurrent,
        (c) => c.currentShort,
      ),
      line(
        t.continuityNeeded,
        false,
        (c) => c.needContinuity,
        () => false,
      ),
      line(
        t.continuityWithPlan,
        true,
        (c) => c.withPlan,
        (c) => c.planShort,
      ),
      line(
        t.continuityRestore,
        true,
        (c) => c.restoreCurrent,
        (c) => c.restoreShort,
      ),
    ],
  };
  return {
    intro: t.continuityIntro
      .replace('{reviewMonths}', String(policy.reviewMonths))
      .replace('{minAvailability}', String(policy.minAvailability))
      .replace('{levelName}', levelName(config.classificationLevels, policy.minAvailability))
      .replace('{restoreMonths}', String(policy.restoreMonths))
      .concat(total ? ` ${t.continuityTotalNote}` : ''),
    policy,
    rows,
    total,
    table,
    gaps,
  };
}

/** The yearly policy report. */
export function buildYearlyView(input: ReportInput) {
  const { register, config, year, date, language } = input;
  const t = reportLabels[language];
  const collator = collatorFor(language);
  const byName = <T extends { name: string }>(list: T[]): T[] => list.sort((a, b) => collator.compare(a.name, b.name));
  // With --municipality: the applications that municipality uses, and its bill.
  const only = input.municipality;
  const apps = register.ofKind('Application').filter((a) => only === undefined || a.municipalities.includes(only));
  const live = apps.filter(isLive);
  const members = byName([...register.members(date)].filter((m) => only === undefined || m.id === only));
  const partners = byName(register.ofKind('Municipality').filter((m) => m.member === false));

  // At a glance.
  const byType = (['business', 'general', 'infrastructure'] as const).map((type) => ({ label: t.types[type], count: live.filter((a) => a.type === type).length }));
  const levels = config.collaborationLevels.map((name, i) => ({ level: i + 1, name, count: live.filter((a) => a.collaborationLevel === i + 1).length }));

  // Compliance, overall (or the one municipality's), per member municipality, and of the cooperation as a whole (the
  // demands that belong to no municipality: the IT staff's joint plan, joint documents), from one assessment.
  const assessed = computeComplianceIn(register, date, [only === undefined ? 'all' : { municipality: only }, 'cooperation', ...members.map((m) => ({ municipality: m.id }))]);
  const compliance = assessed[0]!;
  const cooperation = assessed[1]!;
  const subjectName = (subject: Subject) => subject.name ?? t.noItStaffPlan;
  const measures = compliance.measures.map((m) => ({
    key: m.key,
    label: t.measures[m.key],
    scope: t.measureScopes[m.key],
    ok: m.ok,
    total: m.total,
    percent: m.percent,
    applies: m.total > 0,
    hasGaps: m.gaps.length > 0,
    gaps: byName(m.gaps.map((g) => ({ id: g.id, kind: g.kind, name: subjectName(g) }))),
    decided: byName(m.decided.map((d) => ({ id: d.id, kind: d.kind, name: subjectName(d), reason: d.reason, until: d.until }))),
  }));
  const complianceRow = (name: string, own: Compliance, cooperationLevel: boolean) => ({
    name,
    cooperationLevel,
    applications: own.live,
    overall: own.overall,
    applies: own.applies,
    cells: own.measures.map((x) => ({ percent: x.percent, ok: x.ok, total: x.total, applies: x.total > 0, hasGaps: x.gaps.length > 0 })),
  });
  const byMunicipality = [
    ...byName(assessed.slice(2).map((own, i) => complianceRow(members[i]!.name, own, false))),
    ...(cooperation.measures.some((m) => m.total > 0) ? [complianceRow(t.wholeCooperation, cooperation, true)] : []),
  ];
  // The same figures with a row per measure and a column per municipality: eleven measures do not fit across a page.
  const byMeasure = measureKeys.map((key, index) => ({ label: t.measures[key], cells: byMunicipality.map((row) => row.cells[index]!) }));

  // Ownership of shared applications, by the owner's municipality; an owner in a unit of the cooperation itself (a
  // federation or group without municipality) is owned at cooperation level: its own row, never "without owner".
  const shared = live.filter(isShared);
  const owners = new Map<string, string[]>();
  const cooperationUnits = new Map<string, string>();
  for (const app of shared) {
    const owner = currentOwner(register, app, date);
    let key = '';
    if (owner) {
      const municipality = municipalityOf(register, owner.holder.unit);
      key = municipality ?? `unit:${owner.holder.unit}`;
      if (!municipality) cooperationUnits.set(key, register.nameOf(owner.holder.unit));
    }
    owners.set(key, [...(owners.get(key) ?? []), app.name]);
  }
  const shareOf = (count: number) => (shared.length === 0 ? 0 : Math.round((count / shared.length) * 1000) / 10);
  const ownershipRow = (key: string, name: string, cooperationLevel: boolean) => {
    const list = (owners.get(key) ?? []).sort(collator.compare);
    return { name, count: list.length, share: shareOf(list.length), applications: list.join(', '), cooperationLevel };
  };
  const ownership = [
    ...[...members, ...partners].map((m) => ownershipRow(m.id, m.name, false)),
    ...[...cooperationUnits].sort((a, b) => collator.compare(a[1], b[1])).map(([key, name]) => ownershipRow(key, name, true)),
  ];
  const unowned = owners.get('') ?? [];

  // Agreements ending or due for notice in the coming twelve months (and those already ended, not renewed).
  const horizon = addMonths(date, 12);
  const agreements = register
    .ofKind('Agreement')
    .flatMap((a) => {
      const app = register.getOf('Application', a.application);
      if (app && !isLive(app)) return [];
      if (only !== undefined && !app?.municipalities.includes(only)) return [];
      const view = agreementView(register, a, date);
      const { end, noticeDeadline: deadline } = view;
      if (!end || !deadline) return [];
      if (view.renewedBy.length > 0 || deadline > horizon) return [];
      // An agreement of no application that has ended is history: agreement-expiry does not judge it either.
      if (view.state === 'ended' && a.application === undefined) return [];
      return [{ id: a.id, applicationId: a.application, name: a.name, application: app?.name ?? a.application ?? '', type: t.agreementTypes[a.type], end, deadline, ...agreementRowState(view, t) }];
    })
    .sort((a, b) => (a.deadline < b.deadline ? -1 : 1));

  const documents = register
    .ofKind('Document')
    .filter(isGoverning)
    .map((d) => ({ id: d.id, name: d.name, due: documentReviewDue(d), overdue: isDocumentExpired(d, date) }))
    .filter((d) => d.due <= horizon)
    .sort((a, b) => (a.due < b.due ? -1 : 1));

  const continuity = yearlyContinuity(input, apps, members, collator);

  const allCosts = costView(input.costs.result, language);
  const costs =
    only === undefined
      ? allCosts
      : {
          ...allCosts,
          total: allCosts.byMunicipality.find((m) => m.id === only)?.amount ?? 0,
          byMunicipality: allCosts.byMunicipality.filter((m) => m.id === only),
          // The municipality's part of each item it takes part in.
          items: allCosts.items.flatMap((i) => {
            const part = i.participants.find((p) => p.id === only);
            return part ? [{ ...i, amount: part.amount }] : [];
          }),
        };
  const exceptions = config.exceptions
    .filter((e) => isValidException(e, date))
    .map((e) => ({ rule: ruleName(language, e.rule), ruleId: e.rule, entity: e.entity ? register.nameOf(e.entity) : t.wholeRegister, reason: e.reason ?? '', until: e.until ?? '' }));

  // The year's changes.
  const changes = input.history?.changes ?? [];
  // Grouped by date and kind, so a year in which the register was first committed stays readable.
  const grouped = (list: readonly EntityChange[]) => {
    const groups = new Map<string, { date: string; kind: string; names: string[] }>();
    for (const c of list) {
      const kind = (c.kind && c.kind in t.kinds ? t.kinds[c.kind as keyof typeof t.kinds] : c.kind) ?? '';
      const key = `${c.date}\u0000${kind}`;
      const group = groups.get(key) ?? { date: c.date, kind, names: [] };
      // A role assignment has no name: "Systemägare, Bibliotekssystem" rather than its id.
      const roleLabel = c.role && c.role in t.roleNames ? t.roleNames[c.role as keyof typeof t.roleNames] : undefined;
      group.names.push(c.name ?? (roleLabel && c.application ? `${roleLabel}, ${register.nameOf(c.application)}` : c.entity));
      groups.set(key, group);
    }
    return [...groups.values()].map((g) => ({ ...g, count: g.names.length, names: g.names.sort(collator.compare).join('; ') }));
  };
  // A first owner, added with its application (a new application, or the register's first commit), is no change of owner.
  const addedWithApplication = new Set(changes.filter((c) => c.kind === 'Application' && c.change === 'added').map((c) => `${c.commit}\u0000${c.entity}`));
  const ownerChanges = changes
    .filter((c) => c.kind === 'RoleAssignment' && c.role === 'system-owner' && (c.change === 'added' || c.fields.some((f) => f.path.startsWith('holder.'))))
    .filter((c) => !(c.change === 'added' && addedWithApplication.has(`${c.commit}\u0000${c.application ?? ''}`)))
    .map((c) => {
      const field = c.fields.find((f) => f.path === 'holder.title');
      const app = c.application ? register.nameOf(c.application) : c.entity;
      return { date: c.date, application: app, from: field?.from ?? '', to: field?.to ?? c.holder ?? '', added: c.change === 'added' };
    });

  const errors = input.findings.filter((f) => f.severity === 'error').length;
  const board = buildBoardView({
    register,
    date,
    year,
    language,
    findings: input.findings,
    compliance: compliance.applies ? compliance.overall : undefined,
    live: compliance.live,
    costs: input.costs.result,
    ...(input.lastYearCosts ? { lastYearCosts: input.lastYearCosts } : {}),
    ...(input.nextYearCosts ? { nextYearCosts: input.nextYearCosts } : {}),
    ...(input.previous ? { previous: input.previous } : {}),
    ...(input.municipality ? { municipality: input.municipality } : {}),
    proposals: config.proposals,
    agreements,
    unowned,
  });
  const monthNames = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { month: 'short', timeZone: 'UTC' });
  const trendPoints = input.trend.map((p) => ({ label: monthNames.format(new Date(`${p.date}T00:00:00Z`)), value: p.percent }));

  return {
    lang: language,
    t,
    title: `${t.yearlyTitle} ${year}${input.municipality ? `: ${register.nameOf(input.municipality)}` : ''}`,
    name: config.name,
    commit: input.commit,
    board,
    draft: input.costs.check.leftOut.length > 0 ? draftView(input.costs, language) : undefined,
    year,
    date,
    glance: { applications: apps.length, live: live.length, byType, levels, members: members.map((m) => m.name), partners: partners.map((m) => m.name) },
    compliance: { overall: compliance.overall, applies: compliance.applies, live: compliance.live, measures, measureLabels: measureKeys.map((k) => t.measures[k]), byMunicipality, byMeasure },
    ownership: {
      rows: ownership,
      unowned: unowned.sort(collator.compare).join(', '),
      unownedCount: unowned.length,
      unownedShare: shareOf(unowned.length),
      hasUnowned: unowned.length > 0,
      shared: shared.length,
    },
    continuity,
    agreements,
    documents,
    costs,
    exceptions,
    changes: {
      available: input.history !== undefined,
      shallow: input.history?.shallow !== undefined,
      added: grouped(changes.filter((c) => c.change === 'added')),
      removed: grouped(changes.filter((c) => c.change === 'removed')),
      ownerChanges,
      trend: input.trend,
    },
    findings: { errors, warnings: input.findings.length - errors },
    charts: {
      costs: barChart(
        costs.byMunicipality.map((m) => ({ label: m.name, value: m.amount, text: formatAmount(m.amount, language, costs.currency) })),
        { title: `${t.chartCosts} ${year}` },
      ),
      levels: barChart(
        levels.map((l) => ({ label: `${l.level}. ${l.name}`, value: l.count })),
        { title: t.chartLevels },
      ),
      trend: lineChart(trendPoints, { title: t.chartTrend, empty: t.trendEmpty, format: (value) => formatPercent(value, language) }),
    },
  };
}

/** One application's sheet. */
export function buildApplicationView(input: ReportInput, id: string) {
  const { register, config, date, language, year } = input;
  const t = reportLabels[language];
  const app = register.getOf('Application', id);
  if (!app) return undefined;
  const costs = costView(input.costs.result, language);
  const horizon = addMonths(date, 12);
  const view = applicationView(register, app, date, input.findings);
  const sheetAgreements = view.agreements.map((a) => {
    // The current end, notice deadline and state on the date (renewals and options counted): the model's answer.
    const deadline = a.noticeDeadline ?? '';
    const ending = a.end !== undefined && a.renewedBy.length === 0 && deadline <= horizon;
    const parties = register.getOf('Agreement', a.id)?.parties ?? [];
    return {
      name: a.name,
      type: t.agreementTypes[a.type],
      start: a.start,
      end: a.end ?? '',
      openEnded: a.end === undefined,
      deadline,
      ending,
      ...agreementRowState(a, t),
      parties: parties.map((p) => register.nameOf(p)).join(', '),
    };
  });
  return {
    lang: language,
    t,
    title: `${t.applicationSheet}: ${app.name}`,
    name: config.name,
    draft: input.costs.check.leftOut.length > 0 ? draftView(input.costs, language) : undefined,
    year,
    date,
    app: {
      ...app,
      typeLabel: capitalise(terms[language].applicationTypes[app.type].one),
      levelName: app.collaborationLevel ? (config.collaborationLevels[app.collaborationLevel - 1] ?? String(app.collaborationLevel)) : '',
      users: app.municipalities.map((m) => register.nameOf(m)).join(', '),
      operator: app.operatedBy ? register.nameOf(app.operatedBy) : t.vendorHosted,
      status: capitalise(t.statuses[app.lifecycle?.status ?? 'active']),
    },
    roles: view.roles.map((r) => ({ role: t.roleNames[r.role], title: r.title, unit: register.nameOf(r.unit), from: r.from, until: r.until ?? '', current: r.current })),
    agreements: sheetAgreements,
    // Under "ending or due for notice within twelve months": only those, as in the yearly report.
    ending: sheetAgreements.filter((a) => a.ending),
    plans: view.plans.map((p) => ({ name: p.name, audience: t.audiences[p.audience], updated: p.updated, due: p.reviewDue })),
    costs: costs.items.filter((i) => register.get(i.id) && (register.get(i.id) as { application?: string }).application === id),
    findings: view.findings.map((f) => ({ severity: f.severity, severityLabel: capitalise(t.severities[f.severity]), message: f.message, rule: ruleName(language, f.ruleId), ruleId: f.ruleId })),
  };
}

/** One municipality's cost statement for the year. */
export function buildCostsView(input: ReportInput, municipalityId: string) {
  const { register, config, year, date, language } = input;
  const t = reportLabels[language];
  const municipality = register.getOf('Municipality', municipalityId);
  if (!municipality) return undefined;
  const { result } = input.costs;
  const unit = Number(result.scale);
  // Every figure a reader needs to check the part by hand: the weight and the sum of weights (grouped), the days in
  // force of a pro-rated agreement, and the item's total.
  const items = billRows(result, municipalityId).map((row) => {
    const s = row.split;
    return {
      name: s.item.entity.name,
      key: t.keys[s.item.split],
      basis: basisText(row, language),
      days: daysText(s, language),
      preliminary: preliminaryText(s, language),
      amount: Number(row.part.amount) / unit,
      itemAmount: Number(s.item.amount) / unit,
    };
  });
  return {
    lang: language,
    t,
    title: `${t.billTitle} ${year}: ${municipality.name}`,
    name: config.name,
    draft: input.costs.check.leftOut.length > 0 ? draftView(input.costs, language) : undefined,
    year,
    date,
    municipality: municipality.name,
    currency: result.currency,
    items,
    total: items.reduce((sum, i) => sum + i.amount, 0),
  };
}
