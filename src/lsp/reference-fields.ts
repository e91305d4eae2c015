// Which field of which kind holds a reference, and where in a document's text the cursor is: read from the lines, so that it works while the YAML is half typed.
import type { Kind } from '../schema/validate.js';
import type { Reference } from '../model/references.js';

/** A field that holds ids of another entity (model/references.ts says the same per entity; a test holds the two alike). */
export interface ReferenceField {
  /** The field's name; '*' for a key that is itself the reference (a share's municipality). */
  readonly key: string;
  /** The field it lies in, where the name alone is not enough (`holder.unit`). */
  readonly parent?: string;
  readonly kind: Kind;
  /** A second kind the field may name (an agreement's party: a unit or a supplier). */
  readonly orKind?: Kind;
  readonly require?: Reference['require'];
}

export const referenceFields: Readonly<Partial<Record<Kind, readonly ReferenceField[]>>> = {
  Unit: [{ key: 'municipality', kind: 'Municipality' }],
  Application: [
    { key: 'municipalities', kind: 'Municipality' },
    { key: 'operatedBy', kind: 'Unit', require: { field: 'type', value: 'it-unit' } },
    { key: 'supplier', parent: 'vendor', kind: 'Supplier' },
    { key: 'plan', parent: 'continuity', kind: 'Document' },
  ],
  RoleAssignment: [
    { key: 'application', kind: 'Application' },
    { key: 'unit', parent: 'holder', kind: 'Unit' },
    { key: 'appointedBy', kind: 'RoleAssignment', require: { field: 'role', value: 'system-owner' } },
  ],
  Agreement: [
    { key: 'application', kind: 'Application' },
    { key: 'parties', kind: 'Unit', orKind: 'Supplier' },
    { key: 'supplier', parent: 'subProcessors', kind: 'Supplier' },
    { key: 'participants', kind: 'Municipality' },
    { key: '*', parent: 'shares', kind: 'Municipality' },
  ],
  TrainingPlan: [
    { key: 'applications', kind: 'Application' },
    { key: 'municipalities', parent: 'activities', kind: 'Municipality' },
  ],
  Investment: [
    { key: 'application', kind: 'Application' },
    { key: 'participants', kind: 'Municipality' },
    { key: '*', parent: 'shares', kind: 'Municipality' },
  ],
  Document: [
    { key: 'municipality', kind: 'Municipality' },
    { key: 'supersededBy', kind: 'Document' },
  ],
  Processing: [
    { key: 'controller', kind: 'Unit' },
    { key: 'applications', kind: 'Application' },
  ],
};

/** Where the cursor is: in the value of `key`, or (`onKey`) where a key of the mapping under `parent` is written. */
export interface Place {
  readonly key?: string;
  readonly parent?: string;
  readonly onKey: boolean;
}

/** The word of id characters around `character` on the line: its start and end (end exclusive). */
export function wordAt(line: string, character: number): { start: number; end: number; word: string } {
  const isIdChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_.-]/u.test(c);
  let start = Math.min(character, line.length);
  let end = start;
  while (start > 0 && isIdChar(line[start - 1])) start--;
  while (end < line.length && isIdChar(line[end])) end++;
  return { start, end, word: line.slice(start, end) };
}

const KEY_LINE = /^(\s*)((?:-\s+)*)([^\s:#'"{[\]},-][^:#]*?|"[^"]*"|'[^']*')\s*:(?=\s|$)/;
const ITEM_LINE = /^(\s*)-(?:\s|$)/;

function keyOf(raw: string): string {
  return raw.replace(/^["']|["']$/g, '');
}

/** The key whose mapping holds a line indented by `indent` (a key at a smaller indent above it). */
function keyAbove(lines: readonly string[], from: number, indent: number, orEqual = false): { key: string; line: number; indent: number } | undefined {
  for (let i = from - 1; i >= 0; i--) {
    const text = lines[i]!;
    if (/^\s*(#.*)?$/.test(text)) continue;
    const match = KEY_LINE.exec(text);
    const lineIndent = /^\s*/.exec(text)![0].length;
    if (match) {
      const keyIndent = match[1]!.length + match[2]!.length;
      if (keyIndent < indent || (orEqual && keyIndent === indent)) return { key: keyOf(match[3]!), line: i, indent: keyIndent };
    } else if (lineIndent < indent) return undefined;
  }
  return undefined;
}

/** Where in the document (by its lines) `line`:`character` is. */
export function placeAt(lines: readonly string[], line: number, character: number): Place | undefined {
  const text = lines[line];
  if (text === undefined) return undefined;
  const keyed = KEY_LINE.exec(text);
  if (keyed) {
    const keyIndent = keyed[1]!.length + keyed[2]!.length;
    const parent = keyAbove(lines, line, keyIndent)?.key;
    if (character > keyed[0].length) {
      // In a flow mapping on the line (`holder: { title: …, unit: kan|`), the key is the last one before the cursor.
      const before = text.slice(keyed[0].length, character);
      const inner = before.includes('{') ? /([\p{L}\p{N}_-]+)\s*:\s*[^,{}:]*$/u.exec(before) : null;
      if (inner) return { key: inner[1]!, parent: keyOf(keyed[3]!), onKey: false };
      return { key: keyOf(keyed[3]!), ...(parent !== undefined ? { parent } : {}), onKey: false };
    }
    return { ...(parent !== undefined ? { parent } : {}), onKey: true };
  }
  const item = ITEM_LINE.exec(text);
  if (item) {
    // A list item belongs to the nearest key above at its indent or less (YAML lets a list start at its key's indent).
    const owner = keyAbove(lines, line, item[1]!.length, true);
    if (!owner) return undefined;
    const parent = keyAbove(lines, owner.line, owner.indent)?.key;
    return { key: owner.key, ...(parent !== undefined ? { parent } : {}), onKey: false };
  }
  // A key being typed (no colon yet): a key of the mapping it is indented under.
  const indent = /^\s*/.exec(text)![0].length;
  const parent = keyAbove(lines, line, indent)?.key;
  return { ...(parent !== undefined ? { parent } : {}), onKey: true };
}

/** The reference field at a place of a document of `kind`, if the place is one. */
export function referenceFieldAt(kind: string | undefined, place: Place | undefined): ReferenceField | undefined {
  if (kind === undefined || place === undefined) return undefined;
  const fields = referenceFields[kind as Kind] ?? [];
  return fields.find((field) =>
    field.key === '*' ? place.onKey && place.parent === field.parent : !place.onKey && field.key === place.key && (field.parent === undefined || field.parent === place.parent),
  );
}

/** The kind a document's text declares (`kind: Application`), read from the text so that a half-typed file has one too. */
export function kindOfText(text: string): string | undefined {
  return /^kind:\s*["']?([A-Za-z]+)/m.exec(text)?.[1];
}
