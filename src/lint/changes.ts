// selectNewFindings(): what a change broke (DESIGN "What a change broke"), from the register linted now and at the base.
import type { LoadedRegister } from '../register/load.js';
import type { Rule } from '../rules/define-rule.js';
import { dependencyKeys } from '../register/model.js';
import { fingerprints } from './fingerprint.js';
import { checkKey, runRules, type Finding, type LintOptions, type LintResult } from './run-rules.js';

/**
 * Keeps (a) every finding in a changed file and (b) every finding elsewhere whose fingerprint the base's lint lacks:
 * an owner's role ended in one file breaks the application in another, and that is where it is reported.
 * Findings the base already had in unchanged files are not the change's doing.
 */
export function selectNewFindings(
  current: LintResult,
  base: LintResult,
  changed: ReadonlySet<string>,
  /** Whether a finding outside the changed files can differ at the base at all (the base linted only those that can). */
  mayDiffer: (finding: Finding) => boolean = () => true,
): (finding: Finding) => boolean {
  const basePrints = new Set(fingerprints(base.findings));
  const silencedBase = new Set(fingerprints(base.silenced ?? []));
  const printOf = new Map<Finding, string>();
  fingerprints(current.findings).forEach((print, i) => printOf.set(current.findings[i]!, print));
  fingerprints(current.silenced ?? []).forEach((print, i) => printOf.set(current.silenced![i]!, print));
  return (finding) => {
    if (changed.has(finding.file)) return true;
    if (!mayDiffer(finding)) return false;
    const print = printOf.get(finding);
    return print !== undefined && !basePrints.has(print) && !silencedBase.has(print);
  };
}

/**
 * The model keys (dependencyKeys()) a change touched: those of every entity in a touched file, as it is now and as it
 * was, and of every other entity with one of their ids (a duplicate id decides which of them the model holds).
 */
export function changedKeys(current: LoadedRegister, base: LoadedRegister, touched: ReadonlySet<string>): Set<string> {
  const keys = new Set<string>();
  const ids = new Set<string>();
  for (const loaded of [current, base]) {
    for (const record of loaded.records) {
      if (!touched.has(record.source.path)) continue;
      if (record.id !== undefined) ids.add(record.id);
      for (const key of dependencyKeys(record.data, record.id)) keys.add(key);
    }
  }
  for (const record of current.records) {
    if (record.id !== undefined && ids.has(record.id)) for (const key of dependencyKeys(record.data, record.id)) keys.add(key);
  }
  return keys;
}

/**
 * Lints the register now against the base (the register with the touched files as they were) and says which findings
 * are the change's: those in changed files, and those elsewhere the base lacks. Only checks that can find otherwise at
 * the base are run there: every register rule, and the entity checks that asked the model about a key the change
 * touched (`reached`); a file rule's findings in an unchanged file, and any other entity check's, are the same then.
 */
export function lintAgainstBase(
  current: LoadedRegister,
  base: LoadedRegister,
  touched: ReadonlySet<string>,
  changed: ReadonlySet<string>,
  rules: readonly Rule[],
  options: LintOptions,
): { readonly result: LintResult; readonly isNew: (finding: Finding) => boolean } {
  const result = runRules(current, rules, { ...options, watch: changedKeys(current, base, touched) });
  const reached = result.reached ?? new Set<string>();
  const scopeOf = new Map<string, string>(rules.map((rule) => [rule.id, rule.scope]));
  const mayDiffer = (finding: Finding): boolean => {
    const scope = scopeOf.get(finding.ruleId);
    return scope === 'register' || (scope === 'entity' && finding.entityId !== undefined && reached.has(checkKey(finding.ruleId, finding.entityId)));
  };
  return { result, isNew: selectNewFindings(result, runRules(base, rules, { ...options, only: reached }), changed, mayDiffer) };
}
