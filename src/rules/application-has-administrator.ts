// application-has-administrator — every live application has a current system administrator.
import { isLive } from '../model/register-model.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'application-has-administrator',
  severity: 'error',
  appliesTo: 'Application',
  docs: {
    description: {
      sv: 'En applikation som är i drift eller planerad men saknar gällande systemansvarig.',
      en: 'An application, live or planned, with no current system administrator.',
    },
    policy: { chapter: '3', quote: 'Systemägaren utser en systemansvarig person i verksamheten med god kunskap om applikationen.' },
    details: {
      sv: 'En rollbemanning (`role: system-administrator`) räknas när `--date` ligger mellan `from` och `until`. `appointedBy` pekar på systemägarens rollbemanning.',
      en: "A RoleAssignment with role: system-administrator counts when --date lies between from and until. appointedBy points at the owner's assignment.",
    },
  },
  check(app, { register, date }) {
    if (!isLive(app) || register.hasCurrentRole(app.id, 'system-administrator', date)) return [];
    return [{ message: { id: 'noAdministrator', data: { app: app.name } } }];
  },
});
