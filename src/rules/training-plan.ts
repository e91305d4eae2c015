// training-plan — every live business application is listed in a training plan for users or administrators.
import { isLive } from '../model/register-model.js';
import { isInTrainingPlan, needsTrainingPlan } from '../model/policy.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'training-plan',
  severity: 'error',
  appliesTo: 'Application',
  docs: {
    description: {
      sv: 'Ett verksamhetssystem i drift eller planerat som ingen utbildningsplan (för användare eller systemansvariga) tar upp.',
      en: 'A business system, live or planned, that no training plan (for users or system administrators) lists.',
    },
    policy: { chapter: '2', quote: 'Utbildningsplaner ska upprättas för alla verksamhetssystem.' },
    details: {
      sv: 'Gäller applikationer med `type: business`. Att planen är aktuell kontrolleras av regeln Översyn av utbildningsplaner (`training-plan-review`).',
      en: 'Applies to applications with `type: business`. Whether the plan is up to date is checked by the rule Review of training plans (`training-plan-review`).',
    },
  },
  check(app, { register }) {
    if (!needsTrainingPlan(app) || !isLive(app) || isInTrainingPlan(register, app)) return [];
    return [{ message: { id: 'noTrainingPlan', data: { app: app.name } } }];
  },
});
