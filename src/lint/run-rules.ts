// runRules(): the lint engine. Runs every enabled rule, places each hit at a file:line:col, applies severities and decided exceptions.
import type { FileModel } from '../register/load.js';
import { translator, type Language, type Message, type Translate } from '../i18n/index.js';
import type { Config, RuleSetting, Severity } from '../register/config.js';
import { indexOfFile, indexOfPath, recordsOfFiles, type FileRecord, type LoadedRegister } from '../register/load.js';
import { RegisterModel, type Entity } from '../model/register-model.js';
import type { Kind } from '../schema/validate.js';
import { locate } from '../register/positions.js';
import type { SourceFile } from '../register/source.js';
import type { SuppressionEntry } from './suppressions-file.js';
import type { EntityRule, FileRule, Hit, Rule, RuleContext, RuleOptions } from '../rules/define-rule.js';
import { isValidException } from '../register/config.js';
import { errorMessage } from '../errors.js';

export interface Finding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly entityId?: string;
  /** The catalogue id of the message, for stable fingerprints (not part of the JSON output). */
  readonly messageId?: string;
  /** Another entity's id the finding is about (a broken reference). */
  readonly refersTo?: string;
  /** Where in the entity's document the finding is (the rule's JSON path), for fingerprints; absent for raw-text positions. */
  readonly path?: readonly (string | number)[];
  /** The one nearest candidate for a misspelt enum value, field or reference id ("did you mean"), for the editor. */
  readonly suggestion?: string;
}

export interface LintSummary {
  readonly files: number;
  readonly entities: number;
  readonly errors: number;
  readonly warnings: number;
  /** Findings silenced by a valid decided exception or by itreg-suppressions.json. */
  readonly suppressed: number;
  /** Of those, the ones itreg-suppressions.json holds (present when the register has that file). */
  readonly baselined?: number;
  /** Entries of itreg-suppressions.json whose finding is gone. */
  readonly unusedSuppressions?: number;
  /**
   * With paths that leave some of the register's files out (`itreg lint register/units`): the files judged, and the
   * findings in the others, so that "no problems" is never said of a register that has some elsewhere.
   */
  readonly scope?: { readonly files: number; readonly otherErrors: number; readonly otherWarnings: number };
  /** Entries kept because their file has a YAML or schema error, so their rules could not judge it. */
  readonly notJudgedSuppressions?: number;
}

export interface LintResult {
  readonly findings: readonly Finding[];
  readonly summary: LintSummary;
  /** The findings a valid exception silenced (counted in the summary, never reported). */
  readonly silenced?: readonly Finding[];
  /** The findings itreg-suppressions.json holds (counted as suppressed, never reported). */
  readonly baselined?: readonly Finding[];
  /** Its entries whose finding is gone: --prune-suppressions removes them. */
  readonly unusedSuppressions?: readonly SuppressionEntry[];
  /** With `watch`: the entity checks that asked the model about a watched key, as entity ids by rule id. */
  readonly reached?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface LintOptions {
  readonly date: string;
  readonly language?: Language;
  /** --rule ID=SEVERITY, over itreg.yaml's settings. */
  readonly overrides?: Readonly<Record<string, Severity>>;
  /** Called with the stack when a rule crashes (--debug). */
  readonly onRuleCrash?: (ruleId: string, error: unknown) => void;
  /**
   * --changed, on the register now: the model keys the change touched (dependencyKeys()); each entity check that asks
   * about one is noted in the result's `reached`. Only those can find otherwise at the base.
   */
  readonly watch?: ReadonlySet<string>;
  /**
   * --changed: run file rules only on these files and entity checks only where `checks` says so (every register rule
   * still runs). Absent: everything runs.
   */
  readonly subset?: RuleSubset;
}

/** The part of a lint that --changed runs (see LintOptions.subset). */
export interface RuleSubset {
  /** The files (paths) file rules run on. */
  readonly files: ReadonlySet<string>;
  /** The ids of the entities a rule checks, in file order (those not of its kinds are passed over). */
  readonly entities: (ruleId: string) => ReadonlySet<string>;
}

/** The severity and options a rule runs with: --rule over itreg.yaml over the rule's default. */
export function ruleSetting(rule: Rule, config: Config, overrides?: Readonly<Record<string, Severity>>): { severity: Severity; options: RuleOptions } {
  const configured: RuleSetting | undefined = config.rules[rule.id];
  const [configuredSeverity, configuredOptions] = Array.isArray(configured) ? configured : [configured, undefined];
  return {
    severity: overrides?.[rule.id] ?? configuredSeverity ?? rule.severity,
    options: { ...rule.defaultOptions, ...configuredOptions },
  };
}

/** Runs `rules` over a loaded register, or over the model a command has already built of it (not built twice). */
export function runRules(source: LoadedRegister | FileModel, rules: readonly Rule[], options: LintOptions): LintResult {
  const register = source instanceof RegisterModel ? source : new RegisterModel(source);
  const { loaded } = register;
  const { config } = loaded;
  const t = translator(options.language ?? config.language);
  // Each file's record, by its place among the files: the file a file rule is checking is found at once, another
  // (a register rule's hit) by its path.
  const fileRecords = recordsOfFiles(loaded);
  let checking = -1;
  const recordFor = (source: SourceFile): FileRecord | undefined =>
    source === config.source ? undefined : fileRecords[loaded.files[checking] === source ? checking : indexOfFile(loaded.files, source)];
  const { watch, subset } = options;
  // The files file rules run on, by their place, in order.
  const fileIndices =
    subset &&
    [...subset.files]
      .map((path) => indexOfPath(loaded.files, path))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b);
  // An entity check's entity is one of the register's: its file is its id's record's, without recordOf()'s check that
  // it is (a look-up by string; a map keyed by the entity object cost more than the check).
  const sourceOf = (entity: Entity): SourceFile => register.recordById(entity.id)!.source;
  const ruleIds = rules.map((rule) => rule.id);
  const findings: Finding[] = [];
  const reached = new Map<string, Set<string>>();
  try {
    for (const rule of rules) {
      const { severity, options: ruleOptions } = ruleSetting(rule, config, options.overrides);
      if (severity === 'off') continue;
      const context: RuleContext = {
        register,
        loaded,
        config,
        date: options.date,
        options: ruleOptions,
        ruleIds,
        t,
        recordFor,
      };
      const placer = new Placer(rule, severity, t, findings, options.onRuleCrash);
      // One small function a scope, each optimised once and used for every rule (one large loop body was compiled
      // again for each rule's hits).
      switch (rule.scope) {
        case 'file':
          for (const i of fileIndices ?? loaded.files.keys()) {
            checking = i;
            checkFile(rule, loaded.files[i]!, fileRecords[i]?.id, context, placer);
          }
          break;
        case 'entity': {
          const entities = subset ? subsetOf(register, rule.appliesTo, subset.entities(rule.id)) : register.ofKinds(kindsOf(rule.appliesTo));
          if (watch) checkWatched(rule, entities, context, placer, sourceOf, register, watch, reached);
          else checkEntities(rule, entities, context, placer, sourceOf);
          break;
        }
        case 'register':
          try {
            for (const hit of rule.check(context)) {
              const entity = hit.entityId === undefined ? undefined : register.get(hit.entityId);
              const source = hit.source ?? (entity ? register.recordOf(entity).source : config.source);
              placer.place(hit, source, hit.entityId ?? recordFor(source)?.id);
            }
          } catch (error: unknown) {
            placer.crashed(error, config.source, undefined);
          }
          break;
      }
    }
  } finally {
    register.watch(undefined);
  }

  const exceptions = config.exceptions.filter((exception) => isValidException(exception, options.date));
  const silenced = (finding: Finding): boolean => finding.ruleId !== 'exception' && exceptions.some((e) => e.rule === finding.ruleId && e.entity === finding.entityId);
  // Without a valid exception nothing is silenced: the findings are sorted as they are, not copied first.
  const reported = (exceptions.length === 0 ? findings : findings.filter((finding) => !silenced(finding))).sort(compareFindings);
  const { errors, warnings } = countSeverities(reported);
  return {
    findings: reported,
    silenced: exceptions.length === 0 ? [] : findings.filter(silenced),
    summary: {
      files: loaded.files.length,
      entities: register.entities.length,
      errors,
      warnings,
      suppressed: exceptions.length === 0 ? 0 : findings.length - reported.length,
    },
    ...(watch ? { reached } : {}),
  };
}

/** Places one rule's hits as findings: a file:line:col, the severity, the message in the language. */
class Placer {
  private readonly policy: string;

  constructor(
    private readonly rule: Rule,
    private readonly severity: Severity,
    private readonly t: Translate,
    private readonly findings: Finding[],
    private readonly onRuleCrash: LintOptions['onRuleCrash'],
  ) {
    this.policy = rule.docs.policy ? t({ id: 'policyRef', data: rule.docs.policy }) : '';
  }

  place(hit: Hit, source: SourceFile, entityId: string | undefined): void {
    const position = hit.position ?? locate(source, hit.path ?? [], hit.target ?? 'value');
    // Built field by field, not by spreads: one object per finding (160,000 findings in one file are not rare in a
    // generated file).
    const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
      ruleId: this.rule.id,
      severity: hit.severity === 'warning' || this.severity === 'warning' ? 'warning' : 'error',
      message: this.t(hit.message) + this.policy,
      file: source.path,
      line: position.line,
      column: position.column,
    };
    if (entityId !== undefined) finding.entityId = entityId;
    finding.messageId = hit.message.id;
    if (hit.path !== undefined && hit.path.length > 0) finding.path = hit.path;
    if (hit.refersTo !== undefined) finding.refersTo = hit.refersTo;
    const suggestion = hit.suggestion ?? suggestedName(hit.message);
    if (suggestion !== undefined) finding.suggestion = suggestion;
    this.findings.push(finding);
  }

  /** A crash in one rule is a finding for that rule; the other rules still run (and a bad entity does not hide the rest). */
  crashed(error: unknown, source: SourceFile, entityId: string | undefined): void {
    this.onRuleCrash?.(this.rule.id, error);
    this.place({ message: { id: 'ruleCrashed', data: { rule: this.rule.id, detail: errorMessage(error) } } }, source, entityId);
  }
}

function checkFile(rule: FileRule<string>, source: SourceFile, entityId: string | undefined, context: RuleContext, placer: Placer): void {
  try {
    const hits = rule.check(source, context);
    for (let h = 0; h < hits.length; h++) placer.place(hits[h]!, source, entityId);
  } catch (error: unknown) {
    placer.crashed(error, source, entityId);
  }
}

function checkEntity(rule: EntityRule<string, Kind>, entity: Entity, context: RuleContext, placer: Placer, sourceOf: (entity: Entity) => SourceFile): void {
  try {
    // Most checks find nothing: the entity's file is looked up only for a hit.
    const hits = rule.check(entity, context);
    for (let h = 0; h < hits.length; h++) placer.place(hits[h]!, sourceOf(entity), entity.id);
  } catch (error: unknown) {
    placer.crashed(error, sourceOf(entity), entity.id);
  }
}

function checkEntities(rule: EntityRule<string, Kind>, entities: Iterable<Entity>, context: RuleContext, placer: Placer, sourceOf: (entity: Entity) => SourceFile): void {
  for (const entity of entities) checkEntity(rule, entity, context, placer, sourceOf);
}

/** checkEntities() under --changed: each check that asks the model about a watched key is noted in `reached`. */
function checkWatched(
  rule: EntityRule<string, Kind>,
  entities: Iterable<Entity>,
  context: RuleContext,
  placer: Placer,
  sourceOf: (entity: Entity) => SourceFile,
  register: FileModel,
  watch: ReadonlySet<string>,
  reached: Map<string, Set<string>>,
): void {
  for (const entity of entities) {
    // Only an entity check is watched: every register rule runs at the base anyway.
    register.watch(watch);
    checkEntity(rule, entity, context, placer, sourceOf);
    if (register.takeTouched()) {
      const ids = reached.get(rule.id);
      if (ids) ids.add(entity.id);
      else reached.set(rule.id, new Set([entity.id]));
    }
    register.watch(undefined);
  }
}

/** The name a message's "did you mean" offers ({suggestion} holding one name), if any. */
function suggestedName(message: Message): string | undefined {
  const offered = message.data?.['suggestion'];
  if (typeof offered !== 'object' || offered === null || !('id' in offered) || offered.id !== 'suggestion') return undefined;
  const name = offered.data?.['name'];
  return typeof name === 'string' ? name : undefined;
}

function kindsOf<K extends Kind>(appliesTo: K | readonly K[]): readonly K[] {
  return typeof appliesTo === 'string' ? [appliesTo] : appliesTo;
}

/** The entities of `ids` that are of a rule's kinds, in the order of `ids`. */
function* subsetOf(register: FileModel, appliesTo: Kind | readonly Kind[], ids: ReadonlySet<string>): Generator<Entity> {
  const kinds = kindsOf(appliesTo);
  for (const id of ids) {
    const entity = register.get(id);
    if (entity && kinds.includes(entity.kind)) yield entity;
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file === 'itreg.yaml' ? -1 : b.file === 'itreg.yaml' ? 1 : a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** The findings that pass `keep` (paths, --changed, --quiet), with the summary counted again for them. */
export function selectFindings(result: LintResult, keep: (finding: Finding) => boolean): LintResult {
  const findings = result.findings.filter(keep);
  const baselined = result.baselined?.filter(keep);
  const { errors, warnings } = countSeverities(findings);
  return {
    findings,
    ...(result.unusedSuppressions ? { unusedSuppressions: result.unusedSuppressions } : {}),
    summary: {
      ...result.summary,
      errors,
      warnings,
      suppressed: (result.silenced ?? []).filter(keep).length + (baselined?.length ?? 0),
      ...(baselined ? { baselined: baselined.length } : {}),
    },
  };
}

/** The errors and warnings among findings, counted in one pass (no list of each made to be counted). */
function countSeverities(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const finding of findings) if (finding.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}
