// applicationView(): an application as `show`, the report's sheet and the site show it on a date: its roles, its
// agreements (each with its state), its training plans and the findings on it and on what belongs to it.
import type { Finding } from '../lint/run-rules.js';
import { planReviewDue } from '../model/policy.js';
import type { RegisterModel } from '../model/register-model.js';
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

export interface ApplicationView {
  readonly application: Application;
  readonly roles: readonly RoleView[];
  readonly agreements: readonly AgreementView[];
  readonly plans: readonly PlanView[];
  /** On the application, its roles and its agreements. */
  readonly findings: readonly Finding[];
}

export function planView(plan: TrainingPlan, date: string): PlanView {
  const reviewDue = planReviewDue(plan);
  return { id: plan.id, name: plan.name, audience: plan.audience, updated: plan.updated, reviewDue, overdue: reviewDue < date };
}

export function applicationView(register: RegisterModel, app: Application, date: string, findings: readonly Finding[]): ApplicationView {
  return {
    application: app,
    roles: register.roles(app.id).map((r) => roleView(r, date)),
    agreements: register.agreements(app.id).map((a) => agreementView(register, a, date)),
    plans: register.plansFor(app.id).map((p) => planView(p, date)),
    findings: findingsAbout(register, findings, app.id),
  };
}
