// processing-basis — a processing activity of sensitive data names its art. 9 exemption, and one that needs an impact assessment has done it.
import { hasEnded } from '../model/processing.js';
import { defineRule, type Hit } from './define-rule.js';

export default defineRule({
  id: 'processing-basis',
  severity: 'error',
  appliesTo: 'Processing',
  docs: {
    description: {
      sv: 'En behandling (`Processing`) av en applikation med känsliga personuppgifter (`personalData: sensitive`) utan undantag enligt art. 9.2 (`article9Basis`), eller med `dpia.required: true` utan genomförd konsekvensbedömning (`dpia.done`).',
      en: 'A processing activity (Processing) of an application with sensitive personal data (personalData: sensitive) without an Art. 9(2) exemption (article9Basis), or with dpia.required: true and no impact assessment done (dpia.done).',
    },
    basis: {
      source: { sv: 'Dataskyddsförordningen (GDPR) art. 9.1 och 35.1', en: 'General Data Protection Regulation (GDPR) Art. 9(1) and 35(1)' },
      quote: {
        sv: 'Behandling av personuppgifter som avslöjar ras eller etniskt ursprung, politiska åsikter, religiös eller filosofisk övertygelse eller medlemskap i fackförening och behandling av genetiska uppgifter, biometriska uppgifter för att entydigt identifiera en fysisk person, uppgifter om hälsa eller uppgifter om en fysisk persons sexualliv eller sexuella läggning ska vara förbjuden. … Om en typ av behandling, särskilt med användning av ny teknik och med beaktande av dess art, omfattning, sammanhang och ändamål, sannolikt leder till en hög risk för fysiska personers rättigheter och friheter ska den personuppgiftsansvarige före behandlingen utföra en bedömning av den planerade behandlingens konsekvenser för skyddet av personuppgifter.',
        en: "Processing of personal data revealing racial or ethnic origin, political opinions, religious or philosophical beliefs, or trade union membership, and the processing of genetic data, biometric data for the purpose of uniquely identifying a natural person, data concerning health or data concerning a natural person's sex life or sexual orientation shall be prohibited. … Where a type of processing in particular using new technologies, and taking into account the nature, scope, context and purposes of the processing, is likely to result in a high risk to the rights and freedoms of natural persons, the controller shall, prior to the processing, carry out an assessment of the impact of the envisaged processing operations on the protection of personal data.",
      },
    },
    details: {
      sv: 'Känsliga personuppgifter får bara behandlas med stöd av ett undantag i art. 9.2, i kommunen oftast led g eller h med 3 kap. dataskyddslagen (2018:218) eller socialtjänstens registerlag: skriv det i `article9Basis`. En konsekvensbedömning (DPIA) krävs före behandlingen när den sannolikt leder till hög risk, t.ex. känsliga uppgifter i stor omfattning eller om barn: ange `dpia: { required: true, done: ÅÅÅÅ-MM-DD }`. En behandling som har upphört (`end` före datumet) kontrolleras inte. Fyndet pekar på applikationen i `applications` respektive på `dpia.required`.',
      en: "Special categories of personal data may only be processed under an exemption of Art. 9(2), in a municipality usually point (g) or (h) with chapter 3 of the Swedish Data Protection Act (2018:218) or the social services' register act: write it in article9Basis. An impact assessment (DPIA) is needed before the processing when it is likely to result in a high risk, e.g. sensitive data on a large scale or about children: set dpia: { required: true, done: YYYY-MM-DD }. A processing activity that has ended (end before the date) is not checked. The finding points at the application in applications, or at dpia.required.",
    },
  },
  check(processing, { register, date }) {
    if (hasEnded(processing, date)) return [];
    const hits: Hit[] = [];
    if (processing.article9Basis === undefined) {
      const index = processing.applications.findIndex((id) => register.getOf('Application', id)?.personalData === 'sensitive');
      if (index >= 0) {
        const app = register.nameOf(processing.applications[index]!);
        hits.push({ path: ['applications', index], message: { id: 'noArticle9Basis', data: { processing: processing.name, app } } });
      }
    }
    if (processing.dpia?.required === true && processing.dpia.done === undefined) {
      hits.push({ path: ['dpia', 'required'], message: { id: 'dpiaNotDone', data: { processing: processing.name } } });
    }
    return hits;
  },
});
