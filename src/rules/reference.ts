// reference — a reference to an id that does not exist or is of the wrong kind.
import { suggestion } from '../i18n/index.js';
import { NearestIndex } from '../util/nearest.js';
import { referencesOf } from '../model/references.js';
import type { RegisterModel } from '../model/register-model.js';
import { fieldName, kinds } from '../schema/validate.js';
import { defineRule, type Hit } from './define-rule.js';

/** One "did you mean" index per register and kind, built at the first broken reference to it: every later one asks it again. */
const indexes = new WeakMap<RegisterModel, Map<string, NearestIndex>>();

function nearestId(register: RegisterModel, kind: string, id: string): string | undefined {
  let byKind = indexes.get(register);
  if (!byKind) {
    byKind = new Map();
    indexes.set(register, byKind);
  }
  let index = byKind.get(kind);
  if (!index) {
    index = new NearestIndex(register.idsOf(kind));
    byKind.set(kind, index);
  }
  return index.nearest(id);
}

export default defineRule({
  id: 'reference',
  severity: 'error',
  // Each entity on its own (what its references name decides): --changed checks again only those that name a changed id.
  appliesTo: kinds,
  docs: {
    description: {
      sv: 'En hänvisning till ett id som inte finns eller som är av fel posttyp.',
      en: 'A reference to an id that does not exist or is of the wrong kind.',
    },
    details: {
      sv: '`operatedBy` ska peka på en IT-enhet (`type: it-unit`), `appointedBy` på rollbemanningen för systemägaren av samma applikation, `municipalities` och `participants` på kommuner, `vendor.supplier` och ett underbiträdes `supplier` på leverantörer (`Supplier`), en behandlings `controller` på en enhet och dess `applications` på applikationer. I `parties` är en sträng som ser ut som ett id en enhet eller en leverantör; annat är en extern part. En kontinuitetsplan (`continuity.plan`) som ser ut som ett id är ett styrdokument; annat är en adress eller sökväg.',
      en: "operatedBy must point at a Unit of type it-unit, appointedBy at the RoleAssignment of the owner of the same application, municipalities and participants at municipalities, vendor.supplier and a sub-processor's supplier at a Supplier, a Processing's controller at a Unit and its applications at applications. In parties, a string that looks like an id is a unit or a supplier; anything else is an outside party. A continuity plan (continuity.plan) that looks like an id is a Document; anything else is an address or a path.",
    },
  },
  check(entity, { register }) {
    const hits: Hit[] = [];
    for (const ref of referencesOf(entity)) {
      const target = register.recordById(ref.id);
      // Most references are fine: the finding's parts are made only for one that is not.
      const field = () => fieldName(ref.path);
      const where = () => ({ entityId: entity.id, path: ref.path, refersTo: ref.id, ...(ref.isKey ? { target: 'key' as const } : {}) });
      if (!target) {
        const near = nearestId(register, ref.kind, ref.id) ?? (ref.orKind ? nearestId(register, ref.orKind, ref.id) : undefined);
        hits.push({ ...where(), message: { id: 'unknownReference', data: { field: field(), id: ref.id, suggestion: suggestion(near) } } });
        continue;
      }
      if (ref.orKind !== undefined) {
        if (target.kind !== ref.kind && target.kind !== ref.orKind) {
          hits.push({ ...where(), message: { id: 'wrongKindReferenceEither', data: { field: field(), id: ref.id, actual: String(target.kind), expected: ref.kind, other: ref.orKind } } });
        }
        continue;
      }
      const actualValue = ref.require ? target.data[ref.require.field] : undefined;
      if (target.kind !== ref.kind || (ref.require && actualValue !== ref.require.value)) {
        const actual = target.kind === ref.kind && ref.require ? `${target.kind} (${ref.require.field}: ${String(actualValue)})` : String(target.kind);
        const expected = ref.require ? `${ref.kind} (${ref.require.field}: ${ref.require.value})` : ref.kind;
        hits.push({ ...where(), message: { id: 'wrongKindReference', data: { field: field(), id: ref.id, actual, expected } } });
        continue;
      }
      // An administrator is appointed by the owner of the same application, not the owner of another one.
      if (entity.kind === 'RoleAssignment' && ref.path[0] === 'appointedBy' && target.data['application'] !== entity.application) {
        // The other application by its id, as the owner's file writes it: its name would be a question about a key this
        // entity does not name, which --changed could not foresee.
        const other = target.data['application'];
        hits.push({
          ...where(),
          message: {
            id: 'appointedByOtherApplication',
            data: { id: ref.id, other: typeof other === 'string' ? other : '–', app: entity.application === undefined ? '–' : register.nameOf(entity.application) },
          },
        });
      }
    }
    return hits;
  },
});
