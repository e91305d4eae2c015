// The CLI speaks the register's language: errors, commander's usage errors and --help in Swedish or English, decided
// by --lang, else itreg.yaml, else the locale, else Swedish.
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ExitCode, UsageError } from '../../src/errors.js';
import { decideLanguage } from '../../src/cli/language.js';
import { asksForHelp } from '../../src/cli/argv.js';
import { buildProgram } from '../../src/cli/program.js';
import { helpSv } from '../../src/cli/help-sv.js';
import { fixtures, projectRoot, registerFrom, runCli, temporaryFolder } from '../helpers.js';

const clean = join(fixtures, 'clean'); // language: en
const example = projectRoot; // language: sv

describe('the language of the CLI', () => {
  it("is --lang, else itreg.yaml's, else the locale, else Swedish", () => {
    const empty = temporaryFolder();
    expect(decideLanguage(['lint', '-C', example], {})).toBe('sv');
    expect(decideLanguage(['lint', '-C', clean], {})).toBe('en');
    expect(decideLanguage(['lint', `--cwd=${clean}`], {})).toBe('en');
    expect(decideLanguage(['lint', `-C${clean}`], {})).toBe('en');
    expect(decideLanguage(['lint', '-C', example, '--lang', 'en'], {})).toBe('en');
    expect(decideLanguage(['lint', '-C', clean, '--lang=sv'], {})).toBe('sv');
    expect(decideLanguage(['-c', join(clean, 'itreg.yaml'), 'lint', '-C', empty], {})).toBe('en');
    expect(decideLanguage(['lint', '-C', empty], { LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(decideLanguage(['lint', '-C', empty], { LANG: 'en_GB.UTF-8', LC_ALL: 'sv_SE.UTF-8' })).toBe('sv');
    expect(decideLanguage(['lint', '-C', empty], { LANG: 'C.UTF-8' })).toBe('sv');
    expect(decideLanguage(['lint', '-C', empty, '--', '--lang', 'en'], {})).toBe('sv');
    // A broken itreg.yaml: its own error is reported; the locale decides the language.
    const broken = registerFrom('clean', { 'itreg.yaml': 'name: [\n' });
    expect(decideLanguage(['lint', '-C', broken], { LANG: 'en_US.UTF-8' })).toBe('en');
  });

  it('carries a catalogue message in an error, in English by default and in either language on demand', () => {
    const error = new UsageError({ id: 'noSuchPath', data: { path: 'x.yaml' } });
    expect(error.message).toBe('no such file or folder: x.yaml');
    expect(error.messageIn('sv')).toBe('filen eller mappen finns inte: x.yaml');
    expect(error.exitCode).toBe(ExitCode.Failure);
    expect(new UsageError('as given').messageIn('sv')).toBe('as given');
  });
});

describe('usage errors', () => {
  it.each([
    [['lint', '--bogus'], "okänd flagga '--bogus' (se itreg --help)", "unknown option '--bogus' (see itreg --help)"],
    [['lint', '--quite'], 'okänd flagga \'--quite\' (menade du "--quiet"?) (se itreg --help)', 'unknown option \'--quite\' (did you mean "--quiet"?) (see itreg --help)'],
    [['lnt'], 'okänt kommando \'lnt\' (menade du "lint"?) (se itreg --help)', 'unknown command \'lnt\' (did you mean "lint"?) (see itreg --help)'],
    // Two suggestions, each in its own quotes ("export, report" in one quote before).
    [['eport'], 'okänt kommando \'eport\' (menade du "export" eller "report"?) (se itreg --help)', 'unknown command \'eport\' (did you mean "export" or "report"?) (see itreg --help)'],
    [['new', 'unit'], "argumentet 'id' saknas (se itreg --help)", "the argument 'id' is missing (see itreg --help)"],
    [['lint', '--date'], "flaggan '--date <ÅÅÅÅ-MM-DD>' behöver ett värde (se itreg --help)", "the option '--date <YYYY-MM-DD>' needs a value (see itreg --help)"],
    [
      ['costs', '--by', 'kommun'],
      "flaggan '--by <vy>' tar inte 'kommun': använd en av item, municipality (se itreg --help)",
      "the option '--by <view>' does not take 'kommun': use one of item, municipality (see itreg --help)",
    ],
    [['rules', 'a', 'b'], "för många argument till 'rules': väntade 1, fick 2 (se itreg --help)", "too many arguments for 'rules': expected 1, got 2 (see itreg --help)"],
    [['lint', '--date', '1 juni'], '--date ska vara ett datum skrivet ÅÅÅÅ-MM-DD, inte "1 juni"', '--date must be a date written YYYY-MM-DD, not "1 juni"'],
    // Written as asked, but no day of the calendar: said so, not asked for the form it has.
    [
      ['lint', '--date', '2026-02-30'],
      '--date: 2026-02-30 finns inte i kalendern; skriv ett datum som finns, ÅÅÅÅ-MM-DD',
      '--date: 2026-02-30 is not in the calendar; write a date that exists, YYYY-MM-DD',
    ],
    [
      ['history', '--since', '2026-13-01'],
      '--since: 2026-13-01 finns inte i kalendern; skriv ett datum som finns, ÅÅÅÅ-MM-DD',
      '--since: 2026-13-01 is not in the calendar; write a date that exists, YYYY-MM-DD',
    ],
    [['site', '-C', 'no-such-folder', '--output', 'x'], '-C no-such-folder: det finns ingen sådan mapp', '-C no-such-folder: there is no such folder'],
    [['site'], "flaggan '-o, --output <mapp>' måste anges (se itreg --help)", "the option '-o, --output <dir>' is required (see itreg --help)"],
    [['new'], "argumentet 'posttyp' saknas (se itreg --help)", "the argument 'kind' is missing (see itreg --help)"],
    [['lint', '--rule', 'owner=off'], '--rule owner=off: okänd regel "owner"; se `itreg rules`', '--rule owner=off: unknown rule "owner"; see `itreg rules`'],
    [['costs', '--year', '26'], '--year ska vara ett årtal som 2026, inte "26"', '--year must be a year such as 2026, not "26"'],
    [
      ['new', 'unit', 'Stora Enheten'],
      '"Stora Enheten" är inget id: använd gemena bokstäver, siffror och bindestreck, t.ex. "pa-lon"',
      '"Stora Enheten" is not an id: use lower-case letters, digits and hyphens, e.g. "pa-lon"',
    ],
  ])("%j: one line in the register's language", (args, swedish, english) => {
    const inSwedish = runCli(args, example);
    expect(inSwedish.status).toBe(2);
    expect(inSwedish.stderr).toBe(`itreg: ${swedish}\n`);
    const inEnglish = runCli(args, clean);
    expect(inEnglish.status).toBe(2);
    expect(inEnglish.stderr).toBe(`itreg: ${english}\n`);
  });

  it("outside a register, in the locale's language (Swedish unless it is English)", () => {
    const folder = temporaryFolder();
    expect(runCli(['lint', '--bogus'], folder, { LANG: 'en_US.UTF-8', LC_ALL: '' }).stderr).toBe("itreg: unknown option '--bogus' (see itreg --help)\n");
    expect(runCli(['lint', '--bogus'], folder, { LANG: 'C.UTF-8', LC_ALL: '' }).stderr).toBe("itreg: okänd flagga '--bogus' (se itreg --help)\n");
  });
});

describe('--help in Swedish', () => {
  /** Every description a user can read in --help: the program's, its options', its commands' and their arguments'. */
  function descriptions(command: Command): string[] {
    return [
      command.description(),
      ...command.options.map((option) => option.description),
      ...command.registeredArguments.map((argument) => argument.description),
      ...command.commands.flatMap(descriptions),
    ].filter((text) => text !== '');
  }

  it('has a Swedish text for every description of every command, option and argument', () => {
    const english = descriptions(buildProgram(async () => {}, 'en'));
    expect(english.length).toBeGreaterThanOrEqual(75);
    expect(english.filter((text) => helpSv[text] === undefined)).toEqual([]);
    const swedish = descriptions(buildProgram(async () => {}, 'sv'));
    expect(swedish).toEqual(english.map((text) => helpSv[text]));
  });

  it('knows help is coming whatever global options come first', () => {
    expect(asksForHelp([])).toBe(true);
    expect(asksForHelp(['--lang', 'sv', 'help', 'lint'])).toBe(true);
    expect(asksForHelp(['-C', 'help', 'lint'])).toBe(false); // "help" is the folder here
    expect(asksForHelp(['-C', 'dir', '--no-color', 'help'])).toBe(true);
    expect(asksForHelp(['lint', 'register', '--help'])).toBe(true);
    expect(asksForHelp(['-h'])).toBe(true);
    expect(asksForHelp(['lint', '--', '--help'])).toBe(false);
    expect(asksForHelp(['--lang', 'en', 'lint'])).toBe(false);
    // -v/--version prints the version, which is in no language: the language is not looked up for it.
    expect(asksForHelp(['--version'])).toBe(false);
    expect(asksForHelp(['-C', 'dir', '-v'])).toBe(false);
    expect(asksForHelp(['-C', '-v'])).toBe(true); // "-v" is the folder here
    expect(asksForHelp(['--version', '--help'])).toBe(true);
  });

  it('is Swedish when asked for with global options before help', () => {
    expect(runCli(['--lang', 'sv', 'help', 'lint'], clean).stdout).toMatch(/^Användning: itreg lint/);
    expect(runCli(['-C', example, 'help', 'costs'], temporaryFolder()).stdout).toMatch(/^Användning: itreg costs/);
    expect(runCli(['--lang', 'en', 'help', 'lint'], example).stdout).toMatch(/^Usage: itreg lint/);
  });

  it("shows commander's headings, defaults and choices in Swedish", () => {
    const help = runCli(['costs', '--help'], example).stdout;
    expect(help).toMatch(/^Användning: itreg costs \[flaggor\]/);
    expect(help).toMatch(/Flaggor:\n/);
    expect(help).toMatch(/--by <vy> +en rad per post, eller per kommun \(val:\s+"item",\s+"municipality",\s+standard:\s+"item"\)/);
    expect(help).toMatch(/-h, --help +visa hjälp för kommandot/);
    expect(help).toMatch(/Exempel:\n  \$ itreg costs --year 2026/);
    expect(help).not.toMatch(/Usage:|Options:|Examples:|default:|choices:/);
  });

  it('has a Swedish usage line and terms, and no "kind" used as a Swedish noun', () => {
    const top = runCli(['--help'], example).stdout;
    expect(top).toMatch(/^Användning: itreg \[flaggor\] \[kommando\]\n/);
    expect(top).toMatch(/^  lint \[flaggor\] \[sökvägar\.\.\.\] /m);
    expect(top).toMatch(/^  -C, --cwd <mapp> +kör som om itreg startats i <mapp>$/m);
    const newHelp = runCli(['new', '--help'], example).stdout;
    expect(newHelp).toMatch(/^Användning: itreg new \[flaggor\] <posttyp> <id>\n/);
    expect(newHelp).toMatch(/--dir <mapp> +skriv i den här mappen i stället för posttypens\s+vanliga mapp/);
    expect(newHelp).toMatch(/-s, --set <nyckel=värde\.\.\.>/);
    const all = ['--help', ...['new', 'init', 'list', 'export', 'lint'].map((c) => `${c} --help`)].map((args) => runCli(args.split(' '), example).stdout).join('\n');
    expect(all).not.toMatch(/\b(en|per|sin|av) kind\b|\[options\]|\[command\]|\[paths|brukligt/);
    // English help keeps commander's words.
    expect(runCli(['--help', '--lang', 'en'], example).stdout).toMatch(/^Usage: itreg \[options\] \[command\]\n/);
  });
});
