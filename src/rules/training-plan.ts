// training-plan — every live business application is listed in a training plan for users or administrators.
import { isLive } from '../register/model.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'training-plan',
  severity: 'error',
  appliesTo: 'Application',
  docs: {
    description: {
      sv: 'Ett verksamhetssystem i drift som ingen utbildningsplan (för användare eller systemansvariga) tar upp.',
      en: 'A live business application that no TrainingPlan (audience users or administrators) lists.',
    },
    policy: { chapter: '2', quote: 'Utbildningsplaner ska upprättas för alla verksamhetssystem.' },
    details: {
      sv: 'Gäller applikationer med type: business. Planens aktualitet kontrolleras av training-plan-review.',
      en: "Applies to applications of type business. Whether the plan is up to date is training-plan-review's concern.",
    },
  },
  check(app, { register }) {
    if (app.type !== 'business' || !isLive(app)) return [];
    const listed = register.plansFor(app.id).some((plan) => plan.audience === 'users' || plan.audience === 'administrators');
    return listed ? [] : [{ message: { id: 'noTrainingPlan', data: { app: app.name } } }];
  },
});
