// itreg rules [id]: every rule with its default and configured severity, what it checks and the policy it enforces.
import Table from 'cli-table3';
import { ExitCode, UsageError } from '../../errors.js';
import { suggestNearest, type Language } from '../../i18n/index.js';
import { findConfig, readConfig, type Config } from '../../register/config.js';
import { ruleSetting } from '../../lint/run-rules.js';
import { findRule, rules, ruleIds } from '../../rules/index.js';
import type { Rule } from '../../rules/define-rule.js';
import { languageOption, workingFolder, type GlobalOptions } from '../io.js';
import { resolve } from 'node:path';

export interface RulesCommandOptions extends GlobalOptions {
  readonly format?: string;
}

const labels = {
  sv: { rule: 'Regel', default: 'Standard', configured: 'Inställd', checks: 'Kontrollerar', policy: 'IT-policyn, kap.', options: 'Inställningar', details: 'Detaljer' },
  en: { rule: 'Rule', default: 'Default', configured: 'Configured', checks: 'Checks', policy: 'IT policy, ch.', options: 'Options', details: 'Details' },
} as const;

export async function rulesCommand(id: string | undefined, options: RulesCommandOptions): Promise<ExitCode> {
  // The rules are documented without a register too; with one, its configured severities are shown.
  const file = options.config ? resolve(workingFolder(options), options.config) : findConfig(workingFolder(options));
  const config: Config | undefined = file ? readConfig(file, languageOption(options)) : undefined;
  const language: Language = languageOption(options) ?? config?.language ?? 'sv';
  const configured = (rule: Rule) => (config ? ruleSetting(rule, config).severity : rule.severity);
  const l = labels[language];

  if (options.format === 'json') {
    const list = (id ? [requireRule(id)] : (rules as readonly Rule[])).map((rule) => ({
      id: rule.id,
      defaultSeverity: rule.severity,
      severity: configured(rule),
      description: rule.docs.description[language],
      details: rule.docs.details[language],
      ...(rule.docs.policy ? { policy: rule.docs.policy } : {}),
      ...(rule.defaultOptions ? { defaultOptions: rule.defaultOptions } : {}),
    }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return ExitCode.Ok;
  }

  if (id) {
    const rule = requireRule(id);
    const lines = [
      rule.id,
      '',
      rule.docs.description[language],
      '',
      `${l.default}: ${rule.severity}    ${l.configured}: ${configured(rule)}`,
      ...(rule.defaultOptions ? [`${l.options}: ${JSON.stringify(rule.defaultOptions)}`] : []),
      ...(rule.docs.policy ? ['', `${l.policy} ${rule.docs.policy.chapter}: "${rule.docs.policy.quote}"`] : []),
      '',
      `${l.details}: ${rule.docs.details[language]}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return ExitCode.Ok;
  }

  const width = Math.max(80, process.stdout.columns ?? 100);
  const table = new Table({
    head: [l.rule, l.default, l.configured, l.checks],
    colWidths: [31, 9, 12, Math.max(30, width - 56)],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const rule of rules as readonly Rule[]) {
    const policy = rule.docs.policy ? `\n${l.policy} ${rule.docs.policy.chapter}: "${rule.docs.policy.quote}"` : '';
    table.push([rule.id, rule.severity, configured(rule), rule.docs.description[language] + policy]);
  }
  process.stdout.write(`${table.toString()}\n`);
  return ExitCode.Ok;
}

function requireRule(id: string): Rule {
  const rule = findRule(id);
  if (!rule) {
    throw new UsageError({ id: 'unknownRuleId', data: { id, suggestion: suggestNearest(id, ruleIds) } });
  }
  return rule;
}
