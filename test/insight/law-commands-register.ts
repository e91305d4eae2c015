// A register built for `suppliers` and `incident`: one supplier behind three serious applications (as agreement
// party, sub-processor and by a plain vendor name), a critical journal with sensitive data, a retired dependent.
import { temporaryFolder, writeFiles } from '../helpers.js';
import type { processingLabels } from '../../src/report/processing-labels.js';

export function lawCommandsRegister(language: 'sv' | 'en' = 'en', timeZone?: string): string {
  const folder = temporaryFolder();
  writeFiles(folder, {
    'itreg.yaml': `name: Testkommunerna\nregister: register\nlanguage: ${language}\ncollaborationLevels: [Erfarenhetsutbyte, Samordnad kompetens]\n${timeZone ? `timeZone: ${timeZone}\n` : ''}`,
    'register/municipalities/amal.yaml': 'kind: Municipality\nid: amal\nname: Åmåls kommun\npopulation: { 2025: 11902 }\n',
    'register/municipalities/mellerud.yaml': 'kind: Municipality\nid: mellerud\nname: Melleruds kommun\npopulation: { 2025: 9010 }\n',
    'register/units/it-amal.yaml': 'kind: Unit\nid: it-amal\nname: IT-enheten Åmål\ntype: it-unit\nmunicipality: amal\n',
    'register/units/soc-amal.yaml': 'kind: Unit\nid: soc-amal\nname: Socialförvaltningen Åmål\ntype: department\nmunicipality: amal\n',
    'register/units/hr-mellerud.yaml': 'kind: Unit\nid: hr-mellerud\nname: HR-avdelningen Mellerud\ntype: department\nmunicipality: mellerud\n',
    'register/suppliers/datahall.yaml': 'kind: Supplier\nid: datahall\nname: Nordisk Datahall AB\norgNumber: 556000-0001\ncountry: SE\n',
    'register/suppliers/omsorg.yaml': 'kind: Supplier\nid: omsorg\nname: Omsorgsdata Nordic AB\ncountry: SE\n',
    'register/suppliers/lone.yaml': 'kind: Supplier\nid: lone\nname: Lönepartner Väst AB\ncountry: SE\n',
    'register/suppliers/cloud.yaml': 'kind: Supplier\nid: cloud\nname: Nimbus Cloud Inc.\ncountry: US\n',
    'register/suppliers/idle.yaml': 'kind: Supplier\nid: idle\nname: Ingen Beroende AB\n',
    'register/applications/journal.yaml': [
      'kind: Application',
      'id: journal',
      'name: Socialtjänstens journal',
      'type: business',
      'municipalities: [amal, mellerud]',
      'collaborationLevel: 1',
      'vendor: { name: Omsorgsdata  nordic AB, product: Omsorg Pro }',
      'personalData: sensitive',
      'critical: true',
      'classification: { confidentiality: 4, integrity: 4, availability: 3, decided: 2025-10-01 }',
      '',
    ].join('\n'),
    'register/applications/lon.yaml': [
      'kind: Application',
      'id: lon',
      'name: Lönesystem',
      'type: business',
      'municipalities: [mellerud]',
      'vendor: { name: Lönepartner, supplier: lone }',
      'personalData: personal',
      'critical: true',
      'classification: { confidentiality: 3, integrity: 3, availability: 3 }',
      '',
    ].join('\n'),
    'register/applications/ekonomi.yaml': [
      'kind: Application',
      'id: ekonomi',
      'name: Ekonomisystem',
      'type: business',
      'municipalities: [amal]',
      'vendor: { name: Ekonomi AB }',
      'personalData: none',
      'classification: { confidentiality: 2, integrity: 3, availability: 2 }',
      '',
    ].join('\n'),
    'register/applications/bibliotek.yaml': [
      'kind: Application',
      'id: bibliotek',
      'name: Bibliotekssystem',
      'type: business',
      'municipalities: [amal]',
      'vendor: { name: Nimbus, supplier: cloud }',
      'personalData: personal',
      'classification: { confidentiality: 1, integrity: 1, availability: 1 }',
      '',
    ].join('\n'),
    'register/applications/gammal.yaml':
      'kind: Application\nid: gammal\nname: Gammalt system\ntype: business\nmunicipalities: [amal]\nlifecycle: { status: retired }\nvendor: { name: Nordisk Datahall AB }\ncritical: true\n',
    'register/agreements/journal-drift.yaml': 'kind: Agreement\nid: journal-drift\nname: Drift av journalen\ntype: operations\napplication: journal\nparties: [datahall]\nstart: 2024-01-01\n',
    'register/agreements/lon-pub.yaml': [
      'kind: Agreement',
      'id: lon-pub',
      'name: PUB-avtal lön',
      'type: data-processing',
      'application: lon',
      'parties: [lone]',
      'start: 2024-01-01',
      'subProcessors:',
      '  - { name: Nordisk Datahall AB, supplier: datahall, country: SE }',
      '  - { name: Backup Corp, country: US, since: 2025-03-01, safeguard: scc }',
      '',
    ].join('\n'),
    'register/agreements/ekonomi-drift.yaml': 'kind: Agreement\nid: ekonomi-drift\nname: Drift av ekonomisystemet\ntype: operations\napplication: ekonomi\nparties: [datahall]\nstart: 2024-01-01\n',
    'register/processing/socialtjanst.yaml': [
      'kind: Processing',
      'id: socialtjanst',
      'name: Handläggning inom socialtjänsten',
      'controller: soc-amal',
      'purpose: Utredning och beslut om bistånd enligt socialtjänstlagen',
      'legalBasis: [legal-obligation, public-task]',
      'article9Basis: Art. 9.2 h, socialtjänstlagen och lagen om behandling av personuppgifter inom socialtjänsten',
      'dataSubjects: [Sökande, Anhöriga]',
      'dataCategories: [Namn och personnummer, Uppgifter om hälsa]',
      'recipients: [Försäkringskassan, IVO]',
      'transfers: [{ country: US, safeguard: scc }, { country: NO }]',
      'retention: Enligt dokumenthanteringsplanen, 5 år efter avslut',
      'securityMeasures: Behörighetsstyrning, loggning och kryptering',
      'applications: [journal]',
      'dpia: { required: true, done: 2025-05-01 }',
      '',
    ].join('\n'),
    'register/processing/lonehantering.yaml': [
      'kind: Processing',
      'id: lonehantering',
      'name: Löneutbetalning',
      'controller: hr-mellerud',
      'purpose: Lön och personaladministration',
      'legalBasis: [contract, legal-obligation]',
      'dataSubjects: [Anställda]',
      'dataCategories: [Namn, Kontonummer]',
      'retention: 7 år (bokföringslagen)',
      'applications: [lon, ekonomi]',
      'start: 2024-01-01',
      '',
    ].join('\n'),
    'register/processing/gammal.yaml':
      'kind: Processing\nid: gammal\nname: Gammal behandling\ncontroller: soc-amal\npurpose: Avslutad\nlegalBasis: [consent]\ndataSubjects: [Ingen]\ndataCategories: [Inget]\nretention: Gallrad\napplications: [gammal]\nend: 2025-12-31\n',
    'register/roles/journal-owner.yaml':
      'kind: RoleAssignment\nid: journal-owner\nrole: system-owner\napplication: journal\nholder: { title: Socialchef, unit: soc-amal, name: Anna Andersson }\nfrom: 2024-01-01\n',
    'register/roles/lon-owner.yaml': 'kind: RoleAssignment\nid: lon-owner\nrole: system-owner\napplication: lon\nholder: { title: HR-chef, unit: hr-mellerud }\nfrom: 2024-01-01\n',
  });
  return folder;
}

/**
 * lawCommandsRegister() with dependencies that depend on the date: the cloud supplier as party of an agreement of
 * `ekonomi` that was terminated and ended 2025-12-31, as party of one of `lon` that renews tacitly past its end
 * 2025-12-31, and as sub-processor of the journal's processor agreement from 2026-09-01.
 */
export function datedSupplierRegister(language: 'sv' | 'en' = 'en'): string {
  const folder = lawCommandsRegister(language);
  writeFiles(folder, {
    'register/agreements/ekonomi-moln.yaml':
      'kind: Agreement\nid: ekonomi-moln\nname: Molntjänst ekonomi\ntype: support\napplication: ekonomi\nparties: [cloud]\nstart: 2023-01-01\nend: 2025-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\nterminated: 2025-06-01\n',
    'register/agreements/lon-moln.yaml':
      'kind: Agreement\nid: lon-moln\nname: Molnlagring lön\ntype: support\napplication: lon\nparties: [cloud]\nstart: 2023-01-01\nend: 2025-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\n',
    'register/agreements/journal-pub.yaml': [
      'kind: Agreement',
      'id: journal-pub',
      'name: PUB-avtal journal',
      'type: data-processing',
      'application: journal',
      'parties: [omsorg]',
      'start: 2024-01-01',
      'subProcessors:',
      '  - { name: Nimbus Cloud Inc., supplier: cloud, country: US, since: 2026-09-01, safeguard: scc }',
      '',
    ].join('\n'),
  });
  return folder;
}

/** A Processing file as the tests read it back (the record's elements, art. 30.1 a–g). */
export interface ProcessingFile {
  id: string;
  name: string;
  controller: string;
  purpose: string;
  legalBasis: Array<keyof typeof processingLabels.sv.legalBases>;
  article9Basis?: string;
  dataSubjects: string[];
  dataCategories: string[];
  recipients?: string[];
  transfers?: Array<{ country: string; safeguard?: keyof typeof processingLabels.sv.safeguards }>;
  retention: string;
  securityMeasures?: string;
  applications: string[];
  dpia?: { required?: boolean; done?: string };
  start?: string;
  end?: string;
}
