// Who depends on a supplier on a date: an application's vendor, an agreement's party, a processor's sub-processor, named
// by the supplier's id or by a name equal to its `name` (DESIGN.md "Suppliers"). `suppliers`, `incident` and the site
// ask here; what does not count on the date is answered here too, with why.
import type { Agreement, Application, Supplier } from '../types/entities.generated.js';
import { agreementTerms, isCurrentAgreement } from './agreement-terms.js';
import { isLive, type RegisterModel } from './register-model.js';

/** How an application depends on a supplier. */
export type SupplierLink = 'vendor' | 'party' | 'sub-processor';

export interface SupplierDependency {
  readonly supplier: Supplier;
  readonly via: SupplierLink;
  /** The agreement that names it, for a party or a sub-processor. */
  readonly agreement?: Agreement;
}

/**
 * Why a link to a supplier does not count on a date: the application is retired, the agreement that names the supplier
 * has ended or has not started, or the sub-processor's `since` lies after the date.
 */
export type LeftOutReason = 'retired' | 'agreement-ended' | 'agreement-not-started' | 'sub-processor-not-yet';

export interface LeftOutDependency extends SupplierDependency {
  readonly reason: LeftOutReason;
  /** The day the reason names: retired on, ended on (the current end), starts on, sub-processor since. */
  readonly on?: string;
}

/** An application's links to suppliers on a date: those that count, and those left out with why. */
export interface SupplierLinks {
  readonly counted: readonly SupplierDependency[];
  /** Links that do not count on the date, each (supplier, way, agreement) once; none whose supplier and way count through another link. */
  readonly leftOut: readonly LeftOutDependency[];
}

/** Names compared as a person reads them: case and runs of white space do not matter. */
function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

/** The supplier a text names: by id, else by a name equal to a supplier's `name`; undefined when none. */
export function findSupplier(register: RegisterModel, idOrName: string | undefined): Supplier | undefined {
  if (idOrName === undefined) return undefined;
  const byId = register.getOf('Supplier', idOrName);
  if (byId) return byId;
  const key = nameKey(idOrName);
  return register.ofKind('Supplier').find((supplier) => nameKey(supplier.name) === key);
}

type Why = Pick<LeftOutDependency, 'reason' | 'on'>;

/** A sub-processor is one from its `since` on (no `since`: for as long as its agreement; DESIGN.md art. 28). */
export function isSubProcessorOn(sub: Pick<NonNullable<Agreement['subProcessors']>[number], 'since'>, date: string): boolean {
  return sub.since === undefined || sub.since <= date;
}

/** Why an agreement does not count on the date (undefined: it is current, DESIGN.md 1.1 "Agreements"). */
function agreementLeftOut(agreement: Agreement, date: string): Why | undefined {
  if (isCurrentAgreement(agreement, date)) return undefined;
  if (date < agreement.start) return { reason: 'agreement-not-started', on: agreement.start };
  const end = agreementTerms(agreement, date).end;
  return { reason: 'agreement-ended', ...(end !== undefined ? { on: end } : {}) };
}

/**
 * Every link an application has to a supplier, judged on `date`. A link counts when the application is live (not
 * retired), and, for an agreement's party, while that agreement is current; for a sub-processor, while its agreement is
 * current and from its `since` on. Counted links come in the order vendor, agreement parties, sub-processors, each
 * (supplier, way) once.
 */
export function supplierLinks(register: RegisterModel, app: Application, date: string): SupplierLinks {
  const links: Array<SupplierDependency & { readonly why?: Why }> = [];
  const retired: Why | undefined = isLive(app) ? undefined : { reason: 'retired', ...(app.lifecycle?.retired !== undefined ? { on: app.lifecycle.retired } : {}) };
  const push = (supplier: Supplier | undefined, via: SupplierLink, agreement: Agreement | undefined, why: Why | undefined): void => {
    if (supplier !== undefined) links.push({ supplier, via, ...(agreement ? { agreement } : {}), ...(why ? { why } : {}) });
  };
  if (app.vendor) push(findSupplier(register, app.vendor.supplier) ?? findSupplier(register, app.vendor.name), 'vendor', undefined, retired);
  const agreements = register.agreements(app.id).map((agreement) => ({ agreement, why: retired ?? agreementLeftOut(agreement, date) }));
  for (const { agreement, why } of agreements) {
    for (const party of agreement.parties ?? []) push(findSupplier(register, party), 'party', agreement, why);
  }
  for (const { agreement, why } of agreements) {
    for (const sub of agreement.subProcessors ?? []) {
      const notYet = isSubProcessorOn(sub, date) ? undefined : { reason: 'sub-processor-not-yet' as const, ...(sub.since !== undefined ? { on: sub.since } : {}) };
      push(findSupplier(register, sub.supplier) ?? findSupplier(register, sub.name), 'sub-processor', agreement, why ?? notYet);
    }
  }
  const counted: SupplierDependency[] = [];
  const countedKeys = new Set<string>();
  for (const { why, ...link } of links) {
    const key = `${link.via}\u0000${link.supplier.id}`;
    if (why !== undefined || countedKeys.has(key)) continue;
    countedKeys.add(key);
    counted.push(link);
  }
  const leftOut: LeftOutDependency[] = [];
  const leftKeys = new Set<string>();
  for (const { why, ...link } of links) {
    const key = `${link.via}\u0000${link.supplier.id}`;
    const full = `${key}\u0000${link.agreement?.id ?? ''}`;
    if (why === undefined || countedKeys.has(key) || leftKeys.has(full)) continue;
    leftKeys.add(full);
    leftOut.push({ ...link, ...why });
  }
  return { counted, leftOut };
}

/** Every supplier an application depends on on `date` (see supplierLinks), in the order vendor, agreement parties, sub-processors. */
export function suppliersOf(register: RegisterModel, app: Application, date: string): SupplierDependency[] {
  return [...supplierLinks(register, app, date).counted];
}

/** An application's links to one supplier on a date: the ways it depends on it, and the links left out. */
export interface SupplierDependent {
  readonly application: Application;
  readonly via: readonly SupplierDependency[];
  readonly leftOut: readonly LeftOutDependency[];
}

/**
 * Every supplier's dependents on `date`: the applications that name it, in file order, each with the ways it depends
 * on it that day and the links left out; an application whose every link is left out has an empty `via`. Each
 * application's links are judged once for all suppliers.
 */
export function dependentsBySupplier(register: RegisterModel, date: string): ReadonlyMap<string, readonly SupplierDependent[]> {
  const bySupplier = new Map<string, SupplierDependent[]>();
  for (const application of register.ofKind('Application')) {
    const { counted, leftOut } = supplierLinks(register, application, date);
    const ids = new Set([...counted, ...leftOut].map((d) => d.supplier.id));
    for (const id of ids) {
      const entry = { application, via: counted.filter((d) => d.supplier.id === id), leftOut: leftOut.filter((d) => d.supplier.id === id) };
      (bySupplier.get(id) ?? bySupplier.set(id, []).get(id)!).push(entry);
    }
  }
  return bySupplier;
}

/** One supplier's dependents on `date` (see dependentsBySupplier). */
export function dependentsOf(register: RegisterModel, supplierId: string, date: string): SupplierDependent[] {
  return [...(dependentsBySupplier(register, date).get(supplierId) ?? [])];
}
