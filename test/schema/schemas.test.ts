// The JSON Schemas: accept/reject tables per kind, documentation on every field, and the generated types kept in step.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { toIssues, validateConfig, validateEntity, schemaDir } from '../../src/schema/validate.js';
import { ruleIds } from '../../src/rules/index.js';
import { projectRoot } from '../helpers.js';

const valid: Record<string, object> = {
  Municipality: { kind: 'Municipality', id: 'amal', name: 'Åmål', member: true, population: { 2024: 12006 } },
  Unit: { kind: 'Unit', id: 'it-amal', name: 'IT-enheten', type: 'it-unit', municipality: 'amal' },
  Application: { kind: 'Application', id: 'gis', name: 'GIS', type: 'business', municipalities: ['amal'] },
  RoleAssignment: { kind: 'RoleAssignment', id: 'gis-owner', role: 'system-owner', application: 'gis', holder: { title: 'Chef', unit: 'it-amal' }, from: '2024-01-01' },
  Agreement: { kind: 'Agreement', id: 'gis-support', name: 'Support', type: 'support', application: 'gis', start: '2024-01-01', split: { shares: { amal: 100 } }, decision: 'KS § 1' },
  TrainingPlan: { kind: 'TrainingPlan', id: 'plan', name: 'Plan', audience: 'users', applications: ['gis'], updated: '2026-01-01', activities: [{ title: 'Kurs', date: '2026-02-01' }] },
  Investment: { kind: 'Investment', id: 'inv', name: 'Inv', year: 2026, amount: 1000.5, split: 'equal', decision: 'KS § 2' },
  Document: { kind: 'Document', id: 'policy', name: 'IT-policy', type: 'policy', adopted: '2022-02-23', validYears: 5 },
};

const invalid: Array<[string, object, string, RegExp]> = [
  ['Municipality: population key not a year', { ...valid['Municipality'], population: { '20x4': 5 } }, 'population.20x4', /pattern/],
  ['Municipality: member not boolean', { ...valid['Municipality'], member: 'ja' }, 'member', /type/],
  ['Unit: bad type', { ...valid['Unit'], type: 'it' }, 'type', /enum/],
  ['Application: no municipalities', { ...valid['Application'], municipalities: [] }, 'municipalities', /minItems/i],
  ['Application: shared without level', { ...valid['Application'], municipalities: ['amal', 'mellerud'] }, 'collaborationLevel', /Required/],
  ['Application: unknown lifecycle status', { ...valid['Application'], lifecycle: { status: 'dead' } }, 'lifecycle.status', /enum/],
  ['Application: vendor without name', { ...valid['Application'], vendor: { product: 'X' } }, 'vendor.name', /Required/],
  ['RoleAssignment: owner without application', { ...valid['RoleAssignment'], application: undefined }, 'application', /Required/],
  ['RoleAssignment: holder without unit', { ...valid['RoleAssignment'], holder: { title: 'Chef' } }, 'holder.unit', /Required/],
  ['RoleAssignment: a date not written YYYY-MM-DD (a day the calendar lacks is date-order)', { ...valid['RoleAssignment'], from: '2024-2-3' }, 'from', /Date/],
  ['Agreement: split as number', { ...valid['Agreement'], split: 5 }, 'split', /Split/],
  ['Agreement: share not a number', { ...valid['Agreement'], split: { shares: { amal: 'hundred' } } }, 'split.shares.amal', /Type/],
  ['TrainingPlan: bad audience', { ...valid['TrainingPlan'], audience: 'all' }, 'audience', /Enum/],
  ['Investment: missing amount', { ...valid['Investment'], amount: undefined }, 'amount', /Required/],
  ['Document: validYears 0', { ...valid['Document'], validYears: 0 }, 'validYears', /Minimum/],
  ['Document: id with capitals', { ...valid['Document'], id: 'IT-Policy' }, 'id', /Id/],
];

function clean(data: object): object {
  return JSON.parse(JSON.stringify(data)) as object; // drops the undefined fields
}

describe('entity schemas', () => {
  it.each(Object.entries(valid))('accepts a valid %s', (_kind, data) => {
    expect(validateEntity(data)).toEqual([]);
  });

  it.each(invalid)('rejects %s', (_name, data, field, message) => {
    const issues = validateEntity(clean(data));
    expect(issues.length).toBeGreaterThan(0);
    const fields = issues.map((issue) => String(issue.message.data?.['field']));
    expect(fields).toContain(field);
    expect(issues.map((issue) => issue.message.id).join(' ')).toMatch(new RegExp(message.source, 'i'));
  });

  it('rejects unknown fields with the nearest known name', () => {
    const [issue] = validateEntity({ ...valid['Unit'], munipality: 'amal' });
    expect(issue).toMatchObject({ path: ['munipality'], target: 'key', message: { id: 'schemaUnknownField' } });
    expect(issue?.message.data?.['suggestion']).toEqual({ id: 'suggestion', data: { name: 'municipality' } });
  });
});

describe('the configuration schema', () => {
  it('accepts the DESIGN.md example', () => {
    expect(
      validateConfig({
        name: 'Dalslandskommunerna',
        register: 'register',
        language: 'sv',
        currency: 'SEK',
        collaborationLevels: ['Erfarenhetsutbyte'],
        populationYear: 'previous',
        rounding: 'krona',
        rules: { 'agreement-expiry': ['error', { warnMonths: 6 }], 'text-encoding': 'warning' },
        exceptions: [{ rule: 'training-plan', entity: 'telefoni', reason: 'Beslut', until: '2027-06-30' }],
      }),
    ).toEqual([]);
  });

  it('names the nearest rule for an unknown rule id', () => {
    const [issue] = validateConfig({ rules: { 'text-encodng': 'warning' } });
    expect(issue?.message.data?.['suggestion']).toEqual({ id: 'suggestion', data: { name: 'text-encoding' } });
  });

  it('lists exactly the registered rules', () => {
    const schema = JSON.parse(readFileSync(join(schemaDir, 'itreg.schema.json'), 'utf8')) as { properties: { rules: { properties: object } } };
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...ruleIds].sort());
  });
});

describe('schema files', () => {
  const files = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json'));

  it.each(files)('%s is documented in Swedish and English on every field', (file) => {
    const schema = JSON.parse(readFileSync(join(schemaDir, file), 'utf8')) as Record<string, unknown>;
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toMatch(new RegExp(`/${file}$`));
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, Record<string, unknown>> }).properties ?? {};
      for (const [name, property] of Object.entries(properties)) {
        const documented = typeof property['$ref'] === 'string' || (typeof property['title'] === 'string' && / — /.test(String(property['description'])));
        if (!documented) undocumented.push(`${path}.${name}`);
        walk(property, `${path}.${name}`);
        walk(property['items'], `${path}.${name}[]`);
      }
      for (const value of Object.values((node as { $defs?: object }).$defs ?? {})) walk(value, `${path}.$defs`);
    };
    walk(schema, file);
    expect(undocumented).toEqual([]);
  });

  it('keeps src/schema/types.generated.ts in step with the schemas', () => {
    const result = spawnSync(process.execPath, ['scripts/gen-types.mjs', '--check'], { cwd: projectRoot, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the precompiled validators (scripts/gen-validators.mjs)', () => {
  it('exist after the build and judge exactly as a fresh compile does', async () => {
    const { compileValidators, generatedValidators } = await import('../../src/schema/validate.js');
    const generated = generatedValidators();
    expect(generated).toBeDefined();
    const fresh = compileValidators();
    const samples = [...Object.values(valid), ...invalid.map(([, data]) => clean(data)), { kind: 'Unit', id: 'x', name: 'X', type: 'it-unit', extra: { deep: [1] } }];
    for (const sample of samples) {
      const kind = (sample as { kind: string }).kind;
      const a = generated!.entity.get(kind)!;
      const b = fresh.entity.get(kind)!;
      expect(a(sample)).toBe(b(sample));
      expect(a.errors?.map((e) => [e.instancePath, e.keyword])).toEqual(b.errors?.map((e) => [e.instancePath, e.keyword]));
    }
  });
});

describe('schema errors that repeat (toIssues)', () => {
  const parentSchema = { type: 'object', additionalProperties: false, properties: { name: {}, notes: {} } };
  const unknown = (instancePath: string, schemaPath: string, field: string): ErrorObject =>
    ({
      keyword: 'additionalProperties',
      instancePath,
      schemaPath,
      params: { additionalProperty: field },
      message: 'must NOT have additional properties',
      schema: false,
      parentSchema,
      data: {},
    }) as ErrorObject;
  const typeError = (instancePath: string): ErrorObject =>
    ({
      keyword: 'type',
      instancePath,
      schemaPath: '#/properties/x/type',
      params: { type: 'string' },
      message: 'must be string',
      schema: 'string',
      parentSchema: { type: 'string' },
      data: 1,
    }) as ErrorObject;
  const paths = (errors: ErrorObject[]) => toIssues(errors).map((issue) => `${issue.path.join('.')} ${issue.message.id}`);

  it('keeps each unknown field of an object once, however many schemas named it', () => {
    const run = (instancePath: string, schemaPath: string, fields: string[]) => fields.map((field) => unknown(instancePath, schemaPath, field));
    expect(
      paths([
        ...run('', '#/additionalProperties', ['a', 'b', 'c']),
        typeError('/a'),
        // The same definition reached twice: the same run again, from its first field.
        ...run('', '#/additionalProperties', ['a', 'b', 'c']),
        // Another schema at the same object, with one field more.
        ...run('', '#/oneOf/1/additionalProperties', ['b', 'nam', 'd']),
        ...run('/x', '#/additionalProperties', ['a']),
        ...run('/x', '#/additionalProperties', ['a']),
        typeError('/a'),
      ]),
    ).toEqual(['a schemaUnknownField', 'b schemaUnknownField', 'c schemaUnknownField', 'a schemaType', 'nam schemaUnknownField', 'd schemaUnknownField', 'x.a schemaUnknownField']);
  });

  it('keeps 160,000 unknown fields of one object, each once, in order', () => {
    const fields = Array.from({ length: 160_000 }, (_, i) => `field${i}`);
    const issues = toIssues(fields.map((field) => unknown('', '#/additionalProperties', field)));
    expect(issues.map((issue) => issue.path[0])).toEqual(fields);
  });
});
