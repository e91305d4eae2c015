// What the IT policy asks of an application, a training plan and a governing document, asked of the model: the rules
// report each demand that is not met, the yearly report counts them, so the two cannot disagree.
import type { Application, Document, TrainingPlan } from '../types/entities.generated.js';
import { addMonths, addYears } from '../util/dates.js';
import type { RegisterModel } from './register-model.js';

/** Shared: used by two or more municipalities (the policy's "gemensamma system"). */
export function isShared(app: Application): boolean {
  return app.municipalities.length >= 2;
}

/** A business system needs a training plan (IT-policyn, kap. 2). */
export function needsTrainingPlan(app: Application): boolean {
  return app.type === 'business';
}

/** Listed in a training plan for its users or system administrators (a plan for IT staff does not count). */
export function isInTrainingPlan(register: RegisterModel, app: Application): boolean {
  return register.plansFor(app.id).some((plan) => plan.audience === 'users' || plan.audience === 'administrators');
}

/** A vendor that processes personal data for the application needs a processor agreement (GDPR art. 28.3). */
export function needsDataProcessingAgreement(app: Application): boolean {
  return app.vendor !== undefined && (app.personalData === 'personal' || app.personalData === 'sensitive');
}

/** The documentation an application lacks: its routines, and its operations when an IT unit operates it. */
export function missingDocumentation(app: Application): Array<'routines' | 'operations'> {
  return [...(app.documentation?.routines ? [] : (['routines'] as const)), ...(app.operatedBy === undefined || app.documentation?.operations ? [] : (['operations'] as const))];
}

/** A shared system has a current specialist (IT-policyn, kap. 2). */
export function hasCurrentSpecialist(register: RegisterModel, app: Application, date: string): boolean {
  return register.hasCurrentRole(app.id, 'specialist', date);
}

/** The day a plan is next due for review: `updated` + `reviewMonths` (12 when not given). */
export function planReviewDue(plan: TrainingPlan): string {
  return addMonths(plan.updated, plan.reviewMonths ?? 12);
}

export function isPlanReviewOverdue(plan: TrainingPlan, date: string): boolean {
  return planReviewDue(plan) < date;
}

/** The training plans for IT staff, in file order. */
export function itStaffPlans(register: RegisterModel): readonly TrainingPlan[] {
  return register.ofKind('TrainingPlan').filter((plan) => plan.audience === 'it-staff');
}

/** The register has a training plan for IT staff whose review is not overdue on `date` (IT-policyn, kap. 5). */
export function hasCurrentItStaffPlan(register: RegisterModel, date: string): boolean {
  return itStaffPlans(register).some((plan) => !isPlanReviewOverdue(plan, date));
}

/**
 * The municipalities a training plan concerns: those using its applications and those named in its activities, in
 * first-seen order. Empty for a plan that names neither: it concerns the cooperation as a whole.
 */
export function planMunicipalities(register: RegisterModel, plan: TrainingPlan): string[] {
  const fromApps = (plan.applications ?? []).flatMap((id) => register.getOf('Application', id)?.municipalities ?? []);
  const fromActivities = (plan.activities ?? []).flatMap((activity) => activity.municipalities ?? []);
  return [...new Set([...fromApps, ...fromActivities])];
}

/** The day a document is due for revision: `adopted` + `validYears`. */
export function documentReviewDue(doc: Document): string {
  return addYears(doc.adopted, doc.validYears);
}

/** A governing document: one not superseded by another (a superseded one is history). */
export function isGoverning(doc: Document): boolean {
  return doc.supersededBy === undefined;
}

/** A governing document whose validity has passed on `date`. */
export function isDocumentExpired(doc: Document, date: string): boolean {
  return isGoverning(doc) && documentReviewDue(doc) < date;
}
