// specialist-competence — a live application shared by two or more municipalities has a current specialist.
import { isLive } from '../model/register-model.js';
import { hasCurrentSpecialist, isShared } from '../model/policy.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'specialist-competence',
  severity: 'warning',
  appliesTo: 'Application',
  docs: {
    description: {
      sv: 'En applikation i drift eller planerad som används av minst två kommuner men saknar gällande specialist.',
      en: 'An application, live or planned, used by two or more municipalities with no current specialist.',
    },
    policy: { chapter: '2', quote: 'På våra gemensamma system ska specialistkompetens finnas inom organisationen.' },
    details: {
      sv: 'En rollbemanning (`role: specialist`) räknas när `--date` ligger mellan `from` och `until`.',
      en: 'A RoleAssignment with role: specialist counts when --date lies between from and until.',
    },
  },
  check(app, { register, date }) {
    if (!isLive(app) || !isShared(app) || hasCurrentSpecialist(register, app, date)) return [];
    return [{ path: ['municipalities'], message: { id: 'noSpecialist', data: { app: app.name, count: app.municipalities.length } } }];
  },
});
