// Law texts that more than one rule stands on, quoted once.
import type { RuleDocs } from './define-rule.js';

/** GDPR art. 30.1, the record of processing activities (processing-record, personal-data-assessed). */
export const GDPR_ARTICLE_30_1: NonNullable<RuleDocs['basis']> = {
  source: { sv: 'Dataskyddsförordningen (GDPR) art. 30.1', en: 'General Data Protection Regulation (GDPR) Art. 30(1)' },
  quote: {
    sv: 'Varje personuppgiftsansvarig och, i tillämpliga fall, den personuppgiftsansvariges företrädare ska föra ett register över behandling som utförts under dess ansvar.',
    en: "Each controller and, where applicable, the controller's representative, shall maintain a record of processing activities under its responsibility.",
  },
};
