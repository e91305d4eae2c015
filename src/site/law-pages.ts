// The site's pages for the law of 2026: the record of processing activities per controller and a page per processing
// activity (GDPR art. 30.1), the suppliers by consequence and a page per supplier. They read the view models that
// `itreg report processing` and `itreg suppliers` read, and only add links and words.
import { leftOutDetail, supplierLabels } from '../format/suppliers.js';
import type { Language } from '../i18n/index.js';
import { terms } from '../i18n/terms.js';
import { rankSuppliers } from '../insight/suppliers.js';
import { isThirdCountry } from '../model/countries.js';
import { isCurrentProcessing, needsProcessingRecord, processingState } from '../model/processing.js';
import type { Entity, RegisterModel } from '../model/register-model.js';
import { findSupplier } from '../model/suppliers.js';
import type { Config } from '../register/config.js';
import { buildProcessingRecord, wordProcessing } from '../report/processing.js';
import { processingLabels } from '../report/processing-labels.js';
import type { Kind } from '../schema/validate.js';
import type { Agreement, Application, Processing } from '../types/entities.generated.js';
import { applicationProcessings, applicationSuppliers } from '../views/application.js';
import { processingView, type SubProcessorView } from '../views/processing.js';
import { supplierView } from '../views/supplier.js';
import { siteLabels } from './labels.js';
import type { Link } from './link.js';

export interface LawContext {
  readonly register: RegisterModel;
  readonly config: Config;
  readonly date: string;
  readonly language: Language;
  /** A reference from entity `from` to `id` of `kind`: a link, plain text, or broken with its finding. */
  readonly ref: (from: string, id: string, kind: Kind) => Link;
  /** What every entity's page shows: id, file, findings, exceptions, history, the edit link. */
  readonly common: (entity: Entity) => object;
}

export interface LawPage {
  readonly path: string;
  readonly template: string;
  readonly title: string;
  readonly nav: 'processing' | 'suppliers';
  readonly view: Record<string, unknown>;
}

export const processingListPath = 'processing.html';
export const supplierListPath = 'suppliers.html';

/** An id as the register writes one: a party or a sub-processor that is not a name. */
const isId = (text: string) => /^[a-z0-9][a-z0-9-]*$/.test(text);

/** An agreement's party: a supplier's or unit's page by id, a supplier's page by its name, else the name as written. */
export function partyLink(context: Pick<LawContext, 'register' | 'ref'>, from: string, party: string): Link {
  const { register, ref } = context;
  if (isId(party)) return ref(from, party, register.getOf('Supplier', party) ? 'Supplier' : 'Unit');
  const supplier = findSupplier(register, party);
  const href = supplier ? ref(from, supplier.id, 'Supplier').href : undefined;
  return href !== undefined ? { text: party, href } : { text: party };
}

export function lawPages(context: LawContext) {
  const { register, config, date, language, ref } = context;
  const l = siteLabels[language];
  const pt = processingLabels[language];
  const sl = supplierLabels[language];
  const term = terms[language];
  const countries = new Intl.DisplayNames([language === 'sv' ? 'sv-SE' : 'en-GB'], { type: 'region' });
  const countryName = (code: string) => `${countries.of(code) ?? code} (${code})`;
  const collator = new Intl.Collator('sv');

  /** A sub-processor: its supplier's page where it names one (by id or by name). */
  const subProcessorLink = (from: string, sub: SubProcessorView): Link => {
    const supplier = findSupplier(register, sub.supplier) ?? findSupplier(register, sub.name);
    const link = supplier ? ref(from, supplier.id, 'Supplier') : undefined;
    return link?.href !== undefined ? { text: sub.name, href: link.href } : { text: sub.name };
  };
  /** A third country without a safeguard: shown as a gap. */
  const lacking = (entry: { readonly thirdCountry: boolean; readonly safeguard?: string }) => entry.thirdCountry && entry.safeguard === undefined;

  // The suppliers as `itreg suppliers` ranks and shows them: computed once for the list and the pages.
  const suppliers = rankSuppliers(register, date).map((exposure) => supplierView(register, exposure, date, config.classificationLevels));
  const levelText = (view: { readonly highestLevel?: number; readonly levelName?: string }) => (view.levelName === undefined ? undefined : `${view.highestLevel} ${view.levelName}`);

  /** What an application's page shows of the law: its processing activities and the suppliers it depends on. */
  const ofApplication = (app: Application) => {
    // The same lists as `itreg show` gives (views/application.ts).
    const processings = applicationProcessings(register, app, date).map((p) => ({
      link: ref(app.id, p.id, 'Processing'),
      controller: ref(p.id, p.controller, 'Unit'),
      state: l.processingStates[p.state],
      current: p.state === 'current',
    }));
    const suppliers = applicationSuppliers(register, app, date).map((s) => ({ link: ref(app.id, s.id, 'Supplier'), via: s.via.map((via) => sl.links[via]).join(', ') }));
    const vendor = app.vendor ? (findSupplier(register, app.vendor.supplier) ?? findSupplier(register, app.vendor.name)) : undefined;
    return {
      processings,
      // An application with personal data belongs in a record: said where it is in none.
      showProcessings: processings.length > 0 || needsProcessingRecord(app),
      suppliers,
      vendorLink: vendor ? ref(app.id, vendor.id, 'Supplier') : undefined,
    };
  };

  /** A processor agreement's sub-processors, as the processing's page shows them. */
  const subProcessorsOf = (agreement: Agreement) =>
    (agreement.subProcessors ?? []).map((sub) => {
      const third = isThirdCountry(sub.country);
      const view = { name: sub.name, ...(sub.supplier !== undefined ? { supplier: sub.supplier } : {}), country: sub.country, thirdCountry: third };
      return {
        link: subProcessorLink(agreement.id, view),
        country: countryName(sub.country),
        since: sub.since ?? '',
        safeguard: third ? (sub.safeguard === undefined ? pt.noSafeguard : pt.safeguards[sub.safeguard]) : pt.withinEea,
        bad: third && sub.safeguard === undefined,
      };
    });

  // The processing activities each unit is controller of, for its page.
  const byController = new Map<string, Processing[]>();
  for (const p of register.ofKind('Processing')) (byController.get(p.controller) ?? byController.set(p.controller, []).get(p.controller)!).push(p);
  const controlledBy = (unitId: string) =>
    (byController.get(unitId) ?? []).map((p) => {
      const state = processingState(p, date);
      return { link: ref(unitId, p.id, 'Processing'), state: l.processingStates[state], current: state === 'current' };
    });

  function* pages(): Generator<LawPage> {
    // The record of processing activities: the report's, per controller, then what is not ongoing.
    const record = buildProcessingRecord(register, config, { date });
    const notOngoing = [...register.ofKind('Processing')]
      .filter((p) => !isCurrentProcessing(p, date))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((p) => ({
        link: ref(p.id, p.id, 'Processing'),
        controller: ref(p.id, p.controller, 'Unit'),
        state: l.processingStates[processingState(p, date)],
        start: p.start ?? '',
        end: p.end ?? '',
      }));
    yield {
      path: processingListPath,
      template: 'processings',
      title: l.processingTitle,
      nav: 'processing',
      view: {
        pt,
        controllers: record.controllers.map((c) => ({
          id: c.id,
          link: ref(c.processings[0]!.id, c.id, 'Unit'),
          municipality: c.processings[0]!.controller.municipality ? ref(c.id, c.processings[0]!.controller.municipality.id, 'Municipality') : undefined,
          // Art. 30.1 a: the controller's contact details and data protection officer, or that they are not given.
          contact: c.processings[0]!.controller.contact,
          dataProtectionOfficer: c.processings[0]!.controller.dataProtectionOfficer,
          processings: c.processings.map((view) => {
            const p = wordProcessing(view, language);
            return { link: ref(p.id, p.id, 'Processing'), purpose: p.purpose, legalBasis: p.legalBasisText, applications: p.applications.map((a) => ref(p.id, a.id, 'Application')), dpia: p.dpiaText };
          }),
        })),
        notOngoing,
      },
    };
    for (const processing of register.ofKind('Processing')) {
      const p = wordProcessing(processingView(register, processing, date), language);
      const state = processingState(processing, date);
      yield {
        path: `processing/${processing.id}.html`,
        template: 'processing',
        title: processing.name,
        nav: 'processing',
        view: Object.assign(context.common(processing), {
          pt,
          p,
          state: l.processingStates[state],
          current: state === 'current',
          controller: ref(p.id, p.controller.id, 'Unit'),
          controllerMunicipality: p.controller.municipality ? ref(p.controller.id, p.controller.municipality.id, 'Municipality') : undefined,
          transfers: [
            ...p.transfersWorded.map((x) => ({ country: x.countryName, safeguard: x.safeguardText, bad: lacking(x) })),
            ...p.subProcessorTransfersWorded.map((s) => ({ country: s.countryName, subProcessor: subProcessorLink(p.id, s), safeguard: s.safeguardText, bad: lacking(s) })),
          ],
          applications: p.applications.map((a) => ({
            link: ref(p.id, a.id, 'Application'),
            personalData: a.personalDataText,
            agreements: a.processorAgreements.map((pa) => ({
              link: ref(a.id, pa.id, 'Agreement'),
              current: pa.current,
              start: pa.start,
              end: pa.end ?? '',
              parties: (register.getOf('Agreement', pa.id)?.parties ?? []).map((party) => partyLink(context, pa.id, party)),
              subProcessors: pa.subProcessors.map((s) => ({ link: subProcessorLink(pa.id, s), country: s.countryName, since: s.since ?? '', safeguard: s.safeguardText, bad: lacking(s) })),
            })),
          })),
        }),
      };
    }

    // The suppliers, concentrations first, as `itreg suppliers` sorts them.
    yield {
      path: supplierListPath,
      template: 'suppliers',
      title: l.suppliersTitle,
      nav: 'suppliers',
      view: {
        sl,
        concentrations: suppliers.filter((s) => s.concentration).map((s) => ({ link: ref(s.id, s.id, 'Supplier'), text: sl.concentration(s.name, s.serious) })),
        rows: suppliers.map((s) => ({
          link: ref(s.id, s.id, 'Supplier'),
          orgNumber: s.orgNumber ?? '',
          country: s.country ? countryName(s.country) : '',
          level: levelText(s) ?? '',
          levelSort: s.highestLevel ?? -1,
          dependents: s.applications.length,
          critical: s.critical,
          concentration: s.concentration,
        })),
      },
    };
    for (const s of suppliers) {
      const supplier = register.getOf('Supplier', s.id);
      if (!supplier) continue;
      yield {
        path: `supplier/${s.id}.html`,
        template: 'supplier',
        title: s.name,
        nav: 'suppliers',
        view: Object.assign(context.common(supplier), {
          s,
          country: s.country ? countryName(s.country) : undefined,
          level: levelText(s),
          concentrationText: s.concentration ? sl.concentration(s.name, s.serious) : undefined,
          noDependents: sl.noDependents,
          sl,
          rows: s.applications.map((a) => ({
            link: ref(s.id, a.id, 'Application'),
            via: a.via.map((v) => sl.links[v]).join(', '),
            municipalities: a.municipalities.map((m) => ref(a.id, m.id, 'Municipality')),
            level: levelText(a) ?? '',
            levelSort: a.highestLevel ?? -1,
            critical: a.critical,
            personalData: a.personalData === undefined ? '' : term.personalData[a.personalData],
            agreements: a.processorAgreements.map((pa) => ({ link: ref(a.id, pa.id, 'Agreement'), current: pa.current })),
          })),
          // What names the supplier but does not count on the date, as `itreg suppliers` lists it under its table.
          leftOutHeading: sl.leftOutHeading(date),
          leftOut: s.leftOut.map((entry) => ({ link: ref(s.id, entry.id, 'Application'), detail: leftOutDetail(entry, language) })),
        }),
      };
    }
  }

  return { pages, ofApplication, subProcessorsOf, controlledBy };
}
