// agreementView(): an agreement as every output shows it on a date — its current end, notice deadline, whether it
// renews, and its one state — shaped from the model's answer (model/agreement-state.ts), never decided here.
import type { Message } from '../i18n/index.js';
import { agreementState, type AgreementStateKey } from '../model/agreement-state.js';
import type { RegisterModel } from '../model/register-model.js';
import type { Agreement } from '../types/entities.generated.js';

export interface AgreementView {
  readonly id: string;
  readonly name: string;
  readonly type: Agreement['type'];
  readonly application?: string;
  readonly start: string;
  /** The current end on the date (renewals and options counted); none for an open-ended agreement. */
  readonly end?: string;
  /** The current period's notice deadline (end − noticeMonths). */
  readonly noticeDeadline?: string;
  /** Renews tacitly at `end` unless notice is given by the deadline. */
  readonly renews: boolean;
  readonly renewsTo?: { readonly months: number; readonly end: string };
  readonly optionLeft?: { readonly months: number; readonly end: string };
  /** The day notice was given. */
  readonly terminated?: string;
  readonly state: AgreementStateKey;
  /** The day the state names (renews on, ends on, ended on). */
  readonly stateOn?: string;
  readonly canGiveNotice: boolean;
  /** start ≤ date ≤ current end. */
  readonly current: boolean;
  readonly started: boolean;
  /** Later agreements of the same type for the same application: it was renewed by them. */
  readonly renewedBy: readonly string[];
}

/** `agreement` on `date`, as the report, the site, show, opportunities, calendar and export show it. */
export function agreementView(register: RegisterModel, agreement: Agreement, date: string): AgreementView {
  const state = agreementState(agreement, date);
  const { terms } = state;
  const renewedBy =
    agreement.application === undefined
      ? []
      : register
          .agreements(agreement.application, agreement.type)
          .filter((o) => o !== agreement && o.start > agreement.start)
          .map((o) => o.id);
  return {
    id: agreement.id,
    name: agreement.name,
    type: agreement.type,
    ...(agreement.application !== undefined ? { application: agreement.application } : {}),
    start: agreement.start,
    ...(terms.end !== undefined ? { end: terms.end } : {}),
    ...(terms.noticeDeadline !== undefined ? { noticeDeadline: terms.noticeDeadline } : {}),
    renews: terms.renewsTo !== undefined,
    ...(terms.renewsTo ? { renewsTo: terms.renewsTo } : {}),
    ...(terms.optionLeft ? { optionLeft: terms.optionLeft } : {}),
    ...(terms.terminated !== undefined ? { terminated: terms.terminated } : {}),
    state: state.key,
    ...(state.on !== undefined ? { stateOn: state.on } : {}),
    canGiveNotice: state.canGiveNotice,
    current: state.current,
    started: agreement.start <= date,
    renewedBy,
  };
}

/** The state in words (the catalogue's): "förlängs 30 juni 2029", "uppsagt 1 november 2026, upphör 30 juni 2027". */
export function agreementStateMessage(view: Pick<AgreementView, 'state' | 'stateOn' | 'terminated' | 'renewsTo'>, formatDate: (day: string) => string = (day) => day): Message {
  const on = view.stateOn === undefined ? '' : formatDate(view.stateOn);
  switch (view.state) {
    case 'running':
      return { id: 'agreementStateRunning' };
    case 'renews':
      return { id: 'agreementStateRenews', data: { on, to: view.renewsTo ? formatDate(view.renewsTo.end) : '' } };
    case 'ends':
      return { id: 'agreementStateEnds', data: { on } };
    case 'deadline-passed':
      return { id: 'agreementStateDeadlinePassed', data: { on } };
    case 'terminated':
      return { id: 'agreementStateTerminated', data: { on, terminated: view.terminated === undefined ? '' : formatDate(view.terminated) } };
    case 'ended':
      return { id: 'agreementStateEnded', data: { on } };
  }
}
