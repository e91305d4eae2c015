// applySuppressions()/recordSuppressions(): today's findings as a starting line (DESIGN "Starting from today's state").
import type { SuppressionEntry } from './suppressions-file.js';
import { fingerprints } from './fingerprint.js';
import type { Finding, LintResult } from './run-rules.js';

/**
 * The result with every finding whose fingerprint has an entry taken out of the report and counted as suppressed
 * (`baselined`), and the entries whose finding is gone (`unusedSuppressions`). An entry counts as used while its
 * finding exists, even when a decided exception silences it now.
 */
export function applySuppressions(
  result: LintResult,
  entries: readonly SuppressionEntry[],
  /** Whether the lint ran the check an entry is about (--changed runs part): only then can its finding be gone. */
  ran: (rule: string, entity: string | undefined, file: string) => boolean = () => true,
): LintResult {
  const recorded = new Set(entries.map((entry) => entry.fingerprint));
  const prints = fingerprints(result.findings);
  const present = new Set([...prints, ...fingerprints(result.silenced ?? [])]);
  const findings: Finding[] = [];
  const baselined: Finding[] = [];
  result.findings.forEach((finding, i) => (recorded.has(prints[i]!) ? baselined : findings).push(finding));
  // A file with a YAML or schema error is not judged by the policy rules: its entries' findings are not gone, only
  // not computed, and pruning them would bring the old gaps back as new errors once the file is repaired.
  const unjudged = new Set(result.findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema').map((f) => f.file));
  let notJudged = 0;
  const unused = entries.filter((entry) => {
    if (present.has(entry.fingerprint) || !ran(entry.rule, entry.entity, entry.file)) return false;
    if (unjudged.has(entry.file) && entry.rule !== 'yaml-syntax' && entry.rule !== 'schema') {
      notJudged++;
      return false;
    }
    return true;
  });
  return {
    ...result,
    findings,
    baselined,
    unusedSuppressions: unused,
    summary: {
      ...result.summary,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      suppressed: result.summary.suppressed + baselined.length,
      baselined: baselined.length,
      unusedSuppressions: unused.length,
      ...(notJudged > 0 ? { notJudgedSuppressions: notJudged } : {}),
    },
  };
}

/** An entry for every finding of `result`; an entry already recorded keeps its date. */
export function recordSuppressions(result: LintResult, previous: readonly SuppressionEntry[], date: string): SuppressionEntry[] {
  const dates = new Map(previous.map((entry) => [entry.fingerprint, entry.date]));
  const prints = fingerprints(result.findings);
  return result.findings.map((finding, i) => ({
    fingerprint: prints[i]!,
    rule: finding.ruleId,
    ...(finding.entityId !== undefined ? { entity: finding.entityId } : {}),
    file: finding.file,
    date: dates.get(prints[i]!) ?? date,
  }));
}

/** The entries whose finding still exists: what --prune-suppressions keeps. */
export function pruneSuppressions(entries: readonly SuppressionEntry[], result: LintResult): SuppressionEntry[] {
  const unused = new Set((result.unusedSuppressions ?? []).map((entry) => entry.fingerprint));
  return entries.filter((entry) => !unused.has(entry.fingerprint));
}
