// data-processing-agreement — a live application whose vendor processes personal data has a current processor agreement.
import { isLive } from '../model/register-model.js';
import { needsDataProcessingAgreement } from '../model/policy.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'data-processing-agreement',
  severity: 'error',
  appliesTo: 'Application',
  docs: {
    description: {
      sv: 'En applikation i drift eller planerad som behandlar personuppgifter eller känsliga personuppgifter (`personalData: personal` eller `sensitive`) hos en leverantör, men saknar gällande personuppgiftsbiträdesavtal (`type: data-processing`).',
      en: 'A live application with personalData: personal or sensitive and a vendor, and no current data processing agreement (type: data-processing) for it.',
    },
    basis: {
      source: { sv: 'Dataskyddsförordningen (GDPR) art. 28.3', en: 'General Data Protection Regulation (GDPR) Art. 28(3)' },
      quote: {
        sv: 'När uppgifter behandlas av ett personuppgiftsbiträde ska detta regleras genom ett avtal eller en annan rättsakt enligt unionsrätten eller medlemsstaternas nationella rätt som är bindande för personuppgiftsbiträdet med avseende på den personuppgiftsansvarige och i vilket föremålet för behandlingen, behandlingens varaktighet, art och ändamål, typen av personuppgifter och kategorier av registrerade, och den personuppgiftsansvariges skyldigheter och rättigheter anges.',
        en: 'Processing by a processor shall be governed by a contract or other legal act under Union or Member State law, that is binding on the processor with regard to the controller and that sets out the subject-matter and duration of the processing, the nature and purpose of the processing, the type of personal data and categories of data subjects and the obligations and rights of the controller.',
      },
    },
    details: {
      sv: 'En leverantör som driver eller supporterar ett system med personuppgifter är personuppgiftsbiträde åt kommunen: ett personuppgiftsbiträdesavtal (PUB-avtal) krävs. Avtalet registreras som ett avtal med `type: data-processing` och `application: <id>`; det är gällande när `--date` ligger mellan start och aktuellt slutdatum. Applikationer utan leverantör (`vendor`) och de som inte behandlar personuppgifter (`personalData: none`) eller ännu inte är bedömda (se regeln Bedömning av personuppgifter) omfattas inte.',
      en: "A vendor that runs or supports a system holding personal data is the municipality's processor: a data processing agreement is required. Register it as an Agreement with type: data-processing and application: <id>; it is current when --date lies between start and its current end. Applications without a vendor, or with personalData: none or not assessed (see personal-data-assessed), are not covered.",
    },
  },
  check(app, { register, date }) {
    if (!isLive(app) || app.vendor === undefined || !needsDataProcessingAgreement(app)) return [];
    if (register.hasCurrentAgreement(app.id, 'data-processing', date)) return [];
    const data = { id: app.personalData === 'sensitive' ? 'sensitivePersonalData' : 'personalDataWord' } as const;
    return [{ path: ['personalData'], message: { id: 'noDataProcessingAgreement', data: { app: app.name, vendor: app.vendor.name, data } } }];
  },
});
