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
  const refs: Reference[] = [];
  const one = (path: JsonPath, id: string | undefined, kind: Kind, require?: Reference['require']): void => {
    if (id !== undefined) refs.push({ path, id, kind, ...(require ? { require } : {}) });
  };
  const many = (field: string, ids: readonly string[] | undefined, kind: Kind): void => {
    ids?.forEach((id, index) => one([field, index], id, kind));
  };
  const costRefs = (e: { participants?: readonly string[]; split?: unknown }): void => {
    many('participants', e.participants, 'Municipality');
    const split = e.split;
    if (typeof split === 'object' && split !== null && 'shares' in split) {
      for (const id of Object.keys((split as { shares: object }).shares)) {
        refs.push({ path: ['split', 'shares', id], id, kind: 'Municipality', isKey: true });
      }
    }
  };
  switch (entity.kind) {
    case 'Municipality':
      break;
    case 'Unit':
      one(['municipality'], entity.municipality, 'Municipality');
      break;
    case 'Application':
      many('municipalities', entity.municipalities, 'Municipality');
      one(['operatedBy'], entity.operatedBy, 'Unit', { field: 'type', value: 'it-unit' });
      one(['vendor', 'supplier'], entity.vendor?.supplier, 'Supplier');
      // A continuity plan that looks like an id is a Document; anything else is a URI or a path.
      if (entity.continuity?.plan !== undefined && ID.test(entity.continuity.plan)) one(['continuity', 'plan'], entity.continuity.plan, 'Document');
      break;
    case 'RoleAssignment':
      one(['application'], entity.application, 'Application');
      one(['holder', 'unit'], entity.holder.unit, 'Unit');
      one(['appointedBy'], entity.appointedBy, 'RoleAssignment', { field: 'role', value: 'system-owner' });
      break;
    case 'Agreement':
      one(['application'], entity.application, 'Application');
      entity.parties?.forEach((party, index) => {
        // A party that looks like an id is a Unit or a Supplier; anything else is an outside party's name.
        if (ID.test(party)) refs.push({ path: ['parties', index], id: party, kind: 'Unit', orKind: 'Supplier' });
      });
      entity.subProcessors?.forEach((sub, index) => one(['subProcessors', index, 'supplier'], sub.supplier, 'Supplier'));
      costRefs(entity);
      break;
    case 'TrainingPlan':
      many('applications', entity.applications, 'Application');
      entity.activities?.forEach((activity, a) => activity.municipalities?.forEach((id, index) => one(['activities', a, 'municipalities', index], id, 'Municipality')));
      break;
    case 'Investment':
      one(['application'], entity.application, 'Application');
      costRefs(entity);
      break;
    case 'Document':
      one(['municipality'], entity.municipality, 'Municipality');
      one(['supersededBy'], entity.supersededBy, 'Document');
      break;
    case 'Processing':
      one(['controller'], entity.controller, 'Unit');
      many('applications', entity.applications, 'Application');
      break;
    case 'Supplier':
      break;
  }
  return refs;
}
