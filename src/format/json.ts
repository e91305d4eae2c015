// --format json: the exact shape of DESIGN.md "Machine-readable outputs".
import type { LintResult } from '../lint/run-rules.js';

export function formatJson(result: LintResult): string {
  const { files, entities, errors, warnings, suppressed } = result.summary;
  // Two literals, not a spread of an optional part: one shape each, and no object made and copied per finding
  // (160,000 findings in one generated file).
  const findings = result.findings.map(({ ruleId, severity, message, file, line, column, entityId }) =>
    entityId !== undefined ? { ruleId, severity, message, file, line, column, entityId } : { ruleId, severity, message, file, line, column },
  );
  // With itreg-suppressions.json, the entries whose finding is gone (--prune-suppressions removes them).
  const unused = result.summary.unusedSuppressions;
  return `${JSON.stringify({ findings, summary: { files, entities, errors, warnings, suppressed, ...(unused !== undefined ? { unusedSuppressions: unused } : {}) } }, null, 2)}\n`;
}
