// third-country-transfer — personal data leaves the EU/EEA, by a processing's transfer or a processor's sub-processor, only with a safeguard.
import { isCurrentAgreement } from '../model/register-model.js';
import { hasEnded, lacksSafeguard } from '../model/processing.js';
import { defineRule, type Hit } from './define-rule.js';

export default defineRule({
  id: 'third-country-transfer',
  severity: 'error',
  appliesTo: ['Processing', 'Agreement'],
  docs: {
    description: {
      sv: 'En överföring (`transfers` i en behandling) eller ett underbiträde (`subProcessors` i ett avtal) i ett land utanför EU/EES utan skyddsåtgärd (`safeguard`).',
      en: 'A transfer (transfers of a processing activity) or a sub-processor (subProcessors of an agreement) in a country outside the EU/EEA without a safeguard (safeguard).',
    },
    basis: {
      source: { sv: 'Dataskyddsförordningen (GDPR) art. 44', en: 'General Data Protection Regulation (GDPR) Art. 44' },
      quote: {
        sv: 'Varje överföring av personuppgifter som är under behandling eller är avsedda att behandlas efter det att de överförts till ett tredjeland eller en internationell organisation får endast ske under förutsättning att den personuppgiftsansvarige och personuppgiftsbiträdet, med förbehåll för övriga bestämmelser i denna förordning, uppfyller villkoren i detta kapitel …',
        en: 'Any transfer of personal data which are undergoing processing or are intended for processing after transfer to a third country or to an international organisation shall take place only if, subject to the other provisions of this Regulation, the conditions laid down in this Chapter are complied with by the controller and processor …',
      },
    },
    details: {
      sv: 'Skyddsåtgärden anges med `safeguard`: `adequacy` (beslut om adekvat skyddsnivå, art. 45, t.ex. EU–US Data Privacy Framework för ett certifierat företag), `scc` (standardavtalsklausuler, art. 46.2 c), `bcr` (bindande företagsbestämmelser, art. 47) eller `derogation` (undantag, art. 49). Underbiträden anges i personuppgiftsbiträdesavtalet (art. 28.2 och 28.4): `subProcessors: [{ name, country, since, safeguard }]`. Behandlingar som har upphört och avtal som har löpt ut kontrolleras inte. Fyndet pekar på landet.',
      en: 'The safeguard goes in safeguard: adequacy (adequacy decision, Art. 45, e.g. the EU–US Data Privacy Framework for a certified company), scc (standard contractual clauses, Art. 46(2)(c)), bcr (binding corporate rules, Art. 47) or derogation (Art. 49). Sub-processors go in the data processing agreement (Art. 28(2) and 28(4)): subProcessors: [{ name, country, since, safeguard }]. Processing activities that have ended and agreements that have run out are not checked. The finding points at the country.',
    },
  },
  check(entity, { date }) {
    const hits: Hit[] = [];
    if (entity.kind === 'Processing') {
      if (hasEnded(entity, date)) return [];
      entity.transfers?.forEach((transfer, index) => {
        if (lacksSafeguard(transfer))
          hits.push({ path: ['transfers', index, 'country'], message: { id: 'transferWithoutSafeguard', data: { processing: entity.name, country: { country: transfer.country } } } });
      });
      return hits;
    }
    if (entity.subProcessors === undefined || (!isCurrentAgreement(entity, date) && entity.start <= date)) return [];
    entity.subProcessors.forEach((sub, index) => {
      if (lacksSafeguard(sub))
        hits.push({ path: ['subProcessors', index, 'country'], message: { id: 'subProcessorWithoutSafeguard', data: { name: sub.name, agreement: entity.name, country: { country: sub.country } } } });
    });
    return hits;
  },
});
