// RegisterWorkspace: the register as an editor sees it (its open documents over the files on disk), linted as `itreg lint` lints it and kept current one change at a time.
import { ConfigError, errorMessage } from '../errors.js';
import { translator, type Language } from '../i18n/index.js';
import { join } from 'node:path';
import { changedKeys } from '../lint/changes.js';
import { fixesOfFile, type Fix, type FixContext } from '../lint/fixes.js';
import { checkRuleOptions } from '../lint/rule-options.js';
import { compareFindings, runRules, type Finding, type LintOptions, type LintResult } from '../lint/run-rules.js';
import { applySuppressions } from '../lint/suppressions.js';
import { readSuppressions, SUPPRESSIONS_FILE, type SuppressionEntry } from '../lint/suppressions-file.js';
import { idsOfKeys, RegisterModel } from '../model/register-model.js';
import { Mentions } from './mentions.js';
import { todayIn } from '../model/today.js';
import { readConfig, type Config } from '../register/config.js';
import { indexOfPath, isReadFile, loadRegister, recordsOfFiles, replaceSources, rereadFile, type FileModel, type FileRecord, type LoadedRegister } from '../register/load.js';
import { schemaLine } from '../register/scaffold.js';
import { decodeSource, type SourceFile } from '../register/source.js';
import type { Rule } from '../rules/define-rule.js';
import { rules as allRules } from '../rules/index.js';

export interface WorkspaceOptions {
  /** The moment "today" is taken from (the CLI's ITREG_NOW, for tests); the date is asked again at every change. */
  readonly now?: () => Date;
  /** --lang: the language of the findings, over itreg.yaml's. */
  readonly language?: Language;
}

/** What itreg.yaml says wrong, when it cannot be read: `itreg lint` stops with it (exit 2); the editor shows it there. */
export interface ConfigProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

const CONFIG_FILE = 'itreg.yaml';
const rules = allRules as readonly Rule[];

/**
 * The register as loaded once, with every change applied as it comes: a document the editor changed, opened or closed,
 * a file changed on disk. Each change lints again only what it can reach (the same reach as `itreg lint --changed`:
 * file rules on the changed file, entity checks on the entities that can ask about an id it touched, every register
 * rule), and keeps every other finding; the findings are always those a full lint of the same files gives.
 */
export class RegisterWorkspace {
  private loaded: LoadedRegister;
  private model: FileModel;
  private mentions: Mentions;
  /** The lint before itreg-suppressions.json (what a change updates), and after it (what is reported). */
  private raw: LintResult;
  private reported: LintResult;
  private byFile = new Map<string, readonly Finding[]>();
  private date: string;
  /** The text of each document the editor holds open, by path relative to the folder of itreg.yaml. */
  private readonly documents = new Map<string, string>();
  private problem: ConfigProblem | undefined;
  private suppressions: readonly SuppressionEntry[] | undefined | 'unread' = 'unread';

  private constructor(
    private config: Config,
    private readonly options: WorkspaceOptions,
  ) {
    this.date = this.today();
    this.loaded = loadRegister(config);
    this.model = new RegisterModel(this.loaded);
    this.mentions = new Mentions(this.loaded.records);
    this.raw = this.lintAll();
    this.reported = this.suppress(this.raw);
    this.byFile = groupByFile(this.reported.findings);
  }

  /** Reads itreg.yaml (a ConfigError when it cannot be) and loads and lints the register it names. */
  static open(configFile: string, options: WorkspaceOptions = {}): RegisterWorkspace {
    return new RegisterWorkspace(readCheckedConfig(configFile, options.language), options);
  }

  get root(): string {
    return this.config.root;
  }

  get language(): Language {
    return this.config.language;
  }

  /** The register folder, relative to the folder of itreg.yaml. */
  get registerFolder(): string {
    return this.config.register;
  }

  get register(): FileModel {
    return this.model;
  }

  get fileCount(): number {
    return this.loaded.files.length;
  }

  /** What itreg.yaml says wrong, while it cannot be read (the last good configuration is used meanwhile). */
  get configProblem(): ConfigProblem | undefined {
    return this.problem;
  }

  /** Whether `path` (relative to the folder of itreg.yaml) is itreg.yaml or a register file that lint reads. */
  isChecked(path: string): boolean {
    return path === CONFIG_FILE || isReadFile(this.config, path);
  }

  /** The findings `itreg lint` reports, every file's. */
  get result(): LintResult {
    return this.reported;
  }

  /** The findings `itreg lint` reports in the file at `path`, in its order. */
  findings(path: string): readonly Finding[] {
    return this.byFile.get(path) ?? [];
  }

  /** The text the findings of `path` were placed in: the open document's, else the file's as read. */
  textOf(path: string): string | undefined {
    const open = this.documents.get(path);
    if (open !== undefined) return open;
    if (path === CONFIG_FILE) return this.config.source.text;
    return this.loaded.files[indexOfPath(this.loaded.files, path)]?.text;
  }

  /**
   * The fixes lint --fix would make in the file at `path` as it is now (lint/fixes.ts): damaged text repaired, the
   * file renamed to its id, the schema line added.
   */
  fixesOf(path: string): Fix[] {
    const index = indexOfPath(this.loaded.files, path);
    const source = this.loaded.files[index];
    if (source === undefined) return [];
    const record = recordsOfFiles(this.loaded)[index];
    const taken = (other: string) => this.loaded.files.some((file) => file.path.toLowerCase() === other.toLowerCase());
    const context: FixContext = { isTaken: taken, schemaLine: (kind, file) => schemaLine(this.config, kind, join(this.config.root, file)) };
    return fixesOfFile({ source, kind: record?.kind, id: record?.id }, this.findings(path), context);
  }

  /** The editor opened or changed a document: its text counts instead of the file's. Returns the files whose findings changed. */
  setDocument(path: string, text: string): Set<string> {
    this.documents.set(path, text);
    if (path === CONFIG_FILE || !isReadFile(this.config, path)) return new Set();
    return this.apply(path, decodeSource(path, Buffer.from(text, 'utf8')));
  }

  /** The editor closed a document: the file on disk counts again (or nothing, when it is gone). */
  closeDocument(path: string): Set<string> {
    if (!this.documents.delete(path)) return new Set();
    if (path === CONFIG_FILE || !isReadFile(this.config, path)) return new Set();
    return this.apply(path, rereadFile(this.config, path));
  }

  /**
   * Files changed, created or deleted on disk. An open document keeps its text (the editor's is the newer); itreg.yaml
   * or itreg-suppressions.json reloads everything.
   */
  filesChanged(paths: Iterable<string>): Set<string> {
    const changed = new Set<string>();
    for (const path of paths) {
      if (path === CONFIG_FILE) return this.reload();
      if (path === SUPPRESSIONS_FILE) {
        this.suppressions = 'unread';
        for (const file of this.restate(this.raw)) changed.add(file);
        continue;
      }
      if (this.documents.has(path) || !isReadFile(this.config, path)) continue;
      for (const file of this.apply(path, rereadFile(this.config, path))) changed.add(file);
    }
    return changed;
  }

  /** Reads itreg.yaml and the register again, with the open documents over it. Returns the files whose findings changed. */
  reload(): Set<string> {
    let config: Config;
    try {
      config = readCheckedConfig(`${this.config.root}/${CONFIG_FILE}`, this.options.language);
      this.problem = undefined;
    } catch (error: unknown) {
      if (!(error instanceof ConfigError)) throw error;
      this.problem = configProblem(error, this.config.language);
      return new Set([CONFIG_FILE]);
    }
    this.config = config;
    this.suppressions = 'unread';
    const onDisk = loadRegister(config);
    const open = [...this.documents].filter(([path]) => path !== CONFIG_FILE && isReadFile(config, path));
    this.loaded = replaceSources(
      onDisk,
      new Set(open.map(([path]) => path)),
      open.map(([path, text]) => decodeSource(path, Buffer.from(text, 'utf8'))),
    );
    this.model = new RegisterModel(this.loaded);
    this.mentions = new Mentions(this.loaded.records);
    this.date = this.today();
    return this.restate(this.lintAll());
  }

  /** One file's new content (undefined: it is gone), linted as far as the change reaches. */
  private apply(path: string, source: SourceFile | undefined): Set<string> {
    const before = this.loaded;
    const touched = new Set([path]);
    this.loaded = replaceSources(before, touched, source ? [source] : []);
    this.model = new RegisterModel(this.loaded);
    this.mentions.update(path, recordAtPath(this.loaded.records, path));
    const today = this.today();
    if (today !== this.date) {
      // A new day changes what is current and overdue everywhere: the whole register is linted again.
      this.date = today;
      return this.restate(this.lintAll());
    }
    return this.restate(this.lintChange(before, touched));
  }

  /**
   * The findings after a change to `touched`: the checks it can reach run again on the register now, every other
   * finding is kept (lintAgainstBase() in lint/changes.ts draws the same line for --changed).
   */
  private lintChange(before: LoadedRegister, touched: ReadonlySet<string>): LintResult {
    const model = this.model;
    const { keys, files } = changedKeys(model, before, touched);
    for (const path of touched) files.add(path);
    const ids = idsOfKeys(keys);
    // The entities that may ask about a touched id (mayAskAbout()): those whose record holds it, if the model took them.
    const candidates = new Set<string>();
    for (const path of this.mentions.filesMentioning(ids)) {
      const record = recordAtPath(this.loaded.records, path);
      if (record?.id !== undefined && (model.get(record.id) as unknown) === record.data) candidates.add(record.id);
    }
    const part = runRules(model, rules, { ...this.lintOptions(), subset: { files, entities: () => candidates } });
    const scopes = new Map<string, Rule['scope']>(rules.map((rule) => [rule.id, rule.scope]));
    const ranAgain = (finding: Finding): boolean => {
      const scope = scopes.get(finding.ruleId);
      if (scope === 'file') return files.has(finding.file);
      if (scope !== 'entity') return true;
      const id = finding.entityId;
      return id !== undefined && (candidates.has(id) || (model.get(id) === undefined && keys.has(`i${id}`)));
    };
    const findings = [...this.raw.findings.filter((finding) => !ranAgain(finding)), ...part.findings].sort(compareFindings);
    const silenced = [...(this.raw.silenced ?? []).filter((finding) => !ranAgain(finding)), ...(part.silenced ?? [])];
    return {
      findings,
      silenced,
      summary: {
        files: this.loaded.files.length,
        entities: model.entities.length,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        suppressed: silenced.length,
      },
    };
  }

  /** Takes a new lint as the current one; returns the files whose reported findings changed. */
  private restate(raw: LintResult): Set<string> {
    this.raw = raw;
    this.reported = this.suppress(raw);
    const next = groupByFile(this.reported.findings);
    const changed = new Set<string>();
    for (const [file, findings] of next) if (!sameFindings(this.byFile.get(file), findings)) changed.add(file);
    for (const file of this.byFile.keys()) if (!next.has(file)) changed.add(file);
    this.byFile = next;
    return changed;
  }

  private lintAll(): LintResult {
    return runRules(this.model, rules, this.lintOptions());
  }

  private lintOptions(): LintOptions {
    return { date: this.date, language: this.config.language };
  }

  /** As `itreg lint`: the findings itreg-suppressions.json holds are not reported (the file is read again when it changes). */
  private suppress(raw: LintResult): LintResult {
    if (this.suppressions === 'unread') {
      try {
        this.suppressions = readSuppressions(this.config.root);
      } catch {
        this.suppressions = undefined; // `itreg lint` says what is wrong with the file; the editor shows every finding meanwhile
      }
    }
    return this.suppressions === undefined ? raw : applySuppressions(raw, this.suppressions);
  }

  private today(): string {
    return todayIn(this.config.timeZone, this.options.now?.() ?? new Date());
  }
}

/** The record of the file at `path` (records come in path order, at most one a file), by halving. */
function recordAtPath(records: readonly FileRecord[], path: string): FileRecord | undefined {
  let low = 0;
  let high = records.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const here = records[middle]!.source.path;
    if (here === path) return records[middle];
    if (here < path) low = middle + 1;
    else high = middle - 1;
  }
  return records.find((record) => record.source.path === path);
}

function readCheckedConfig(file: string, language: Language | undefined): Config {
  const config = readConfig(file, language);
  checkRuleOptions(config, rules, language);
  return config;
}

/** A ConfigError's "itreg.yaml:3:7: …" as a place and a message. */
function configProblem(error: ConfigError, language: Language): ConfigProblem {
  const text = errorMessage(error);
  const placed = /^itreg\.yaml:(\d+):(\d+): (.*)$/s.exec(text);
  const message = translator(language)({ id: 'lspConfigKept', data: { detail: placed ? placed[3]! : text } });
  return placed ? { message, line: Number(placed[1]), column: Number(placed[2]) } : { message, line: 1, column: 1 };
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  return byFile;
}

function sameFindings(a: readonly Finding[] | undefined, b: readonly Finding[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  return a.every((f, i) => {
    const g = b[i]!;
    return f.ruleId === g.ruleId && f.severity === g.severity && f.message === g.message && f.line === g.line && f.column === g.column && f.suggestion === g.suggestion;
  });
}
