// --print-config: the configuration a lint runs with, as JSON: itreg.yaml with its defaults filled in, every rule with its severity and options.
import type { Config, Severity } from '../register/config.js';
import type { Rule } from '../rules/define-rule.js';
import { ruleSetting } from './run-rules.js';

/** The configuration in force (itreg.yaml, its defaults, and --rule over both), in itreg.yaml's own shape. */
export function configInForce(config: Config, rules: readonly Rule[], overrides: Readonly<Record<string, Severity>> = {}): Record<string, unknown> {
  const ruleSettings = Object.fromEntries(
    rules.map((rule) => {
      const { severity, options } = ruleSetting(rule, config, overrides);
      // As itreg.yaml takes it: a severity, or [severity, options] for a rule that has options.
      return [rule.id, Object.keys(options).length > 0 || rule.optionsSchema ? [severity, options] : severity];
    }),
  );
  return {
    name: config.name,
    register: config.register,
    ignore: config.ignore,
    language: config.language,
    currency: config.currency,
    timeZone: config.timeZone,
    collaborationLevels: config.collaborationLevels,
    classificationLevels: config.classificationLevels,
    populationYear: config.populationYear,
    populationFallback: config.populationFallback,
    rounding: config.rounding,
    report: { proposals: config.proposals },
    rules: ruleSettings,
    exceptions: config.exceptions,
  };
}
