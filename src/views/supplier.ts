// supplierView(): a supplier as `itreg suppliers` and the site show it on a date: who depends on it and how, each
// dependent's municipalities, classification, criticality, personal data and processor agreements.
import { isCurrentAgreement, type RegisterModel } from '../model/register-model.js';
import type { LeftOutDependency, LeftOutReason, SupplierLink } from '../model/suppliers.js';
import type { SupplierExposure } from '../insight/suppliers.js';
import type { Application } from '../types/entities.generated.js';
import { highestLevel } from '../model/continuity.js';

/** A level's name from itreg.yaml `classificationLevels`; the number where none is given. */
const levelNameOf = (levels: readonly string[], level: number): string => levels[level] ?? String(level);

export interface SupplierDependentView {
  readonly id: string;
  readonly name: string;
  readonly municipalities: readonly { readonly id: string; readonly name: string }[];
  readonly highestLevel?: number;
  readonly levelName?: string;
  readonly critical: boolean;
  readonly personalData?: Application['personalData'];
  readonly via: readonly SupplierLink[];
  /** The application's data-processing agreements, with whether each is current on the date. */
  readonly processorAgreements: readonly { readonly id: string; readonly name: string; readonly current: boolean }[];
}

/** A dependency that does not count on the date, and why: one per application, reason and agreement (a retired application once). */
export interface LeftOutView {
  /** The application's id and name. */
  readonly id: string;
  readonly name: string;
  readonly via: readonly SupplierLink[];
  readonly reason: LeftOutReason;
  /** The day the reason names: retired on, ended on, starts on, sub-processor since. */
  readonly on?: string;
  readonly agreement?: { readonly id: string; readonly name: string };
}

/** The links left out on the date, by application (in the order given), then reason and agreement. */
export function leftOutViews(entries: ReadonlyArray<{ readonly application: Application; readonly leftOut: readonly LeftOutDependency[] }>): LeftOutView[] {
  return entries.flatMap(({ application, leftOut }) => {
    const groups = new Map<string, { via: SupplierLink[]; first: LeftOutDependency }>();
    for (const link of leftOut) {
      const key = `${link.reason}\u0000${link.reason === 'retired' ? '' : (link.agreement?.id ?? '')}`;
      const group = groups.get(key) ?? groups.set(key, { via: [], first: link }).get(key)!;
      if (!group.via.includes(link.via)) group.via.push(link.via);
    }
    return [...groups.values()].map(({ via, first }) => ({
      id: application.id,
      name: application.name,
      via,
      reason: first.reason,
      ...(first.on !== undefined ? { on: first.on } : {}),
      ...(first.agreement !== undefined && first.reason !== 'retired' ? { agreement: { id: first.agreement.id, name: first.agreement.name } } : {}),
    }));
  });
}

export interface SupplierView {
  readonly id: string;
  readonly name: string;
  readonly orgNumber?: string;
  readonly country?: string;
  readonly contact?: string;
  readonly highestLevel?: number;
  readonly levelName?: string;
  readonly concentration: boolean;
  /** Dependents that are critical or classified at level 3 or above. */
  readonly serious: number;
  readonly critical: number;
  readonly applications: readonly SupplierDependentView[];
  /** What names the supplier but does not count on the date (DESIGN.md "Suppliers"; docs/commands.md). */
  readonly leftOut: readonly LeftOutView[];
}

export function supplierView(register: RegisterModel, exposure: SupplierExposure, date: string, levels: readonly string[]): SupplierView {
  const { supplier } = exposure;
  return {
    id: supplier.id,
    name: supplier.name,
    ...(supplier.orgNumber !== undefined ? { orgNumber: supplier.orgNumber } : {}),
    ...(supplier.country !== undefined ? { country: supplier.country } : {}),
    ...(supplier.contact !== undefined ? { contact: supplier.contact } : {}),
    ...(exposure.highestLevel !== undefined ? { highestLevel: exposure.highestLevel, levelName: levelNameOf(levels, exposure.highestLevel) } : {}),
    concentration: exposure.concentration,
    serious: exposure.serious.length,
    critical: exposure.critical,
    applications: exposure.dependents.map(({ application: app, via }) => {
      const level = highestLevel(app);
      return {
        id: app.id,
        name: app.name,
        municipalities: app.municipalities.map((id) => ({ id, name: register.nameOf(id) })),
        ...(level !== undefined ? { highestLevel: level, levelName: levelNameOf(levels, level) } : {}),
        critical: app.critical === true,
        ...(app.personalData !== undefined ? { personalData: app.personalData } : {}),
        via: [...new Set(via.map((d) => d.via))],
        processorAgreements: register.agreements(app.id, 'data-processing').map((a) => ({ id: a.id, name: a.name, current: isCurrentAgreement(a, date) })),
      };
    }),
    leftOut: leftOutViews(exposure.leftOut),
  };
}
