// newEntityText(): a new entity file from its kind's JSON Schema (required fields, with their titles as comments), so a new kind or field needs no code change.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { Document, isScalar, isSeq, parse, visit } from 'yaml';
import { UsageError } from '../errors.js';
import { suggestNearest } from '../i18n/index.js';
import { kinds, loadSchemas, validateEntity, type Kind, type RegisterLimits } from '../schema/validate.js';
import { schemaDir } from '../schema/validate.js';
import { schemaFiles } from '../types/entities.generated.js';
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
  Processing: 'processing',
  Supplier: 'suppliers',
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

/** Key steps that would reach an object's prototype: refused, so `--set __proto__.x=1` cannot pollute one. */
const FORBIDDEN_STEPS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses `--set key=value` (dotted keys for nested fields). The value is read as a YAML scalar (2026 is a number,
 * true a boolean) or a flow list of scalars ([a, b]); anything else, such as `GIS: kartor` (which YAML would read as
 * a map), stays the text as given. A word without `=` continues the value before it, so the unquoted
 * `--set holder.title=Plan- och byggchef` is the title "Plan- och byggchef".
 */
export function parseSets(sets: readonly string[]): Array<[string[], unknown]> {
  const joined: string[] = [];
  for (const set of sets) {
    if (set.indexOf('=') <= 0 && joined.length > 0) joined[joined.length - 1] += ` ${set}`;
    else joined.push(set);
  }
  return joined.map((set) => {
    const at = set.indexOf('=');
    if (at <= 0) throw new UsageError({ id: 'setSyntax', data: { set } });
    const path = set.slice(0, at).split('.');
    const bad = path.find((step) => FORBIDDEN_STEPS.has(step) || step === '');
    if (bad !== undefined) throw new UsageError({ id: 'setBadKey', data: { set, key: set.slice(0, at) } });
    return [path, scalarValue(set.slice(at + 1))];
  });
}

function isScalarValue(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** The YAML reading of a value when it is a scalar or a list of scalars; else the text itself. */
function scalarValue(raw: string): unknown {
  let value: unknown;
  try {
    value = parse(raw);
  } catch {
    return raw; // not YAML: keep the text as it is
  }
  if (value === null || value === undefined) return raw === '' ? raw : null;
  if (isScalarValue(value)) return value;
  if (Array.isArray(value) && value.every(isScalarValue)) return value;
  return raw;
}

/** An `if`/`then` of a kind's schema: a field required only on a condition (a department's `municipality`). */
interface Conditional {
  readonly if: SchemaNode;
  readonly then: SchemaNode & { description?: string };
}

function conditionalsOf(schema: SchemaNode & { if?: SchemaNode; then?: SchemaNode; allOf?: SchemaNode[] }): Conditional[] {
  const all = [schema, ...(schema.allOf ?? [])] as Array<{ if?: SchemaNode; then?: SchemaNode }>;
  return all.filter((node): node is Conditional => node.if !== undefined && node.then !== undefined);
}

export interface NewEntity {
  readonly text: string;
  /** Required fields left empty to fill in, dotted. */
  readonly missing: string[];
  /** Fields required on a condition that depends on a value still to fill in: fill in where it applies, else remove. */
  readonly conditional: string[];
}

/**
 * The YAML text of a new entity (after the schema line): every required field, given by `sets` or empty with a comment
 * saying what goes there. A field required on a condition (`if`/`then`, `dependentRequired`) is written when the given
 * values meet the condition, and, with the condition in its comment, when the condition depends on a value still empty.
 * `limits` are itreg.yaml's (the collaboration levels): a given value must pass them too.
 */
export function newEntityText(kind: Kind, id: string, sets: ReadonlyArray<[string[], unknown]>, limits: RegisterLimits): NewEntity {
  const file = schemaFiles[kind];
  const schema = loadSchemas().get(file) as SchemaNode;
  const data: Record<string, unknown> = {};
  const comments = new Map<string, string>();
  const placeholder = (target: Record<string, unknown>, key: string, property: SchemaNode, propertyFile: string, prefix: string[], note = ''): void => {
    if (property.type === 'object' && property.required) {
      const child: Record<string, unknown> = {};
      target[key] = child;
      skeleton(property, propertyFile, child, [...prefix, key]);
    } else {
      target[key] = property.type === 'array' ? [] : null;
      const choices = property.enum ? `: ${property.enum.join(' | ')}` : '';
      comments.set([...prefix, key].join('.'), ` ${property.title ?? key}${choices}${note}`);
    }
  };
  const skeleton = (node: SchemaNode, nodeFile: string, target: Record<string, unknown>, prefix: string[]): void => {
    for (const key of node.required ?? []) {
      const { node: property, file: propertyFile } = resolve(node.properties?.[key] ?? {}, nodeFile);
      placeholder(target, key, property, propertyFile, prefix);
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
      if (!Object.hasOwn(target, step) || typeof target[step] !== 'object' || target[step] === null || Array.isArray(target[step])) target[step] = {};
      target = target[step] as Record<string, unknown>;
    });
    target[path.at(-1)!] = value;
    comments.delete(path.join('.'));
  }
  const givenData = (): unknown => JSON.parse(JSON.stringify(data, (_key, value: unknown) => (value === null ? undefined : value))) as unknown;
  // Fields the given values make required (a department's municipality, an end for renewal): the schema says which.
  for (const issue of validateEntity(givenData(), limits)) {
    const field = issue.message.data?.['field'];
    if ((issue.message.id !== 'schemaRequired' && issue.message.id !== 'schemaRequiredWith') || typeof field !== 'string' || field.includes('.')) continue;
    if (Object.hasOwn(data, field)) continue; // a placeholder already
    const { node: property, file: propertyFile } = resolve(schema.properties?.[field] ?? {}, file);
    placeholder(data, field, property, propertyFile, []);
  }
  // Fields whose condition depends on a value still to fill in: written with the condition, to fill in or remove.
  const conditional: string[] = [];
  for (const { if: condition, then } of conditionalsOf(schema)) {
    const on = [...(condition.required ?? []), ...Object.keys(condition.properties ?? {})];
    if (!on.some((field) => comments.has(field))) continue;
    for (const key of then.required ?? []) {
      if (Object.hasOwn(data, key)) continue;
      const { node: property, file: propertyFile } = resolve(schema.properties?.[key] ?? {}, file);
      placeholder(data, key, property, propertyFile, [], then.description ? ` (${then.description})` : '');
      conditional.push(key);
    }
  }
  // Given values must be right; only the values still to be filled in may be missing.
  const wrong = validateEntity(givenData(), limits).filter((issue) => !['schemaRequired', 'schemaRequiredWith', 'schemaMinItems'].includes(issue.message.id));
  if (wrong.length > 0) throw new UsageError(wrong[0]!.message);

  const document = new Document(orderKeys(data, schema));
  for (const [path, comment] of comments) {
    const node = document.getIn(path.split('.'), true);
    if (isSeq(node)) node.flow = true; // an empty list to fill in reads as [] on its key's line
    if (isScalar(node) || isSeq(node)) node.comment = comment;
  }
  const missing = [...comments.keys()].filter((path) => !conditional.includes(path));
  return { text: document.toString({ nullStr: '' }), missing, conditional };
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

/**
 * The `# yaml-language-server` line for a new file: the register's own copy of the schemas (itreg init writes one);
 * else itreg's, where itreg is installed inside the register's folder (node_modules/itreg/schema, the same path in
 * every clone after npm ci); else '' (no line): a path into a global npm folder or another checkout names one
 * machine, and would be committed.
 */
export function schemaLine(config: Config, kind: Kind, file: string): string {
  const ownCopy = join(config.root, 'schema', schemaFiles[kind]);
  const installed = join(schemaDir, schemaFiles[kind]);
  const fromRoot = relative(config.root, installed);
  const schemaFile = existsSync(ownCopy) ? ownCopy : !fromRoot.startsWith('..') && !isAbsolute(fromRoot) ? installed : undefined;
  return schemaFile === undefined ? '' : `# yaml-language-server: $schema=${relative(dirname(file), schemaFile).split(sep).join('/')}\n`;
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

/** The fields of the object at `path` in a kind (top level: `[]`) in the schema's order, where editYaml puts a new key. */
export function fieldOrder(kind: Kind, path: readonly string[]): string[] {
  let file: string = schemaFiles[kind];
  let node: SchemaNode = loadSchemas().get(file) as SchemaNode;
  for (const step of path) {
    const child = node.properties?.[step];
    if (!child) return [];
    ({ node, file } = resolve(child, file));
  }
  return Object.keys(node.properties ?? {});
}
