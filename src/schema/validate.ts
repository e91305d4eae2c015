// validateEntity()/validateConfig(): the JSON Schemas in /schema, compiled once by ajv; ajv errors become positioned issues.
import { isDeepStrictEqual } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { suggestion, type Message, type MessageId } from '../i18n/index.js';
import type { JsonPath, Target } from '../types/json-path.js';
import { NearestIndex, nearestName } from '../util/nearest.js';
import { packagePath } from '../util/paths.js';
import { schemaFiles, type EntityKinds } from '../types/entities.generated.js';
import { requireGeneratedValidators } from './generated-validators.js';

export type Kind = keyof EntityKinds;
export const kinds = Object.keys(schemaFiles) as Kind[];

export interface SchemaIssue {
  readonly path: JsonPath;
  readonly target: Target;
  readonly message: Message;
  /** The one nearest allowed value of a misspelt enum value: offered in the editor, never applied by itself. */
  readonly suggestion?: string;
}

/** The folder of the JSON Schemas (shipped with the package, beside dist/). */
export const schemaDir = packagePath('schema');

const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

export interface Validators {
  readonly entity: ReadonlyMap<string, ValidateFunction>;
  readonly config: ValidateFunction;
  readonly importMapping: ValidateFunction;
}

let compiled: Validators | undefined;
let parsed: ReadonlyMap<string, Record<string, unknown>> | undefined;

/** Every schema file in schema/, parsed once, by file name. */
export function loadSchemas(): ReadonlyMap<string, Record<string, unknown>> {
  parsed ??= new Map(
    readdirSync(schemaDir)
      .filter((name) => name.endsWith('.schema.json'))
      .map((file) => [file, JSON.parse(readFileSync(packagePath('schema', file), 'utf8')) as Record<string, unknown>]),
  );
  return parsed;
}

/**
 * The one ajv set-up, used at run time and by scripts/gen-validators.mjs, which compiles the schemas at build
 * time into dist/schema/validators.generated.cjs so start-up does not pay ajv's compilation (≈130 ms).
 */
export function createAjv(options: { code?: { source: boolean } } = {}): Ajv2020 {
  // Loaded here, not at the top: with the precompiled validators, lint never loads ajv's compiler at all.
  const require = createRequire(packagePath('package.json'));
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajvFormats = require('ajv-formats') as unknown;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTuples: false, allowUnionTypes: true, ...options });
  const addFormats = (ajvFormats as { default: (ajv: Ajv2020, formats: string[]) => void }).default;
  addFormats(ajv, ['date']);
  for (const [file, schema] of loadSchemas()) ajv.addSchema(schema, file);
  return ajv;
}

/** What the generated module exports: one validator per kind, and `config`. */
export const standaloneExports: Readonly<Record<string, string>> = { ...schemaFiles, config: 'itreg.schema.json', importMapping: 'import-mapping.schema.json' };

/** Compiles the schemas now (≈130 ms): the fallback when the build's precompiled validators are missing. */
export function compileValidators(): Validators {
  const ajv = createAjv();
  const get = (name: string): ValidateFunction => {
    const validate = ajv.getSchema(standaloneExports[name]!);
    if (!validate) throw new Error(`schema for ${name} did not compile`);
    return validate;
  };
  return { entity: new Map(Object.keys(schemaFiles).map((kind) => [kind, get(kind)])), config: get('config'), importMapping: get('importMapping') };
}

/** The validators scripts/gen-validators.mjs compiled at build time, if the build made them. */
export function generatedValidators(): Validators | undefined {
  let generated: Record<string, ValidateFunction>;
  try {
    generated = requireGeneratedValidators() as Record<string, ValidateFunction>;
  } catch {
    return undefined;
  }
  const { config, importMapping } = generated;
  if (!config || !importMapping) return undefined; // built before the mapping schema existed: compile instead
  return { entity: new Map(Object.keys(schemaFiles).map((kind) => [kind, generated[kind]!])), config, importMapping };
}

function validators(): Validators {
  compiled ??= generatedValidators() ?? compileValidators();
  return compiled;
}

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && Object.hasOwn(schemaFiles, value);
}

/**
 * What a kind's JSON Schema cannot know because itreg.yaml sets it: the number of `collaborationLevels`
 * (an empty list: none configured, no upper bound checked). A Config is one.
 */
export interface RegisterLimits {
  readonly collaborationLevels: readonly string[];
  /** The names of classification levels 0, 1, …; absent: KLASSA's five (0..4, which the schema checks). */
  readonly classificationLevels?: readonly string[];
}

const NO_ISSUES: readonly SchemaIssue[] = Object.freeze([]);

/**
 * Every schema issue of one entity's data; an empty list means the data is a valid entity of its kind. With `limits`,
 * also what itreg.yaml bounds: a `collaborationLevel` above the levels it names.
 */
export function validateEntity(data: unknown, limits?: RegisterLimits): readonly SchemaIssue[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return NO_ISSUES;
  const kind: unknown = (data as Record<string, unknown>)['kind'];
  if (kind === undefined) return [{ path: [], target: 'value', message: { id: 'missingKind', data: { kinds: kinds.join(', ') } } }];
  if (!isKind(kind)) {
    const near = typeof kind === 'string' ? nearestName(kind, kinds) : undefined;
    return [
      {
        path: ['kind'],
        target: 'value',
        message: { id: 'unknownKind', data: { kind: typeof kind === 'string' ? kind : JSON.stringify(kind), kinds: kinds.join(', '), suggestion: suggestion(near) } },
      },
    ];
  }
  const validate = validators().entity.get(kind)!;
  // One empty list for every valid entity (113,000 in a national register), not one each.
  const issues = validate(data) ? NO_ISSUES : toIssues(validate.errors ?? []);
  // The validator keeps its errors until its next run: 160,000 of them are 20 MB the rules need not carry.
  validate.errors = null;
  if (limits && kind === 'Application') {
    const record = data as Record<string, unknown>;
    const level = levelIssue(record['collaborationLevel'], limits.collaborationLevels);
    const classification = classificationIssues(record['classification'], limits.classificationLevels);
    if (level || classification.length > 0) return [...issues, ...(level ? [level] : []), ...classification];
  }
  return issues;
}

const CLASSIFICATION_ASPECTS = ['confidentiality', 'integrity', 'availability'] as const;

/**
 * A classification level 0..4 (the schema checks that) above the last level itreg.yaml's `classificationLevels` names:
 * with three names, levels are 0..2.
 */
function classificationIssues(classification: unknown, levels: readonly string[] | undefined): SchemaIssue[] {
  if (levels === undefined || levels.length >= 5 || typeof classification !== 'object' || classification === null) return [];
  const issues: SchemaIssue[] = [];
  const highest = levels.length - 1;
  for (const aspect of CLASSIFICATION_ASPECTS) {
    const level = (classification as Record<string, unknown>)[aspect];
    if (typeof level !== 'number' || !Number.isInteger(level) || level <= highest || level > 4) continue;
    const field = `classification.${aspect}`;
    const names = levels.map((name, i) => `${i} = ${name}`).join(', ');
    issues.push({ path: ['classification', aspect], target: 'value', message: { id: 'schemaClassificationAbove', data: { field, level, highest, names } } });
  }
  return issues;
}

/** A whole `collaborationLevel` ≥ 1 (the schema checks the rest) above the number of levels itreg.yaml names. */
function levelIssue(level: unknown, levels: readonly string[]): SchemaIssue | undefined {
  if (levels.length === 0 || typeof level !== 'number' || !Number.isInteger(level) || level <= levels.length) return undefined;
  const names = levels.map((name, i) => `${i + 1} = ${name}`).join(', ');
  return {
    path: ['collaborationLevel'],
    target: 'value',
    message: { id: 'schemaLevelAbove', data: { field: 'collaborationLevel', level, highest: levels.length, levels: { count: levels.length, of: 'collaborationLevel' }, names } },
  };
}

export function validateConfig(data: unknown): SchemaIssue[] {
  const validate = validators().config;
  return validate(data) ? [] : toIssues(validate.errors ?? []);
}

/** The issues of an `itreg import` mapping file (schema/import-mapping.schema.json). */
export function validateImportMapping(data: unknown): SchemaIssue[] {
  const validate = validators().importMapping;
  return validate(data) ? [] : toIssues(validate.errors ?? []);
}

/** Property names a schema allows at the place of an error, for "did you mean". */
/** Every unknown field of one schema asks the same names: one index per schema object. */
const propertyIndexes = new WeakMap<object, NearestIndex>();

function nearestProperty(name: string, error: ErrorObject): string | undefined {
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  if (!parent) return undefined;
  let index = propertyIndexes.get(parent);
  if (!index) {
    index = new NearestIndex(Object.keys(parent.properties ?? {}));
    propertyIndexes.set(parent, index);
  }
  return index.nearest(name);
}

/** The unknown-field issues named at one object; by field once a second run of them comes there. */
/** The unknown fields named at one object: in the first run as a list, from a second run on as a set to look up. */
interface UnknownFields {
  readonly named: string[];
  fields: Set<string> | undefined;
}

/** Exported for its test. */
export function toIssues(errors: readonly ErrorObject[]): SchemaIssue[] {
  const kept = pruneOneOf(errors);
  const issues: SchemaIssue[] = [];
  // Two errors can make the same issue (branches of a oneOf, a definition reached twice): drop the repeats, an
  // issue at the same path with the same message. Unknown fields, the one kind that comes by the thousand (160,000
  // in one generated file), come in runs: one per schema that checked an object's keys, naming each field once. A
  // first run at an object is kept as it comes; a later run there is compared with the fields named before it.
  // Other issues are compared with the earlier ones at their path.
  const atPath = new Map<string, SchemaIssue[]>();
  const unknownAt = new Map<string, UnknownFields>();
  let run: { readonly error: ErrorObject; readonly first: string; readonly at: UnknownFields } | undefined;
  const repeats = (issue: SchemaIssue) => (other: SchemaIssue) => other.message.id === issue.message.id && isDeepStrictEqual(other.message.data, issue.message.data);
  const suggest = { left: MAX_SUGGESTIONS };
  const paths = new Map<string, JsonPath>();
  for (const error of kept) {
    const issue = toIssue(error, suggest, paths);
    if (!issue) continue;
    if (error.keyword === 'additionalProperties' && issue.message.id === 'schemaUnknownField') {
      const field = String(issue.path[issue.path.length - 1]);
      // The same object and schema, and not its first field again (a loop names each field once): the same run.
      if (run === undefined || run.error.instancePath !== error.instancePath || run.error.schemaPath !== error.schemaPath || run.first === field) {
        let at = unknownAt.get(error.instancePath);
        if (at === undefined) {
          at = { named: [], fields: undefined };
          unknownAt.set(error.instancePath, at);
        } else {
          at.fields ??= new Set(at.named);
        }
        run = { error, first: field, at };
      }
      // A field another schema already named at this object is a repeat, whatever its "did you mean" (the suggestions
      // run out after the first MAX_SUGGESTIONS, so a repeat may come without one).
      const { fields } = run.at;
      if (fields === undefined) run.at.named.push(field);
      else if (fields.has(field)) continue;
      else fields.add(field);
      issues.push(issue);
      continue;
    }
    const key = issue.path.join('\u0000');
    const same = atPath.get(key);
    if (same?.some(repeats(issue))) continue;
    if (same) same.push(issue);
    else atPath.set(key, [issue]);
    issues.push(issue);
  }
  return issues;
}

/**
 * A oneOf (the cost split, a rule setting) fails in every branch. Keep the errors of the branch whose
 * type fits the value, so `{ shares: { amal: x } }` says what is wrong inside; otherwise one summary error.
 */
function pruneOneOf(errors: readonly ErrorObject[]): readonly ErrorObject[] {
  // Most lists have nothing to prune (160,000 unknown fields of one object are passed on without a copy).
  if (!errors.some((error) => error.keyword === 'if' || error.keyword === 'oneOf' || ('propertyName' in error && error.propertyName !== undefined))) return errors;
  let result = errors.filter((error) => error.keyword !== 'if' && !('propertyName' in error && error.propertyName !== undefined));
  for (const error of errors.filter((e) => e.keyword === 'oneOf')) {
    const branches = (Array.isArray(error.schema) ? error.schema : []) as Array<{ type?: unknown }>;
    const fits = branches.some((branch) => branchFits(branch, error.data));
    const at = error.instancePath;
    result = result.filter((other) => {
      if (other === error) return !fits;
      const inside = other.instancePath === at || other.instancePath.startsWith(`${at}/`);
      if (!inside) return true;
      // The value fits a structured branch: drop only the scalar branches' complaints about the value itself.
      return fits && !(other.instancePath === at && ['type', 'enum', 'const'].includes(other.keyword));
    });
  }
  return result;
}

function branchFits(branch: { type?: unknown }, data: unknown): boolean {
  if (branch.type === 'object') return typeof data === 'object' && data !== null && !Array.isArray(data);
  if (branch.type === 'array') return Array.isArray(data);
  return false;
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function fieldName(path: JsonPath): string {
  return path.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : text ? `${text}.${step}` : step), '');
}

const typeMessages: Record<string, MessageId> = {
  string: 'typeString',
  number: 'typeNumber',
  integer: 'typeInteger',
  boolean: 'typeBoolean',
  array: 'typeArray',
  object: 'typeObject',
};

/** What a field takes, in words, for an empty value: one of the enum's values, a date, an id, or the type. */
function expectedValue(error: ErrorObject): Message {
  const schema = (error.parentSchema ?? {}) as { enum?: unknown[]; pattern?: string; format?: string; type?: unknown };
  if (error.keyword === 'enum' || Array.isArray(schema.enum)) return { id: 'expectedOneOf', data: { allowed: (schema.enum ?? []).map(String).join(', ') } };
  if (schema.pattern === DATE_PATTERN || schema.format === 'date') return { id: 'expectedDate' };
  if (schema.pattern === ID_PATTERN) return { id: 'expectedId' };
  const type = String(Array.isArray(schema.type) ? schema.type[0] : schema.type);
  return { id: typeMessages[type] ?? 'typeString' };
}

/**
 * "Did you mean" for at most this many unknown fields of one entity: a file with more is no typo, and looking up each
 * of 160,000 generated keys took a third of the time its lint took.
 */
const MAX_SUGGESTIONS = 1000;

/**
 * The path of a step below `path`, in a list of just that length: a spread's list keeps room for 16 more steps (128
 * bytes a field, 20 MB at 160,000 unknown fields), and concat is three times slower.
 */
function childPath(path: JsonPath, step: string): JsonPath {
  if (path.length === 0) return [step];
  const child = new Array<string | number>(path.length + 1);
  for (let i = 0; i < path.length; i++) child[i] = path[i]!;
  child[path.length] = step;
  return child;
}

/** `paths`: the JSON path of each instance path seen, parsed once (160,000 unknown fields share one). */
function toIssue(error: ErrorObject, suggest: { left: number }, paths: Map<string, JsonPath>): SchemaIssue | undefined {
  let path = paths.get(error.instancePath);
  if (path === undefined) {
    path = pathOf(error.instancePath);
    paths.set(error.instancePath, path);
  }
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    // The one issue that comes by the thousand: made without the field name of its object, which it does not show.
    const extra = String(params['additionalProperty']);
    const near = suggest.left-- > 0 ? nearestProperty(extra, error) : undefined;
    const where = childPath(path, extra);
    return { path: where, target: 'key', message: { id: 'schemaUnknownField', data: { field: fieldName(where), suggestion: suggestion(near) } } };
  }
  const here = path;
  const at = (message: Message, target: Target = 'value', where: JsonPath = here): SchemaIssue => ({ path: where, target, message });
  const field = fieldName(path) || 'kind';
  if (error.keyword === 'propertyNames') {
    // The key itself is wrong: a population year, a share's municipality id.
    const keyPath = childPath(path, String(params['propertyName']));
    const pattern = (error.schema as { pattern?: string }).pattern;
    const message: Message = pattern ? { id: 'schemaPattern', data: { field: fieldName(keyPath), pattern } } : { id: 'schemaId', data: { field: fieldName(keyPath) } };
    return at(message, 'key', keyPath);
  }
  // An empty value (`name:` as `itreg new` leaves it to fill in): say what to fill in, not that null is the wrong type.
  if (error.data === null && (error.keyword === 'type' || error.keyword === 'enum')) return at({ id: 'schemaEmpty', data: { field, expected: expectedValue(error) } });
  switch (error.keyword) {
    case 'required': {
      const missing = String(params['missingProperty']);
      return at({ id: 'schemaRequired', data: { field: fieldName([...path, missing]) } });
    }
    case 'dependentRequired': {
      // `renewal` and `options` need an `end` (schema dependentRequired).
      const missing = String(params['missingProperty']);
      return at({ id: 'schemaRequiredWith', data: { field: fieldName([...path, missing]), given: fieldName([...path, String(params['property'])]) } });
    }
    case 'type': {
      const types = String(params['type']).split(',');
      const expected = types.map((t) => ({ id: typeMessages[t] ?? 'typeString' }));
      return at({ id: 'schemaType', data: { field, expected: expected[0] } });
    }
    case 'enum': {
      // The country list (common.schema.json#/$defs/country) has 249 codes: name the standard, not every code.
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      if (error.schemaPath.endsWith('/$defs/country/enum')) {
        const near = nearestCountry(String(error.data), allowed);
        const issue = at({ id: 'schemaCountry', data: { field, value: String(error.data), suggestion: suggestion(near) } });
        return near === undefined ? issue : { ...issue, suggestion: near };
      }
      const issue = at({ id: 'schemaEnum', data: { field, allowed: allowed.join(', ') } });
      const near = typeof error.data === 'string' ? nearestName(error.data, allowed) : undefined;
      return near === undefined ? issue : { ...issue, suggestion: near };
    }
    case 'const':
      return at({ id: 'schemaConst', data: { field, expected: String(params['allowedValue']) } });
    case 'pattern': {
      const pattern = String(params['pattern']);
      if (pattern === ID_PATTERN) return at({ id: 'schemaId', data: { field } });
      if (pattern === DATE_PATTERN) return at({ id: 'schemaDate', data: { field } });
      return at({ id: 'schemaPattern', data: { field, pattern } });
    }
    case 'format':
      return at({ id: 'schemaDate', data: { field } });
    case 'minItems':
    case 'minProperties':
      return at({ id: 'schemaMinItems', data: { field, items: { count: Number(params['limit']), of: 'value' } } });
    case 'uniqueItems':
      return at({ id: 'schemaUniqueItems', data: { field, i: Number(params['j']) + 1, j: Number(params['i']) + 1 } });
    case 'minimum':
    case 'exclusiveMinimum':
      return at({ id: 'schemaMinimum', data: { field, limit: Number(params['limit']) } });
    case 'maximum':
    case 'exclusiveMaximum':
      return at({ id: 'schemaMaximum', data: { field, limit: Number(params['limit']) } });
    case 'minLength':
      return at({ id: 'schemaMinLength', data: { field } });
    case 'maxLength':
      return at({ id: 'schemaMaxLength', data: { field, length: typeof error.data === 'string' ? [...error.data].length : 0, limit: Number(params['limit']) } });
    case 'oneOf':
      return at({ id: path[0] === 'rules' ? 'schemaRuleSetting' : 'schemaSplit', data: { field } });
    default:
      return at({ id: 'schemaOther', data: { field, detail: error.message ?? error.keyword } });
  }
}

/**
 * Every field path a kind's schema allows, dotted as `list --where` and `--sort` write them (`holder.title`,
 * `lifecycle.status`); an array of objects is one field, its items' fields are not paths of their own.
 */
export function fieldPaths(kind: Kind): readonly string[] {
  const schemas = loadSchemas();
  const resolve = (node: Record<string, unknown>, file: string): [Record<string, unknown>, string] => {
    const ref = node['$ref'];
    if (typeof ref !== 'string') return [node, file];
    const [target = '', pointer = ''] = ref.split('#');
    const targetFile = target === '' ? file : target;
    let found: unknown = schemas.get(targetFile);
    for (const step of pointer.split('/').filter(Boolean)) found = (found as Record<string, unknown> | undefined)?.[step];
    return typeof found === 'object' && found !== null ? resolve(found as Record<string, unknown>, targetFile) : [{}, targetFile];
  };
  const paths: string[] = [];
  const walk = (node: Record<string, unknown>, file: string, prefix: string): void => {
    const [schema, at] = resolve(node, file);
    const properties = schema['properties'];
    if (typeof properties !== 'object' || properties === null) return;
    for (const [key, child] of Object.entries(properties as Record<string, Record<string, unknown>>)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      paths.push(path);
      walk(child, at, path);
    }
  };
  const file = schemaFiles[kind];
  const root = schemas.get(file);
  if (root) walk(root, file, '');
  return paths;
}

/** Codes people write for a country that ISO 3166-1 alpha-2 spells otherwise: the EU's UK and EL, and alpha-3 codes. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR', USA: 'US', GBR: 'GB', SWE: 'SE', NOR: 'NO', DNK: 'DK', FIN: 'FI', DEU: 'DE', IRL: 'IE', NLD: 'NL' };

/** The ISO code meant by a country code the schema refused: "UK" is GB, "EL" GR, "se" SE; else nothing. */
function nearestCountry(value: string, allowed: readonly string[]): string | undefined {
  const upper = value.toUpperCase();
  const near = COUNTRY_ALIASES[upper] ?? upper;
  return near !== value && allowed.includes(near) ? near : undefined;
}
