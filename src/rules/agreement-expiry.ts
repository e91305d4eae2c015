// agreement-expiry — an agreement of a live application that has ended (error) or whose notice deadline is near (warning), unless renewed.
import { isLive } from '../register/model.js';
import type { Agreement } from '../schema/types.generated.js';
import { addMonths } from '../util/dates.js';
import { defineRule } from './define-rule.js';

/** The last day to give notice: end − noticeMonths (undefined for open-ended agreements). */
export function noticeDeadline(agreement: Agreement): string | undefined {
  return agreement.end === undefined ? undefined : addMonths(agreement.end, -(agreement.noticeMonths ?? 0));
}

export default defineRule({
  id: 'agreement-expiry',
  severity: 'error',
  appliesTo: 'Agreement',
  defaultOptions: { warnMonths: 6 },
  docs: {
    description: {
      sv: 'Ett avtal för en applikation i drift som har löpt ut (fel), eller vars sista uppsägningsdag infaller inom warnMonths (varning), om det inte har förnyats.',
      en: 'An agreement of a live application that has ended (error), or whose notice deadline falls within warnMonths (warning), unless renewed.',
    },
    policy: { chapter: '4', quote: 'Samverkan kan ske när: Avtal är på väg ut' },
    details: {
      sv: 'Sista uppsägningsdag = end − noticeMonths (standard 0). Varning när den infaller på eller före datumet + warnMonths (standard 6; ["error", { warnMonths: 9 }] i itreg.yaml). Ett senare avtal av samma typ för samma applikation räknas som förnyelse. Fyndet pekar på end.',
      en: 'Notice deadline = end − noticeMonths (default 0). Warning when it falls on or before the date + warnMonths (default 6; ["error", { warnMonths: 9 }] in itreg.yaml). A later agreement of the same type for the same application counts as a renewal. The finding points at end.',
    },
  },
  check(agreement, { register, date, options }) {
    if (agreement.end === undefined || agreement.application === undefined) return [];
    const app = register.getOf('Application', agreement.application);
    if (!app || !isLive(app)) return [];
    if (register.isRenewed(agreement)) return [];
    const data = { agreement: agreement.name, app: app.name, end: agreement.end };
    if (agreement.end < date) return [{ path: ['end'], message: { id: 'agreementEnded', data } }];
    const deadline = noticeDeadline(agreement)!;
    const warnMonths = Number(options['warnMonths'] ?? 6);
    if (deadline <= addMonths(date, warnMonths)) {
      return [{ path: ['end'], severity: 'warning', message: { id: 'agreementNotice', data: { ...data, deadline } } }];
    }
    return [];
  },
});
