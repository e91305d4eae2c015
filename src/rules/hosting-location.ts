// hosting-location — a live application whose information needs high confidentiality is hosted within the EU/EEA.
import { SERIOUS_LEVEL, hostingCountry, levelName } from '../model/continuity.js';
import { isInEea } from '../model/countries.js';
import { isLive } from '../model/register-model.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'hosting-location',
  severity: 'error',
  appliesTo: 'Application',
  defaultOptions: { minConfidentiality: SERIOUS_LEVEL },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { minConfidentiality: { type: 'integer', minimum: 0, maximum: 4, description: 'The confidentiality level from which the application must be hosted in the EU/EEA (default 3).' } },
  },
  docs: {
    description: {
      sv: 'En applikation i drift eller planerad med konfidentialitetsnivå `minConfidentiality` (3) eller högre som driftas utanför EU/EES (`hosting.country`).',
      en: 'A live application with confidentiality level minConfidentiality (3) or higher hosted outside the EU/EEA (hosting.country).',
    },
    basis: {
      source: { sv: 'Dataskyddsförordningen (GDPR) art. 46.1', en: 'General Data Protection Regulation (GDPR) Art. 46(1)' },
      quote: {
        sv: 'I avsaknad av ett beslut enligt artikel 45.3 får en personuppgiftsansvarig eller ett personuppgiftsbiträde endast överföra personuppgifter till ett tredjeland eller en internationell organisation efter att ha vidtagit lämpliga skyddsåtgärder, och på villkor att lagstadgade rättigheter för registrerade och effektiva rättsmedel för registrerade finns tillgängliga.',
        en: 'In the absence of a decision pursuant to Article 45(3), a controller or processor may transfer personal data to a third country or an international organisation only if the controller or processor has provided appropriate safeguards, and on condition that enforceable data subject rights and effective legal remedies for data subjects are available.',
      },
    },
    details: {
      sv: 'EU/EES är EU:s 27 medlemsländer samt Island, Liechtenstein och Norge (landskoder enligt ISO 3166-1 alpha-2; Grekland är GR). Utan `hosting` driftas applikationen i kommunens egna lokaler i Sverige. Skyddsåtgärder som standardavtalsklausuler gör en överföring laglig (se regeln `third-country-transfer`) men skyddar inte information med allvarliga konsekvenser vid röjande mot ett annat lands myndigheters åtkomst: därför krävs drift inom EU/EES från nivå 3 (Allvarlig). Ett beslutat avsteg registreras som undantag i itreg.yaml. Fyndet pekar på `hosting.country`. Ändra gränsen med `[error, { minConfidentiality: 4 }]`.',
      en: "The EU/EEA is the 27 EU member states and Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2 codes; Greece is GR). Without hosting the application runs on the municipality's own premises in Sweden. Safeguards such as standard contractual clauses make a transfer lawful (see third-country-transfer) but do not shield information whose disclosure has serious consequences from another country's authorities: hence hosting within the EU/EEA from level 3 (Serious). A decided deviation is an exception in itreg.yaml. The finding points at hosting.country. Change the limit with [error, { minConfidentiality: 4 }].",
    },
  },
  check(app, { config, options }) {
    const confidentiality = app.classification?.confidentiality;
    if (!isLive(app) || confidentiality === undefined || confidentiality < Number(options['minConfidentiality'] ?? SERIOUS_LEVEL)) return [];
    const country = hostingCountry(app);
    if (isInEea(country)) return [];
    return [
      {
        path: ['hosting', 'country'],
        message: { id: 'hostingOutsideEea', data: { app: app.name, level: confidentiality, name: levelName(config.classificationLevels, confidentiality), country: { country } } },
      },
    ];
  },
});
