// computeCompliance(): how much of what the IT policy demands is met, overall, by municipality and for the cooperation
// as a whole. Every measure is a rule's demand, asked through the same domain functions the rule asks (register/).
import type { FileModel } from '../register/load.js';
import { isValidException, type ExceptionEntry } from '../register/config.js';
import { isLive, type RegisterModel } from '../model/register-model.js';
import {
  hasCurrentItStaffPlan,
  hasCurrentSpecialist,
  isDocumentExpired,
  isGoverning,
  isInTrainingPlan,
  isPlanReviewOverdue,
  isShared,
  itStaffPlans,
  missingDocumentation,
  needsDataProcessingAgreement,
  needsTrainingPlan,
  planMunicipalities,
} from '../model/policy.js';
import type { RuleId } from '../types/rule-id.js';
import type { Application } from '../types/entities.generated.js';

export type MeasureKey =
  | 'owner'
  | 'administrator'
  | 'trainingPlan'
  | 'operationsAgreement'
  | 'supportAgreement'
  | 'dataProcessingAgreement'
  | 'documentation'
  | 'specialist'
  | 'itStaffPlan'
  | 'planReview'
  | 'documentReview';

/** What one demand is about: an application, a training plan, a governing document, or the register as a whole. */
export interface Subject {
  readonly kind: 'Application' | 'TrainingPlan' | 'Document' | 'Register';
  /** The entity, as an exception in itreg.yaml names it; none for the register as a whole. */
  readonly id?: string;
  /** Its name; none for the register when it has no plan for IT staff at all. */
  readonly name?: string;
  /** The municipalities the demand belongs to; none: the cooperation as a whole. */
  readonly municipalities: readonly string[];
}

export interface Measure {
  readonly key: MeasureKey;
  /** Subjects the demand applies to. */
  readonly total: number;
  readonly ok: number;
  /** 0–100, one decimal; 100 when nothing applies (see `total`). */
  readonly percent: number;
  readonly gaps: readonly Subject[];
  /** Subjects that do not meet the demand under a decided exception in force: counted as met, shown as decided. */
  readonly decided: ReadonlyArray<Subject & { readonly reason: string; readonly until: string }>;
  /** The rule that checks the demand (for exceptions). */
  readonly rule: RuleId;
}

export interface Compliance {
  /** Live applications in scope. */
  readonly live: number;
  readonly measures: readonly Measure[];
  /** Share of all applicable demands that are met (100 when none applies: see `applies`). */
  readonly overall: number;
  /** Some demand applies (a measure with a total above 0): without one there is no share to show. */
  readonly applies: boolean;
}

interface Assessment {
  readonly subject: Subject;
  readonly met: boolean;
}

interface Demand {
  readonly key: MeasureKey;
  readonly rule: RuleId;
  /** Every subject the demand applies to on `date`, and whether it is met. */
  assess(register: RegisterModel, date: string): Assessment[];
}

const applicationSubject = (app: Application): Subject => ({ kind: 'Application', id: app.id, name: app.name, municipalities: app.municipalities });

/** A demand on each live application it applies to (the rules skip retired ones alike). */
function perApplication(key: MeasureKey, rule: RuleId, applies: (app: Application) => boolean, met: (app: Application, register: RegisterModel, date: string) => boolean): Demand {
  return {
    key,
    rule,
    assess: (register, date) => register.ofKind('Application').flatMap((app) => (isLive(app) && applies(app) ? [{ subject: applicationSubject(app), met: met(app, register, date) }] : [])),
  };
}

const always = () => true;

const demands: readonly Demand[] = [
  perApplication('owner', 'application-has-owner', always, (app, r, date) => r.hasCurrentRole(app.id, 'system-owner', date)),
  perApplication('administrator', 'application-has-administrator', always, (app, r, date) => r.hasCurrentRole(app.id, 'system-administrator', date)),
  perApplication('trainingPlan', 'training-plan', needsTrainingPlan, (app, r) => isInTrainingPlan(r, app)),
  perApplication(
    'operationsAgreement',
    'operations-agreement',
    (app) => app.operatedBy !== undefined,
    (app, r, date) => r.hasCurrentAgreement(app.id, 'operations', date),
  ),
  perApplication(
    'supportAgreement',
    'support-agreement',
    (app) => app.vendor !== undefined,
    (app, r, date) => r.hasCurrentAgreement(app.id, 'support', date),
  ),
  perApplication('dataProcessingAgreement', 'data-processing-agreement', needsDataProcessingAgreement, (app, r, date) => r.hasCurrentAgreement(app.id, 'data-processing', date)),
  perApplication('documentation', 'documentation', always, (app) => missingDocumentation(app).length === 0),
  perApplication('specialist', 'specialist-competence', isShared, (app, r, date) => hasCurrentSpecialist(r, app, date)),
  {
    // One demand on the register: the cooperation's joint plan for the IT staff of all its municipalities.
    key: 'itStaffPlan',
    rule: 'it-staff-training-plan',
    assess: (register, date) => {
      const name = itStaffPlans(register)[0]?.name;
      return [{ subject: { kind: 'Register', ...(name !== undefined ? { name } : {}), municipalities: [] }, met: hasCurrentItStaffPlan(register, date) }];
    },
  },
  {
    key: 'planReview',
    rule: 'training-plan-review',
    assess: (register, date) =>
      register
        .ofKind('TrainingPlan')
        .map((plan) => ({ subject: { kind: 'TrainingPlan', id: plan.id, name: plan.name, municipalities: planMunicipalities(register, plan) }, met: !isPlanReviewOverdue(plan, date) })),
  },
  {
    key: 'documentReview',
    rule: 'document-review',
    assess: (register, date) =>
      register
        .ofKind('Document')
        .filter(isGoverning)
        .map((doc) => ({ subject: { kind: 'Document', id: doc.id, name: doc.name, municipalities: doc.municipality ? [doc.municipality] : [] }, met: !isDocumentExpired(doc, date) })),
  },
];

export const measureKeys: readonly MeasureKey[] = demands.map((d) => d.key);

function percent(ok: number, total: number): number {
  return total === 0 ? 100 : Math.round((ok / total) * 1000) / 10;
}

/** Whose demands: all of them, one municipality's, or the cooperation's own (those that belong to no municipality). */
export type Scope = { readonly municipality: string } | 'cooperation' | 'all';

const inScope = (scope: Scope) => (subject: Subject) => (scope === 'all' ? true : scope === 'cooperation' ? subject.municipalities.length === 0 : subject.municipalities.includes(scope.municipality));

/**
 * Compliance on `date` in each scope asked for, from one assessment of the register. A decided exception in force
 * (`exceptions` in itreg.yaml, valid on `date`, for the demand's rule and the subject's entity, or none for the register
 * as a whole, exactly as lint silences a finding) is no gap: it counts as met and is listed as decided.
 */
export function computeComplianceIn(register: FileModel, date: string, scopes: readonly Scope[], exceptions: readonly ExceptionEntry[] = register.loaded.config.exceptions): Compliance[] {
  const decidedFor = (rule: string, subject: Subject) => exceptions.find((e) => e.rule === rule && e.entity === subject.id && isValidException(e, date));
  const assessed = demands.map((demand) => ({ demand, assessments: demand.assess(register, date) }));
  const liveApps = register.ofKind('Application').filter(isLive);
  return scopes.map((scope) => {
    const wanted = inScope(scope);
    let allOk = 0;
    let allTotal = 0;
    const measures = assessed.map(({ demand, assessments }): Measure => {
      const applicable = assessments.filter((a) => wanted(a.subject));
      const unmet = applicable.filter((a) => !a.met).map((a) => a.subject);
      // Each gap's exception looked up once: without one it is a gap, with one it is decided.
      const judged = unmet.map((subject) => ({ subject, exception: decidedFor(demand.rule, subject) }));
      const gaps = judged.flatMap(({ subject, exception }) => (exception ? [] : [subject]));
      const decided = judged.flatMap(({ subject, exception }) => (exception ? [{ ...subject, reason: exception.reason ?? '', until: exception.until ?? '' }] : []));
      const ok = applicable.length - gaps.length;
      allOk += ok;
      allTotal += applicable.length;
      return { key: demand.key, rule: demand.rule, decided, total: applicable.length, ok, percent: percent(ok, applicable.length), gaps };
    });
    return { live: liveApps.filter((app) => wanted(applicationSubject(app))).length, measures, overall: percent(allOk, allTotal), applies: allTotal > 0 };
  });
}

/** Compliance of the whole register on `date`, or of the demands that belong to one municipality. */
export function computeCompliance(register: FileModel, date: string, municipality?: string, exceptions?: readonly ExceptionEntry[]): Compliance {
  const [compliance] = computeComplianceIn(register, date, [municipality === undefined ? 'all' : { municipality }], exceptions);
  return compliance!;
}
