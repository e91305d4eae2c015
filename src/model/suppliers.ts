// Who depends on a supplier: an application's vendor, an agreement's party, a processor's sub-processor, named by the
// supplier's id or by a name equal to its `name` (DESIGN.md "Suppliers"). `suppliers` and `incident` ask here.
import type { Agreement, Application, Supplier } from '../types/entities.generated.js';
import type { RegisterModel } from './register-model.js';

/** How an application depends on a supplier. */
export type SupplierLink = 'vendor' | 'party' | 'sub-processor';

export interface SupplierDependency {
  readonly supplier: Supplier;
  readonly via: SupplierLink;
  /** The agreement that names it, for a party or a sub-processor. */
  readonly agreement?: Agreement;
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

/** Every supplier an application depends on, each way once, in the order vendor, agreement parties, sub-processors. */
export function suppliersOf(register: RegisterModel, app: Application): SupplierDependency[] {
  const found: SupplierDependency[] = [];
  const seen = new Set<string>();
  const add = (supplier: Supplier | undefined, via: SupplierLink, agreement?: Agreement): void => {
    if (supplier === undefined || seen.has(`${via}\u0000${supplier.id}`)) return;
    seen.add(`${via}\u0000${supplier.id}`);
    found.push({ supplier, via, ...(agreement ? { agreement } : {}) });
  };
  if (app.vendor) add(findSupplier(register, app.vendor.supplier) ?? findSupplier(register, app.vendor.name), 'vendor');
  for (const agreement of register.agreements(app.id)) {
    for (const party of agreement.parties ?? []) add(findSupplier(register, party), 'party', agreement);
  }
  for (const agreement of register.agreements(app.id)) {
    for (const sub of agreement.subProcessors ?? []) add(findSupplier(register, sub.supplier) ?? findSupplier(register, sub.name), 'sub-processor', agreement);
  }
  return found;
}

/** The applications that depend on a supplier, in file order, each with the ways it does. */
export function dependentsOf(register: RegisterModel, supplierId: string): Array<{ readonly application: Application; readonly via: readonly SupplierDependency[] }> {
  return register
    .ofKind('Application')
    .map((application) => ({ application, via: suppliersOf(register, application).filter((d) => d.supplier.id === supplierId) }))
    .filter((entry) => entry.via.length > 0);
}
