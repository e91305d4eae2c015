// entityHistory(): git's file changes turned into entity changes, field by field ("holder.title: Kulturchef → Förvaltningschef").
import type { FileChange } from '../git/history.js';
import { parseText } from '../register/source.js';

export interface FieldChange {
  readonly path: string;
  readonly from?: string;
  readonly to?: string;
}

export interface EntityChange {
  readonly commit: string;
  readonly date: string;
  readonly author: string;
  readonly subject: string;
  readonly entity: string;
  readonly kind?: string;
  readonly file: string;
  readonly change: 'added' | 'removed' | 'changed' | 'renamed';
  readonly fields: readonly FieldChange[];
  /** From the entity's data (after the change, or before a removal), for summaries. */
  readonly name?: string;
  readonly role?: string;
  readonly application?: string;
  /** A role assignment's holder.title. */
  readonly holder?: string;
}

function data(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const { value } = parseText(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) out.set(prefix, value.map(String).join(', '));
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else if (value !== undefined) out.set(prefix, String(value));
  return out;
}

function diff(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): FieldChange[] {
  const a = flatten(before ?? {});
  const b = flatten(after ?? {});
  const fields: FieldChange[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const from = a.get(path);
    const to = b.get(path);
    if (from !== to) fields.push({ path, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return fields;
}

/** Does this entity data mention `id` as a value anywhere (an application's roles, agreements, plans)? */
function refersTo(value: Record<string, unknown> | undefined, id: string): boolean {
  if (!value) return false;
  return [...flatten(value).entries()].some(([path, v]) => path !== 'id' && v.split(', ').includes(id));
}

/** Entity changes, newest first; with `id`, the changes of that entity and of the entities that refer to it. */
export function entityHistory(changes: readonly FileChange[], id?: string): EntityChange[] {
  const result: EntityChange[] = [];
  for (const change of changes) {
    const before = data(change.before);
    const after = data(change.after);
    const entity = String(after?.['id'] ?? before?.['id'] ?? change.path.replace(/^.*\//, '').replace(/\.ya?ml$/i, ''));
    if (id !== undefined && entity !== id && !refersTo(after, id) && !refersTo(before, id)) continue;
    const kind = (after?.['kind'] ?? before?.['kind']) as string | undefined;
    const latest = after ?? before ?? {};
    const text = (key: string) => (typeof latest[key] === 'string' ? { [key]: latest[key] } : {});
    const kindOf: EntityChange['change'] = change.status === 'A' ? 'added' : change.status === 'D' ? 'removed' : change.status === 'R' ? 'renamed' : 'changed';
    result.push({
      commit: change.commit,
      date: change.date,
      author: change.author,
      subject: change.subject,
      entity,
      ...(kind ? { kind } : {}),
      file: change.path,
      change: kindOf,
      fields: change.status === 'A' || change.status === 'D' ? [] : diff(before, after),
      ...text('name'),
      ...text('role'),
      ...text('application'),
      ...(typeof (latest['holder'] as { title?: unknown } | undefined)?.title === 'string' ? { holder: (latest['holder'] as { title: string }).title } : {}),
    });
  }
  return result;
}
