// cost-split — a cost item whose split cannot be computed: bad shares, an agreed key without decision, a missing population.
import { buildCostItem, daysInForce, type CostEntity } from '../costs/items.js';
import type { MessageId } from '../i18n/index.js';
import { defineRule, type Hit } from './define-rule.js';

/** Problems that depend on the year's participants and populations. */
const YEAR_BOUND = new Set<MessageId>(['missingPopulation', 'tieBreakPopulation', 'noParticipants']);

export default defineRule({
  id: 'cost-split',
  severity: 'error',
  scope: 'register',
  docs: {
    description: {
      sv: 'Andelar som inte summerar till 100, nämner en icke-deltagare eller utelämnar en deltagare; en annan fördelning än befolkning utan beslut; en deltagare utan befolkningssiffra för referensåret; en post som ingen deltar i det året.',
      en: 'Shares not summing to 100, naming a non-participant or leaving a participant out; a split other than population without a decision; a participant with no population for the reference year; an item nobody takes part in that year.',
    },
    policy: {
      chapter: '6',
      quote: 'Kostnader för kommungemensamma satsningar skall fördelas mellan kommunerna enligt särskild beräkningsmodell som utgår från befolkningsunderlag om inget annat överenskommes.',
    },
    details: {
      sv: 'Gäller investeringar (för sitt år) och avtal med `annualCost` eller `split` (befolkningen kontrolleras för året då `--date` infaller, om avtalet gäller då). Andelar summeras exakt: 33,4 + 33,3 + 33,3 = 100. Vid lika delar och överenskomna andelar avgör befolkningen vem som får en krona som blir över mellan lika rester; då behövs de berörda kommunernas befolkning (annars ett tidigare år, och posten är preliminär). En deltagare utan andel ska ha `0`, inte utelämnas. Ett belopp finare än avrundningsenheten är också ett fel.',
      en: "Applies to investments (for their year) and to agreements with annualCost or split (population is checked for the year of --date, when the agreement is in force then). Shares are summed exactly: 33.4 + 33.3 + 33.3 = 100. In equal and agreed-share splits the population decides who gets a unit left over between equal remainders; then the tied municipalities' population is needed (else an earlier year, and the item is preliminary). A participant without a share gets 0, written, not left out. An amount finer than the rounding unit is an error too.",
    },
  },
  check({ register, config, date }) {
    const year = Number(date.slice(0, 4));
    const hits: Hit[] = [];
    const report = (entity: CostEntity, itemYear: number, populationChecked: boolean): void => {
      const { problems, warnings } = buildCostItem(entity, itemYear, register, config);
      for (const problem of problems) {
        // Participants' ids are the reference rule's concern, a date that does not exist date-order's: each fact once.
        if (problem.message.id === 'unknownReference' || problem.message.id === 'costDateDoesNotExist' || problem.message.id === 'membershipDateDoesNotExist') continue;
        // Who takes part and their populations concern a year the agreement is in force.
        if (!populationChecked && YEAR_BOUND.has(problem.message.id)) continue;
        hits.push({ entityId: entity.id, path: problem.path, message: problem.message, ...(problem.target ? { target: problem.target } : {}) });
      }
      // A split by an earlier year's population is preliminary, not wrong: a warning naming the years.
      if (problems.length === 0 && populationChecked) {
        for (const warning of warnings) hits.push({ entityId: entity.id, path: warning.path, severity: 'warning', message: warning.message });
      }
    };
    for (const investment of register.ofKind('Investment')) report(investment, investment.year, true);
    for (const agreement of register.ofKind('Agreement')) {
      if (agreement.annualCost === undefined && agreement.split === undefined) continue;
      report(agreement, year, agreement.annualCost !== undefined && daysInForce(agreement, year) > 0);
    }
    return hits;
  },
});
