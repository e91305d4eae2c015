// defineRule(): the shape of a rule. A rule is pure: it gets typed data and a context and returns hits, never positions or severities.
import type { FileModel } from '../register/load.js';
import type { Bilingual, Message, Translate } from '../i18n/index.js';
import type { Config, Severity } from '../register/config.js';
import type { FileRecord, LoadedRegister } from '../register/load.js';
import type { JsonPath, Target } from '../types/json-path.js';
import type { Position, SourceFile } from '../register/source.js';
import type { Kind } from '../schema/validate.js';
import type { EntityKinds } from '../types/entities.generated.js';

export type RuleOptions = Readonly<Record<string, number | string | boolean>>;

export interface RuleContext {
  readonly register: FileModel;
  readonly loaded: LoadedRegister;
  readonly config: Config;
  /** The date every "current" and "overdue" is judged on (--date, default today). */
  readonly date: string;
  readonly options: RuleOptions;
  readonly ruleIds: readonly string[];
  readonly t: Translate;
  /** The entity record parsed from a file, if the file held one. */
  recordFor(source: SourceFile): FileRecord | undefined;
}

/** A rule's finding before the engine places it: where (a JSON path or an exact position) and what. */
export interface Hit {
  readonly message: Message;
  /** Path in the entity's document; [] (the default) means the entity's first line. */
  readonly path?: JsonPath;
  readonly target?: Target;
  /** An exact position, for findings in raw text (comments included). */
  readonly position?: Position;
  /** Register-wide rules: the entity the hit is about (its file is used). */
  readonly entityId?: string;
  /** Register-wide rules: the file, when the hit is not about a valid entity (duplicates, itreg.yaml). */
  readonly source?: SourceFile;
  /** The id this hit is about when it is another entity's (a reference): --changed reports it when that entity's file changed. */
  readonly refersTo?: string;
  /** The one nearest candidate a misspelt value, field or reference may have meant (the editor offers it as a fix). */
  readonly suggestion?: string;
  /** A milder hit of a rule that reports both levels (agreement-expiry, document-review). */
  readonly severity?: 'warning';
}

export interface RuleDocs {
  /** One line: what the rule reports. */
  readonly description: Bilingual;
  /** The policy text the rule enforces, quoted from the seed, and its chapter. */
  readonly policy?: { readonly quote: string; readonly chapter: string };
  /** Longer explanation: edges, options, how to fix. */
  readonly details: Bilingual;
  /** A basis in law rather than in the IT policy (GDPR): where, and its words. */
  readonly basis?: { readonly source: Bilingual; readonly quote: Bilingual };
}

interface RuleBase<Id extends string> {
  readonly id: Id;
  readonly severity: Severity;
  readonly docs: RuleDocs;
  readonly defaultOptions?: RuleOptions;
  /** The rule's options as a small JSON Schema (an object schema); itreg.yaml's options are checked against it. */
  readonly optionsSchema?: OptionsSchema;
}

/** A rule's options schema: an object whose properties each allow a number, string or boolean. */
export interface OptionsSchema {
  readonly type: 'object';
  readonly additionalProperties: false;
  readonly properties: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface EntityRule<Id extends string, K extends Kind> extends RuleBase<Id> {
  readonly scope: 'entity';
  /** The kind checked, or several (every kind: `kinds`), each entity on its own. */
  readonly appliesTo: K | readonly K[];
  check(entity: EntityKinds[K], context: RuleContext): readonly Hit[];
}

export interface FileRule<Id extends string> extends RuleBase<Id> {
  readonly scope: 'file';
  /** Every register file, parsed or not. */
  check(source: SourceFile, context: RuleContext): readonly Hit[];
}

export interface RegisterRule<Id extends string> extends RuleBase<Id> {
  readonly scope: 'register';
  check(context: RuleContext): readonly Hit[];
}

export type Rule<Id extends string = string> = EntityRule<Id, Kind> | FileRule<Id> | RegisterRule<Id>;

export function defineRule<Id extends string, K extends Kind>(rule: Omit<EntityRule<Id, K>, 'scope'> & { scope?: 'entity' }): EntityRule<Id, K>;
export function defineRule<Id extends string>(rule: FileRule<Id>): FileRule<Id>;
export function defineRule<Id extends string>(rule: RegisterRule<Id>): RegisterRule<Id>;
export function defineRule(rule: { scope?: string }): unknown {
  return { scope: 'entity', ...rule };
}
