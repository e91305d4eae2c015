// selectNewFindings(): what a change broke (DESIGN "What a change broke"), from the register linted now and at the base.
import { fingerprints } from './fingerprint.js';
import type { Finding, LintResult } from './run-rules.js';

/**
 * Keeps (a) every finding in a changed file and (b) every finding elsewhere whose fingerprint the base's lint lacks:
 * an owner's role ended in one file breaks the application in another, and that is where it is reported.
 * Findings the base already had in unchanged files are not the change's doing.
 */
export function selectNewFindings(current: LintResult, base: LintResult, changed: ReadonlySet<string>): (finding: Finding) => boolean {
  const basePrints = new Set(fingerprints(base.findings));
  const silencedBase = new Set(fingerprints(base.silenced ?? []));
  const printOf = new Map<Finding, string>();
  fingerprints(current.findings).forEach((print, i) => printOf.set(current.findings[i]!, print));
  fingerprints(current.silenced ?? []).forEach((print, i) => printOf.set(current.silenced![i]!, print));
  return (finding) => {
    if (changed.has(finding.file)) return true;
    const print = printOf.get(finding);
    return print !== undefined && !basePrints.has(print) && !silencedBase.has(print);
  };
}
