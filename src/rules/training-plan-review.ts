// training-plan-review — a training plan whose review (updated + reviewMonths) is overdue.
import { addMonths } from '../util/dates.js';
import { defineRule } from './define-rule.js';
import type { TrainingPlan } from '../schema/types.generated.js';

/** The day a plan is next due for review. */
export function planReviewDue(plan: TrainingPlan): string {
  return addMonths(plan.updated, plan.reviewMonths ?? 12);
}

export default defineRule({
  id: 'training-plan-review',
  severity: 'warning',
  appliesTo: 'TrainingPlan',
  docs: {
    description: {
      sv: 'En utbildningsplan vars översyn är försenad: `updated` + `reviewMonths` ligger före datumet.',
      en: 'A training plan whose updated + reviewMonths lies before the date.',
    },
    policy: { chapter: '5', quote: 'Vid införande av ny teknik ska personalen utbildas samt en kontinuerlig utbildningsplan tas fram.' },
    details: {
      sv: '`reviewMonths` är 12 om inget anges. Fyndet pekar på `updated`.',
      en: 'reviewMonths defaults to 12. The finding points at updated.',
    },
  },
  check(plan, { date }) {
    const due = planReviewDue(plan);
    return due < date ? [{ path: ['updated'], message: { id: 'planReviewOverdue', data: { plan: plan.name, due } } }] : [];
  },
});
