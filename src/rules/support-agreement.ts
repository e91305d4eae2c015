// support-agreement — a live application with a vendor has a current support agreement.
import { isLive } from '../model/register-model.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'support-agreement',
  severity: 'error',
  appliesTo: 'Application',
  docs: {
    description: {
      sv: 'En applikation i drift eller planerad som har en leverantör (`vendor`) men saknar gällande supportavtal (`type: support`).',
      en: 'An application, live or planned, with a vendor and no current support agreement for it.',
    },
    policy: { chapter: '3', quote: 'Vidare ansvarar Systemägaren för att drift- och supportavtal tecknas med driftande IT-enhet samt leverantören av systemet.' },
    details: {
      sv: 'Ett avtal är gällande när `--date` ligger mellan `start` och `end`.',
      en: 'An agreement is current when --date lies between start and end.',
    },
  },
  check(app, { register, date }) {
    if (!isLive(app) || app.vendor === undefined) return [];
    if (register.hasCurrentAgreement(app.id, 'support', date)) return [];
    return [{ message: { id: 'noSupportAgreement', data: { app: app.name, vendor: app.vendor.name } } }];
  },
});
