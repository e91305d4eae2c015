// The findings an entity's page or sheet shows: its own, and for an application those on its agreements and roles too
// (they are about it), as `show`, the site and the report list them.
import type { Finding } from '../lint/run-rules.js';
import type { RegisterModel } from '../model/register-model.js';

/** A finding as a person or program reads it: without the lint engine's bookkeeping (message id, path). */
export type FindingView = Omit<Finding, 'messageId' | 'refersTo' | 'path'>;

export function findingView({ messageId: _m, refersTo: _r, path: _p, ...view }: Finding): FindingView {
  return view;
}

/** The ids whose findings belong to `id`: itself, and for an application its roles and agreements. */
export function findingSubjects(register: RegisterModel, id: string): Set<string> {
  const ids = new Set([id]);
  if (register.getOf('Application', id)) {
    for (const r of register.roles(id)) ids.add(r.id);
    for (const a of register.agreements(id)) ids.add(a.id);
  }
  return ids;
}

/** The findings about `id` (on it, on what belongs to it, or a reference to it), in the lint's order. */
export function findingsAbout(register: RegisterModel, findings: readonly Finding[], id: string): Finding[] {
  const subjects = findingSubjects(register, id);
  return findings.filter((f) => (f.entityId !== undefined && subjects.has(f.entityId)) || f.refersTo === id);
}
