// --format sarif: SARIF 2.1.0 for GitHub code scanning and other SARIF readers.
import type { Language } from '../i18n/index.js';
import type { LintResult } from '../lint/run-rules.js';
import type { Rule } from '../rules/define-rule.js';
import { fingerprints } from '../lint/fingerprint.js';

export interface SarifOptions {
  readonly rules: readonly Rule[];
  readonly language: Language;
  readonly version: string;
}

const policyLabel = { sv: 'IT-policyn, kap.', en: 'IT policy, ch.' } as const;

export function formatSarif(result: LintResult, options: SarifOptions): string {
  const index = new Map(options.rules.map((rule, i) => [rule.id, i]));
  const prints = fingerprints(result.findings);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'itreg',
            version: options.version,
            semanticVersion: options.version,
            rules: options.rules.map((rule) => {
              const policy = rule.docs.policy ? `${policyLabel[options.language]} ${rule.docs.policy.chapter}: "${rule.docs.policy.quote}"` : '';
              const help = [rule.docs.details[options.language], policy].filter(Boolean).join('\n\n');
              const markdown = [rule.docs.details[options.language], policy && `> ${policy}`].filter(Boolean).join('\n\n');
              return {
                id: rule.id,
                name: rule.id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()),
                shortDescription: { text: rule.docs.description[options.language] },
                fullDescription: { text: rule.docs.description[options.language] },
                help: { text: help, markdown },
                defaultConfiguration: { level: rule.severity === 'off' ? 'none' : rule.severity },
                properties: { tags: ['itreg', rule.docs.policy ? 'policy' : 'integrity'] },
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: result.findings.map((finding, i) => ({
          ruleId: finding.ruleId,
          ...(index.has(finding.ruleId) ? { ruleIndex: index.get(finding.ruleId) } : {}),
          level: finding.severity,
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: finding.line, startColumn: finding.column },
              },
              ...(finding.entityId !== undefined ? { logicalLocations: [{ name: finding.entityId, kind: 'object' }] } : {}),
            },
          ],
          partialFingerprints: { 'itreg/v1': prints[i] },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
