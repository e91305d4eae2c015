// continuityView(): how far the live applications are classified and ready for a disruption on a date, per
// municipality and in total, counted with the options the rules classification-assessed and continuity-plan run with.
import { classificationState, continuityPolicy, hasContinuityPlan, isRestoreTestOverdue, needsContinuity, type ContinuityPolicy } from '../model/continuity.js';
import { isLive, type RegisterModel } from '../model/register-model.js';
import type { Application } from '../types/entities.generated.js';

export interface ContinuityCounts {
  /** Live applications (lifecycle not retired). */
  readonly live: number;
  /** … with a `classification`. */
  readonly classified: number;
  /** … whose classification was decided within `reviewMonths` (an undated one is not current). */
  readonly classificationCurrent: number;
  /** … that are `critical` or have availability ≥ `minAvailability`: they need a continuity plan. */
  readonly needContinuity: number;
  /** … of those, with `continuity.plan`. */
  readonly withPlan: number;
  /** … of those, with a restore test within `restoreMonths`. */
  readonly restoreCurrent: number;
}

export interface ContinuityRow extends ContinuityCounts {
  readonly id: string;
  readonly name: string;
}

/** The applications behind what is not yet in place, by name (each list sorted as the caller's collator sorts). */
export interface ContinuityGaps {
  readonly unclassified: readonly Application[];
  /** Classified, but the decision is older than `reviewMonths` or has no date. */
  readonly classificationNotCurrent: readonly Application[];
  readonly planMissing: readonly Application[];
  /** Needing continuity, with no restore test within `restoreMonths` (none recorded, or too old). */
  readonly restoreNotCurrent: readonly Application[];
}

export interface ContinuityView {
  readonly policy: ContinuityPolicy;
  /** The applications in scope, each counted once. */
  readonly total: ContinuityCounts;
  /** One row per municipality asked for: an application counts in every municipality that uses it. */
  readonly byMunicipality: readonly ContinuityRow[];
  readonly gaps: ContinuityGaps;
}

function countOf(apps: readonly Application[], date: string, policy: ContinuityPolicy): ContinuityCounts {
  const live = apps.filter(isLive);
  const classified = live.filter((a) => classificationState(a, date, policy.reviewMonths) !== 'unclassified');
  const needing = live.filter((a) => needsContinuity(a, policy.minAvailability));
  return {
    live: live.length,
    classified: classified.length,
    classificationCurrent: classified.filter((a) => classificationState(a, date, policy.reviewMonths) === 'current').length,
    needContinuity: needing.length,
    withPlan: needing.filter(hasContinuityPlan).length,
    restoreCurrent: needing.filter((a) => !isRestoreTestOverdue(a, date, policy.restoreMonths)).length,
  };
}

/**
 * The counts over `applications` (the scope: all, or one municipality's), and per municipality in `municipalities`
 * (in the order given). `rules` is itreg.yaml's `rules:`, from which the options are read as the rules read them.
 */
export function continuityView(
  register: RegisterModel,
  applications: readonly Application[],
  municipalities: readonly { readonly id: string; readonly name: string }[],
  rules: Readonly<Record<string, unknown>>,
  date: string,
): ContinuityView {
  const policy = continuityPolicy(rules);
  const live = applications.filter(isLive);
  const needing = live.filter((a) => needsContinuity(a, policy.minAvailability));
  return {
    policy,
    total: countOf(applications, date, policy),
    byMunicipality: municipalities.map((m) => ({
      id: m.id,
      name: m.name,
      ...countOf(
        register.ofKind('Application').filter((a) => a.municipalities.includes(m.id)),
        date,
        policy,
      ),
    })),
    gaps: {
      unclassified: live.filter((a) => classificationState(a, date, policy.reviewMonths) === 'unclassified'),
      classificationNotCurrent: live.filter((a) => {
        const state = classificationState(a, date, policy.reviewMonths);
        return state === 'overdue' || state === 'undated';
      }),
      planMissing: needing.filter((a) => !hasContinuityPlan(a)),
      restoreNotCurrent: needing.filter((a) => isRestoreTestOverdue(a, date, policy.restoreMonths)),
    },
  };
}
