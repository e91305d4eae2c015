// --format sarif: SARIF 2.1.0 for GitHub code scanning and other SARIF readers.
import type { Language } from '../i18n/index.js';
import type { Finding, LintResult } from '../lint/run-rules.js';
import type { Rule } from '../rules/define-rule.js';
import { fingerprints } from '../lint/fingerprint.js';
import { ruleDocsUrl } from '../rules/index.js';

export interface SarifOptions {
  readonly rules: readonly Rule[];
  readonly language: Language;
  readonly version: string;
  /** The folder finding paths are relative to, as an absolute file: URI ending in '/' (%SRCROOT%); omitted when absent. */
  readonly sourceRoot?: string;
  /** Where a finding's region ends: the end of the text on its line, from the file as linted. */
  readonly regionEnd?: (finding: Finding) => { readonly endLine: number; readonly endColumn: number };
}

/**
 * A relative path as an RFC 3986 URI reference: every byte outside the unreserved set (A–Z a–z 0–9 - . _ ~) and the
 * '/' separator percent-encoded from UTF-8, so '#', '?', '%', spaces and å/ä/ö survive any URI reader.
 */
export function toUriReference(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
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
              const helpUri = ruleDocsUrl(rule.id);
              const name = rule.id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase());
              return {
                id: rule.id,
                // SARIF1001: a name equal to the id (documentation/Documentation) is left out.
                ...(name.toLowerCase() !== rule.id ? { name } : {}),
                shortDescription: { text: rule.docs.description[options.language] },
                fullDescription: { text: rule.docs.description[options.language] },
                help: { text: help, markdown },
                ...(helpUri === undefined ? {} : { helpUri }),
                defaultConfiguration: { level: rule.severity === 'off' ? 'none' : rule.severity },
                properties: { tags: ['itreg', rule.docs.policy ? 'policy' : 'integrity'] },
              };
            }),
          },
        },
        ...(options.sourceRoot !== undefined ? { originalUriBaseIds: { '%SRCROOT%': { uri: options.sourceRoot } } } : {}),
        results: result.findings.map((finding, i) => ({
          ruleId: finding.ruleId,
          ...(index.has(finding.ruleId) ? { ruleIndex: index.get(finding.ruleId) } : {}),
          level: finding.severity,
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUriReference(finding.file), ...(options.sourceRoot !== undefined ? { uriBaseId: '%SRCROOT%' } : {}) },
                region: {
                  startLine: finding.line,
                  startColumn: finding.column,
                  ...(options.regionEnd?.(finding) ?? { endLine: finding.line, endColumn: finding.column + 1 }),
                },
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
