// The record of processing activities (registerförteckning, GDPR art. 30.1) per controller, as `itreg report
// processing` renders it: the processing views of the date, grouped by controller, worded in the report's language.
import { UsageError } from '../errors.js';
import { suggestNearest, type Language } from '../i18n/index.js';
import { terms } from '../i18n/terms.js';
import { isCurrentProcessing } from '../model/processing.js';
import { RegisterModel } from '../model/register-model.js';
import type { Config } from '../register/config.js';
import { loadRegister } from '../register/load.js';
import { processingView, type ProcessingView, type Safeguard, type SubProcessorView } from '../views/processing.js';
import { processingLabels } from './processing-labels.js';
import { builtInTemplate, renderTemplate } from './render.js';

export interface ProcessingRecordRequest {
  readonly date: string;
  /** Only this controller's record. */
  readonly unit?: string;
}

export interface ProcessingRecord {
  readonly date: string;
  readonly language: Language;
  readonly name: string;
  readonly controllers: ReadonlyArray<{ readonly id: string; readonly name: string; readonly municipality?: string; readonly processings: readonly ProcessingView[] }>;
}

/** The processing activities current on the date (in file order), per controller. */
export function buildProcessingRecord(register: RegisterModel, config: Pick<Config, 'language' | 'name'>, request: ProcessingRecordRequest): ProcessingRecord {
  if (request.unit !== undefined && !register.getOf('Unit', request.unit)) {
    throw new UsageError({ id: 'noUnit', data: { id: request.unit, suggestion: suggestNearest(request.unit, register.idsOf('Unit')) } });
  }
  const byController = new Map<string, ProcessingView[]>();
  for (const processing of register.ofKind('Processing')) {
    if (!isCurrentProcessing(processing, request.date) || (request.unit !== undefined && processing.controller !== request.unit)) continue;
    const view = processingView(register, processing, request.date);
    byController.set(processing.controller, [...(byController.get(processing.controller) ?? []), view]);
  }
  const collator = new Intl.Collator('sv');
  const controllers = [...byController.values()]
    .map((processings) => {
      const controller = processings[0]!.controller;
      return { id: controller.id, name: controller.name, ...(controller.municipality ? { municipality: controller.municipality.name } : {}), processings };
    })
    // By municipality (a federation's own units first), then by name, as the record is read.
    .sort((a, b) => collator.compare(a.municipality ?? '', b.municipality ?? '') || collator.compare(a.name, b.name));
  return { date: request.date, language: config.language, name: config.name, controllers };
}

export function assembleProcessingRecord(config: Config, request: ProcessingRecordRequest): ProcessingRecord {
  return buildProcessingRecord(new RegisterModel(loadRegister(config)), config, request);
}

/** One processing's values worded (legal bases, countries, safeguards, DPIA, personal data) in the language: the record and the site's page read it. */
export function wordProcessing(p: ProcessingView, language: Language) {
  const t = processingLabels[language];
  const countries = new Intl.DisplayNames([language === 'sv' ? 'sv-SE' : 'en-GB'], { type: 'region' });
  const country = (code: string) => `${countries.of(code) ?? code} (${code})`;
  const safeguard = (s: Safeguard | undefined) => (s === undefined ? t.noSafeguard : t.safeguards[s]);
  const sub = (s: SubProcessorView) => ({ ...s, countryName: country(s.country), safeguardText: s.thirdCountry ? safeguard(s.safeguard) : t.withinEea });
  return {
    ...p,
    legalBasisText: p.legalBasis.map((b) => t.legalBases[b]),
    transfersText: [
      ...p.transfers.map((x) => `${country(x.country)}: ${x.thirdCountry ? safeguard(x.safeguard) : t.withinEea}`),
      ...p.subProcessorTransfers.map((s) => `${country(s.country)}: ${s.name} (${t.subProcessor}), ${safeguard(s.safeguard)}`),
    ],
    transfersWorded: p.transfers.map((x) => ({ ...x, countryName: country(x.country), safeguardText: x.thirdCountry ? safeguard(x.safeguard) : t.withinEea })),
    subProcessorTransfersWorded: p.subProcessorTransfers.map(sub),
    dpiaText: p.dpia === undefined ? t.dpiaNotAssessed : p.dpia.required === true ? (p.dpia.done === undefined ? t.dpiaRequiredNotDone : t.dpiaDone) : t.dpiaNotRequired,
    applications: p.applications.map((a) => ({
      ...a,
      personalDataText: a.personalData === undefined ? '' : terms[language].personalData[a.personalData],
      processorAgreements: a.processorAgreements.map((pa) => ({ ...pa, subProcessors: pa.subProcessors.map(sub) })),
    })),
  };
}

/** The template's view: every value worded (legal bases, countries, safeguards, personal data) in the language. */
export function processingTemplateView(record: ProcessingRecord): object {
  const language = record.language;
  const t = processingLabels[language];
  return {
    lang: language,
    t,
    title: t.title,
    name: record.name,
    date: record.date,
    controllers: record.controllers.map((c) => ({ ...c, processings: c.processings.map((p) => wordProcessing(p, language)) })),
  };
}

export function renderProcessingRecord(record: ProcessingRecord, format: string): string {
  const kind = format === 'md' ? 'md' : 'html';
  return renderTemplate(builtInTemplate('processing', kind), processingTemplateView(record), kind);
}
