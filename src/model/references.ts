// referencesOf(): every id an entity refers to, where, and what it must point at (DESIGN.md register format).
import type { Kind } from '../schema/validate.js';
import type { Entity } from './register-model.js';
import type { JsonPath } from '../types/json-path.js';

export interface Reference {
  readonly path: JsonPath;
  readonly id: string;
  readonly kind: Kind;
  /** A second kind the target may have instead (an agreement's party: a Unit or a Supplier). */
  readonly orKind?: Kind;
  /** A further condition on the target, e.g. a Unit of type it-unit. */
  readonly require?: { readonly field: 'type' | 'role'; readonly value: string };
  /** A reference that is a key (a share's municipality), not a value. */
  readonly isKey?: boolean;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

export function referencesOf(entity: Entity): Reference[] {
  // Plain functions and objects of one shape (no closures or spreads an entity): every entity of a register is asked.
  const refs: Reference[] = [];
  switch (entity.kind) {
    case 'Municipality':
      break;
    case 'Unit':
      one(refs, ['municipality'], entity.municipality, 'Municipality');
      break;
    case 'Application':
      many(refs, 'municipalities', entity.municipalities, 'Municipality');
      one(refs, ['operatedBy'], entity.operatedBy, 'Unit', IT_UNIT);
      if (entity.vendor?.supplier !== undefined) one(refs, ['vendor', 'supplier'], entity.vendor.supplier, 'Supplier');
      // A continuity plan that looks like an id is a Document; anything else is a URI or a path.
      if (entity.continuity?.plan !== undefined && ID.test(entity.continuity.plan)) one(refs, ['continuity', 'plan'], entity.continuity.plan, 'Document');
      break;
    case 'RoleAssignment':
      one(refs, ['application'], entity.application, 'Application');
      one(refs, ['holder', 'unit'], entity.holder.unit, 'Unit');
      one(refs, ['appointedBy'], entity.appointedBy, 'RoleAssignment', SYSTEM_OWNER);
      break;
    case 'Agreement':
      one(refs, ['application'], entity.application, 'Application');
      if (entity.parties !== undefined) {
        for (let index = 0; index < entity.parties.length; index++) {
          const party = entity.parties[index]!;
          // A party that looks like an id is a Unit or a Supplier; anything else is an outside party's name.
          if (ID.test(party)) refs.push({ path: ['parties', index], id: party, kind: 'Unit', orKind: 'Supplier' });
        }
      }
      if (entity.subProcessors !== undefined) {
        for (let index = 0; index < entity.subProcessors.length; index++) one(refs, ['subProcessors', index, 'supplier'], entity.subProcessors[index]!.supplier, 'Supplier');
      }
      costRefs(refs, entity);
      break;
    case 'TrainingPlan':
      many(refs, 'applications', entity.applications, 'Application');
      if (entity.activities !== undefined) {
        for (let a = 0; a < entity.activities.length; a++) {
          const ids = entity.activities[a]!.municipalities;
          if (ids !== undefined) for (let index = 0; index < ids.length; index++) one(refs, ['activities', a, 'municipalities', index], ids[index], 'Municipality');
        }
      }
      break;
    case 'Investment':
      one(refs, ['application'], entity.application, 'Application');
      costRefs(refs, entity);
      break;
    case 'Document':
      one(refs, ['municipality'], entity.municipality, 'Municipality');
      one(refs, ['supersededBy'], entity.supersededBy, 'Document');
      break;
    case 'Processing':
      one(refs, ['controller'], entity.controller, 'Unit');
      many(refs, 'applications', entity.applications, 'Application');
      break;
    case 'Supplier':
      break;
  }
  return refs;
}

const IT_UNIT: Reference['require'] = { field: 'type', value: 'it-unit' };
const SYSTEM_OWNER: Reference['require'] = { field: 'role', value: 'system-owner' };

function one(refs: Reference[], path: JsonPath, id: string | undefined, kind: Kind, require?: Reference['require']): void {
  if (id === undefined) return;
  refs.push(require === undefined ? { path, id, kind } : { path, id, kind, require });
}

function many(refs: Reference[], field: string, ids: readonly string[] | undefined, kind: Kind): void {
  if (ids !== undefined) for (let index = 0; index < ids.length; index++) one(refs, [field, index], ids[index], kind);
}

function costRefs(refs: Reference[], e: { participants?: readonly string[]; split?: unknown }): void {
  many(refs, 'participants', e.participants, 'Municipality');
  const split = e.split;
  if (typeof split === 'object' && split !== null && 'shares' in split) {
    for (const id of Object.keys((split as { shares: object }).shares)) {
      refs.push({ path: ['split', 'shares', id], id, kind: 'Municipality', isKey: true });
    }
  }
}
