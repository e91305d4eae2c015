// No English word in Swedish text and no Swedish word in English text: every catalogue entry, every label, the term
// list, the rules' documentation, the --help, every template's literal text and the rendered Swedish reports.
//
// When this test fails after you added a message, a label or a template, it names the entry and the word. Then:
// - a word of the other language: translate it ("kind" → "posttyp", "error" → "fel");
// - a rule or a kind in a sentence: use its name in words (terms.ts: ruleName, kindName, or a { ruleName } argument);
// - an enum value in a sentence: use its words from src/i18n/terms.ts ("active" → terms.sv.statuses.active);
// - something the user types or reads in a file (a field, a YAML value, a command): put it in `backticks`, which this
//   test skips, as it skips "double-quoted" values, {placeholders}, <placeholders>, --options, paths and ids;
// - a true word of the language that only looks foreign: add it to `alsoSwedish` or `alsoEnglish` below, with why.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { sv } from '../../src/i18n/sv.js';
import { terms } from '../../src/i18n/terms.js';
import { reportLabels } from '../../src/report/labels.js';
import { examplesSv, helpSv } from '../../src/cli/help-sv.js';
import { buildProgram } from '../../src/cli/program.js';
import { rules, ruleIds } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/define-rule.js';
import { kinds } from '../../src/schema/validate.js';
import { projectRoot } from '../helpers.js';

type Language = 'sv' | 'en';

/** Every string inside a value (objects, arrays), with the path that leads to it. */
function strings(value: unknown, path: string): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  return [];
}

/** The words of the other language, looked up in lower case. Built from the register's own values where it can be. */
const englishWords = new Set<string>([
  // The words that leaked (issue 18) and their families.
  'kind',
  'kinds',
  'active',
  'operations',
  'support',
  'users',
  'user',
  'error',
  'errors',
  'warning',
  'warnings',
  'options',
  'command',
  'commands',
  'paths',
  'default',
  'floor',
  'usage',
  'owner',
  'vendor',
  'item',
  'items',
  'entity',
  'entities',
  'rule',
  'rules',
  'finding',
  'findings',
  'file',
  'files',
  'folder',
  'missing',
  'unknown',
  'none',
  // English that only an untranslated sentence has.
  'the',
  'and',
  'with',
  'without',
  'for',
  'of',
  'is',
  'are',
  'must',
  'should',
  'which',
  'from',
  'until',
  'only',
  // The register's English values: kinds, enum values (the keys of the term list) and rule ids.
  ...kinds.map((kind) => kind.toLowerCase()),
  // (Keys that are no word, such as a level's number or an article's letter, are not looked for.)
  ...Object.values(terms.en)
    .flatMap((group: object) => Object.keys(group))
    .map((key) => key.toLowerCase())
    .filter((key) => /^[a-z][a-z-]+$/.test(key)),
  ...ruleIds,
]);

/** Words in both languages, or Swedish words in the English value lists: never a leak in Swedish text. */
const alsoSwedish = new Set<string>([
  'schema', // the rule id is also the Swedish word
  'specialist',
  'plan',
  'policy', // role, document type: the same word in Swedish
  'personal', // personalData value; Swedish "personal" = staff
  'population', // cost key; a Swedish word too (we write "befolkning")
  'person', // a counted noun: the same word in Swedish
]);
for (const word of alsoSwedish) englishWords.delete(word);

const swedishWords = new Set<string>([
  'och',
  'eller',
  'inte',
  'för',
  'med',
  'är',
  'av',
  'till',
  'på',
  'som',
  'saknar',
  'gäller',
  'ska',
  'finns',
  'ingen',
  'inget',
  'kommun',
  'kommuner',
  'kommunen',
  'avtal',
  'avtalet',
  'applikation',
  'applikationer',
  'applikationen',
  'enhet',
  'enheten',
  'systemägare',
  'systemansvarig',
  'systemansvariga',
  'utbildningsplan',
  'undantag',
  'undantaget',
  'regel',
  'regeln',
  'fynd',
  'varning',
  'varningar',
  'drift',
  'förvaltning',
  'användning',
  'flaggor',
  'kommandon',
  'befolkning',
  'andelar',
  'posttyp',
  'registret',
  'mappen',
  'filen',
  'kontrollera',
  // Every word of the Swedish term list.
  ...Object.entries(terms.sv)
    .filter(([group]) => group !== 'rules')
    .flatMap(([, group]) => strings(group, ''))
    .flatMap(([, text]) => text.toLowerCase().match(/[\p{L}][\p{L}-]*/gu) ?? []),
]);
/** Words in both languages (or names) found in the Swedish term list: never a leak in English text. */
const alsoEnglish = [
  'specialist',
  'plan',
  'policy', // the same word in both
  'i',
  'under',
  'god', // "i drift", "under införande", fit "god": English words too
  'en',
  'id',
  'text',
  'system',
  'yaml', // "en" is also the language code; the others are the same in both
  'personnummer',
  'samordningsnummer', // the Swedish identifiers' own names, used in English too
  'art',
  'a',
  'b',
  'c',
  'd',
  'e',
  'f', // "art." and an article's points (GDPR art. 6.1 a–f) in the legal bases' Swedish names; "a" and "e.g." in English
  'person', // a counted noun: the same word in both
];
for (const word of alsoEnglish) swedishWords.delete(word);

/** The prose of a text: code spans, quoted values, placeholders, markup, options, paths, commands and ids taken out. */
function prose(text: string, language: Language): string {
  let out = text
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/\{\{[\s\S]*?\}\}/g, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x60;/g, '`')
    .replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"\n]*"|”[^”\n]*”|“[^”\n]*”/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/^ *\$ .*?(?= {2,}|$)/gm, ' ') // an example command line in --help
    .replace(/^ {2}[a-z][a-z-]*(?= )/gm, ' ') // a command or argument name at the start of a --help line
    .replace(/\bitreg [a-z-]+/g, ' ')
    .replace(/(^|\s)--?[a-zA-Z][\w-]*(=\S*)?/g, ' ')
    .replace(/\S*[/\\]\S*|\S+\.(ya?ml|hbs|json|csv|md|html|pdf|ics)\b/g, ' ');
  // Swedish quotes values in single quotes too ('--bogus'); English uses the apostrophe.
  if (language === 'sv') out = out.replace(/'[^'\n]*'/g, ' ');
  return out;
}

/**
 * Words the example register's own prose uses ("Abonnemang och support BiblioNet" is Swedish as written): rendered
 * reports show them as data, not as our wording.
 */
const registerProse = new Set(
  filesBelow(join(projectRoot, 'register'), (name) => name.endsWith('.yaml'))
    .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
    .filter((line) => /^\s*-?\s*(name|description|title|product|reason|decision|notes):/.test(line))
    .flatMap((line) => line.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []),
);

interface Leak {
  readonly where: string;
  readonly word: string;
  readonly text: string;
}

function leaks(entries: ReadonlyArray<readonly [where: string, text: string]>, language: Language, data: ReadonlySet<string> = new Set()): Leak[] {
  const foreign = language === 'sv' ? englishWords : swedishWords;
  const found: Leak[] = [];
  for (const [where, text] of entries) {
    for (const token of prose(text, language).match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []) {
      if (foreign.has(token.toLowerCase()) && !data.has(token.toLowerCase())) found.push({ where, word: token, text: text.length > 160 ? `${text.slice(0, 160)}…` : text });
    }
  }
  return found;
}

/** Every help text the CLI shows, as commander prints it. */
function helpTexts(command: Command, path = 'itreg'): Array<[string, string]> {
  return [[`--help of ${path}`, command.helpInformation()], ...command.commands.flatMap((sub) => helpTexts(sub, `${path} ${sub.name()}`))];
}

/** Files below a folder whose name passes `keep`. */
function filesBelow(folder: string, keep: (name: string) => boolean): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesBelow(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

const templates = filesBelow(join(projectRoot, 'templates'), (name) => name.endsWith('.hbs'));
const snapshots = filesBelow(join(projectRoot, 'test'), (name) => /\.sv\.(md|html|txt)$/.test(name)).filter((path) => path.includes('__snapshots__'));
const ruleDocs = (language: Language): Array<[string, string]> =>
  (rules as readonly Rule[]).flatMap((rule) => [
    [`rule ${rule.id} description`, rule.docs.description[language]],
    [`rule ${rule.id} details`, rule.docs.details[language]],
  ]);
const noop = async () => {};

const sources: Record<Language, () => Array<[string, string]>> = {
  sv: () => [
    ...Object.entries(sv).map(([id, text]): [string, string] => [`sv.ts ${id}`, text]),
    ...strings(reportLabels.sv, 'reportLabels.sv'),
    ...strings(terms.sv, 'terms.sv'),
    ...ruleDocs('sv'),
    ...Object.entries(helpSv).map(([english, text]): [string, string] => [`help-sv.ts "${english}"`, text]),
    ['help-sv.ts examplesSv', examplesSv],
    ...helpTexts(buildProgram(noop, 'sv')),
  ],
  en: () => [
    ...Object.entries(en).map(([id, text]): [string, string] => [`en.ts ${id}`, text]),
    ...strings(reportLabels.en, 'reportLabels.en'),
    ...strings(terms.en, 'terms.en'),
    ...ruleDocs('en'),
    ...helpTexts(buildProgram(noop, 'en')),
  ],
};

const explain = (found: readonly Leak[]) => found.map((l) => `${l.where}: "${l.word}" in ${JSON.stringify(l.text)}`).join('\n');

describe('language leaks', () => {
  it.each(['sv', 'en'] as const)('no word of the other language in %s text', (language) => {
    const entries = sources[language]();
    expect(entries.length).toBeGreaterThan(400);
    const found = leaks(entries, language);
    expect(found, `\n${explain(found)}\n(see the top of test/i18n/language-leaks.test.ts for how to fix)`).toEqual([]);
  });

  it("no English word in the rendered Swedish reports (the file snapshots), other than the register's own prose", () => {
    const entries = snapshots.map((file): [string, string] => [relative(projectRoot, file), readFileSync(file, 'utf8')]);
    expect(entries.length).toBeGreaterThanOrEqual(6);
    const found = leaks(entries, 'sv', registerProse);
    expect(found, `\n${explain(found)}\n(see the top of test/i18n/language-leaks.test.ts for how to fix)`).toEqual([]);
  });

  it('no prose in either language in the templates themselves: their words come from the labels', () => {
    const entries = templates.map((file): [string, string] => [relative(projectRoot, file), readFileSync(file, 'utf8')]);
    expect(entries.length).toBeGreaterThanOrEqual(6);
    const found = [...leaks(entries, 'sv'), ...leaks(entries, 'en')];
    expect(found, `\n${explain(found)}`).toEqual([]);
  });

  it('catches the leaks issue 18 found, and lets code, quotes and ids through', () => {
    const sample = (text: string, language: Language = 'sv') => leaks([['sample', text]], language).map((l) => l.word);
    expect(sample('skriv i denna mapp i stället för den som är brukligt för sin kind')).toEqual(['kind']);
    expect(sample('Undantaget för training-plan på Telefonisystem går ut')).toEqual(['training-plan']);
    expect(sample('Refereras av: Agreement gis-drift, RoleAssignment gis-systemagare')).toEqual(['Agreement', 'RoleAssignment']);
    expect(sample('| Livscykel | active |')).toEqual(['active']);
    expect(sample('- Driftavtal GIS (operations)')).toEqual(['operations']);
    expect(sample('- error: GIS saknar systemansvarig')).toEqual(['error']);
    expect(sample('lägg till en rollbemanning (`role: system-owner`) i "kind" för gis-support --format json register/x.yaml')).toEqual([]);
    expect(sample('the exception for rule X on Y ends', 'en')).toEqual([]);
    expect(sample('the application has no systemägare och inget avtal', 'en')).toEqual(['systemägare', 'och', 'inget', 'avtal']);
  });
});
