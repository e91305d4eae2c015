// continuity-plan — a live application that is critical or needs high availability has a continuity plan and a restore test within the year.
import type { Message } from '../i18n/index.js';
import { RESTORE_TEST_MONTHS, SERIOUS_LEVEL, continuityReason, hasContinuityPlan, isRestoreTestOverdue, levelName, needsContinuity, restoreTestDue } from '../model/continuity.js';
import { isLive } from '../model/register-model.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'continuity-plan',
  severity: 'error',
  appliesTo: 'Application',
  defaultOptions: { minAvailability: SERIOUS_LEVEL, restoreMonths: RESTORE_TEST_MONTHS },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minAvailability: { type: 'integer', minimum: 0, maximum: 4, description: 'The availability level from which a continuity plan is needed (default 3).' },
      restoreMonths: { type: 'integer', minimum: 1, description: 'Months within which a restore must have been tried (default 12).' },
    },
  },
  docs: {
    description: {
      sv: 'En applikation i drift eller planerad som är samhällsviktig (`critical: true`) eller har tillgänglighetsnivå `minAvailability` (3) eller högre, men saknar kontinuitetsplan (`continuity.plan`) eller en återläsning provad de senaste `restoreMonths` (12) månaderna (`continuity.restoreTested`).',
      en: 'A live application that is critical (critical: true) or has availability level minAvailability (3) or higher, without a continuity plan (continuity.plan) or a restore tried within the last restoreMonths (12) months (continuity.restoreTested).',
    },
    basis: {
      source: {
        sv: 'NIS 2-direktivet (EU) 2022/2555 art. 21.2 c, genomfört i cybersäkerhetslagen (2025:1506)',
        en: 'NIS 2 Directive (EU) 2022/2555 Art. 21(2)(c), implemented by the Swedish Cybersecurity Act (2025:1506)',
      },
      quote: {
        sv: 'driftskontinuitet, såsom hantering av säkerhetskopior och återställning efter katastrofer, samt krishantering',
        en: 'business continuity, such as backup management and disaster recovery, and crisis management',
      },
    },
    details: {
      sv: 'Planen anges i `continuity.plan`: ett styrdokuments id (ett `Document`, som regeln `reference` kontrollerar) eller en adress eller sökväg. En säkerhetskopia som aldrig har lästs tillbaka är ingen säkerhetskopia: ange dagen för senaste provade återläsning i `continuity.restoreTested`, och gärna längsta tillåtna avbrott i timmar i `continuity.rto`. Saknas både plan och test blir det ett fynd; annars ett per brist. Fyndet pekar på `critical` eller `classification.availability` (det som gör kravet), på `continuity.restoreTested` när testet är för gammalt. Ändra gränserna med `[error, { minAvailability: 4, restoreMonths: 6 }]`.',
      en: "The plan goes in continuity.plan: a governing document's id (a Document, which reference checks) or an address or path. A backup never restored is no backup: set the day of the last restore tried in continuity.restoreTested, and the longest allowed outage in hours in continuity.rto. With neither plan nor test there is one finding; otherwise one for each lack. The finding points at critical or classification.availability (what makes the demand), at continuity.restoreTested when the test is too old. Change the limits with [error, { minAvailability: 4, restoreMonths: 6 }].",
    },
  },
  check(app, { config, date, options }) {
    if (!isLive(app) || !needsContinuity(app, Number(options['minAvailability'] ?? SERIOUS_LEVEL))) return [];
    const reason = continuityReason(app);
    const path = reason.path;
    const why: Message = reason.critical
      ? { id: 'continuityWhyCritical' }
      : { id: 'continuityWhyAvailability', data: { level: reason.availability, name: levelName(config.classificationLevels, reason.availability) } };
    const tested = app.continuity?.restoreTested;
    if (!hasContinuityPlan(app) && tested === undefined) return [{ path, message: { id: 'continuityMissing', data: { app: app.name, why } } }];
    const hits = [];
    if (!hasContinuityPlan(app)) hits.push({ path, message: { id: 'continuityPlanMissing', data: { app: app.name, why } } } as const);
    if (tested === undefined) {
      hits.push({ path, message: { id: 'restoreTestMissing', data: { app: app.name, why } } } as const);
    } else {
      // The same test the yearly report counts restore tests by (model/continuity.ts).
      const restoreMonths = Number(options['restoreMonths'] ?? RESTORE_TEST_MONTHS);
      if (isRestoreTestOverdue(app, date, restoreMonths)) {
        const due = restoreTestDue(app, restoreMonths)!;
        hits.push({ path: ['continuity', 'restoreTested'], message: { id: 'restoreTestOverdue', data: { app: app.name, tested, due } } } as const);
      }
    }
    return hits;
  },
});
