// --format gitlab: the GitLab Code Quality report (a JSON array), for merge-request widgets.
import type { LintResult } from '../lint/run-rules.js';
import { fingerprints } from '../lint/fingerprint.js';

export function formatGitlab(result: LintResult): string {
  const prints = fingerprints(result.findings);
  const issues = result.findings.map((f, i) => ({
    type: 'issue',
    description: f.message,
    check_name: f.ruleId,
    fingerprint: prints[i],
    severity: f.severity === 'error' ? 'major' : 'minor',
    categories: ['Compliance'],
    location: { path: f.file, lines: { begin: f.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
