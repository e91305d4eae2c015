// applicationView(): an application as `show`, the report's sheet and the site show it on a date: its roles, its
// agreements (each with its state), its training plans, its processing activities and suppliers, and the findings on it
// and on what belongs to it.
import type { Finding } from '../lint/run-rules.js';
import { planReviewDue } from '../model/policy.js';
import { processingState } from '../model/processing.js';
import type { RegisterModel } from '../model/register-model.js';
import { suppliersOf, type SupplierLink } from '../model/suppliers.js';
import type { Application, TrainingPlan } from '../types/entities.generated.js';
import { agreementView, type AgreementView } from './agreement.js';
import { findingsAbout } from './finding.js';
import { roleView, type RoleView } from './role.js';

export interface PlanView {
  readonly id: string;
  readonly name: string;
  readonly audience: TrainingPlan['audience'];
  readonly updated: string;
  readonly reviewDue: string;
  readonly overdue: boolean;
}

/** A processing activity (record of processing) that lists the application, and whether it runs on the date. */
export interface ApplicationProcessingView {
  readonly id: string;
  readonly name: string;
  /** The controller's unit id. */
  readonly controller: string;
  readonly state: 'current' | 'ended' | 'upcoming';
}

/** A supplier the application depends on on the date, and how (as `itreg suppliers` counts it). */
export interface ApplicationSupplierView {
  readonly id: string;
  readonly name: string;
  readonly via: readonly SupplierLink[];
}

export interface ApplicationView {
  readonly application: Application;
  readonly roles: readonly RoleView[];
  readonly agreements: readonly AgreementView[];
  readonly plans: readonly PlanView[];
  readonly processings: readonly ApplicationProcessingView[];
  readonly suppliers: readonly ApplicationSupplierView[];
  /** On the application, its roles and its agreements. */
  readonly findings: readonly Finding[];
}

export function planView(plan: TrainingPlan, date: string): PlanView {
  const reviewDue = planReviewDue(plan);
  return { id: plan.id, name: plan.name, audience: plan.audience, updated: plan.updated, reviewDue, overdue: reviewDue < date };
}

/** The processing activities that list the application, current or not, in file order. */
export function applicationProcessings(register: RegisterModel, app: Application, date: string): ApplicationProcessingView[] {
  return register.processingsFor(app.id).map((p) => ({ id: p.id, name: p.name, controller: p.controller, state: processingState(p, date) }));
}

/** The suppliers the application depends on on the date, each once with every way it does (vendor, party, sub-processor). */
export function applicationSuppliers(register: RegisterModel, app: Application, date: string): ApplicationSupplierView[] {
  const bySupplier = new Map<string, { id: string; name: string; via: SupplierLink[] }>();
  for (const d of suppliersOf(register, app, date)) {
    const entry = bySupplier.get(d.supplier.id) ?? bySupplier.set(d.supplier.id, { id: d.supplier.id, name: d.supplier.name, via: [] }).get(d.supplier.id)!;
    entry.via.push(d.via);
  }
  return [...bySupplier.values()];
}

export function applicationView(register: RegisterModel, app: Application, date: string, findings: readonly Finding[]): ApplicationView {
  return {
    application: app,
    roles: register.roles(app.id).map((r) => roleView(r, date)),
    agreements: register.agreements(app.id).map((a) => agreementView(register, a, date)),
    plans: register.plansFor(app.id).map((p) => planView(p, date)),
    processings: applicationProcessings(register, app, date),
    suppliers: applicationSuppliers(register, app, date),
    findings: findingsAbout(register, findings, app.id),
  };
}
