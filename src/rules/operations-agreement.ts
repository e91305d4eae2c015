// operations-agreement — a live application operated by an IT unit has a current operations agreement.
import { isLive } from '../model/register-model.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'operations-agreement',
  severity: 'error',
  appliesTo: 'Application',
  docs: {
    description: {
      sv: 'En applikation i drift eller planerad som driftas av en IT-enhet (`operatedBy`) men saknar gällande driftavtal (`type: operations`).',
      en: 'An application, live or planned, with `operatedBy` and no current operations agreement for it.',
    },
    policy: { chapter: '3', quote: 'Vidare ansvarar Systemägaren för att drift- och supportavtal tecknas med driftande IT-enhet samt leverantören av systemet.' },
    details: {
      sv: 'Ett avtal är gällande när `--date` ligger mellan `start` och `end`. Applikationer som leverantören driftar (utan `operatedBy`) omfattas inte.',
      en: 'An agreement is current when --date lies between start and end. Vendor-hosted applications (no operatedBy) are exempt.',
    },
  },
  check(app, { register, date }) {
    if (!isLive(app) || app.operatedBy === undefined) return [];
    if (register.hasCurrentAgreement(app.id, 'operations', date)) return [];
    return [{ message: { id: 'noOperationsAgreement', data: { app: app.name, unit: register.nameOf(app.operatedBy) } } }];
  },
});
