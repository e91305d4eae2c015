// What the classification asks of an application (KLASSA, cybersäkerhetslagen 2025:1506): its levels, whether it is
// critical, its continuity plan and restore test, where it is hosted. Rules, reports, the site and `incident` ask here.
import type { Application } from '../types/entities.generated.js';
import { addMonths } from '../util/dates.js';
import { HOME_COUNTRY } from './countries.js';
import type { RegisterModel } from './register-model.js';

export type Classification = NonNullable<Application['classification']>;
export type ClassificationAspect = 'confidentiality' | 'integrity' | 'availability';
export const CLASSIFICATION_ASPECTS: readonly ClassificationAspect[] = ['confidentiality', 'integrity', 'availability'];

/** Defaults of the rules' options, as DESIGN.md "Classification, continuity, hosting" gives them. */
export const CLASSIFICATION_REVIEW_MONTHS = 24;
export const RESTORE_TEST_MONTHS = 12;
/** The level from which availability demands continuity and confidentiality keeps data in the EU/EEA: 3, "Allvarlig". */
export const SERIOUS_LEVEL = 3;

/**
 * The options of the rules `classification-assessed` (reviewMonths) and `continuity-plan` (minAvailability,
 * restoreMonths) as itreg.yaml sets them: the rules run with these, and the yearly report and the calendar count and
 * date with the same, so that they agree with the rules on one register.
 */
export interface ContinuityPolicy {
  readonly reviewMonths: number;
  readonly minAvailability: number;
  readonly restoreMonths: number;
}

/** One option of a rule's setting in itreg.yaml (`[severity, { option: value }]`); undefined when not a number there. */
function configuredOption(rules: Readonly<Record<string, unknown>>, rule: string, option: string): number | undefined {
  const setting = rules[rule];
  if (!Array.isArray(setting)) return undefined;
  const options: unknown = setting[1];
  if (typeof options !== 'object' || options === null) return undefined;
  const value: unknown = (options as Record<string, unknown>)[option];
  return typeof value === 'number' ? value : undefined;
}

/** The continuity policy from itreg.yaml's `rules:` (the Config's `rules`), each option at its default where not set. */
export function continuityPolicy(rules: Readonly<Record<string, unknown>>): ContinuityPolicy {
  return {
    reviewMonths: configuredOption(rules, 'classification-assessed', 'reviewMonths') ?? CLASSIFICATION_REVIEW_MONTHS,
    minAvailability: configuredOption(rules, 'continuity-plan', 'minAvailability') ?? SERIOUS_LEVEL,
    restoreMonths: configuredOption(rules, 'continuity-plan', 'restoreMonths') ?? RESTORE_TEST_MONTHS,
  };
}

/** The highest of the three levels, or undefined when the application is not classified. */
export function highestLevel(app: Application): number | undefined {
  const c = app.classification;
  return c === undefined ? undefined : Math.max(c.confidentiality, c.integrity, c.availability);
}

/** The day the classification is due for review: `decided` + `reviewMonths`; undefined without a decision date. */
export function classificationReviewDue(app: Application, reviewMonths = CLASSIFICATION_REVIEW_MONTHS): string | undefined {
  const decided = app.classification?.decided;
  return decided === undefined ? undefined : addMonths(decided, reviewMonths);
}

/**
 * Where an application's classification stands on `date`: none; no decision date; decided more than `reviewMonths`
 * ago (its review day lies before `date`); or current.
 */
export type ClassificationState = 'unclassified' | 'undated' | 'overdue' | 'current';

export function classificationState(app: Application, date: string, reviewMonths = CLASSIFICATION_REVIEW_MONTHS): ClassificationState {
  if (app.classification === undefined) return 'unclassified';
  const due = classificationReviewDue(app, reviewMonths);
  if (due === undefined) return 'undated';
  return due < date ? 'overdue' : 'current';
}

/**
 * Critical in the law's sense or by its classification: `critical: true` (an essential service under
 * cybersäkerhetslagen, or samhällsviktig), or availability at `minAvailability` (3) or above. Such an application
 * needs a continuity plan, a tested restore and more than one person who can run it.
 */
export function needsContinuity(app: Application, minAvailability = SERIOUS_LEVEL): boolean {
  return app.critical === true || (app.classification !== undefined && app.classification.availability >= minAvailability);
}

/** The day the next restore test is due: the last one + `restoreMonths`; undefined when none is recorded. */
export function restoreTestDue(app: Application, restoreMonths = RESTORE_TEST_MONTHS): string | undefined {
  const tested = app.continuity?.restoreTested;
  return tested === undefined ? undefined : addMonths(tested, restoreMonths);
}

/** A continuity plan is named (`continuity.plan`). */
export function hasContinuityPlan(app: Application): boolean {
  return app.continuity?.plan !== undefined;
}

/** The restore test is missing, or its due day lies before `date`. */
export function isRestoreTestOverdue(app: Application, date: string, restoreMonths = RESTORE_TEST_MONTHS): boolean {
  const due = restoreTestDue(app, restoreMonths);
  return due === undefined || due < date;
}

/** Where the application and its data are: `hosting.country`, else the municipality's own premises (SE). */
export function hostingCountry(app: Application): string {
  return app.hosting?.country ?? HOME_COUNTRY;
}

/** A level's name from itreg.yaml's `classificationLevels` (the Config's, defaults included); the number where none. */
export function levelName(levels: readonly string[], level: number): string {
  return levels[level] ?? String(level);
}

/** The distinct people who can run an application on `date`: current system administrators and specialists, by holder. */
export function currentOperatorCount(register: RegisterModel, appId: string, date: string): number {
  const holders = new Set<string>();
  for (const role of ['system-administrator', 'specialist'] as const) {
    for (const assignment of register.currentRoles(appId, role, date)) {
      const { holder } = assignment;
      // One position held by one person holds both roles: count it once.
      holders.add(`${holder.unit}\u0000${holder.title.trim().toLowerCase()}\u0000${holder.name?.trim().toLowerCase() ?? ''}`);
    }
  }
  return holders.size;
}

/** Why an application needs continuity, and the field a finding about it points at: `critical`, else its availability level. */
export function continuityReason(app: Application): { readonly path: readonly string[]; readonly critical: boolean; readonly availability: number } {
  const availability = app.classification?.availability ?? 0;
  return app.critical === true ? { path: ['critical'], critical: true, availability } : { path: ['classification', 'availability'], critical: false, availability };
}
