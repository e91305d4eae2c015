// What the classification asks of an application (KLASSA, cybersäkerhetslagen 2025:1506): its levels, whether it is
// critical, its continuity plan and restore test, where it is hosted. Rules, reports, the site and `incident` ask here.
import type { Application } from '../types/entities.generated.js';
import { addMonths } from '../util/dates.js';
import { HOME_COUNTRY } from './countries.js';

export type Classification = NonNullable<Application['classification']>;
export type ClassificationAspect = 'confidentiality' | 'integrity' | 'availability';
export const CLASSIFICATION_ASPECTS: readonly ClassificationAspect[] = ['confidentiality', 'integrity', 'availability'];

/** Defaults of the rules' options, as DESIGN.md "Classification, continuity, hosting" gives them. */
export const CLASSIFICATION_REVIEW_MONTHS = 24;
export const RESTORE_TEST_MONTHS = 12;
/** The level from which availability demands continuity and confidentiality keeps data in the EU/EEA: 3, "Allvarlig". */
export const SERIOUS_LEVEL = 3;

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

/** The restore test is missing, or its due day lies before `date`. */
export function isRestoreTestOverdue(app: Application, date: string, restoreMonths = RESTORE_TEST_MONTHS): boolean {
  const due = restoreTestDue(app, restoreMonths);
  return due === undefined || due < date;
}

/** Where the application and its data are: `hosting.country`, else the municipality's own premises (SE). */
export function hostingCountry(app: Application): string {
  return app.hosting?.country ?? HOME_COUNTRY;
}
