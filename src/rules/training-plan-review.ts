// training-plan-review — a training plan whose review (updated + reviewMonths) is overdue.
import { isPlanReviewOverdue, planReviewDue } from '../model/policy.js';
import { defineRule } from './define-rule.js';

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
    return isPlanReviewOverdue(plan, date) ? [{ path: ['updated'], message: { id: 'planReviewOverdue', data: { plan: plan.name, due: planReviewDue(plan) } } }] : [];
  },
});
