// it-staff-training-plan — the register has a training plan for IT staff whose review is not overdue.
import { defineRule } from './define-rule.js';
import { hasCurrentItStaffPlan, itStaffPlans, planReviewDue } from '../model/policy.js';

export default defineRule({
  id: 'it-staff-training-plan',
  severity: 'warning',
  scope: 'register',
  docs: {
    description: {
      sv: 'Ingen utbildningsplan för IT-personalen (`audience: it-staff`) vars översyn inte är försenad (rapporteras på itreg.yaml, rad 1).',
      en: 'No training plan for IT staff (`audience: it-staff`) whose review is not overdue (reported on itreg.yaml, line 1).',
    },
    policy: { chapter: '5', quote: 'En gemensam utbildningsplan för IT-personalen i kommunerna skall tas fram med syfte att samordna och därmed t.ex. sänka kostnaderna för utbildningarna.' },
    details: {
      sv: 'Gäller registret som helhet. En försenad plan nämns i meddelandet.',
      en: 'About the register as a whole. An overdue plan is named in the message.',
    },
  },
  check({ register, date, config }) {
    if (hasCurrentItStaffPlan(register, date)) return [];
    const overdue = itStaffPlans(register)[0];
    const position = { line: 1, column: 1 };
    return [
      overdue
        ? { source: config.source, position, message: { id: 'itStaffPlanOverdue', data: { plan: overdue.name, due: planReviewDue(overdue) } } }
        : { source: config.source, position, message: { id: 'noItStaffPlan' } },
    ];
  },
});
