// An agreement's terms on a date (DESIGN.md "Format 1.1": terms, options, tacit renewal, notice given): its current end
// and notice deadline. The one place that computes them; rules, costs, the report, calendar, show and opportunities ask it.
import type { Agreement } from '../types/entities.generated.js';
import type { JsonPath } from '../types/json-path.js';
import { addMonths, isIsoDate, nearestDay } from '../util/dates.js';

/** The fields the terms depend on (an agreement, or a test's plain object). */
export type AgreementTermsInput = Pick<Agreement, 'start' | 'end' | 'noticeMonths' | 'renewal' | 'options' | 'terminated'>;

export interface AgreementTerms {
  /** The current end on the date (the last day in force); undefined for an open-ended agreement. */
  readonly end?: string;
  /** The current end − noticeMonths: the last day notice can be given; undefined for an open-ended agreement. */
  readonly noticeDeadline?: string;
  /** With tacit renewal and no notice given by the deadline: the next period's months and its end. */
  readonly renewsTo?: { readonly months: number; readonly end: string };
  /** The next option not yet called, in order, and the end it would give. */
  readonly optionLeft?: { readonly months: number; readonly end: string };
  /** The day notice was given, when it was (on or before the date). */
  readonly terminated?: string;
  /** A date of the agreement that is no day in the calendar (2027-02-29): no end or deadline is computed from it. */
  readonly impossibleDate?: { readonly path: JsonPath; readonly value: string };
}

/** The dates the terms are computed from that are no day in the calendar, with their fields (date-order names them). */
export function impossibleTermDates(agreement: AgreementTermsInput): Array<{ readonly path: JsonPath; readonly value: string }> {
  const found: Array<{ path: JsonPath; value: string }> = [];
  const check = (path: JsonPath, value: string | undefined) => {
    if (value !== undefined && !isIsoDate(value)) found.push({ path, value });
  };
  check(['start'], agreement.start);
  check(['end'], agreement.end);
  check(['terminated'], agreement.terminated);
  (agreement.options ?? []).forEach((option, index) => check(['options', index, 'exercised'], option.exercised));
  return found;
}

/** The agreement with each date that does not exist moved to the nearest day of its month: which years it concerns. */
function withNearestDays(agreement: AgreementTermsInput): AgreementTermsInput {
  return {
    ...agreement,
    start: nearestDay(agreement.start),
    ...(agreement.end !== undefined ? { end: nearestDay(agreement.end) } : {}),
    ...(agreement.terminated !== undefined ? { terminated: nearestDay(agreement.terminated) } : {}),
    ...(agreement.options ? { options: agreement.options.map((o) => (o.exercised !== undefined ? { ...o, exercised: nearestDay(o.exercised) } : o)) } : {}),
  };
}

/** A loop guard: no agreement renews more often than monthly for a thousand years. */
const MAX_PERIODS = 12_000;

/**
 * The terms of `agreement` on `date`. A period's end is counted from `end` in one step (end + total months, so periods
 * do not drift), the day clamped to the month's last day: 2024-01-31 + 1 = 2024-02-29, + 2 = 2024-03-31. Its notice
 * deadline is that end, as the date it is, − noticeMonths, clamped likewise (12 months before 2029-02-28 is
 * 2028-02-28, not 2028-02-29). Notice given (`terminated`) counts from that day on: on an earlier date the agreement
 * is judged as one without notice given. A date that does not exist gives no end and no deadline, only `impossibleDate`.
 */
export function agreementTerms(agreement: AgreementTermsInput, date: string): AgreementTerms {
  // Rules ask of the same agreement on the same date many times (a national register: 23,000 agreements, each asked by
  // four rules): the last answer is kept while the fields it depends on are the same. Options are not compared, so an
  // agreement with options is computed each time.
  if (agreement.options !== undefined && agreement.options.length > 0) return computeTerms(agreement, date);
  const kept = lastTerms.get(agreement);
  if (
    kept !== undefined &&
    kept.date === date &&
    kept.start === agreement.start &&
    kept.end === agreement.end &&
    kept.terminated === agreement.terminated &&
    kept.noticeMonths === agreement.noticeMonths &&
    kept.renewalMonths === agreement.renewal?.months &&
    kept.options === agreement.options
  ) {
    return kept.terms;
  }
  const terms = computeTerms(agreement, date);
  lastTerms.set(agreement, {
    date,
    start: agreement.start,
    end: agreement.end,
    terminated: agreement.terminated,
    noticeMonths: agreement.noticeMonths,
    renewalMonths: agreement.renewal?.months,
    options: agreement.options,
    terms,
  });
  return terms;
}

/** The terms last computed for an agreement, with what they were computed from. */
const lastTerms = new WeakMap<
  AgreementTermsInput,
  {
    readonly date: string;
    readonly start: string;
    readonly end: string | undefined;
    readonly terminated: string | undefined;
    readonly noticeMonths: number | undefined;
    readonly renewalMonths: number | undefined;
    readonly options: AgreementTermsInput['options'];
    readonly terms: AgreementTerms;
  }
>();

function computeTerms(agreement: AgreementTermsInput, date: string): AgreementTerms {
  const [impossible] = impossibleTermDates(agreement);
  if (impossible) return { impossibleDate: impossible };
  const { end } = agreement;
  const terminated = agreement.terminated !== undefined && agreement.terminated <= date ? agreement.terminated : undefined;
  if (end === undefined) return terminated === undefined ? {} : { terminated };
  const notice = agreement.noticeMonths ?? 0;
  const options = agreement.options ?? [];
  let months = options.reduce((sum, option) => sum + (option.exercised !== undefined ? (option.months ?? 0) : 0), 0);
  const deadlineAfter = (total: number): string => addMonths(addMonths(end, total), -notice);
  const period = agreement.renewal?.months ?? 0;
  if (period > 0) {
    // A period is added while its notice deadline lies before the date (on the deadline, notice can still be given),
    // and never after the first period whose deadline is on or after the day notice was given.
    for (let k = 0; k < MAX_PERIODS; k++) {
      const deadline = deadlineAfter(months);
      if (deadline >= date || (terminated !== undefined && deadline >= terminated)) break;
      months += period;
    }
  }
  const noticeDeadline = deadlineAfter(months);
  const renews = period > 0 && (terminated === undefined || terminated > noticeDeadline);
  const next = options.find((option) => option.exercised === undefined);
  return {
    end: addMonths(end, months),
    noticeDeadline,
    ...(renews ? { renewsTo: { months: period, end: addMonths(end, months + period) } } : {}),
    ...(next ? { optionLeft: { months: next.months ?? 0, end: addMonths(end, months + (next.months ?? 0)) } } : {}),
    ...(terminated !== undefined ? { terminated } : {}),
  };
}

/** The current end on `date` (undefined = open-ended). */
export function currentEnd(agreement: AgreementTermsInput, date: string): string | undefined {
  return agreementTerms(agreement, date).end;
}

/** Current on `date`: start ≤ date ≤ the current end (`terms`: the agreement's terms on `date`, when already known). */
export function isCurrentAgreement(agreement: AgreementTermsInput, date: string, terms?: AgreementTerms): boolean {
  const known = terms ?? agreementTerms(agreement, date);
  // A date that does not exist: whether it is in force is judged by the nearest days (date-order names the date).
  if (known.impossibleDate !== undefined) {
    const nearest = withNearestDays(agreement);
    return impossibleTermDates(nearest).length === 0 && isCurrentAgreement(nearest, date);
  }
  if (date < agreement.start) return false;
  return known.end === undefined || date <= known.end;
}

/**
 * The last day an agreement counts as in force for costs: none (open) for one that renews tacitly and has no notice
 * given (it renews unless notice is given); otherwise its current end, options and the period notice ends included.
 * A date that does not exist is taken as the nearest day of its month: this answers which years the agreement
 * concerns, and costs leave such an agreement out of the bill with a finding (it never flows into an amount).
 */
export function lastDayInForce(agreement: AgreementTermsInput): string | undefined {
  if (agreement.renewal !== undefined && agreement.terminated === undefined) return undefined;
  const known = impossibleTermDates(agreement).length > 0 ? withNearestDays(agreement) : agreement;
  return currentEnd(known, '9999-12-31');
}

/** The first day an agreement is in force, a date that does not exist taken as the nearest day of its month. */
export function firstDayInForce(agreement: AgreementTermsInput): string {
  return nearestDay(agreement.start);
}
