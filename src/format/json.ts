// --format json: the exact shape of DESIGN.md "Machine-readable outputs".
import type { LintResult } from '../lint/run-rules.js';

export function formatJson(result: LintResult): string {
  const { files, entities, errors, warnings, suppressed } = result.summary;
  const findings = result.findings.map(({ ruleId, severity, message, file, line, column, entityId }) => ({
    ruleId,
    severity,
    message,
    file,
    line,
    column,
    ...(entityId !== undefined ? { entityId } : {}),
  }));
  // With itreg-suppressions.json, the entries whose finding is gone (--prune-suppressions removes them).
  const unused = result.summary.unusedSuppressions;
  return `${JSON.stringify({ findings, summary: { files, entities, errors, warnings, suppressed, ...(unused !== undefined ? { unusedSuppressions: unused } : {}) } }, null, 2)}\n`;
}
