// agreementState(): where an agreement stands on a date, decided once from its terms (DESIGN.md "One answer, many
// views"): running (open-ended), renews on its current end, ends on it, notice deadline passed, terminated, or ended.
import { agreementTerms, type AgreementTerms, type AgreementTermsInput } from './agreement-terms.js';

export type AgreementStateKey = 'running' | 'renews' | 'ends' | 'deadline-passed' | 'terminated' | 'ended';

export interface AgreementState {
  readonly key: AgreementStateKey;
  /** The day the state names: the current end it renews or ends on, or ended on (none for an open-ended agreement). */
  readonly on?: string;
  /** Notice can still be given on the date: the deadline lies on or after it and no notice has been given. */
  readonly canGiveNotice: boolean;
  /** Started (start ≤ date) and not ended: start ≤ date ≤ the current end. */
  readonly current: boolean;
  readonly terms: AgreementTerms;
}

/** The state of `agreement` on `date` (`terms`: its terms on `date`, when already known). */
export function agreementState(agreement: AgreementTermsInput, date: string, terms: AgreementTerms = agreementTerms(agreement, date)): AgreementState {
  const { end, noticeDeadline, terminated } = terms;
  const started = agreement.start <= date;
  const of = (key: AgreementStateKey, canGiveNotice = false): AgreementState => ({
    key,
    ...(end !== undefined ? { on: end } : {}),
    canGiveNotice,
    current: started && (end === undefined || date <= end),
    terms,
  });
  if (end !== undefined && end < date) return of('ended');
  if (terminated !== undefined) return of('terminated');
  if (end === undefined || noticeDeadline === undefined) return of('running');
  if (noticeDeadline < date) return of('deadline-passed');
  return terms.renewsTo !== undefined ? of('renews', true) : of('ends', true);
}
