// assessIncident(): what an incident at a supplier or in an application reaches (applications, municipalities, their
// system owners) and the deadlines the law sets from its detection (DESIGN.md "Suppliers: … an incident's deadlines").
import { needsProcessingRecord } from '../model/processing.js';
import type { RegisterModel } from '../model/register-model.js';
import { dependentsOf, type LeftOutDependency } from '../model/suppliers.js';
import type { Application, RoleAssignment } from '../types/entities.generated.js';
import { compareByConsequence } from './suppliers.js';
import { addCalendarMonths, addHours, localDate } from '../util/zoned-time.js';

/**
 * The reports the law asks for: to the CSIRT (cybersäkerhetslagen 2025:1506, NIS2 art. 23.4 a, b, d) an early warning
 * within 24 hours and an incident notification within 72 hours of detection, a final report within one month of the
 * notification; to IMY a personal data breach within 72 hours (GDPR art. 33.1).
 */
export type IncidentDeadlineKind = 'csirt-early-warning' | 'csirt-notification' | 'csirt-final-report' | 'imy-breach';

export interface IncidentDeadline {
  readonly kind: IncidentDeadlineKind;
  /** The instant, ms since the epoch. */
  readonly due: number;
  /** The applications that call for it (critical ones for the CSIRT, those with personal data for IMY). */
  readonly because: readonly string[];
}

export interface AffectedApplication {
  readonly application: Application;
  /** The current system owners on the day of detection. */
  readonly owners: readonly RoleAssignment[];
}

export interface IncidentAssessment {
  readonly detected: number;
  readonly timeZone: string;
  readonly supplier?: string;
  readonly affected: readonly AffectedApplication[];
  /** At a supplier: the links to it that do not count on the day of detection (model/suppliers.ts), by application. */
  readonly leftOut: ReadonlyArray<{ readonly application: Application; readonly leftOut: readonly LeftOutDependency[] }>;
  readonly municipalities: readonly string[];
  readonly deadlines: readonly IncidentDeadline[];
}

export type IncidentTarget = { readonly supplier: string } | { readonly application: string };

/**
 * The applications an incident reaches on the day: those that depend on the supplier that day (live, through a current
 * agreement or a sub-processor since then; highest consequence first) and the links left out, or the one named.
 */
function affectedBy(register: RegisterModel, target: IncidentTarget, day: string): Pick<IncidentAssessment, 'leftOut'> & { readonly apps: Application[] } {
  if ('application' in target) {
    const app = register.getOf('Application', target.application);
    return { apps: app ? [app] : [], leftOut: [] };
  }
  const named = dependentsOf(register, target.supplier, day).sort((a, b) => compareByConsequence(a.application, b.application));
  return {
    apps: named.filter((d) => d.via.length > 0).map((d) => d.application),
    leftOut: named.filter((d) => d.leftOut.length > 0).map(({ application, leftOut }) => ({ application, leftOut })),
  };
}

export function assessIncident(register: RegisterModel, target: IncidentTarget, detected: number, timeZone: string): IncidentAssessment {
  const day = localDate(detected, timeZone);
  const { apps, leftOut } = affectedBy(register, target, day);
  const affected = apps.map((application) => ({ application, owners: register.currentRoles(application.id, 'system-owner', day) }));
  const municipalities = [...new Set(apps.flatMap((a) => a.municipalities))];
  const critical = apps.filter((a) => a.critical === true).map((a) => a.id);
  const personal = apps.filter(needsProcessingRecord).map((a) => a.id);
  const deadlines: IncidentDeadline[] = [];
  if (critical.length > 0) {
    const notification = addHours(detected, 72);
    deadlines.push(
      { kind: 'csirt-early-warning', due: addHours(detected, 24), because: critical },
      { kind: 'csirt-notification', due: notification, because: critical },
      { kind: 'csirt-final-report', due: addCalendarMonths(notification, 1, timeZone), because: critical },
    );
  }
  if (personal.length > 0) deadlines.push({ kind: 'imy-breach', due: addHours(detected, 72), because: personal });
  deadlines.sort((a, b) => a.due - b.due);
  return { detected, timeZone, ...('supplier' in target ? { supplier: target.supplier } : {}), affected, leftOut, municipalities, deadlines };
}
