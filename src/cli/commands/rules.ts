// itreg rules [id]: every rule with its default and configured severity, what it checks and the policy it enforces.
import Table from 'cli-table3';
import { ExitCode, UsageError } from '../../errors.js';
import { suggestNearest, type Language } from '../../i18n/index.js';
import { findConfig, readConfig, type Config, type Severity } from '../../register/config.js';
import { ruleName, terms } from '../../i18n/terms.js';
import { ruleSetting } from '../../lint/run-rules.js';
import { findRule, ruleDocsUrl, rules, ruleIds } from '../../rules/index.js';
import type { Rule } from '../../rules/define-rule.js';
import { languageOption, workingFolder, type GlobalOptions } from '../io.js';
import { resolve } from 'node:path';

export interface RulesCommandOptions extends GlobalOptions {
  readonly format?: string;
}

const labels = {
  sv: {
    rule: 'Regel',
    default: 'Standard',
    configured: 'Inställd',
    checks: 'Kontrollerar',
    policy: 'IT-policyn, kap.',
    options: 'Inställningar',
    details: 'Detaljer',
    off: 'av',
    docs: 'Dokumentation',
  },
  en: { rule: 'Rule', default: 'Default', configured: 'Configured', checks: 'Checks', policy: 'IT policy, ch.', options: 'Options', details: 'Details', off: 'off', docs: 'Documentation' },
} as const;

export async function rulesCommand(id: string | undefined, options: RulesCommandOptions): Promise<ExitCode> {
  // The rules are documented without a register too; with one, its configured severities are shown.
  const file = options.config ? resolve(workingFolder(options), options.config) : findConfig(workingFolder(options));
  const config: Config | undefined = file ? readConfig(file, languageOption(options)) : undefined;
  const language: Language = languageOption(options) ?? config?.language ?? 'sv';
  const configured = (rule: Rule) => (config ? ruleSetting(rule, config).severity : rule.severity);
  const l = labels[language];
  // A severity in words ("fel", "varning", "av"); itreg.yaml and --rule take the English value, which JSON keeps.
  const severity = (value: Severity) => (value === 'off' ? l.off : terms[language].severities[value].one);

  if (options.format === 'json') {
    const list = (id ? [requireRule(id)] : (rules as readonly Rule[])).map((rule) => ({
      id: rule.id,
      defaultSeverity: rule.severity,
      severity: configured(rule),
      description: rule.docs.description[language],
      details: rule.docs.details[language],
      ...(rule.docs.policy ? { policy: rule.docs.policy } : {}),
      ...(rule.docs.basis ? { basis: { source: rule.docs.basis.source[language], quote: rule.docs.basis.quote[language] } } : {}),
      ...(rule.defaultOptions ? { defaultOptions: rule.defaultOptions } : {}),
      ...(ruleDocsUrl(rule.id) === undefined ? {} : { url: ruleDocsUrl(rule.id) }),
    }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return ExitCode.Ok;
  }

  if (id) {
    const rule = requireRule(id);
    const lines = [
      `${ruleName(language, rule.id)} (${rule.id})`,
      '',
      rule.docs.description[language],
      '',
      `${l.default}: ${severity(rule.severity)}    ${l.configured}: ${severity(configured(rule))}`,
      ...(rule.defaultOptions ? [`${l.options}: ${JSON.stringify(rule.defaultOptions)}`] : []),
      ...(rule.docs.policy ? ['', `${l.policy} ${rule.docs.policy.chapter}: "${rule.docs.policy.quote}"`] : []),
      ...(rule.docs.basis ? ['', `${rule.docs.basis.source[language]}: "${rule.docs.basis.quote[language]}"`] : []),
      '',
      `${l.details}: ${rule.docs.details[language]}`,
      ...(ruleDocsUrl(rule.id) === undefined ? [] : ['', `${l.docs}: ${ruleDocsUrl(rule.id)}`]),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return ExitCode.Ok;
  }

  const width = Math.max(80, process.stdout.columns ?? 100);
  // Each column at least as wide as its heading and its longest value, plus cli-table3's padding of 2.
  const fit = (...texts: string[]) => Math.max(...texts.map((text) => text.length)) + 2;
  const severityWidth = fit(l.configured, l.default, severity('error'), severity('warning'), severity('off'));
  const ruleWidth = 32;
  const table = new Table({
    head: [l.rule, l.default, l.configured, l.checks],
    colWidths: [ruleWidth, severityWidth, severityWidth, Math.max(30, width - ruleWidth - 2 * severityWidth - 5)],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const rule of rules as readonly Rule[]) {
    const policy = rule.docs.policy
      ? `
${l.policy} ${rule.docs.policy.chapter}: "${rule.docs.policy.quote}"`
      : rule.docs.basis
        ? `
${rule.docs.basis.source[language]}`
        : '';
    table.push([
      `${ruleName(language, rule.id)}
${rule.id}`,
      severity(rule.severity),
      severity(configured(rule)),
      rule.docs.description[language] + policy,
    ]);
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
