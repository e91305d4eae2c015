// sitePages(): the register as the pages of a static website, each a template name and its view (pure). Compliance,
// costs and deadlines come from the yearly report's view model, so the site and the report never disagree.
import type { FileModel } from '../register/load.js';
import { computeCosts } from '../costs/compute.js';
import { translator, type Language } from '../i18n/index.js';
import { collectDeadlines } from '../insight/calendar.js';
import type { EntityChange } from '../insight/history.js';
import { findOpportunities } from '../insight/opportunities.js';
import type { Finding } from '../lint/run-rules.js';
import type { Config } from '../register/config.js';
import { isCurrentAgreement, isCurrentRole, type Entity, type RegisterModel } from '../model/register-model.js';
import { reportLabels } from '../report/labels.js';
import { processingLabels } from '../report/processing-labels.js';
import { buildYearlyView, costView, reportCosts } from '../report/view-model.js';
import { agreementView, type AgreementView } from '../views/agreement.js';
import { isValidException } from '../register/config.js';
import { documentReviewDue, planReviewDue } from '../model/policy.js';
import { unreadFiles, type UnreadFile } from '../register/unread.js';
import type { Kind } from '../schema/validate.js';
import type { Agreement, Application } from '../types/entities.generated.js';
import { addDays } from '../util/dates.js';
import { withPercentSign } from '../util/percent.js';
import { siteLabels } from './labels.js';
import { capitalise, countOf, ruleName, terms } from '../i18n/terms.js';
import { lawPages, partyLink, processingListPath, supplierListPath } from './law-pages.js';
import type { Link } from './link.js';

/** What the site shows, as it is to show it: `site --redact` passes the register, findings and history redacted. */
export interface SiteInput {
  readonly register: FileModel;
  readonly config: Config;
  readonly date: string;
  readonly language: Language;
  readonly findings: readonly Finding[];
  /** Every change from git, newest first; undefined outside a git repository. */
  readonly history?: readonly EntityChange[];
  /** The short commit the register was read at. */
  readonly commit?: string;
  /** A URL with {path}: the entity's file on the git host, for "propose a change". */
  readonly editUrl?: string;
  /** Makes a register path (relative to itreg.yaml) relative to the repository top, for editUrl. */
  readonly repositoryPath?: (path: string) => string;
}

export interface SitePage {
  /** Relative to the site's root, with / separators. */
  readonly path: string;
  readonly template: string;
  readonly title: string;
  readonly nav: NavKey;
  readonly view: Record<string, unknown>;
}

export interface SearchDocument {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly product: string;
  readonly vendor: string;
  readonly units: string;
  readonly href: string;
}

type NavKey = keyof (typeof siteLabels)['sv']['nav'];
export const navKeys: readonly NavKey[] = ['start', 'applications', 'municipalities', 'units', 'agreements', 'documents', 'processing', 'suppliers', 'costs', 'opportunities', 'search'];
export const navPages: Readonly<Record<NavKey, string>> = {
  start: 'index.html',
  applications: 'applications.html',
  municipalities: 'municipalities.html',
  units: 'units.html',
  agreements: 'agreements.html',
  documents: 'documents.html',
  processing: processingListPath,
  suppliers: supplierListPath,
  costs: 'costs.html',
  opportunities: 'opportunities.html',
  search: 'search.html',
};

/** Kinds with a page of their own, and its folder. */
const folders: Partial<Record<Kind, string>> = {
  Application: 'application',
  Municipality: 'municipality',
  Unit: 'unit',
  Agreement: 'agreement',
  Document: 'document',
  Processing: 'processing',
  Supplier: 'supplier',
};

export type { Link };

/** A commit's subject as a list of changes shows it: git's subject is the message's whole first paragraph. */
const subjectLine = (subject: string) => (subject.length > 140 ? `${subject.slice(0, 139).trimEnd()}…` : subject);

/** The page of an entity of a kind with pages. */
const href = (kind: Kind, id: string) => `${folders[kind]}/${id}.html`;

/** A dimension with at most this many values is listed on every filtered page; a longer one only on the main list. */
const FILTER_VALUES_EVERYWHERE = 12;

/** A file-name-safe form of a filter value (ids already are; level numbers too). */
const slug = (value: string) => value.replace(/[^a-z0-9-]/g, '-');

export function buildSite(input: SiteInput): { pages: () => Generator<SitePage>; unread: readonly UnreadFile[] } {
  const { register, config, date, language, findings } = input;
  const l = siteLabels[language];
  const words = reportLabels[language];
  const term = terms[language];
  const year = Number(date.slice(0, 4));
  const collator = new Intl.Collator('sv');
  const number = new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 });
  const byName = <T extends { name: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => collator.compare(a.name, b.name));

  // The report's view model: compliance, costs and deadlines, computed once.
  const yearly = buildYearlyView({ register, config, year, date, language, findings, trend: [], costs: reportCosts(register, config, year) });
  const lastYearCosts = costView(computeCosts(register, config, year - 1), language);
  const unread = unreadFiles(register);

  // Indexes, built once for every page.
  const findingsOf = new Map<string, Finding[]>();
  const brokenRefs = new Map<string, string>();
  for (const f of findings) {
    const key = f.entityId ?? '';
    const list = findingsOf.get(key);
    if (list) list.push(f);
    else findingsOf.set(key, [f]);
    if (f.ruleId === 'reference' && f.entityId && f.refersTo) brokenRefs.set(`${f.entityId}\u0000${f.refersTo}`, f.message);
  }
  const historyOf = new Map<string, EntityChange[]>();
  for (const change of input.history ?? []) {
    for (const key of new Set([change.entity, change.application].filter((k): k is string => k !== undefined))) {
      const list = historyOf.get(key);
      if (list) list.push(change);
      else historyOf.set(key, [change]);
    }
  }
  const costsOf = (costs: typeof yearly.costs) => {
    const map = new Map<string, typeof yearly.costs.items>();
    for (const item of costs.items) {
      for (const key of new Set([item.id, item.application].filter((k): k is string => k !== undefined))) {
        const list = map.get(key);
        if (list) list.push(item);
        else map.set(key, [item]);
      }
    }
    return map;
  };
  const costsThisYear = costsOf(yearly.costs);
  const costsLastYear = costsOf(lastYearCosts);

  /** A reference from entity `from` to `id` of `kind`: a link, plain text, or broken with its finding. */
  const ref = (from: string, id: string, kind: Kind): Link => {
    const target = register.get(id);
    if (target?.kind === kind) {
      const text = register.nameOf(id);
      if (folders[kind]) return { text, href: href(kind, id) };
      if (target.kind === 'RoleAssignment' && target.application && register.getOf('Application', target.application)) {
        return { text: `${words.roleNames[target.role]}: ${target.holder.title}`, href: `${href('Application', target.application)}#role-${id}` };
      }
      return { text };
    }
    // Declared in a file that failed its schema: no page, but not missing either.
    if (register.recordById(id) && !brokenRefs.has(`${from}\u0000${id}`)) return { text: id, broken: l.invalidEntity };
    return { text: id, broken: brokenRefs.get(`${from}\u0000${id}`) ?? l.brokenReference };
  };
  const entityLink = (id: string | undefined): Link | undefined => {
    if (id === undefined) return undefined;
    const entity = register.get(id);
    if (!entity) return { text: id };
    if (folders[entity.kind]) return { text: register.nameOf(id), href: href(entity.kind, id) };
    if (entity.kind === 'RoleAssignment' && entity.application) return ref(id, id, 'RoleAssignment');
    if (entity.kind === 'TrainingPlan' || entity.kind === 'Investment') {
      const app = entity.kind === 'TrainingPlan' ? entity.applications?.[0] : entity.application;
      if (app && register.getOf('Application', app)) return { text: register.nameOf(id), href: href('Application', app) };
    }
    return { text: register.nameOf(id) };
  };
  const findingView = (f: Finding) => ({
    severity: words.severities[f.severity],
    severityKey: f.severity,
    message: f.message,
    rule: f.ruleId,
    where: `${f.file}:${f.line}`,
    entity: entityLink(f.entityId),
  });
  const findingsFor = (id: string) => (findingsOf.get(id) ?? []).map(findingView);
  const exceptionsFor = (id: string) =>
    config.exceptions.filter((e) => e.entity === id && isValidException(e, date)).map((e) => ({ rule: ruleName(language, e.rule), reason: e.reason ?? '', until: e.until ?? '' }));
  /** A change from git as the pages list it (a removed entity by its name). */
  const changeView = (c: EntityChange) => ({
    date: c.date,
    change: l.change[c.change],
    entity: entityLink(c.entity) ?? { text: c.name ?? c.entity },
    subject: subjectLine(c.subject),
    author: c.author,
  });
  const historyFor = (id: string) => (historyOf.get(id) ?? []).slice(0, 50).map((c) => Object.assign(changeView(c), { fields: c.fields.slice(0, 12) }));
  const editLink = (entity: Entity): string | undefined => {
    if (!input.editUrl) return undefined;
    const path = register.recordOf(entity).source.path;
    const full = input.repositoryPath ? input.repositoryPath(path) : path;
    return input.editUrl.replace(/\{path\}/g, full.split('/').map(encodeURIComponent).join('/'));
  };
  const fileOf = (entity: Entity) => register.recordOf(entity).source.path;
  const common = (entity: Entity) => ({
    id: entity.id,
    file: fileOf(entity),
    editUrl: editLink(entity),
    description: 'description' in entity ? entity.description : undefined,
    notes: entity.notes,
    findings: findingsFor(entity.id),
    exceptions: exceptionsFor(entity.id),
    history: historyFor(entity.id),
    historyAvailable: input.history !== undefined,
  });

  // Format 1.1's personalData, read loosely until every register has the field in its schema.
  const personalDataOf = (app: Application): string | undefined => {
    const value = (app as { personalData?: unknown }).personalData;
    return typeof value === 'string' && value in term.personalData ? term.personalData[value as keyof typeof term.personalData] : undefined;
  };
  // Application rows: the same row on every list and filtered view.
  const levelName = (level: number | undefined) => (level ? `${level}. ${config.collaborationLevels[level - 1] ?? ''}`.trim() : '');
  const rowOf = (app: Application) => {
    const owner = register.currentRoles(app.id, 'system-owner', date)[0];
    const own = findingsOf.get(app.id) ?? [];
    const errors = own.filter((f) => f.severity === 'error').length;
    const warnings = own.length - errors;
    return {
      id: app.id,
      href: href('Application', app.id),
      name: app.name,
      type: capitalise(term.applicationTypes[app.type].one),
      typeKey: app.type,
      status: term.statuses[app.lifecycle?.status ?? 'active'],
      statusTag: app.lifecycle?.status && app.lifecycle.status !== 'active' ? term.statuses[app.lifecycle.status] : undefined,
      level: app.collaborationLevel ?? '',
      levelName: levelName(app.collaborationLevel),
      municipalities: app.municipalities.map((m) => ref(app.id, m, 'Municipality')),
      municipalityIds: app.municipalities.join(' '),
      owner: owner ? ref(owner.id, owner.holder.unit, 'Unit') : undefined,
      ownerUnit: owner?.holder.unit ?? '',
      errors,
      warnings,
      errorsText: countOf(language, errors, term.severities.error),
      warningsText: countOf(language, warnings, term.severities.warning),
      findingsKey: errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'none',
    };
  };
  const applications = byName(register.ofKind('Application'));
  const rows = new Map(applications.map((app) => [app.id, rowOf(app)]));
  const rowsOf = (ids: Iterable<string>) => [...new Set(ids)].map((id) => rows.get(id)).filter((r): r is NonNullable<typeof r> => r !== undefined);
  const allRows = [...rows.values()];

  // Filtered views of the applications table: pre-rendered, so filters work without JavaScript. Each value's rows are
  // found in one pass over the rows, and a filtered page lists the values of a long dimension (hundreds of owner
  // units or municipalities) only on the main list: listing every value on every value's page made the site
  // quadratic in them (1,000 owner units: 47 s of CPU).
  type Dimension = keyof typeof l.filterBy;
  type Row = (typeof allRows)[number];
  const grouped = <K>(keysOf: (row: Row) => Iterable<K>) => {
    const groups = new Map<K, Row[]>();
    for (const row of allRows) for (const key of keysOf(row)) (groups.get(key) ?? groups.set(key, []).get(key)!).push(row);
    return groups;
  };
  const byMunicipality = grouped((r) => r.municipalityIds.split(' '));
  const byType = grouped((r) => [r.typeKey]);
  const byLevel = grouped((r) => [r.level]);
  const byOwner = grouped((r) => [r.ownerUnit]);
  const byFindings = grouped((r) => [r.findingsKey]);
  const dimensions: ReadonlyArray<{ key: Dimension; values: Array<{ value: string; label: string; rows: readonly Row[] }> }> = [
    {
      key: 'municipality',
      values: byName(register.ofKind('Municipality')).flatMap((m) => {
        const rows = byMunicipality.get(m.id);
        return rows ? [{ value: m.id, label: m.name, rows }] : [];
      }),
    },
    {
      key: 'type',
      values: (['business', 'general', 'infrastructure'] as const).flatMap((t) => {
        const rows = byType.get(t);
        return rows ? [{ value: t, label: capitalise(term.applicationTypes[t].other), rows }] : [];
      }),
    },
    {
      key: 'level',
      values: [
        ...config.collaborationLevels.flatMap((_, i) => {
          const rows = byLevel.get(i + 1);
          return rows ? [{ value: String(i + 1), label: levelName(i + 1), rows }] : [];
        }),
        ...(byLevel.has('') ? [{ value: 'none', label: l.noLevel, rows: byLevel.get('')! }] : []),
      ],
    },
    {
      key: 'owner',
      values: byName(register.ofKind('Unit')).flatMap((u) => {
        const rows = byOwner.get(u.id);
        return rows ? [{ value: u.id, label: u.name, rows }] : [];
      }),
    },
    {
      key: 'findings',
      values: (['errors', 'warnings', 'none'] as const).flatMap((k) => {
        const rows = byFindings.get(k);
        return rows ? [{ value: k, label: l.findingsFilter[k], rows }] : [];
      }),
    },
  ];
  const filterPath = (dimension: string, value: string) => `applications/${dimension}-${slug(value)}.html`;
  const findingsFilter = (value: 'errors' | 'warnings') => (byFindings.has(value) ? filterPath('findings', value) : undefined);
  const navOf = dimensions.map((d) => ({
    key: d.key,
    label: l.filterBy[d.key],
    values: d.values.map((v) => ({ label: v.label, value: v.value, count: v.rows.length, href: filterPath(d.key, v.value) })),
  }));
  /** The filters on a page: every value of a short dimension; of a long one, on a filtered page, its own value and a way to the rest. */
  const filterNav = (current?: string) =>
    navOf.map((d) => {
      if (current === undefined || d.values.length <= FILTER_VALUES_EVERYWHERE) return { ...d, values: d.values.map((v) => ({ ...v, current: v.href === current })) };
      const own = d.values.filter((v) => v.href === current).map((v) => ({ ...v, current: true }));
      return { ...d, values: own, more: { count: d.values.length, href: navPages.applications } };
    });

  /** The site's state of an agreement: the model's (views/agreement.ts), with "not started" and "replaced" beside it. */
  const siteState = (view: AgreementView) => {
    if (view.renewedBy.length > 0 && view.state === 'ended') return 'renewed' as const;
    if (!view.started) return 'upcoming' as const;
    if (view.state === 'terminated') return 'terminated' as const;
    return view.current ? ('current' as const) : ('ended' as const);
  };
  // An agreement's row is on its application's page, its parties' unit pages, the list and its own page: its terms
  // (current end, notice deadline: month arithmetic over every renewal) are worked out once.
  const agreementRows = new Map<Agreement, ReturnType<typeof makeAgreementRow>>();
  const agreementRow = (a: Agreement) => {
    let row = agreementRows.get(a);
    if (!row) {
      row = makeAgreementRow(a);
      agreementRows.set(a, row);
    }
    return row;
  };
  function makeAgreementRow(a: Agreement) {
    const view = agreementView(register, a, date);
    const state = siteState(view);
    const { noticeDeadline: deadline, end } = view;
    return {
      terms: view,
      id: a.id,
      href: href('Agreement', a.id),
      name: a.name,
      type: words.agreementTypes[a.type] ?? a.type,
      application: a.application ? ref(a.id, a.application, 'Application') : undefined,
      start: a.start,
      end: end ?? '',
      deadline: deadline ?? '',
      deadlinePassed: view.state === 'deadline-passed',
      // Notice given: the deadline is no date to act by any more.
      noticeGiven: view.terminated,
      state: l.states[state],
      stateKey: state,
    };
  }
  // A party is a unit or a supplier, by id or (a supplier) by its name.
  const parties = (a: Agreement) => (a.parties ?? []).map((p) => partyLink({ register, ref }, a.id, p));
  const law = lawPages({ register, config, date, language, ref, common });

  function* pages(): Generator<SitePage> {
    // Start.
    const horizon = addDays(date, 90);
    const deadlines = collectDeadlines(register, config, date, language)
      .filter((d) => d.date <= horizon)
      .map((d) => ({ date: d.date, summary: d.summary, entity: entityLink(d.entityId) }));
    const errors = findings.filter((f) => f.severity === 'error').length;
    yield {
      path: navPages.start,
      template: 'start',
      title: l.nav.start,
      nav: 'start',
      view: {
        // Files left out of the site (no page, no costs, no search) until they are fixed: said first.
        unread: unread.map((f) => ({ location: f.location, reason: translator(language)(f.reason) })),
        figures: [
          { label: l.liveApplications, value: yearly.glance.live, href: navPages.applications },
          { label: l.memberMunicipalities, value: yearly.glance.members.length, href: navPages.municipalities },
          { label: l.currentAgreements, value: register.ofKind('Agreement').filter((a) => isCurrentAgreement(a, date)).length, href: navPages.agreements },
          // The lists of applications with errors or warnings, where there are any (no page lists none).
          { label: l.openErrors, value: errors, href: findingsFilter('errors') },
          { label: l.openWarnings, value: findings.length - errors, href: findingsFilter('warnings') },
        ],
        compliance: {
          overall: yearly.compliance.overall,
          applies: yearly.compliance.applies,
          measures: yearly.compliance.measures.map((m) => ({
            label: m.label,
            scope: m.scope,
            ok: m.ok,
            total: m.total,
            percent: m.percent,
            applies: m.applies,
            gaps: m.gaps.map((g) => entityLink(g.id) ?? { text: g.name }),
          })),
          byMunicipality: yearly.compliance.byMunicipality,
          measureLabels: yearly.compliance.measureLabels,
        },
        deadlines,
        historyAvailable: input.history !== undefined,
        changes: (input.history ?? []).slice(0, 15).map(changeView),
      },
    };

    // Applications, and their filtered views.
    yield {
      path: navPages.applications,
      template: 'applications',
      title: l.nav.applications,
      nav: 'applications',
      view: { rows: allRows, filters: filterNav(), total: allRows.length, count: allRows.length },
    };
    for (const d of dimensions) {
      for (const v of d.values) {
        const path = filterPath(d.key, v.value);
        const matching = v.rows;
        yield {
          path,
          template: 'applications',
          title: `${l.nav.applications}: ${l.filterBy[d.key]} ${v.label}`,
          nav: 'applications',
          view: { rows: matching, filters: filterNav(path), total: allRows.length, count: matching.length, filtered: { label: l.filterBy[d.key], value: v.label } },
        };
      }
    }
    for (const app of applications) {
      const roles = register.roles(app.id).map((r) => ({
        id: r.id,
        role: words.roleNames[r.role],
        title: r.holder.title,
        name: r.holder.name,
        notes: r.notes,
        unit: ref(r.id, r.holder.unit, 'Unit'),
        appointedBy: r.appointedBy ? ref(r.id, r.appointedBy, 'RoleAssignment') : undefined,
        from: r.from,
        until: r.until ?? '',
        current: isCurrentRole(r, date),
      }));
      const plans = register.plansFor(app.id).map((p) => {
        const due = planReviewDue(p);
        return { name: p.name, audience: words.audiences[p.audience], updated: p.updated, due, overdue: due < date };
      });
      const costs = [
        { year, label: l.thisYear, items: costsThisYear.get(app.id) ?? [] },
        { year: year - 1, label: l.lastYear, items: costsLastYear.get(app.id) ?? [] },
      ];
      yield {
        path: href('Application', app.id),
        template: 'application',
        title: app.name,
        nav: 'applications',
        view: Object.assign(common(app), {
          row: rows.get(app.id),
          app: {
            name: app.name,
            type: capitalise(term.applicationTypes[app.type].one),
            status: term.statuses[app.lifecycle?.status ?? 'active'],
            lifecycle: app.lifecycle,
            municipalities: app.municipalities.map((m) => ref(app.id, m, 'Municipality')),
            level: levelName(app.collaborationLevel),
            operatedBy: app.operatedBy ? ref(app.id, app.operatedBy, 'Unit') : { text: words.vendorHosted },
            vendor: app.vendor,
            documentation: Object.entries(app.documentation ?? {}).map(([key, value]) => ({
              key: l.documentationKinds[key as keyof typeof l.documentationKinds] ?? key,
              value,
              url: /^https?:\/\//.test(value),
            })),
            personalData: personalDataOf(app),
            fit: app.assessment?.fit ? term.fit[app.assessment.fit] : undefined,
            competenceRisk: app.assessment?.competenceRisk ? term.competenceRisk[app.assessment.competenceRisk] : undefined,
          },
          roles,
          law: law.ofApplication(app),
          agreements: register.agreements(app.id).map(agreementRow),
          plans,
          costs,
          currency: config.currency,
        }),
      };
    }

    // Municipalities.
    const municipalities = byName(register.ofKind('Municipality'));
    yield {
      path: navPages.municipalities,
      template: 'municipalities',
      title: l.nav.municipalities,
      nav: 'municipalities',
      view: {
        rows: municipalities.map((m) => ({
          name: m.name,
          href: href('Municipality', m.id),
          member: m.member !== false,
          applications: allRows.filter((r) => r.municipalityIds.split(' ').includes(m.id)).length,
        })),
      },
    };
    for (const m of municipalities) {
      const apps = applications.filter((a) => a.municipalities.includes(m.id));
      const items = yearly.costs.items.flatMap((item) => {
        const part = item.participants.find((p) => p.id === m.id);
        return part ? [{ id: item.id, name: item.name, key: item.key, preliminary: item.preliminary, itemAmount: item.amount, amount: part.amount }] : [];
      });
      const units = byName(register.ofKind('Unit').filter((u) => u.municipality === m.id)).map((u) => ({ text: u.name, href: href('Unit', u.id) }));
      const appFindings = apps.flatMap((a) => findingsFor(a.id));
      yield {
        path: href('Municipality', m.id),
        template: 'municipality',
        title: m.name,
        nav: 'municipalities',
        view: Object.assign(common(m), {
          name: m.name,
          member: m.member !== false,
          population: Object.entries(m.population ?? {})
            .map(([y, n]) => ({ year: y, count: number.format(n) }))
            .sort((a, b) => (a.year < b.year ? 1 : -1)),
          rows: rowsOf(apps.map((a) => a.id)),
          units,
          bill: { items, total: items.reduce((sum, i) => sum + i.amount, 0) },
          currency: config.currency,
          allFindings: [...findingsFor(m.id), ...appFindings],
          showEntity: true,
        }),
      };
    }

    // Units.
    const units = byName(register.ofKind('Unit'));
    const rolesHeld = new Map<string, ReturnType<typeof register.roles>[number][]>();
    for (const r of register.ofKind('RoleAssignment')) {
      if (!isCurrentRole(r, date)) continue;
      const list = rolesHeld.get(r.holder.unit);
      if (list) list.push(r);
      else rolesHeld.set(r.holder.unit, [r]);
    }
    yield {
      path: navPages.units,
      template: 'units',
      title: l.nav.units,
      nav: 'units',
      view: {
        rows: units.map((u) => ({
          name: u.name,
          href: href('Unit', u.id),
          type: capitalise(term.unitTypes[u.type].one),
          municipality: u.municipality ? ref(u.id, u.municipality, 'Municipality') : undefined,
          roles: rolesHeld.get(u.id)?.length ?? 0,
        })),
      },
    };
    for (const u of units) {
      const held = rolesHeld.get(u.id) ?? [];
      const appsWith = (role: string) => rowsOf(held.filter((r) => r.role === role && r.application).map((r) => r.application!));
      yield {
        path: href('Unit', u.id),
        template: 'unit',
        title: u.name,
        nav: 'units',
        view: Object.assign(common(u), {
          name: u.name,
          type: capitalise(term.unitTypes[u.type].one),
          municipality: u.municipality ? ref(u.id, u.municipality, 'Municipality') : undefined,
          // Functional addresses (art. 30.1 a), public: shown with --redact too.
          contact: u.contact,
          dataProtectionOfficer: u.dataProtectionOfficer,
          pt: processingLabels[language],
          owns: appsWith('system-owner'),
          administers: appsWith('system-administrator'),
          otherRoles: held
            .filter((r) => r.role === 'specialist' || r.role === 'it-manager')
            .map((r) => ({ role: words.roleNames[r.role], title: r.holder.title, application: r.application ? ref(r.id, r.application, 'Application') : undefined })),
          operates: rowsOf(applications.filter((a) => a.operatedBy === u.id).map((a) => a.id)),
          controls: law.controlledBy(u.id),
          // The record has a section for the unit only where one of them is ongoing.
          inRecord: law.controlledBy(u.id).some((p) => p.current),
          agreements: register
            .ofKind('Agreement')
            .filter((a) => a.parties?.includes(u.id))
            .map(agreementRow),
        }),
      };
    }

    // Agreements, by notice deadline (open-ended last).
    const agreements = [...register.ofKind('Agreement')].sort((a, b) => {
      const da = agreementRow(a).deadline || '9999';
      const db = agreementRow(b).deadline || '9999';
      return da < db ? -1 : da > db ? 1 : collator.compare(a.name, b.name);
    });
    yield { path: navPages.agreements, template: 'agreements', title: l.agreementsByDeadline, nav: 'agreements', view: { rows: agreements.map(agreementRow) } };
    for (const a of agreements) {
      const later = a.application ? register.agreements(a.application, a.type).filter((o) => o !== a && o.start > a.start) : [];
      yield {
        path: href('Agreement', a.id),
        template: 'agreement',
        title: a.name,
        nav: 'agreements',
        view: Object.assign(common(a), {
          row: agreementRow(a),
          agreement: a,
          terms: agreementRow(a).terms,
          parties: parties(a),
          participants: (a.participants ?? []).map((p) => ref(a.id, p, 'Municipality')),
          split: typeof a.split === 'string' ? (words.keys[a.split as keyof typeof words.keys] ?? a.split) : a.split ? words.keys.shares : undefined,
          shares:
            typeof a.split === 'object' && a.split !== null && 'shares' in a.split
              ? Object.entries(a.split.shares).map(([id, percent]) => ({ municipality: ref(a.id, id, 'Municipality'), percent }))
              : [],
          renewedBy: later.map((o) => ({ text: o.name, href: href('Agreement', o.id) })),
          subProcessors: law.subProcessorsOf(a),
          costs: costsThisYear.get(a.id) ?? [],
          currency: config.currency,
        }),
      };
    }

    // Documents, by revision date.
    const documents = [...register.ofKind('Document')].sort((a, b) => (documentReviewDue(a) < documentReviewDue(b) ? -1 : documentReviewDue(a) > documentReviewDue(b) ? 1 : 0));
    const docRow = (d: (typeof documents)[number]) => ({
      name: d.name,
      href: href('Document', d.id),
      type: capitalise(term.documentTypes[d.type].one),
      municipality: d.municipality ? ref(d.id, d.municipality, 'Municipality') : undefined,
      adopted: d.adopted,
      due: documentReviewDue(d),
      overdue: d.supersededBy === undefined && documentReviewDue(d) < date,
      supersededBy: d.supersededBy ? ref(d.id, d.supersededBy, 'Document') : undefined,
    });
    yield { path: navPages.documents, template: 'documents', title: l.documentsByRevision, nav: 'documents', view: { rows: documents.map(docRow) } };
    for (const d of documents) {
      yield {
        path: href('Document', d.id),
        template: 'document',
        title: d.name,
        nav: 'documents',
        view: Object.assign(common(d), { row: docRow(d), document: d, supersedes: documents.filter((o) => o.supersededBy === d.id).map((o) => ({ text: o.name, href: href('Document', o.id) })) }),
      };
    }

    // The record of processing activities and the suppliers.
    yield* law.pages();

    // Costs: the year's split, each item with how it was split.
    yield {
      path: navPages.costs,
      template: 'costs',
      title: `${l.costsTitle} ${year}`,
      nav: 'costs',
      view: {
        year,
        draft: yearly.draft,
        costs: {
          ...yearly.costs,
          byMunicipality: yearly.costs.byMunicipality.map((m) => ({ ...m, link: entityLink(m.id) })),
          items: yearly.costs.items.map((item) => ({
            ...item,
            link: entityLink(item.id),
            // A share is a percent; population and equal parts are a weight of the whole.
            participants: item.participants.map((p) => ({
              ...p,
              link: entityLink(p.id),
              weight: item.key === words.keys.shares ? withPercentSign(number.format(p.weight), language) : `${number.format(p.weight)} / ${number.format(item.totalWeight)}`,
            })),
          })),
        },
      },
    };

    // Opportunities.
    yield {
      path: navPages.opportunities,
      template: 'opportunities',
      title: l.opportunitiesTitle,
      nav: 'opportunities',
      view: {
        rows: findOpportunities(register, date, 12, language).map((o) => ({
          trigger: l.triggers[o.trigger],
          deadline: o.deadline ?? '',
          // An agreement's notice deadline can lie behind the date: the chance is then at the next term's end.
          deadlinePassed: o.state === 'deadline-passed',
          applications: o.applications.map((id) => entityLink(id) ?? { text: id }),
          agreement: entityLink(o.agreement),
          message: o.message,
        })),
      },
    };

    yield { path: navPages.search, template: 'search', title: l.nav.search, nav: 'search', view: {} };
  }

  return { pages, unread };
}

/** What the browser's search index holds: one document per entity with a page. */
export function searchDocuments(register: RegisterModel, date: string, language: Language): SearchDocument[] {
  const term = terms[language];
  const docs: SearchDocument[] = [];
  const kindWord = {
    Application: term.kinds.Application.one,
    Municipality: term.kinds.Municipality.one,
    Unit: term.kinds.Unit.one,
    Agreement: term.kinds.Agreement.one,
    Document: term.kinds.Document.one,
  };
  for (const app of register.ofKind('Application')) {
    const unitIds = new Set(
      register
        .roles(app.id)
        .filter((r) => isCurrentRole(r, date))
        .map((r) => r.holder.unit),
    );
    if (app.operatedBy) unitIds.add(app.operatedBy);
    docs.push({
      id: app.id,
      kind: kindWord.Application,
      name: app.name,
      product: app.vendor?.product ?? '',
      vendor: app.vendor?.name ?? '',
      units: [...unitIds].map((u) => register.nameOf(u)).join('; '),
      href: href('Application', app.id),
    });
  }
  for (const kind of ['Municipality', 'Unit', 'Agreement', 'Document'] as const) {
    for (const e of register.ofKind(kind)) {
      const vendor = e.kind === 'Agreement' ? (e.parties ?? []).filter((p) => !/^[a-z0-9][a-z0-9-]*$/.test(p)).join('; ') : '';
      const units =
        e.kind === 'Agreement'
          ? (e.parties ?? [])
              .filter((p) => register.getOf('Unit', p))
              .map((p) => register.nameOf(p))
              .join('; ')
          : '';
      docs.push({ id: e.id, kind: kindWord[kind], name: e.name, product: '', vendor, units, href: href(kind, e.id) });
    }
  }
  // A processing activity by its controller; a supplier by its name as a vendor.
  for (const p of register.ofKind('Processing')) {
    docs.push({ id: p.id, kind: term.kinds.Processing.one, name: p.name, product: '', vendor: '', units: register.nameOf(p.controller), href: href('Processing', p.id) });
  }
  for (const s of register.ofKind('Supplier')) {
    docs.push({ id: s.id, kind: term.kinds.Supplier.one, name: s.name, product: '', vendor: s.name, units: '', href: href('Supplier', s.id) });
  }
  return docs;
}

/** The folder depth of a page, as the prefix that leads back to the site's root. */
export function rootOf(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}
