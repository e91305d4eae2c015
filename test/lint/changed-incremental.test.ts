// --changed lints, now and at the base, only the checks a change can reach (lintAgainstBase). Held here to the plain way, a full
// lint of both registers compared by fingerprint, on random changes of the example register and of a generated one
// (bench/generate.mjs, with its defects): a value swapped for one another file has under the same key (references,
// kinds, roles, dates, types), an id renamed, a file deleted, a file copied (a duplicate id), a role ended.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintAgainstBase, selectNewFindings } from '../../src/lint/changes.js';
import { ruleSetting, runRules, type Finding } from '../../src/lint/run-rules.js';
import { translator } from '../../src/i18n/index.js';
import { idsOfKeys, mayAskAbout, RegisterModel } from '../../src/model/register-model.js';
import { readConfig } from '../../src/register/config.js';
import { loadRegister, replaceFiles, type LoadedRegister } from '../../src/register/load.js';
import { rules } from '../../src/rules/index.js';
import { projectRoot, seededRandom, temporaryFolder } from '../helpers.js';

const options = { date: '2026-06-01', language: 'en' as const };
const example = loadRegister(readConfig(join(projectRoot, 'itreg.yaml')));
/** A second register of another shape: bench/generate.mjs's, 40 applications with broken references and unknown fields. */
const generatedFolder = temporaryFolder();
execFileSync(process.execPath, [join(projectRoot, 'bench/generate.mjs'), generatedFolder, '40', '--defects'], { stdio: 'ignore' });
const generated = loadRegister(readConfig(join(generatedFolder, 'itreg.yaml')));

/** What random changes of a register are made of: its files' texts, and every scalar value under each key, to swap in. */
interface Material {
  readonly texts: ReadonlyMap<string, string>;
  readonly paths: readonly string[];
  readonly valuesByKey: ReadonlyMap<string, string[]>;
}

function materialOf(register: LoadedRegister): Material {
  const texts = new Map(register.files.map((file) => [file.path, file.text]));
  const valuesByKey = new Map<string, string[]>();
  for (const text of texts.values()) {
    for (const match of text.matchAll(/^( *(?:- )?)([A-Za-z]+): ([^\n#[{|>]+?)\s*$/gm)) {
      const list = valuesByKey.get(match[2]!) ?? [];
      list.push(match[3]!);
      valuesByKey.set(match[2]!, list);
    }
  }
  return { texts, paths: [...texts.keys()], valuesByKey };
}

const exampleMaterial = materialOf(example);
const { texts } = exampleMaterial;

const random = seededRandom;

interface Change {
  readonly describe: string;
  /** New text by path; null deletes. */
  readonly files: ReadonlyMap<string, string | null>;
}

function changeFor(seed: number, { texts, paths, valuesByKey }: Material = exampleMaterial): Change {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const files = new Map<string, string | null>();
  const steps: string[] = [];
  // One to three edits in one change, as a commit has.
  for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
    const path = pick(paths);
    const text = files.get(path) ?? texts.get(path)!;
    const what = next();
    if (what < 0.1) {
      files.set(path, null);
      steps.push(`delete ${path}`);
    } else if (what < 0.2) {
      const copy = path.replace(/\.yaml$/, '-copy.yaml');
      files.set(copy, text);
      steps.push(`copy ${path}`);
    } else if (what < 0.3) {
      files.set(path, text.replace(/^id: (.+)$/m, 'id: $1-renamed'));
      steps.push(`rename the id in ${path}`);
    } else if (what < 0.4 && /^kind: RoleAssignment$/m.test(text) && !/^until:/m.test(text)) {
      files.set(path, `${text}until: 2021-01-01\n`);
      steps.push(`end the role in ${path}`);
    } else {
      const lines = [...text.matchAll(/^( *(?:- )?)([A-Za-z]+): ([^\n#[{|>]+?)\s*$/gm)];
      if (lines.length === 0) continue;
      const line = pick(lines);
      const value = pick(valuesByKey.get(line[2]!)!);
      files.set(path, text.replace(line[0], `${line[1]}${line[2]}: ${value}`));
      steps.push(`${path}: ${line[2]}: ${line[3]} → ${value}`);
    }
  }
  return { describe: steps.join('; '), files };
}

const shown = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`;

function apply(register: LoadedRegister, change: Change): { now: LoadedRegister; touched: Set<string>; changed: Set<string> } {
  const touched = new Set(change.files.keys());
  const changed = new Set([...change.files].filter(([, text]) => text !== null).map(([path]) => path));
  const written = [...change.files].flatMap(([path, text]) => (text === null ? [] : [{ path, bytes: Buffer.from(text) }]));
  return { now: replaceFiles(register, touched, written), touched, changed };
}

describe('--changed at the base lints only what the change can reach', () => {
  it.each([
    ['the example register (300 random changes)', example, 300, 50],
    ['a generated register with defects (150 random changes)', generated, 150, 20],
  ])('finds on %s what a full lint of the base and the change finds', (_name, register, changes, elsewhere) => {
    const material = materialOf(register);
    const { texts } = material;
    const baseFull = runRules(register, rules, options);
    let newFindings = 0;
    let ranNow = 0;
    let fullNow = 0;
    for (let seed = 1; seed <= changes; seed++) {
      const change = changeFor(seed, material);
      const { now, touched, changed } = apply(register, change);
      // The plain way: every rule on both registers, compared by fingerprint.
      const full = runRules(now, rules, options);
      const expected = full.findings.filter(selectNewFindings(full, baseFull, changed)).map(shown);
      // What lint --changed does: the base from the register now, with the touched files as they were.
      const before = [...touched].flatMap((path) => (texts.has(path) ? [{ path, bytes: Buffer.from(texts.get(path)!) }] : []));
      const { result, isNew } = lintAgainstBase(now, replaceFiles(now, touched, before), touched, changed, rules, options);
      // The lint now runs only what the change can reach: part of the full lint's findings, never another.
      const all = new Set(full.findings.map(shown));
      expect(
        result.findings.map(shown).filter((line) => !all.has(line)),
        `change ${seed}: ${change.describe}`,
      ).toEqual([]);
      ranNow += result.findings.length;
      fullNow += full.findings.length;
      expect(result.findings.filter(isNew).map(shown), `change ${seed}: ${change.describe}`).toEqual(expected);
      newFindings += expected.filter((line) => ![...changed].some((path) => line.startsWith(`${path}:`))).length;
    }
    // The changes do break things elsewhere (a test whose changes never reach another file would prove nothing).
    expect(newFindings).toBeGreaterThan(elsewhere);
    // And it does leave out what the change cannot reach.
    expect(ranNow).toBeLessThan(fullNow / 2);
  });

  it("agrees with a full lint when a copied file sorts before its original (a file rule's finding then gets another ordinal)", () => {
    const path = 'register/applications/skolplattform-mellerud.yaml';
    const change: Change = { describe: 'copy', files: new Map([[path.replace(/\.yaml$/, '-copy.yaml'), texts.get(path)!]]) };
    const { now, touched, changed } = apply(example, change);
    const full = runRules(now, rules, options);
    const expected = full.findings.filter(selectNewFindings(full, runRules(example, rules, options), changed)).map(shown);
    // The original's damaged text is now the second of two findings with one fingerprint: a full lint calls it new.
    expect(expected).toContain(`${path}:5:66 text-encoding damaged text "frÃ¥n g" (text encoded twice, e.g. "Ã¤" for "ä"): retype the letters`);
    const { result, isNew } = lintAgainstBase(now, replaceFiles(now, touched, []), touched, changed, rules, options);
    expect(result.findings.filter(isNew).map(shown)).toEqual(expected);
  });

  // Entity checks run now only where mayAskAbout() says they can ask about a changed key: every question a check asks
  // must be about its entity's id or one it refers to. A rule that asked about another (a second step along the
  // references, a whole kind) would be missed by --changed: this names it.
  it('asks the model, in every entity check, only about keys mayAskAbout() foresees', () => {
    const recorded: string[] = [];
    /** A watch set that notes every key asked about and matches none (so asking never stops early). */
    const recorder = new (class extends Set<string> {
      override has(key: string): boolean {
        recorded.push(key);
        return false;
      }
    })(['']);
    const entityRules = rules.filter((rule) => rule.scope === 'entity');
    const t = translator('en');
    let checks = 0;
    const asked = new Set<string>();
    for (let seed = 0; seed <= 100; seed++) {
      const register = new RegisterModel(seed === 0 ? example : apply(example, changeFor(seed)).now);
      const context = { register, loaded: register.loaded, config: register.loaded.config, date: options.date, ruleIds: rules.map((r) => r.id), t, recordFor: () => undefined };
      for (const rule of entityRules) {
        const kinds: readonly string[] = typeof rule.appliesTo === 'string' ? [rule.appliesTo] : rule.appliesTo;
        for (const entity of register.entities.filter((e) => kinds.includes(e.kind))) {
          recorded.length = 0;
          register.watch(recorder);
          const hits = rule.check(entity as never, { ...context, options: ruleSetting(rule, register.loaded.config).options });
          // Only "did you mean" may look through every id: it changes a message's words, never a fingerprint.
          const lookedThroughAll = register.takeTouched();
          register.watch(undefined);
          checks++;
          for (const key of recorded) asked.add(key[0]!);
          const unforeseen = recorded.filter((key) => !mayAskAbout(entity, idsOfKeys([key])));
          expect(unforeseen, `${rule.id} on ${entity.id} (change ${seed})`).toEqual([]);
          if (lookedThroughAll) expect(rule.id === 'reference' && hits.some((hit) => hit.message.id === 'unknownReference'), `${rule.id} on ${entity.id}`).toBe(true);
        }
      }
    }
    expect(checks).toBeGreaterThan(10_000);
    // Questions by id and about an application's roles, agreements and plans were both asked.
    expect([...asked].sort()).toEqual(['a', 'i']);
  });
});
