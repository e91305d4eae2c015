// agreement-expiry — an agreement of a live application that has ended (error), whose notice deadline is near, or whose
// deadline has passed and which is running out (warning), unless renewed. The terms come from model/agreement-terms.
import { agreementTerms } from '../model/agreement-terms.js';
import { isLive } from '../model/register-model.js';
import type { Message, MessageArgument } from '../i18n/index.js';
import { addMonths } from '../util/dates.js';
import { defineRule } from './define-rule.js';

/** "1 månad" / "6 månader": a number of months in words of the language, by its plural rule. */
function monthsMessage(n: number): MessageArgument {
  return { count: n, of: 'month' };
}

export default defineRule({
  id: 'agreement-expiry',
  severity: 'error',
  appliesTo: 'Agreement',
  defaultOptions: { warnMonths: 6 },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { warnMonths: { type: 'integer', minimum: 0, description: 'Months ahead of the notice deadline to warn (default 6).' } },
  },
  docs: {
    description: {
      sv: 'Ett avtal för en applikation i drift eller planerad som har löpt ut (fel), vars sista uppsägningsdag infaller inom `warnMonths` månader, eller vars sista uppsägningsdag har passerats och som löper ut (varning), om det inte har förnyats.',
      en: 'An agreement of a live or planned application that has ended (error), whose notice deadline falls within `warnMonths` months, or whose deadline has passed and which is running out (warning), unless renewed.',
    },
    policy: { chapter: '4', quote: 'Samverkan kan ske när: Avtal är på väg ut' },
    details: {
      sv: 'Aktuellt slutdatum = `end` plus avropade optioner, plus `renewal.months` för varje period vars sista uppsägningsdag har passerats utan uppsägning (`terminated`). Sista uppsägningsdag = periodens slutdatum − `noticeMonths` (standard 0), räknat från slutdatumet som det står: 12 månader före 2029-02-28 är 2028-02-28. En uppsägning räknas från den dag den gjordes: före `terminated` bedöms avtalet som ej uppsagt. Varning när den infaller från och med datumet till och med datumet + `warnMonths` (standard 6; `[error, { warnMonths: 9 }]` i itreg.yaml): meddelandet säger vad som händer om inget görs (avtalet upphör eller förlängs) och att det också är sista dag att avropa en option som återstår. När sista uppsägningsdag har passerats för ett avtal som inte förlängs, eller som har sagts upp, varnar regeln tills avtalet upphör: upphandla, teckna nytt avtal eller planera avvecklingen. Ett senare avtal av samma typ för samma applikation räknas som förnyelse.',
      en: 'Current end = `end` plus the exercised options, plus `renewal.months` for every period whose notice deadline passed without notice (`terminated`). Notice deadline = the end of the period − `noticeMonths` (default 0), counted from the end date as it is: 12 months before 2029-02-28 is 2028-02-28. Notice counts from the day it was given: before `terminated` the agreement is judged as not given notice. Warning when it falls from the date up to the date + `warnMonths` (default 6; `[error, { warnMonths: 9 }]` in itreg.yaml): the message says what happens if nothing is done (it ends, or it renews) and that it is also the last day to call an option left. When the deadline has passed for an agreement that does not renew, or was given notice, the rule warns until it ends: procure, agree anew or plan the retirement. A later agreement of the same type for the same application counts as a renewal.',
    },
  },
  check(agreement, { register, date, options }) {
    if (agreement.end === undefined || agreement.application === undefined) return [];
    const app = register.getOf('Application', agreement.application);
    if (!app || !isLive(app)) return [];
    if (register.isRenewed(agreement)) return [];
    const terms = agreementTerms(agreement, date);
    // A date that does not exist gives no end and no deadline (date-order names it).
    if (terms.end === undefined || terms.noticeDeadline === undefined) return [];
    const end = terms.end;
    const deadline = terms.noticeDeadline;
    const base = { agreement: agreement.name, app: app.name, end, deadline };
    if (end < date) return [{ path: ['end'], message: { id: 'agreementEnded', data: base } }];
    if (deadline >= date) {
      const warnMonths = Number(options['warnMonths'] ?? 6);
      if (terms.terminated !== undefined || deadline > addMonths(date, warnMonths)) return [];
      const option: Message | undefined = terms.optionLeft ? { id: 'agreementOptionLeft', data: { period: monthsMessage(terms.optionLeft.months), optionEnd: terms.optionLeft.end } } : undefined;
      const message: Message = terms.renewsTo
        ? { id: 'agreementNoticeRenews', data: { ...base, period: monthsMessage(terms.renewsTo.months), renewsTo: terms.renewsTo.end, option } }
        : { id: 'agreementNotice', data: { ...base, option } };
      return [{ path: ['end'], severity: 'warning', message }];
    }
    // The deadline has passed and the agreement runs out at its current end (a renewing one never gets here).
    if (terms.terminated !== undefined) {
      return [{ path: ['terminated'], severity: 'warning', message: { id: 'agreementNoticeGiven', data: { ...base, terminated: terms.terminated } } }];
    }
    return [{ path: ['end'], severity: 'warning', message: { id: 'agreementDeadlinePassed', data: base } }];
  },
});
