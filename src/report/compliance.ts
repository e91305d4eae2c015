// computeCompliance(): how much of the live application portfolio meets each policy demand, overall and by municipality.
import { isValidException, type ExceptionEntry } from '../register/config.js';
import { isLive, type RegisterModel } from '../register/model.js';
import type { Application } from '../schema/types.generated.js';

export type MeasureKey = 'owner' | 'administrator' | 'trainingPlan' | 'operationsAgreement' | 'supportAgreement' | 'dataProcessingAgreement';

export interface Measure {
  readonly key: MeasureKey;
  /** Live applications the demand applies to. */
  readonly total: number;
  readonly ok: number;
  /** 0–100, one decimal; 100 when nothing applies. */
  readonly percent: number;
  readonly gaps: ReadonlyArray<{ readonly id: string; readonly name: string; readonly municipalities: readonly string[] }>;
  /** Applications that do not meet the demand under a decided exception in force: counted as met, shown as decided. */
  readonly decided: ReadonlyArray<{ readonly id: string; readonly name: string; readonly reason: string; readonly until: string }>;
  /** The rule that checks the demand (for exceptions). */
  readonly rule: string;
}

export interface Compliance {
  readonly live: number;
  readonly measures: readonly Measure[];
  /** Share of all applicable demands that are met. */
  readonly overall: number;
}

interface Demand {
  readonly key: MeasureKey;
  readonly rule: string;
  applies(app: Application): boolean;
  met(app: Application, register: RegisterModel, date: string): boolean;
}

const demands: readonly Demand[] = [
  { key: 'owner', rule: 'application-has-owner', applies: () => true, met: (app, r, date) => r.currentRoles(app.id, 'system-owner', date).length > 0 },
  { key: 'administrator', rule: 'application-has-administrator', applies: () => true, met: (app, r, date) => r.currentRoles(app.id, 'system-administrator', date).length > 0 },
  { key: 'trainingPlan', rule: 'training-plan', applies: (app) => app.type === 'business', met: (app, r) => r.plansFor(app.id).some((p) => p.audience !== 'it-staff') },
  { key: 'operationsAgreement', rule: 'operations-agreement', applies: (app) => app.operatedBy !== undefined, met: (app, r, date) => r.currentAgreements(app.id, 'operations', date).length > 0 },
  { key: 'supportAgreement', rule: 'support-agreement', applies: (app) => app.vendor !== undefined, met: (app, r, date) => r.currentAgreements(app.id, 'support', date).length > 0 },
  // GDPR art. 28.3: a vendor that processes personal data for an application needs a processor agreement.
  {
    key: 'dataProcessingAgreement',
    rule: 'data-processing-agreement',
    applies: (app) => app.vendor !== undefined && (app.personalData === 'personal' || app.personalData === 'sensitive'),
    met: (app, r, date) => r.currentAgreements(app.id, 'data-processing', date).length > 0,
  },
];

export const measureKeys: readonly MeasureKey[] = demands.map((d) => d.key);

function percent(ok: number, total: number): number {
  return total === 0 ? 100 : Math.round((ok / total) * 1000) / 10;
}

/**
 * Compliance of the live applications, optionally only those a municipality uses. A decided exception in force
 * (`exceptions` in itreg.yaml, valid on `date`) silences the rule's finding, so it is no gap: it counts as met and is
 * listed as decided.
 */
export function computeCompliance(register: RegisterModel, date: string, municipality?: string, exceptions: readonly ExceptionEntry[] = register.loaded.config.exceptions): Compliance {
  const decidedFor = (rule: string, app: string) => exceptions.find((e) => e.rule === rule && e.entity === app && isValidException(e, date));
  const live = register.ofKind('Application').filter((app) => isLive(app) && (municipality === undefined || app.municipalities.includes(municipality)));
  let allOk = 0;
  let allTotal = 0;
  const measures = demands.map((demand) => {
    const applicable = live.filter((app) => demand.applies(app));
    const unmet = applicable.filter((app) => !demand.met(app, register, date));
    const gaps = unmet.filter((app) => !decidedFor(demand.rule, app.id));
    const decided = unmet.flatMap((app) => {
      const exception = decidedFor(demand.rule, app.id);
      return exception ? [{ id: app.id, name: app.name, reason: exception.reason ?? '', until: exception.until ?? '' }] : [];
    });
    allOk += applicable.length - gaps.length;
    allTotal += applicable.length;
    return {
      key: demand.key,
      rule: demand.rule,
      decided,
      total: applicable.length,
      ok: applicable.length - gaps.length,
      percent: percent(applicable.length - gaps.length, applicable.length),
      gaps: gaps.map((app) => ({ id: app.id, name: app.name, municipalities: app.municipalities })),
    };
  });
  return { live: live.length, measures, overall: percent(allOk, allTotal) };
}
