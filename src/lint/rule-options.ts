// checkRuleOptions(): the options each rule is given in itreg.yaml, checked against the small JSON Schema the rule
// declares (optionsSchema), so `{ warnMonth: 24 }` or `warnMonths: "x"` stops with exit 2 instead of passing in silence.
import { ConfigError, UsageError } from '../errors.js';
import { suggestNearest, translator, type Language, type Message } from '../i18n/index.js';
import type { Config, Severity } from '../register/config.js';
import { isRuleId, ruleIds } from '../rules/index.js';
import { locate } from '../register/positions.js';
import type { OptionsSchema, Rule } from '../rules/define-rule.js';

interface PropertySchema {
  readonly type?: 'integer' | 'number' | 'string' | 'boolean';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
}

/** The first problem with one option's value, as a catalogue message; undefined when the value fits. */
function valueProblem(field: string, value: unknown, schema: PropertySchema): Message | undefined {
  switch (schema.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return { id: 'schemaType', data: { field, expected: { id: 'typeInteger' } } };
      break;
    case 'number':
      if (typeof value !== 'number') return { id: 'schemaType', data: { field, expected: { id: 'typeNumber' } } };
      break;
    case 'string':
      if (typeof value !== 'string') return { id: 'schemaType', data: { field, expected: { id: 'typeString' } } };
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return { id: 'schemaType', data: { field, expected: { id: 'typeBoolean' } } };
      break;
    default:
      break;
  }
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) return { id: 'schemaMinimum', data: { field, limit: schema.minimum } };
  if (schema.maximum !== undefined && typeof value === 'number' && value > schema.maximum) return { id: 'schemaMaximum', data: { field, limit: schema.maximum } };
  if (schema.enum !== undefined && !schema.enum.includes(value)) return { id: 'schemaEnum', data: { field, allowed: schema.enum.map(String).join(', ') } };
  return undefined;
}

/** Throws a ConfigError at the first rule option in itreg.yaml that the rule does not declare or whose value does not fit. */
export function checkRuleOptions(config: Config, rules: readonly Rule[], language?: Language): void {
  const t = translator(language ?? config.language);
  for (const [id, setting] of Object.entries(config.rules)) {
    if (!Array.isArray(setting) || setting[1] === undefined) continue;
    const rule = rules.find((r) => r.id === id);
    if (!rule) continue;
    const schema: OptionsSchema = rule.optionsSchema ?? { type: 'object', additionalProperties: false, properties: {} };
    for (const [key, value] of Object.entries(setting[1])) {
      const field = `rules.${id}[1].${key}`;
      const property = schema.properties[key] as PropertySchema | undefined;
      const problem: Message | undefined = property
        ? valueProblem(field, value, property)
        : { id: 'schemaUnknownField', data: { field, suggestion: suggestNearest(key, Object.keys(schema.properties)) } };
      if (!problem) continue;
      const { line, column } = locate(config.source, ['rules', id, 1, key], property ? 'value' : 'key');
      throw new ConfigError(`itreg.yaml:${line}:${column}: ${t(problem)}`);
    }
  }
}

/** --rule ID=SEVERITY, each checked: an unknown rule (with the nearest id) or severity is a usage error. */
export function parseRuleOverrides(values: readonly string[] = []): Record<string, Severity> {
  const overrides: Record<string, Severity> = {};
  for (const value of values) {
    const [id = '', severity = ''] = value.split('=');
    if (!isRuleId(id)) {
      throw new UsageError({ id: 'ruleOptionUnknown', data: { value, id, suggestion: suggestNearest(id, ruleIds) } });
    }
    if (severity !== 'off' && severity !== 'warning' && severity !== 'error') {
      throw new UsageError({ id: 'ruleOptionSeverity', data: { value } });
    }
    overrides[id] = severity;
  }
  return overrides;
}
