// document-review — a governing document past (error) or within six months of (warning) adopted + validYears.
import { documentReviewDue, isDocumentExpired, isGoverning } from '../model/policy.js';
import { addMonths } from '../util/dates.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'document-review',
  severity: 'error',
  appliesTo: 'Document',
  defaultOptions: { warnMonths: 6 },
  optionsSchema: { type: 'object', additionalProperties: false, properties: { warnMonths: { type: 'integer', minimum: 0 } } },
  docs: {
    description: {
      sv: 'Ett styrdokument (som inte har ersatts) vars `adopted` + `validYears` har passerats (fel) eller infaller inom sex månader (varning).',
      en: 'A Document (not supersededBy another) whose adopted + validYears lies before the date (error) or within six months (warning).',
    },
    policy: { chapter: '1', quote: 'Verksamheten styrs av följande gemensamma dokument: IT-policyn 5 år, IT-instruktioner 3-5 år' },
    details: {
      sv: 'Ett dokument med `supersededBy` är historik och kontrolleras inte. Fyndet pekar på `adopted`.',
      en: 'A document with supersededBy is history and is not checked. The finding points at adopted.',
    },
  },
  check(doc, { date, options }) {
    if (!isGoverning(doc)) return [];
    const due = documentReviewDue(doc);
    const data = { doc: doc.name, due };
    if (isDocumentExpired(doc, date)) return [{ path: ['adopted'], message: { id: 'documentExpired', data } }];
    if (due <= addMonths(date, Number(options['warnMonths'] ?? 6))) {
      return [{ path: ['adopted'], severity: 'warning', message: { id: 'documentReviewSoon', data } }];
    }
    return [];
  },
});
