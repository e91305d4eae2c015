// critical-staffing — a live application that is critical or needs high availability has at least two people who can run it.
import type { Message } from '../i18n/index.js';
import { SERIOUS_LEVEL, continuityReason, currentOperatorCount, levelName, needsContinuity } from '../model/continuity.js';
import { isLive } from '../model/register-model.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'critical-staffing',
  severity: 'warning',
  appliesTo: 'Application',
  defaultOptions: { minAvailability: SERIOUS_LEVEL },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { minAvailability: { type: 'integer', minimum: 0, maximum: 4, description: 'The availability level from which two people are needed (default 3).' } },
  },
  docs: {
    description: {
      sv: 'En applikation i drift eller planerad som är samhällsviktig (`critical: true`) eller har tillgänglighetsnivå `minAvailability` (3) eller högre, men har färre än två personer som systemansvarig och specialist tillsammans.',
      en: 'A live application that is critical (critical: true) or has availability level minAvailability (3) or higher, with fewer than two people as system administrator and specialist together.',
    },
    policy: { chapter: '2', quote: 'För att öka effektiviteten, minska sårbarheten och sänka kostnaderna ska samverkan kring applikationer systematiseras och utökas.' },
    details: {
      sv: 'En enda person som kan driva ett samhällsviktigt system är en svag länk: vid sjukdom, semester eller uppsägning står systemet utan kunnig. Regeln räknar gällande rollbemanningar med `role: system-administrator` och `role: specialist`, och samma befattning (`holder.title`, `holder.unit` och `holder.name`) en gång, så en person med båda rollerna räknas som en. Fyndet pekar på `critical` eller `classification.availability`. Ändra gränsen med `[warning, { minAvailability: 4 }]`.',
      en: 'A single person who can run an essential system is a single point of failure: in illness, holidays or on leaving, the system has no one who knows it. The rule counts current RoleAssignments with role: system-administrator and role: specialist, the same position (holder.title, holder.unit and holder.name) once, so one person holding both roles counts as one. The finding points at critical or classification.availability. Change the limit with [warning, { minAvailability: 4 }].',
    },
  },
  check(app, { register, config, date, options }) {
    if (!isLive(app) || !needsContinuity(app, Number(options['minAvailability'] ?? SERIOUS_LEVEL))) return [];
    const count = currentOperatorCount(register, app.id, date);
    if (count >= 2) return [];
    const reason = continuityReason(app);
    const why: Message = reason.critical
      ? { id: 'continuityWhyCritical' }
      : { id: 'continuityWhyAvailability', data: { level: reason.availability, name: levelName(config.classificationLevels, reason.availability) } };
    return [{ path: reason.path, message: { id: 'criticalStaffing', data: { app: app.name, why, count: { count, of: 'person' } } } }];
  },
});
