// application-has-owner — every live application has a current system owner.
import { isLive } from '../model/register-model.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'application-has-owner',
  severity: 'error',
  appliesTo: 'Application',
  docs: {
    description: {
      sv: 'En applikation som är i drift eller planerad men saknar gällande systemägare.',
      en: 'An application, live or planned, with no current system owner.',
    },
    policy: { chapter: '3', quote: 'Alla gemensamma och verksamhetsspecifika applikationer ska ha en systemägare.' },
    details: {
      sv: 'Gäller alla applikationer som inte är avvecklade (`lifecycle.status: retired`). En rollbemanning (`role: system-owner`) räknas när `--date` ligger mellan `from` och `until`.',
      en: 'Applies to every application that is not retired. A RoleAssignment with role: system-owner counts when --date lies between its from and until.',
    },
  },
  check(app, { register, date }) {
    if (!isLive(app) || register.hasCurrentRole(app.id, 'system-owner', date)) return [];
    return [{ message: { id: 'noOwner', data: { app: app.name } } }];
  },
});
