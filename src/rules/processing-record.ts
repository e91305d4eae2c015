// processing-record — a live application that holds personal data is in a current record of processing (GDPR art. 30).
import { currentProcessingsOf, needsProcessingRecord } from '../model/processing.js';
import { isLive } from '../model/register-model.js';
import { GDPR_ARTICLE_30_1 } from './law-basis.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'processing-record',
  severity: 'warning',
  appliesTo: 'Application',
  docs: {
    description: {
      sv: 'En applikation i drift eller planerad med personuppgifter (`personalData: personal` eller `sensitive`) som ingen gällande behandling (`Processing`) listar.',
      en: 'A live application with personal data (personalData: personal or sensitive) that no current processing activity (Processing) lists.',
    },
    basis: GDPR_ARTICLE_30_1,
    details: {
      sv: 'Registerförteckningen byggs av behandlingarna i `processing/`: varje `Processing` anger personuppgiftsansvarig (`controller`), ändamål, rättslig grund enligt art. 6.1 (`legalBasis`), registrerade, uppgifter, mottagare, överföringar, gallring och säkerhetsåtgärder, och de system den sker i (`applications`). En behandling är gällande när datumet ligger mellan `start` och `end` (saknas något: öppet). `itreg report processing` skriver förteckningen per ansvarig. Fyndet pekar på `personalData`.',
      en: 'The record of processing is built from the processing activities in processing/: each Processing names its controller, purpose, legal basis under Art. 6(1) (legalBasis), data subjects, data, recipients, transfers, retention and security measures, and the systems it takes place in (applications). A processing activity is current when the date lies between start and end (either absent: open). itreg report processing writes the record per controller. The finding points at personalData.',
    },
  },
  check(app, { register, date }) {
    if (!isLive(app) || !needsProcessingRecord(app) || currentProcessingsOf(register, app.id, date).length > 0) return [];
    const data = { id: app.personalData === 'sensitive' ? 'sensitivePersonalData' : 'personalDataWord' } as const;
    return [{ path: ['personalData'], message: { id: 'noProcessingRecord', data: { app: app.name, data } } }];
  },
});
