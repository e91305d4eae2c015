// selectNewFindings(): what a change broke (DESIGN "What a change broke"), from the register linted now and at the base.
import type { FileModel } from '../register/load.js';
import { indexOfPath, recordsOfFiles, type FileRecord, type LoadedRegister } from '../register/load.js';
import type { Rule } from '../rules/define-rule.js';
import { dependencyKeys, idsOfKeys, mayAskAbout, RegisterModel } from '../model/register-model.js';
import { fingerprints } from './fingerprint.js';
import { runRules, type Finding, type LintOptions, type LintResult } from './run-rules.js';

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
 * was, and of every other entity with one of their ids (a duplicate id decides which of them the model holds); and
 * the files that declare one of those ids, now.
 */
export function changedKeys(current: FileModel, base: LoadedRegister, touched: ReadonlySet<string>): { keys: Set<string>; files: Set<string> } {
  const keys = new Set<string>();
  const ids = new Set<string>();
  for (const loaded of [current.loaded, base]) {
    for (const record of recordsIn(loaded, touched)) {
      if (record.id !== undefined) ids.add(record.id);
      for (const key of dependencyKeys(record.data, record.id)) keys.add(key);
    }
  }
  const files = new Set<string>();
  const sameId = [...ids].flatMap((id) => current.recordById(id) ?? []);
  if (sameId.length > 0) sameId.push(...current.laterDuplicates().filter((record) => ids.has(record.id!)));
  for (const record of sameId) {
    files.add(record.source.path);
    for (const key of dependencyKeys(record.data, record.id)) keys.add(key);
  }
  return { keys, files };
}

/** The records of the files at `paths` (records come in path order). */
function recordsIn(loaded: LoadedRegister, paths: ReadonlySet<string>): FileRecord[] {
  const records = recordsOfFiles(loaded);
  return [...paths].flatMap((path) => records[indexOfPath(loaded.files, path)] ?? []);
}

/** What lintAgainstBase() ran of the lint now: a finding or suppression entry outside it is not known this time. */
export type Ran = (ruleId: string, entityId: string | undefined, file: string) => boolean;

/**
 * Lints the register now against the base (the register with the touched files as they were) and says which findings
 * are the change's: those in changed files, and those elsewhere the base lacks. Only what can find otherwise runs:
 * every register rule, on both; file rules on the touched files (and any other declaring one of their ids, whose
 * findings share fingerprints with theirs) now, and at the base on those others (the changed files are reported as
 * they are now);
 * entity checks now on the entities that can ask about a key the change touched (mayAskAbout()), and at the base on
 * those of them that did ask (`reached`). Any other check finds the same then as now, and is not the change's doing.
 */
export function lintAgainstBase(
  current: LoadedRegister,
  base: LoadedRegister,
  touched: ReadonlySet<string>,
  changed: ReadonlySet<string>,
  rules: readonly Rule[],
  options: LintOptions,
  /** Lint the whole register now (--suppress-all and --prune-suppressions need every finding). */
  whole = false,
): { readonly result: LintResult; readonly isNew: (finding: Finding) => boolean; readonly ran: Ran } {
  const model = new RegisterModel(current);
  const { keys, files } = changedKeys(model, base, touched);
  for (const path of touched) files.add(path);
  const candidates = new Set<string>();
  const changedIds = idsOfKeys(keys);
  for (const entity of model.entities) if (mayAskAbout(entity, changedIds)) candidates.add(entity.id);
  const subset = whole ? undefined : { files, entities: () => candidates };
  const result = runRules(model, rules, { ...options, watch: keys, ...(subset ? { subset } : {}) });
  const reached = result.reached ?? new Map<string, ReadonlySet<string>>();
  const none: ReadonlySet<string> = new Set();
  const reachedBy = (ruleId: string): ReadonlySet<string> => reached.get(ruleId) ?? none;
  const scopeOf = new Map<string, string>(rules.map((rule) => [rule.id, rule.scope]));
  // File rules run at the base on the unchanged files that share an id with a touched one: a copy of a file makes a
  // second finding with the same fingerprint, whose ordinal (by file order) can move the original's to a new one.
  const sharing = new Set([...files].filter((path) => !changed.has(path)));
  const mayDiffer = (finding: Finding): boolean => {
    const scope = scopeOf.get(finding.ruleId);
    if (scope === 'file') return sharing.has(finding.file);
    return scope === 'register' || (scope === 'entity' && finding.entityId !== undefined && reachedBy(finding.ruleId).has(finding.entityId));
  };
  const atBase = runRules(base, rules, { ...options, subset: { files: sharing, entities: reachedBy } });
  const ran: Ran = (ruleId, entityId, file) => {
    if (whole) return true;
    const scope = scopeOf.get(ruleId);
    if (scope === 'file') return files.has(file);
    if (scope !== 'entity') return true;
    return entityId !== undefined && (candidates.has(entityId) || (model.get(entityId) === undefined && keys.has(`i${entityId}`)));
  };
  return { result, isNew: selectNewFindings(result, atBase, changed, mayDiffer), ran };
}
