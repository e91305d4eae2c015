// rankSuppliers(): each supplier with the applications that depend on it, sorted by the highest consequence a breach
// there would have, and whether it is a concentration (DESIGN.md "Suppliers: who depends on whom").
import { highestLevel, SERIOUS_LEVEL } from '../model/continuity.js';
import type { RegisterModel } from '../model/register-model.js';
import { dependentsBySupplier, type LeftOutDependency, type SupplierDependent, type SupplierDependency } from '../model/suppliers.js';
import type { Application, Supplier } from '../types/entities.generated.js';

/** A supplier behind this many applications that are critical or classified at SERIOUS_LEVEL or above is a concentration. */
export const CONCENTRATION_THRESHOLD = 3;

export interface SupplierExposure {
  readonly supplier: Supplier;
  readonly dependents: ReadonlyArray<{ readonly application: Application; readonly via: readonly SupplierDependency[] }>;
  /** The links to the supplier that do not count on the date (retired application, agreement not current, sub-processor not yet), by application. */
  readonly leftOut: ReadonlyArray<{ readonly application: Application; readonly leftOut: readonly LeftOutDependency[] }>;
  /** The highest classification level among the dependents; undefined when none is classified. */
  readonly highestLevel?: number;
  /** Dependents that are critical or have a level ≥ SERIOUS_LEVEL. */
  readonly serious: readonly string[];
  readonly critical: number;
  readonly sensitive: number;
  readonly concentration: boolean;
}

/** Critical, or a level at SERIOUS_LEVEL or above: an application whose loss is serious. */
export function isSerious(app: Application): boolean {
  return app.critical === true || (highestLevel(app) ?? 0) >= SERIOUS_LEVEL;
}

/** An application's consequence as one number to sort by: critical first, then its highest level, then sensitive data. */
function consequence(app: Application): number {
  return (app.critical === true ? 100 : 0) + ((highestLevel(app) ?? -1) + 1) * 10 + (app.personalData === 'sensitive' ? 2 : app.personalData === 'personal' ? 1 : 0);
}

const collator = new Intl.Collator('sv');

/** Highest consequence first, then by name (Swedish order). */
export function compareByConsequence(a: Application, b: Application): number {
  return consequence(b) - consequence(a) || collator.compare(a.name, b.name);
}

/** Who depends on a supplier, given its dependents on a date (model/suppliers.ts decides what counts), and what is left out. */
export function supplierExposure(supplier: Supplier, dependents: readonly SupplierDependent[]): SupplierExposure {
  const named = [...dependents].sort((a, b) => compareByConsequence(a.application, b.application));
  const counted = named.filter((d) => d.via.length > 0).map(({ application, via }) => ({ application, via }));
  const leftOut = named.filter((d) => d.leftOut.length > 0).map(({ application, leftOut: links }) => ({ application, leftOut: links }));
  const apps = counted.map((d) => d.application);
  const levels = apps.map(highestLevel).filter((l): l is number => l !== undefined);
  const serious = apps.filter(isSerious).map((a) => a.id);
  return {
    supplier,
    dependents: counted,
    leftOut,
    ...(levels.length > 0 ? { highestLevel: Math.max(...levels) } : {}),
    serious,
    critical: apps.filter((a) => a.critical === true).length,
    sensitive: apps.filter((a) => a.personalData === 'sensitive').length,
    concentration: serious.length >= CONCENTRATION_THRESHOLD,
  };
}

/**
 * Every supplier with its dependents on `date`, highest consequence first: concentrations, then by the highest level, the number
 * of critical, serious and sensitive dependents, the number of dependents, and the name.
 */
export function rankSuppliers(register: RegisterModel, date: string): SupplierExposure[] {
  const dependents = dependentsBySupplier(register, date);
  return register
    .ofKind('Supplier')
    .map((s) => supplierExposure(s, dependents.get(s.id) ?? []))
    .sort(
      (a, b) =>
        Number(b.concentration) - Number(a.concentration) ||
        (b.highestLevel ?? -1) - (a.highestLevel ?? -1) ||
        b.critical - a.critical ||
        b.serious.length - a.serious.length ||
        b.sensitive - a.sensitive ||
        b.dependents.length - a.dependents.length ||
        collator.compare(a.supplier.name, b.supplier.name),
    );
}
