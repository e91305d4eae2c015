// RegisterModel: the valid entities of a loaded register, indexed for the questions rules, costs and reports ask.
import type { Kind, SchemaIssue } from '../schema/validate.js';
import type { Agreement, Application, EntityKinds, Municipality, Processing, RoleAssignment, TrainingPlan } from '../types/entities.generated.js';
import { isWithin } from '../util/dates.js';
import { isCurrentAgreement } from './agreement-terms.js';
import { isMemberOn } from './membership.js';

export { isCurrentAgreement } from './agreement-terms.js';

export type Entity = EntityKinds[Kind];

/** Where a record came from, as the domain needs it: a path to name in messages and links. The file layer adds more. */
export interface EntityOrigin {
  readonly path: string;
}

/** One declared entity: its data as parsed, its schema issues, and whether the policy rules may trust it. */
export interface EntityRecord<Source extends EntityOrigin = EntityOrigin> {
  readonly source: Source;
  readonly data: Readonly<Record<string, unknown>>;
  readonly kind: Kind | undefined;
  readonly id: string | undefined;
  readonly schemaIssues: readonly SchemaIssue[];
}

/** What the model is built from: every record in file order (the file layer's LoadedRegister is one). */
export interface ModelInput {
  readonly records: readonly EntityRecord[];
}
export type Role = RoleAssignment['role'];
export type AgreementType = Agreement['type'];

/** Live: an application whose lifecycle status is not `retired` (DESIGN.md). */
export function isLive(app: Application): boolean {
  return app.lifecycle?.status !== 'retired';
}

export function isCurrentRole(role: RoleAssignment, date: string): boolean {
  return isWithin(date, role.from, role.until);
}

/**
 * What a question to the model depends on, as a key (--changed): an id ('i' + id), the roles, agreements and plans of
 * an application ('a' + id), every entity of a kind ('k' + kind). The keys an entity's data touches are those of
 * dependencyKeys(); a question whose key no change touched has the same answer before and after the change.
 */
export function dependencyKeys(data: Readonly<Record<string, unknown>>, id: string | undefined): string[] {
  const keys: string[] = [];
  if (id !== undefined) keys.push(`i${id}`);
  if (typeof data['kind'] === 'string') keys.push(`k${data['kind']}`);
  if (typeof data['application'] === 'string') keys.push(`a${data['application']}`);
  if (Array.isArray(data['applications'])) for (const app of data['applications']) if (typeof app === 'string') keys.push(`a${app}`);
  return keys;
}

/**
 * Whether an entity rule's check of `entity` can ask the model about one of `ids` (idsOfKeys() of the changed keys).
 * A check asks only about ids its entity holds: its own and those it refers to, by id and, for an application, about
 * its roles, agreements and plans (test/lint/changed-incremental.test.ts holds every rule to that); only register
 * rules ask about a whole kind. "Did you mean" looks through every id, but that changes a message's words, never its
 * fingerprint. Any string in the entity (value or key, at any depth) counts: a superset of its references that needs no
 * knowledge of the format.
 */
export function mayAskAbout(entity: unknown, ids: ReadonlySet<string>): boolean {
  if (typeof entity === 'string') return ids.has(entity);
  if (typeof entity !== 'object' || entity === null) return false;
  if (Array.isArray(entity)) {
    for (const item of entity) if (mayAskAbout(item, ids)) return true;
    return false;
  }
  for (const key in entity) if (ids.has(key) || mayAskAbout((entity as Record<string, unknown>)[key], ids)) return true;
  return false;
}

/** The ids whose questions (by id, or about an application's roles, agreements and plans) touch one of `keys`. */
export function idsOfKeys(keys: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const key of keys) if (key[0] === 'i' || key[0] === 'a') ids.add(key.slice(1));
  return ids;
}

/** True when the record's file is named after its id (<id>.yaml or <id>.yml). */
function isNamedAfterId(record: EntityRecord): boolean {
  const path = record.source.path;
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
  return name === record.id;
}

/**
 * The model is generic over what it was built from, so that it knows nothing of files: the file layer's FileModel
 * (register/load.ts) is a RegisterModel over a LoadedRegister, whose records carry their parsed source.
 */
export class RegisterModel<Loaded extends ModelInput = ModelInput> {
  /** Entities that passed their schema and whose id is not a later duplicate, in file order. */
  private readonly all: readonly Entity[];
  /**
   * While set (--changed), the keys a change touched: a question that depends on one of them sets `touched`, so the
   * lint knows which checks could answer differently at the base.
   */
  private watched: ReadonlySet<string> | undefined;
  private touched = false;
  /** The record that keeps each id (named after it, else the first), valid or not: what a reference can point at. */
  private readonly firstRecordById: Map<string, Loaded['records'][number]>;
  private readonly byKind = new Map<Kind, Entity[]>();
  private readonly rolesByApp = new Map<string, RoleAssignment[]>();
  private readonly agreementsByApp = new Map<string, Agreement[]>();
  private readonly plansByApp = new Map<string, TrainingPlan[]>();
  private readonly processingsByApp = new Map<string, Processing[]>();

  /** Every record after the first with its id, in file order. */
  private readonly duplicates: Loaded['records'][number][] = [];

  constructor(readonly loaded: Loaded) {
    const entities: Entity[] = [];
    // Of several records with one id, the one in a file named after it keeps the id (a copy, it-a-copy.yaml, is the
    // duplicate wherever it sorts); among equals, the first in path order. One look-up a record: without a duplicate id
    // (the common case) the second pass asks no map (a national register: 115,000 ids, twice for --changed).
    const keeper = new Map<string, Loaded['records'][number]>();
    let duplicated = false;
    for (const record of loaded.records) {
      if (record.id === undefined) continue;
      const kept = keeper.get(record.id);
      if (kept === undefined) keeper.set(record.id, record);
      else {
        duplicated = true;
        if (!isNamedAfterId(kept) && isNamedAfterId(record)) keeper.set(record.id, record);
      }
    }
    // Each id in the place of the record that keeps it (a copy sorted before the original does not move it).
    this.firstRecordById = duplicated ? new Map<string, Loaded['records'][number]>() : keeper;
    for (const record of loaded.records) {
      if (record.id === undefined) continue;
      if (duplicated) {
        if (keeper.get(record.id) !== record) {
          this.duplicates.push(record);
          continue;
        }
        this.firstRecordById.set(record.id, record);
      }
      if (record.schemaIssues.length > 0 || record.kind === undefined) continue;
      const entity = record.data as unknown as Entity;
      entities.push(entity);
      push(this.byKind, entity.kind, entity);
    }
    this.all = entities;
    for (const role of this.ofKind('RoleAssignment')) if (role.application) push(this.rolesByApp, role.application, role);
    for (const agreement of this.ofKind('Agreement')) if (agreement.application) push(this.agreementsByApp, agreement.application, agreement);
    for (const plan of this.ofKind('TrainingPlan')) for (const app of plan.applications ?? []) push(this.plansByApp, app, plan);
    for (const processing of this.ofKind('Processing')) for (const app of processing.applications) push(this.processingsByApp, app, processing);
  }

  /** The entity with `id`, when its first record passed its schema (a model entity's record is its id's first). */
  private valid(id: string): Entity | undefined {
    const record = this.firstRecordById.get(id);
    return record !== undefined && record.schemaIssues.length === 0 && record.kind !== undefined ? (record.data as unknown as Entity) : undefined;
  }

  /** Entities that passed their schema and whose id is not a later duplicate, in file order. */
  get entities(): readonly Entity[] {
    if (this.watched !== undefined && this.watched.size > 0) this.touched = true;
    return this.all;
  }

  /** Starts noting whether the questions asked depend on any of `keys` (undefined: stops). */
  watch(keys: ReadonlySet<string> | undefined): void {
    this.watched = keys;
    this.touched = false;
  }

  /** Whether a question since the last call depended on a watched key; starts afresh. */
  takeTouched(): boolean {
    const touched = this.touched;
    this.touched = false;
    return touched;
  }

  private depends(key: string): void {
    if (this.watched!.has(key)) this.touched = true;
  }

  /** The entities of several kinds, in file order. */
  ofKinds<K extends Kind>(kinds: readonly K[]): readonly EntityKinds[K][] {
    if (kinds.length === 1) return this.ofKind(kinds[0]!);
    if (this.watched) for (const kind of kinds) this.depends(`k${kind}`);
    return this.all.filter((entity): entity is EntityKinds[K] => (kinds as readonly Kind[]).includes(entity.kind));
  }

  ofKind<K extends Kind>(kind: K): readonly EntityKinds[K][] {
    if (this.watched) this.depends(`k${kind}`);
    return (this.byKind.get(kind) ?? []) as EntityKinds[K][];
  }

  get(id: string): Entity | undefined {
    if (this.watched) this.depends(`i${id}`);
    return this.valid(id);
  }

  getOf<K extends Kind>(kind: K, id: string | undefined): EntityKinds[K] | undefined {
    if (this.watched && id !== undefined) this.depends(`i${id}`);
    const entity = id === undefined ? undefined : this.valid(id);
    return entity?.kind === kind ? (entity as EntityKinds[K]) : undefined;
  }

  /** The first record declaring `id`, even one with schema errors. */
  recordById(id: string): Loaded['records'][number] | undefined {
    if (this.watched) this.depends(`i${id}`);
    return this.firstRecordById.get(id);
  }

  recordOf(entity: Entity): Loaded['records'][number] {
    if (this.watched) this.depends(`i${entity.id}`);
    const record = this.firstRecordById.get(entity.id);
    if (record === undefined || this.valid(entity.id) !== entity) throw new Error(`entity ${entity.id} is not part of this register`);
    return record;
  }

  /** Every record that declares an id another file keeps, in file order (unique-id): see the constructor. */
  laterDuplicates(): readonly Loaded['records'][number][] {
    if (this.watched !== undefined && this.watched.size > 0) this.touched = true;
    return this.duplicates;
  }

  /** Every id declared in the register (valid or not), for "did you mean". */
  ids(): IterableIterator<string> {
    if (this.watched !== undefined && this.watched.size > 0) this.touched = true;
    return this.firstRecordById.keys();
  }

  /** Every id declared with `kind` (valid or not), in file order, for "did you mean". */
  idsOf(kind: string): string[] {
    if (this.watched !== undefined && this.watched.size > 0) this.touched = true;
    const ids: string[] = [];
    for (const [id, record] of this.firstRecordById) if (record.kind === kind) ids.push(id);
    return ids;
  }

  roles(appId: string, role?: Role): readonly RoleAssignment[] {
    if (this.watched) this.depends(`a${appId}`);
    const all = this.rolesByApp.get(appId) ?? [];
    return role === undefined ? all : all.filter((r) => r.role === role);
  }

  currentRoles(appId: string, role: Role, date: string): readonly RoleAssignment[] {
    return this.roles(appId, role).filter((r) => isCurrentRole(r, date));
  }

  /** Whether the application has a role of `role` current on `date` (currentRoles(…).length > 0, without the list). */
  hasCurrentRole(appId: string, role: Role, date: string): boolean {
    if (this.watched) this.depends(`a${appId}`);
    const all = this.rolesByApp.get(appId);
    if (all !== undefined) for (const r of all) if (r.role === role && isCurrentRole(r, date)) return true;
    return false;
  }

  agreements(appId: string, type?: AgreementType): readonly Agreement[] {
    if (this.watched) this.depends(`a${appId}`);
    const all = this.agreementsByApp.get(appId) ?? [];
    return type === undefined ? all : all.filter((a) => a.type === type);
  }

  /** Renewed: another agreement of the same type for the same application starts later (DESIGN.md, agreement-expiry). */
  isRenewed(agreement: Agreement): boolean {
    if (agreement.application === undefined) return false;
    return this.agreements(agreement.application, agreement.type).some((other) => other !== agreement && other.start > agreement.start);
  }

  currentAgreements(appId: string, type: AgreementType, date: string): readonly Agreement[] {
    return this.agreements(appId, type).filter((a) => isCurrentAgreement(a, date));
  }

  /** Whether the application has an agreement of `type` current on `date` (currentAgreements(…).length > 0, without the list). */
  hasCurrentAgreement(appId: string, type: AgreementType, date: string): boolean {
    if (this.watched) this.depends(`a${appId}`);
    const all = this.agreementsByApp.get(appId);
    if (all !== undefined) for (const a of all) if (a.type === type && isCurrentAgreement(a, date)) return true;
    return false;
  }

  /** Training plans that list the application. */
  plansFor(appId: string): readonly TrainingPlan[] {
    if (this.watched) this.depends(`a${appId}`);
    return this.plansByApp.get(appId) ?? [];
  }

  /** Processing activities (records of processing) that list the application, current or not. */
  processingsFor(appId: string): readonly Processing[] {
    if (this.watched) this.depends(`a${appId}`);
    return this.processingsByApp.get(appId) ?? [];
  }

  /**
   * Member municipalities on `date` (`member` not false and, with `memberships`, the date in one of them). Without a
   * date: every municipality that is not marked `member: false`, whenever it was a member.
   */
  members(date?: string): readonly Municipality[] {
    return this.ofKind('Municipality').filter((m) => (date === undefined ? m.member !== false : isMemberOn(m, date)));
  }

  /** A name for messages: the entity's display name, else its id. */
  nameOf(id: string): string {
    if (this.watched) this.depends(`i${id}`);
    const entity = this.valid(id);
    return entity && 'name' in entity && entity.name ? entity.name : id;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
