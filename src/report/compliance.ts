// computeCompliance(): how much of the live application portfolio meets each policy demand, overall and by municipality.
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
}

export interface Compliance {
  readonly live: number;
  readonly measures: readonly Measure[];
  /** Share of all applicable demands that are met. */
  readonly overall: number;
}

interface Demand {
  readonly key: MeasureKey;
  applies(app: Application): boolean;
  met(app: Application, register: RegisterModel, date: string): boolean;
}

const demands: readonly Demand[] = [
  { key: 'owner', applies: () => true, met: (app, r, date) => r.currentRoles(app.id, 'system-owner', date).length > 0 },
  { key: 'administrator', applies: () => true, met: (app, r, date) => r.currentRoles(app.id, 'system-administrator', date).length > 0 },
  { key: 'trainingPlan', applies: (app) => app.type === 'business', met: (app, r) => r.plansFor(app.id).some((p) => p.audience !== 'it-staff') },
  { key: 'operationsAgreement', applies: (app) => app.operatedBy !== undefined, met: (app, r, date) => r.currentAgreements(app.id, 'operations', date).length > 0 },
  { key: 'supportAgreement', applies: (app) => app.vendor !== undefined, met: (app, r, date) => r.currentAgreements(app.id, 'support', date).length > 0 },
  // GDPR art. 28.3: a vendor that processes personal data for an application needs a processor agreement.
  {
    key: 'dataProcessingAgreement',
    applies: (app) => app.vendor !== undefined && (app.personalData === 'personal' || app.personalData === 'sensitive'),
    met: (app, r, date) => r.currentAgreements(app.id, 'data-processing', date).length > 0,
  },
];

export const measureKeys: readonly MeasureKey[] = demands.map((d) => d.key);

function percent(ok: number, total: number): number {
  return total === 0 ? 100 : Math.round((ok / total) * 1000) / 10;
}

/** Compliance of the live applications, optionally only those a municipality uses. */
export function computeCompliance(register: RegisterModel, date: string, municipality?: string): Compliance {
  const live = register.ofKind('Application').filter((app) => isLive(app) && (municipality === undefined || app.municipalities.includes(municipality)));
  let allOk = 0;
  let allTotal = 0;
  const measures = demands.map((demand) => {
    const applicable = live.filter((app) => demand.applies(app));
    const gaps = applicable.filter((app) => !demand.met(app, register, date));
    allOk += applicable.length - gaps.length;
    allTotal += applicable.length;
    return {
      key: demand.key,
      total: applicable.length,
      ok: applicable.length - gaps.length,
      percent: percent(applicable.length - gaps.length, applicable.length),
      gaps: gaps.map((app) => ({ id: app.id, name: app.name, municipalities: app.municipalities })),
    };
  });
  return { live: live.length, measures, overall: percent(allOk, allTotal) };
}
