// newEntityText(): a new entity file from its kind's JSON Schema (required fields, with their titles as comments), so a new kind or field needs no code change.
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Document, isScalar, isSeq, parse, visit } from 'yaml';
import { UsageError } from '../errors.js';
import { suggestNearest } from '../i18n/index.js';
import { kinds, loadSchemas, validateEntity, type Kind } from '../schema/validate.js';
import { schemaDir } from '../schema/validate.js';
import { schemaFiles } from '../schema/types.generated.js';
import type { Config } from './config.js';

/** The conventional folder of each kind (DESIGN.md). */
export const kindFolders: Record<Kind, string> = {
  Municipality: 'municipalities',
  Unit: 'units',
  Application: 'applications',
  RoleAssignment: 'roles',
  Agreement: 'agreements',
  TrainingPlan: 'training',
  Investment: 'investments',
  Document: 'documents',
};

/** 'application', 'Application', 'role-assignment', 'roles' → the kind. */
export function parseKind(text: string): Kind {
  const key = text.toLowerCase().replace(/[-_]/g, '');
  const kind = kinds.find((k) => k.toLowerCase() === key || kindFolders[k].replace(/-/g, '') === key);
  if (kind) return kind;
  throw new UsageError({ id: 'unknownKind', data: { kind: text, suggestion: suggestNearest(text, [...kinds, ...kinds.map((k) => kindFolders[k])]), kinds: kinds.join(', ') } });
}

interface SchemaNode {
  $ref?: string;
  title?: string;
  enum?: unknown[];
  type?: string;
  required?: string[];
  properties?: Record<string, SchemaNode>;
}

function resolve(node: SchemaNode, file: string): { node: SchemaNode; file: string } {
  if (!node.$ref) return { node, file };
  const [target = '', pointer = ''] = node.$ref.split('#');
  const targetFile = target || file;
  let found = loadSchemas().get(targetFile) as unknown;
  for (const part of pointer.split('/').filter(Boolean)) found = (found as Record<string, unknown>)[part];
  return resolve({ ...(found as SchemaNode), ...(node.title ? { title: node.title } : {}) }, targetFile);
}

/** Parses `--set key=value` (dotted keys for nested fields; the value is read as YAML: 2026 is a number, [a, b] a list). */
export function parseSets(sets: readonly string[]): Array<[string[], unknown]> {
  return sets.map((set) => {
    const at = set.indexOf('=');
    if (at <= 0) throw new UsageError({ id: 'setSyntax', data: { set } });
    const raw = set.slice(at + 1);
    let value: unknown = raw;
    try {
      value = parse(raw) ?? raw;
    } catch {
      value = raw; // not YAML: keep the text as it is
    }
    return [set.slice(0, at).split('.'), value];
  });
}

/** The YAML text of a new entity (after the schema line); missing required values are empty, with a comment saying what goes there. */
export function newEntityText(kind: Kind, id: string, sets: ReadonlyArray<[string[], unknown]>): { text: string; missing: string[] } {
  const file = schemaFiles[kind];
  const schema = loadSchemas().get(file) as SchemaNode;
  const data: Record<string, unknown> = {};
  const comments = new Map<string, string>();
  const skeleton = (node: SchemaNode, nodeFile: string, target: Record<string, unknown>, prefix: string[]): void => {
    for (const key of node.required ?? []) {
      const { node: property, file: propertyFile } = resolve(node.properties?.[key] ?? {}, nodeFile);
      if (property.type === 'object' && property.required) {
        const child: Record<string, unknown> = {};
        target[key] = child;
        skeleton(property, propertyFile, child, [...prefix, key]);
      } else {
        target[key] = property.type === 'array' ? [] : null;
        const choices = property.enum ? `: ${property.enum.join(' | ')}` : '';
        comments.set([...prefix, key].join('.'), ` ${property.title ?? key}${choices}`);
      }
    }
  };
  skeleton(schema, file, data, []);
  data['kind'] = kind;
  data['id'] = id;
  comments.delete('kind');
  comments.delete('id');
  for (const [path, value] of sets) {
    let target = data;
    path.slice(0, -1).forEach((step) => {
      if (typeof target[step] !== 'object' || target[step] === null || Array.isArray(target[step])) target[step] = {};
      target = target[step] as Record<string, unknown>;
    });
    target[path.at(-1)!] = value;
    comments.delete(path.join('.'));
  }
  // Given values must be right; only the values still to be filled in may be missing.
  const given = JSON.parse(JSON.stringify(data, (_key, value: unknown) => (value === null ? undefined : value))) as unknown;
  const wrong = validateEntity(given).filter((issue) => issue.message.id !== 'schemaRequired' && issue.message.id !== 'schemaMinItems');
  if (wrong.length > 0) throw new UsageError(wrong[0]!.message);

  const document = new Document(orderKeys(data, schema));
  for (const [path, comment] of comments) {
    const node = document.getIn(path.split('.'), true);
    if (isSeq(node)) node.flow = true; // an empty list to fill in reads as [] on its key's line
    if (isScalar(node) || isSeq(node)) node.comment = comment;
  }
  return { text: document.toString({ nullStr: '' }), missing: [...comments.keys()] };
}

/** kind and id first, then the schema's property order, so every new file reads alike. */
function orderKeys(data: Record<string, unknown>, schema: SchemaNode): Record<string, unknown> {
  const order = Object.keys(schema.properties ?? {});
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}


/** The schema of a dotted field of a kind ('vendor.name'), or undefined when the kind has no such field. */
export function fieldSchema(kind: Kind, path: readonly string[]): { type?: string; enum?: unknown[] } | undefined {
  let file: string = schemaFiles[kind];
  let node: SchemaNode = loadSchemas().get(file) as SchemaNode;
  for (const step of path) {
    const child = node.properties?.[step];
    if (!child) return undefined;
    ({ node, file } = resolve(child, file));
  }
  return node;
}

/** Every field of a kind as a dotted path (nested objects included), for "did you mean". */
export function fieldPaths(kind: Kind): string[] {
  const paths: string[] = [];
  const walk = (node: SchemaNode, file: string, prefix: string): void => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const { node: resolved, file: childFile } = resolve(child, file);
      paths.push(prefix + key);
      if (resolved.properties) walk(resolved, childFile, `${prefix}${key}.`);
    }
  };
  walk(loadSchemas().get(schemaFiles[kind]) as SchemaNode, schemaFiles[kind], '');
  return paths;
}

/** The `# yaml-language-server` line for a new file: the register's own copy of the schemas (itreg init) if it has one, else itreg's. */
export function schemaLine(config: Config, kind: Kind, file: string): string {
  const ownCopy = join(config.root, 'schema', schemaFiles[kind]);
  const schemaFile = existsSync(ownCopy) ? ownCopy : join(schemaDir, schemaFiles[kind]);
  return `# yaml-language-server: $schema=${relative(dirname(file), schemaFile).split(sep).join('/')}\n`;
}

/** The YAML text of a complete entity: keys in the schema's order, short lists of plain values on one line. */
export function entityText(kind: Kind, data: Record<string, unknown>): string {
  const document = new Document(orderKeys(data, loadSchemas().get(schemaFiles[kind]) as SchemaNode));
  visit(document, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return document.toString({ flowCollectionPadding: false });
}
