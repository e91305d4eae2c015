// The domain's words in Swedish and English: one list for the CLI, the reports, the calendar and the site.
// Keyed by the register's own values (kinds, enum values, rule ids), so a value without its words fails to compile.
import type { RuleId } from '../types/rule-id.js';
import type { Agreement, Application, Document, EntityKinds, Processing, RoleAssignment, TrainingPlan, Unit } from '../types/entities.generated.js';
import type { Language } from '../types/language.js';

/** A countable word in its two CLDR plural categories (Swedish and English have only "one" and "other"). */
export interface Noun {
  readonly one: string;
  readonly other: string;
}

type PersonalData = NonNullable<Application['personalData']>;
type AgreementType = Agreement['type'];

type Status = NonNullable<Application['lifecycle']>['status'];
type Split = 'population' | 'equal' | 'shares';
type LegalBasis = Processing['legalBasis'][number];
type Safeguard = NonNullable<NonNullable<Processing['transfers']>[number]['safeguard']>;
type ClassificationAspect = 'confidentiality' | 'integrity' | 'availability';

export interface Terms {
  /** Entity kinds, as a person says them ("2 avtal", "Rollbemanning gis-systemagare"). */
  readonly kinds: Readonly<Record<keyof EntityKinds, Noun>>;
  readonly applicationTypes: Readonly<Record<Application['type'], Noun>>;
  readonly statuses: Readonly<Record<Status, string>>;
  readonly fit: Readonly<Record<NonNullable<NonNullable<Application['assessment']>['fit']>, string>>;
  readonly competenceRisk: Readonly<Record<NonNullable<NonNullable<Application['assessment']>['competenceRisk']>, string>>;
  readonly personalData: Readonly<Record<PersonalData, string>>;
  /** The three aspects of a KLASSA classification. */
  readonly classificationAspects: Readonly<Record<ClassificationAspect, string>>;
  /** GDPR art. 6.1 a–f, as the record of processing names them. */
  readonly legalBases: Readonly<Record<LegalBasis, string>>;
  /** The basis of a transfer outside the EU/EEA (GDPR chapter V). */
  readonly safeguards: Readonly<Record<Safeguard, string>>;
  readonly roles: Readonly<Record<RoleAssignment['role'], Noun>>;
  readonly agreementTypes: Readonly<Record<AgreementType, Noun>>;
  readonly audiences: Readonly<Record<TrainingPlan['audience'], string>>;
  readonly unitTypes: Readonly<Record<Unit['type'], Noun>>;
  readonly documentTypes: Readonly<Record<Document['type'], Noun>>;
  /** Cost keys: how an item is split. */
  readonly splits: Readonly<Record<Split, string>>;
  readonly severities: Readonly<Record<'error' | 'warning', Noun>>;
  /** Each rule in words: a person reads these; the id is for itreg.yaml, --rule, JSON and SARIF. */
  readonly rules: Readonly<Record<RuleId, string>>;
  /** Other things the CLI counts. */
  readonly counted: Readonly<
    Record<
      | 'personalName'
      | 'note'
      | 'commit'
      | 'finding'
      | 'file'
      | 'item'
      | 'municipality'
      | 'value'
      | 'identityNumber'
      | 'supplierContact'
      | 'month'
      | 'unusedEntry'
      | 'entry'
      | 'collaborationLevel'
      | 'person',
      Noun
    >
  >;
}

const sv: Terms = {
  kinds: {
    Municipality: { one: 'kommun', other: 'kommuner' },
    Unit: { one: 'enhet', other: 'enheter' },
    Application: { one: 'applikation', other: 'applikationer' },
    RoleAssignment: { one: 'rollbemanning', other: 'rollbemanningar' },
    Agreement: { one: 'avtal', other: 'avtal' },
    TrainingPlan: { one: 'utbildningsplan', other: 'utbildningsplaner' },
    Investment: { one: 'investering', other: 'investeringar' },
    Document: { one: 'styrdokument', other: 'styrdokument' },
    Processing: { one: 'behandling', other: 'behandlingar' },
    Supplier: { one: 'leverantör', other: 'leverantörer' },
  },
  applicationTypes: {
    business: { one: 'verksamhetssystem', other: 'verksamhetssystem' },
    general: { one: 'generell applikation', other: 'generella applikationer' },
    infrastructure: { one: 'infrastruktur', other: 'infrastruktur' },
  },
  statuses: { planned: 'planerad', introducing: 'under införande', active: 'i drift', 'phasing-out': 'under avveckling', retired: 'avvecklad' },
  fit: { good: 'god', adequate: 'godtagbar', poor: 'dålig' },
  competenceRisk: { low: 'låg', high: 'hög' },
  personalData: { none: 'inga personuppgifter', personal: 'personuppgifter', sensitive: 'känsliga personuppgifter' },
  classificationAspects: { confidentiality: 'konfidentialitet', integrity: 'riktighet', availability: 'tillgänglighet' },
  legalBases: {
    consent: 'samtycke (art. 6.1 a)',
    contract: 'avtal (art. 6.1 b)',
    'legal-obligation': 'rättslig förpliktelse (art. 6.1 c)',
    'vital-interests': 'grundläggande intressen (art. 6.1 d)',
    'public-task': 'allmänt intresse eller myndighetsutövning (art. 6.1 e)',
    'legitimate-interests': 'berättigat intresse (art. 6.1 f)',
  },
  safeguards: {
    adequacy: 'beslut om adekvat skyddsnivå (art. 45)',
    scc: 'standardavtalsklausuler (art. 46.2 c)',
    bcr: 'bindande företagsbestämmelser (art. 47)',
    derogation: 'undantag för särskilda situationer (art. 49)',
  },
  roles: {
    'system-owner': { one: 'systemägare', other: 'systemägare' },
    'system-administrator': { one: 'systemansvarig', other: 'systemansvariga' },
    specialist: { one: 'specialist', other: 'specialister' },
    'it-manager': { one: 'IT-chef', other: 'IT-chefer' },
  },
  agreementTypes: {
    operations: { one: 'driftavtal', other: 'driftavtal' },
    support: { one: 'supportavtal', other: 'supportavtal' },
    licence: { one: 'licensavtal', other: 'licensavtal' },
    collaboration: { one: 'samverkansavtal', other: 'samverkansavtal' },
    'data-processing': { one: 'personuppgiftsbiträdesavtal', other: 'personuppgiftsbiträdesavtal' },
    other: { one: 'övrigt avtal', other: 'övriga avtal' },
  },
  audiences: { users: 'användare', administrators: 'systemansvariga', 'it-staff': 'IT-personal' },
  unitTypes: {
    'it-unit': { one: 'IT-enhet', other: 'IT-enheter' },
    department: { one: 'förvaltning', other: 'förvaltningar' },
    federation: { one: 'kommunalförbund', other: 'kommunalförbund' },
    group: { one: 'samverkansgrupp', other: 'samverkansgrupper' },
  },
  documentTypes: {
    policy: { one: 'policy', other: 'policyer' },
    instruction: { one: 'riktlinje', other: 'riktlinjer' },
    plan: { one: 'plan', other: 'planer' },
    other: { one: 'övrigt styrdokument', other: 'övriga styrdokument' },
  },
  splits: { population: 'befolkning', equal: 'lika delar', shares: 'överenskomna andelar' },
  severities: { error: { one: 'fel', other: 'fel' }, warning: { one: 'varning', other: 'varningar' } },
  rules: {
    'yaml-syntax': 'Läsbar YAML',
    schema: 'Fält enligt schemat',
    'unique-id': 'Unika id',
    'id-matches-filename': 'Filnamn som stämmer med id',
    reference: 'Hänvisningar som går att följa',
    'application-has-owner': 'Systemägare för varje applikation',
    'application-has-administrator': 'Systemansvarig för varje applikation',
    'single-active-owner': 'En systemägare i taget',
    'training-plan': 'Utbildningsplan för verksamhetssystem',
    'training-plan-review': 'Översyn av utbildningsplaner',
    'it-staff-training-plan': 'Utbildningsplan för IT-personalen',
    'operations-agreement': 'Driftavtal vid drift i egen regi',
    'support-agreement': 'Supportavtal med leverantören',
    'agreement-expiry': 'Avtal som löper ut',
    documentation: 'Dokumenterade rutiner och drift',
    'specialist-competence': 'Specialist för gemensamma system',
    'document-review': 'Revidering av styrdokument',
    'cost-split': 'Kostnadsfördelning',
    'no-personal-identity-number': 'Inga personnummer i registret',
    exception: 'Undantag med skäl och slutdatum',
    'text-encoding': 'Oskadad text',
    'data-processing-agreement': 'Personuppgiftsbiträdesavtal',
    'personal-data-assessed': 'Bedömning av personuppgifter',
    'date-order': 'Datum i rätt ordning',
    'classification-assessed': 'Informationsklassning',
    'continuity-plan': 'Kontinuitetsplan och återläsningstest',
    'hosting-location': 'Drift inom EU/EES',
    'critical-staffing': 'Fler än en person bakom samhällsviktiga system',
    'processing-record': 'Registerförteckning över behandlingar',
    'processing-basis': 'Stöd för känsliga uppgifter och konsekvensbedömning',
    'third-country-transfer': 'Skyddsåtgärd vid överföring till tredjeland',
  },
  counted: {
    personalName: { one: 'personnamn', other: 'personnamn' },
    note: { one: 'anteckning', other: 'anteckningar' },
    commit: { one: 'incheckning', other: 'incheckningar' },
    finding: { one: 'fynd', other: 'fynd' },
    file: { one: 'fil', other: 'filer' },
    item: { one: 'post', other: 'poster' },
    municipality: { one: 'kommun', other: 'kommuner' },
    value: { one: 'värde', other: 'värden' },
    identityNumber: { one: 'personnummer eller samordningsnummer', other: 'personnummer eller samordningsnummer' },
    supplierContact: { one: 'leverantörs kontaktuppgift', other: 'leverantörers kontaktuppgifter' },
    month: { one: 'månad', other: 'månader' },
    collaborationLevel: { one: 'samverkansnivå', other: 'samverkansnivåer' },
    unusedEntry: { one: 'oanvänd post', other: 'oanvända poster' },
    entry: { one: 'post', other: 'poster' },
    person: { one: 'person', other: 'personer' },
  },
};

const en: Terms = {
  kinds: {
    Municipality: { one: 'municipality', other: 'municipalities' },
    Unit: { one: 'unit', other: 'units' },
    Application: { one: 'application', other: 'applications' },
    RoleAssignment: { one: 'role assignment', other: 'role assignments' },
    Agreement: { one: 'agreement', other: 'agreements' },
    TrainingPlan: { one: 'training plan', other: 'training plans' },
    Investment: { one: 'investment', other: 'investments' },
    Document: { one: 'governing document', other: 'governing documents' },
    Processing: { one: 'processing activity', other: 'processing activities' },
    Supplier: { one: 'supplier', other: 'suppliers' },
  },
  applicationTypes: {
    business: { one: 'business system', other: 'business systems' },
    general: { one: 'general application', other: 'general applications' },
    infrastructure: { one: 'infrastructure', other: 'infrastructure' },
  },
  statuses: { planned: 'planned', introducing: 'being introduced', active: 'in operation', 'phasing-out': 'being phased out', retired: 'retired' },
  fit: { good: 'good', adequate: 'adequate', poor: 'poor' },
  competenceRisk: { low: 'low', high: 'high' },
  personalData: { none: 'no personal data', personal: 'personal data', sensitive: 'sensitive personal data' },
  classificationAspects: { confidentiality: 'confidentiality', integrity: 'integrity', availability: 'availability' },
  legalBases: {
    consent: 'consent (Art. 6(1)(a))',
    contract: 'contract (Art. 6(1)(b))',
    'legal-obligation': 'legal obligation (Art. 6(1)(c))',
    'vital-interests': 'vital interests (Art. 6(1)(d))',
    'public-task': 'public interest or official authority (Art. 6(1)(e))',
    'legitimate-interests': 'legitimate interests (Art. 6(1)(f))',
  },
  safeguards: {
    adequacy: 'adequacy decision (Art. 45)',
    scc: 'standard contractual clauses (Art. 46(2)(c))',
    bcr: 'binding corporate rules (Art. 47)',
    derogation: 'derogation for a specific situation (Art. 49)',
  },
  roles: {
    'system-owner': { one: 'system owner', other: 'system owners' },
    'system-administrator': { one: 'system administrator', other: 'system administrators' },
    specialist: { one: 'specialist', other: 'specialists' },
    'it-manager': { one: 'IT manager', other: 'IT managers' },
  },
  agreementTypes: {
    operations: { one: 'operations agreement', other: 'operations agreements' },
    support: { one: 'support agreement', other: 'support agreements' },
    licence: { one: 'licence agreement', other: 'licence agreements' },
    collaboration: { one: 'collaboration agreement', other: 'collaboration agreements' },
    'data-processing': { one: 'data processing agreement', other: 'data processing agreements' },
    other: { one: 'other agreement', other: 'other agreements' },
  },
  audiences: { users: 'users', administrators: 'system administrators', 'it-staff': 'IT staff' },
  unitTypes: {
    'it-unit': { one: 'IT unit', other: 'IT units' },
    department: { one: 'department', other: 'departments' },
    federation: { one: 'federation of municipalities', other: 'federations of municipalities' },
    group: { one: 'collaboration group', other: 'collaboration groups' },
  },
  documentTypes: {
    policy: { one: 'policy', other: 'policies' },
    instruction: { one: 'instruction', other: 'instructions' },
    plan: { one: 'plan', other: 'plans' },
    other: { one: 'other governing document', other: 'other governing documents' },
  },
  splits: { population: 'population', equal: 'equal parts', shares: 'agreed shares' },
  severities: { error: { one: 'error', other: 'errors' }, warning: { one: 'warning', other: 'warnings' } },
  rules: {
    'yaml-syntax': 'Readable YAML',
    schema: 'Fields as the schema defines them',
    'unique-id': 'Unique ids',
    'id-matches-filename': 'File name matches the id',
    reference: 'References that resolve',
    'application-has-owner': 'A system owner for every application',
    'application-has-administrator': 'A system administrator for every application',
    'single-active-owner': 'One system owner at a time',
    'training-plan': 'Training plan for business systems',
    'training-plan-review': 'Review of training plans',
    'it-staff-training-plan': 'Training plan for IT staff',
    'operations-agreement': 'Operations agreement for in-house operation',
    'support-agreement': 'Support agreement with the vendor',
    'agreement-expiry': 'Agreements running out',
    documentation: 'Documented routines and operations',
    'specialist-competence': 'Specialist for shared systems',
    'document-review': 'Revision of governing documents',
    'cost-split': 'Cost split',
    'no-personal-identity-number': 'No personal identity numbers in the register',
    exception: 'Exceptions with a reason and an end date',
    'text-encoding': 'Undamaged text',
    'data-processing-agreement': 'Data processing agreement',
    'personal-data-assessed': 'Personal data assessed',
    'date-order': 'Dates in order',
    'classification-assessed': 'Information classification',
    'continuity-plan': 'Continuity plan and restore test',
    'hosting-location': 'Hosting within the EU/EEA',
    'critical-staffing': 'More than one person behind critical systems',
    'processing-record': 'Record of processing activities',
    'processing-basis': 'Basis for sensitive data and impact assessment',
    'third-country-transfer': 'Safeguard for transfers to third countries',
  },
  counted: {
    personalName: { one: 'personal name', other: 'personal names' },
    note: { one: 'note', other: 'notes' },
    commit: { one: 'commit', other: 'commits' },
    finding: { one: 'finding', other: 'findings' },
    file: { one: 'file', other: 'files' },
    item: { one: 'item', other: 'items' },
    municipality: { one: 'municipality', other: 'municipalities' },
    value: { one: 'item', other: 'items' },
    identityNumber: { one: 'personal identity number', other: 'personal identity numbers' },
    supplierContact: { one: "supplier's contact", other: "suppliers' contacts" },
    month: { one: 'month', other: 'months' },
    collaborationLevel: { one: 'collaboration level', other: 'collaboration levels' },
    unusedEntry: { one: 'unused entry', other: 'unused entries' },
    entry: { one: 'entry', other: 'entries' },
    person: { one: 'person', other: 'people' },
  },
};

export const terms: Readonly<Record<Language, Terms>> = { sv, en };

/** Level names when itreg.yaml has no `classificationLevels`: KLASSA's consequence scale 0..4, in each language. */
export const defaultClassificationLevels: Readonly<Record<Language, readonly string[]>> = {
  sv: ['Försumbar', 'Begränsad', 'Måttlig', 'Allvarlig', 'Mycket allvarlig'],
  en: ['Negligible', 'Limited', 'Moderate', 'Serious', 'Very serious'],
};

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The form of `noun` for `count`, by the language's plural rule (CLDR via Intl.PluralRules). */
export function pluralForm(language: Language, count: number, noun: Noun): string {
  let rule = pluralRules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    pluralRules.set(language, rule);
  }
  return rule.select(count) === 'one' ? noun.one : noun.other;
}

/** "1 applikation", "3 applikationer", "1 commit", "2 commits": the count and the noun in its form. */
export function countOf(language: Language, count: number, noun: Noun): string {
  return `${count} ${pluralForm(language, count, noun)}`;
}

/** "Systemägare" from "systemägare": for words that stand alone, as a label or at the start of a line. */
export function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

/** A rule in words ("Utbildningsplan för verksamhetssystem"); an id not known (a typo in itreg.yaml) stays as it is. */
export function ruleName(language: Language, id: string): string {
  const names: Readonly<Record<string, string>> = terms[language].rules;
  return Object.hasOwn(names, id) ? (names[id] ?? id) : id;
}

/** A kind in words, singular and capitalised ("Avtal", "Rollbemanning"); an unknown kind stays as it is. */
export function kindName(language: Language, kind: string, count = 1): string {
  const nouns: Readonly<Record<string, Noun>> = terms[language].kinds;
  const noun = Object.hasOwn(nouns, kind) ? nouns[kind] : undefined;
  return noun ? capitalise(pluralForm(language, count, noun)) : kind;
}

const regionNames = new Map<Language, Intl.DisplayNames>();

/** A country as a reader knows it, with its code: "USA (US)", "Irland (IE)"; the code alone where the runtime has no name. */
export function countryName(language: Language, code: string): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    regionNames.set(language, names);
  }
  let name: string | undefined;
  try {
    name = names.of(code);
  } catch {
    name = undefined; // not a well-formed region code
  }
  return name === undefined || name === code ? code : `${name} (${code})`;
}
