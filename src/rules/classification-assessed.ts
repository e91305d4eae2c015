// classification-assessed — a live business application is information-classified, and its classification is not overdue for review.
import { CLASSIFICATION_REVIEW_MONTHS, classificationReviewDue, classificationState } from '../model/continuity.js';
import { isLive } from '../model/register-model.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'classification-assessed',
  severity: 'warning',
  appliesTo: 'Application',
  defaultOptions: { reviewMonths: CLASSIFICATION_REVIEW_MONTHS },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { reviewMonths: { type: 'integer', minimum: 1, description: 'Months after classification.decided that a classification is due for review (default 24).' } },
  },
  docs: {
    description: {
      sv: 'Ett verksamhetssystem i drift eller planerat som saknar informationsklassning (`classification`), eller en applikation vars klassning beslutades för mer än `reviewMonths` (24) månader sedan eller saknar beslutsdatum.',
      en: 'A live business application without an information classification (classification), or an application whose classification was decided more than reviewMonths (24) months ago or has no decision date.',
    },
    basis: {
      source: {
        sv: 'NIS 2-direktivet (EU) 2022/2555 art. 21.1, genomfört i cybersäkerhetslagen (2025:1506)',
        en: 'NIS 2 Directive (EU) 2022/2555 Art. 21(1), implemented by the Swedish Cybersecurity Act (2025:1506)',
      },
      quote: {
        sv: 'Medlemsstaterna ska säkerställa att väsentliga och viktiga entiteter vidtar lämpliga och proportionella tekniska, operativa och organisatoriska åtgärder för att hantera de risker som hotar säkerheten i de nätverks- och informationssystem som dessa entiteter använder för sin verksamhet eller för att tillhandahålla sina tjänster …',
        en: 'Member States shall ensure that essential and important entities take appropriate and proportionate technical, operational and organisational measures to manage the risks posed to the security of network and information systems which those entities use for their operations or for the provision of their services …',
      },
    },
    details: {
      sv: 'Klassningen följer KLASSA: konsekvensnivå 0–4 för konfidentialitet, riktighet och tillgänglighet (`classification: { confidentiality, integrity, availability, decided, decidedBy }`); nivåernas namn står i itreg.yaml (`classificationLevels`). Den avgör vad de andra reglerna kräver: kontinuitetsplan (`continuity-plan`), driftplats (`hosting-location`) och bemanning (`critical-staffing`). Fyndet om saknad klassning pekar på applikationens första rad, det om översyn på `classification.decided`. Ändra tiden med `[warning, { reviewMonths: 36 }]`.',
      en: "The classification follows KLASSA: consequence levels 0–4 for confidentiality, integrity and availability (classification: { confidentiality, integrity, availability, decided, decidedBy }); itreg.yaml names the levels (classificationLevels). It decides what the other rules demand: a continuity plan (continuity-plan), where it may be hosted (hosting-location) and staffing (critical-staffing). A missing classification is reported at the application's first line, an overdue review at classification.decided. Change the period with [warning, { reviewMonths: 36 }].",
    },
  },
  check(app, { date, options }) {
    if (!isLive(app)) return [];
    // The state the yearly report counts, with the same reviewMonths (model/continuity.ts).
    const reviewMonths = Number(options['reviewMonths'] ?? CLASSIFICATION_REVIEW_MONTHS);
    switch (classificationState(app, date, reviewMonths)) {
      case 'current':
        return [];
      case 'unclassified':
        return app.type === 'business' ? [{ message: { id: 'classificationMissing', data: { app: app.name } } }] : [];
      case 'undated':
        return [{ path: ['classification'], target: 'key', message: { id: 'classificationUndated', data: { app: app.name } } }];
      case 'overdue':
        return [
          {
            path: ['classification', 'decided'],
            message: { id: 'classificationReviewOverdue', data: { app: app.name, decided: app.classification!.decided!, due: classificationReviewDue(app, reviewMonths)! } },
          },
        ];
    }
  },
});
