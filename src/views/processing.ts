// processingView(): a processing activity (GDPR art. 30.1) as the record of processing and the site show it on a
// date: its controller, the art. 30.1 elements, and each application's processor agreements and sub-processors.
import { isThirdCountry } from '../model/countries.js';
import { isCurrentProcessing } from '../model/processing.js';
import { isCurrentAgreement, type RegisterModel } from '../model/register-model.js';
import { findSupplier, isSubProcessorOn } from '../model/suppliers.js';
import type { Application, Processing } from '../types/entities.generated.js';

export type Safeguard = NonNullable<NonNullable<Processing['transfers']>[number]['safeguard']>;

export interface SubProcessorView {
  readonly name: string;
  readonly supplier?: string;
  readonly country: string;
  readonly thirdCountry: boolean;
  readonly since?: string;
  readonly safeguard?: Safeguard;
}

export interface ProcessorAgreementView {
  readonly id: string;
  readonly name: string;
  /** The parties by name (a supplier's or unit's name where the party is an id). */
  readonly parties: readonly string[];
  readonly start: string;
  readonly end?: string;
  readonly current: boolean;
  readonly subProcessors: readonly SubProcessorView[];
}

export interface ProcessingApplicationView {
  readonly id: string;
  readonly name: string;
  readonly personalData?: Application['personalData'];
  readonly processorAgreements: readonly ProcessorAgreementView[];
}

export interface ControllerView {
  readonly id: string;
  readonly name: string;
  readonly municipality?: { readonly id: string; readonly name: string };
  /** The unit's functional address or phone (art. 30.1 a). */
  readonly contact?: string;
  /** How to reach the controller's data protection officer (art. 30.1 a). */
  readonly dataProtectionOfficer?: string;
}

export interface ProcessingView {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly controller: ControllerView;
  readonly purpose: string;
  readonly legalBasis: Processing['legalBasis'];
  readonly article9Basis?: string;
  readonly dataSubjects: readonly string[];
  readonly dataCategories: readonly string[];
  readonly recipients: readonly string[];
  readonly transfers: ReadonlyArray<{ readonly country: string; readonly thirdCountry: boolean; readonly safeguard?: Safeguard }>;
  /** Sub-processors of the applications' processor agreements outside the EU/EEA: transfers too (art. 30.1 e). */
  readonly subProcessorTransfers: readonly SubProcessorView[];
  readonly retention: string;
  readonly securityMeasures?: string;
  readonly dpia?: Processing['dpia'];
  readonly start?: string;
  readonly end?: string;
  readonly current: boolean;
  readonly applications: readonly ProcessingApplicationView[];
}

export function controllerView(register: RegisterModel, unitId: string): ControllerView {
  const unit = register.getOf('Unit', unitId);
  const municipality = unit?.municipality;
  return {
    id: unitId,
    name: register.nameOf(unitId),
    ...(municipality !== undefined ? { municipality: { id: municipality, name: register.nameOf(municipality) } } : {}),
    ...(unit?.contact !== undefined ? { contact: unit.contact } : {}),
    ...(unit?.dataProtectionOfficer !== undefined ? { dataProtectionOfficer: unit.dataProtectionOfficer } : {}),
  };
}

function processorAgreements(register: RegisterModel, appId: string, date: string): ProcessorAgreementView[] {
  return register.agreements(appId, 'data-processing').map((agreement) => ({
    id: agreement.id,
    name: agreement.name,
    parties: (agreement.parties ?? []).map((party) => findSupplier(register, party)?.name ?? register.nameOf(party)),
    start: agreement.start,
    ...(agreement.end !== undefined ? { end: agreement.end } : {}),
    current: isCurrentAgreement(agreement, date),
    subProcessors: (agreement.subProcessors ?? []).map((sub) => ({
      name: sub.name,
      ...(sub.supplier !== undefined ? { supplier: sub.supplier } : {}),
      country: sub.country,
      thirdCountry: isThirdCountry(sub.country),
      ...(sub.since !== undefined ? { since: sub.since } : {}),
      ...(sub.safeguard !== undefined ? { safeguard: sub.safeguard } : {}),
    })),
  }));
}

export function processingView(register: RegisterModel, processing: Processing, date: string): ProcessingView {
  const applications = processing.applications.map((id): ProcessingApplicationView => {
    const app = register.getOf('Application', id);
    return { id, name: register.nameOf(id), ...(app?.personalData !== undefined ? { personalData: app.personalData } : {}), processorAgreements: processorAgreements(register, id, date) };
  });
  const seen = new Set<string>();
  // A transfer from the sub-processor's since on, while its agreement is current: as `itreg suppliers` counts it.
  const subProcessorTransfers = applications
    .flatMap((a) => a.processorAgreements.filter((p) => p.current).flatMap((p) => p.subProcessors.filter((sub) => isSubProcessorOn(sub, date))))
    .filter((s) => s.thirdCountry && !seen.has(`${s.name}\u0000${s.country}`) && seen.add(`${s.name}\u0000${s.country}`) !== undefined);
  return {
    id: processing.id,
    name: processing.name,
    ...(processing.description !== undefined ? { description: processing.description } : {}),
    controller: controllerView(register, processing.controller),
    purpose: processing.purpose,
    legalBasis: processing.legalBasis,
    ...(processing.article9Basis !== undefined ? { article9Basis: processing.article9Basis } : {}),
    dataSubjects: processing.dataSubjects,
    dataCategories: processing.dataCategories,
    recipients: processing.recipients ?? [],
    transfers: (processing.transfers ?? []).map((t) => ({ country: t.country, thirdCountry: isThirdCountry(t.country), ...(t.safeguard !== undefined ? { safeguard: t.safeguard } : {}) })),
    subProcessorTransfers,
    retention: processing.retention,
    ...(processing.securityMeasures !== undefined ? { securityMeasures: processing.securityMeasures } : {}),
    ...(processing.dpia !== undefined ? { dpia: processing.dpia } : {}),
    ...(processing.start !== undefined ? { start: processing.start } : {}),
    ...(processing.end !== undefined ? { end: processing.end } : {}),
    current: isCurrentProcessing(processing, date),
    applications,
  };
}
