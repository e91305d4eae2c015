// exception — a decided exception in itreg.yaml without reason or until, past its until, or naming an unknown rule or entity.
import { suggestNearest, suggestion } from '../i18n/index.js';
import type { ExceptionEntry } from '../register/config.js';
import { nearestName } from '../util/nearest.js';
import { defineRule, type Hit } from './define-rule.js';

/** True when the exception is complete and in force on `date`, so it may silence findings. */
export function isValidException(exception: ExceptionEntry, date: string): boolean {
  return Boolean(exception.reason?.trim()) && exception.until !== undefined && date <= exception.until;
}

export default defineRule({
  id: 'exception',
  severity: 'error',
  scope: 'register',
  docs: {
    description: {
      sv: 'Ett undantag i itreg.yaml utan skäl (`reason`) eller slutdatum (`until`), som har gått ut, eller som anger en okänd regel eller post.',
      en: 'An entry of exceptions in itreg.yaml without reason or until, past its until, or naming an unknown rule or entity.',
    },
    details: {
      sv: 'Ett giltigt undantag tystar en regel för en post till och med `until`; summeringen räknar det som undertryckt. Ett ofullständigt eller utgånget undantag tystar ingenting och är självt ett fynd, så ingen avvikelse glöms bort.',
      en: 'A valid exception silences one rule for one entity up to and including until; the summary counts it as suppressed. An incomplete or expired exception silences nothing and is itself a finding, so no deviation is forgotten.',
    },
  },
  check({ config, register, date, ruleIds }) {
    const hits: Hit[] = [];
    config.exceptions.forEach((exception, index) => {
      const at = (field?: string) => ({ source: config.source, path: field ? ['exceptions', index, field] : ['exceptions', index] });
      const data = { rule: { ruleName: exception.rule }, entity: exception.entity ?? { id: 'wholeRegister' as const } };
      if (!ruleIds.includes(exception.rule)) {
        hits.push({ ...at('rule'), message: { id: 'exceptionUnknownRule', data: { rule: exception.rule, suggestion: suggestNearest(exception.rule, ruleIds) } } });
      }
      if (exception.entity !== undefined && !register.recordById(exception.entity)) {
        const near = nearestName(exception.entity, register.ids());
        hits.push({ ...at('entity'), message: { id: 'exceptionUnknownEntity', data: { entity: exception.entity, suggestion: suggestion(near) } } });
      }
      if (!exception.reason?.trim()) hits.push({ ...at(), message: { id: 'exceptionNoReason', data } });
      if (exception.until === undefined) hits.push({ ...at(), message: { id: 'exceptionNoUntil', data } });
      else if (exception.until < date) hits.push({ ...at('until'), message: { id: 'exceptionExpired', data: { ...data, until: exception.until } } });
    });
    return hits;
  },
});
