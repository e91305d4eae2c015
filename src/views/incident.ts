// incidentView(): an incident's assessment as `itreg incident` shows it: names for ids, owners by title and unit,
// each deadline as the register's local time with its offset.
import type { IncidentAssessment, IncidentDeadlineKind } from '../insight/incident.js';
import { isLive, type RegisterModel } from '../model/register-model.js';
import type { Application } from '../types/entities.generated.js';
import { formatZoned } from '../util/zoned-time.js';
import { leftOutViews, type LeftOutView } from './supplier.js';

export interface IncidentView {
  /** The detection time in the register's time zone, ISO 8601 with offset. */
  readonly detected: string;
  readonly timeZone: string;
  readonly supplier?: { readonly id: string; readonly name: string };
  readonly applications: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly critical: boolean;
    readonly personalData?: Application['personalData'];
    /** lifecycle.status is retired (only an application named by --application can be). */
    readonly retired: boolean;
    readonly retiredOn?: string;
    readonly municipalities: readonly { readonly id: string; readonly name: string }[];
    readonly owners: readonly { readonly title: string; readonly unit: string; readonly unitName: string }[];
  }>;
  readonly municipalities: readonly { readonly id: string; readonly name: string }[];
  /** At a supplier: what names it but does not count on the day of detection. */
  readonly leftOut: readonly LeftOutView[];
  readonly deadlines: ReadonlyArray<{ readonly kind: IncidentDeadlineKind; readonly due: string; readonly dueMs: number; readonly because: readonly string[] }>;
}

export function incidentView(register: RegisterModel, assessment: IncidentAssessment): IncidentView {
  const named = (id: string) => ({ id, name: register.nameOf(id) });
  const zone = assessment.timeZone;
  return {
    detected: formatZoned(assessment.detected, zone),
    timeZone: zone,
    ...(assessment.supplier !== undefined ? { supplier: named(assessment.supplier) } : {}),
    applications: assessment.affected.map(({ application: app, owners }) => ({
      id: app.id,
      name: app.name,
      critical: app.critical === true,
      ...(app.personalData !== undefined ? { personalData: app.personalData } : {}),
      retired: !isLive(app),
      ...(!isLive(app) && app.lifecycle?.retired !== undefined ? { retiredOn: app.lifecycle.retired } : {}),
      municipalities: app.municipalities.map(named),
      owners: owners.map((o) => ({ title: o.holder.title, unit: o.holder.unit, unitName: register.nameOf(o.holder.unit) })),
    })),
    municipalities: assessment.municipalities.map(named),
    leftOut: leftOutViews(assessment.leftOut),
    deadlines: assessment.deadlines.map((d) => ({ kind: d.kind, due: formatZoned(d.due, zone), dueMs: d.due, because: d.because })),
  };
}
