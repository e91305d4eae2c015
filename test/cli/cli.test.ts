// The CLI as a child process: exit codes, one-line errors, output formats, --help and --version.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, fixtures, projectRoot, registerFrom, runCli, temporaryFolder } from '../helpers.js';

const clean = join(fixtures, 'clean');

describe('exit codes', () => {
  it('0 on a clean register', () => {
    const result = runCli(['lint', '--date', '2026-06-01'], clean);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/No problems \(14 files\)/);
    expect(result.status).toBe(0);
  });

  it('1 when lint finds errors', () => {
    const folder = registerFrom('clean', { 'register/roles/diarium-owner.yaml': null });
    const result = runCli(['lint', '--date', '2026-06-01'], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('register/applications/diarium.yaml');
    expect(result.stdout).toMatch(/1:1\s+error\s+Diariesystem has no system owner/);
  });

  it('2 with one line when there is no register', () => {
    const result = runCli(['lint'], temporaryFolder());
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^itreg: ingen itreg\.yaml i .* eller någon mapp ovanför: kör `itreg init`/);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['an unknown option', ['lint', '--bogus'], /unknown option '--bogus'/],
    ['a bad format', ['lint', '--format', 'xml'], /the option '-f, --format <format>' does not take 'xml': use one of stylish, json, sarif, junit, github, gitlab \(see itreg --help\)/],
    ['a bad date', ['lint', '--date', '30/2'], /--date must be a date written YYYY-MM-DD/],
    ['a date that does not exist', ['lint', '--date', '2026-02-30'], /--date: 2026-02-30 is not in the calendar; write a date that exists, YYYY-MM-DD/],
    ['an unknown rule', ['lint', '--rule', 'owner=off'], /unknown rule "owner"/],
    ['a bad severity', ['lint', '--rule', 'schema=fatal'], /the severity must be off, warning or error/],
    ['a bad --max-warnings', ['lint', '--max-warnings', 'many'], /--max-warnings must be a whole number/],
    ['an unknown command', ['lnt'], /unknown command 'lnt'/],
    ['a path that does not exist', ['lint', 'register/aplications'], /no such file or folder: register\/aplications/],
  ])('2 with one line for %s', (_name, args, message) => {
    const result = runCli(args, clean);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('2 naming the line of a broken itreg.yaml', () => {
    const folder = registerFrom('clean', { 'itreg.yaml': 'name: X\nlanguage: en\nrules:\n  schema: loud\n' });
    const result = runCli(['lint'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('itreg: itreg.yaml:4:11: "rules.schema" must be off, warning, error or [severity, {options}]\n');
  });

  it('1 when warnings exceed --max-warnings, 0 within it', () => {
    const folder = registerFrom('clean', { 'register/documents/it-policy.yaml': 'kind: Document\nid: it-policy\nname: IT-policy\ntype: policy\nadopted: 2021-09-01\nvalidYears: 5\n' });
    expect(runCli(['lint', '--date', '2026-06-01', '--max-warnings', '1'], folder).status).toBe(0);
    expect(runCli(['lint', '--date', '2026-06-01', '--max-warnings', '0'], folder).status).toBe(1);
    expect(runCli(['lint', '--date', '2026-06-01', '--rule', 'document-review=off', '--max-warnings', '0'], folder).status).toBe(0);
  });
});

describe('lint output', () => {
  it('prints the JSON shape of DESIGN.md', () => {
    const folder = registerFrom('clean', { 'register/roles/diarium-owner.yaml': null });
    const result = runCli(['lint', '--date', '2026-06-01', '--format', 'json'], folder);
    const json = JSON.parse(result.stdout) as { findings: unknown[]; summary: unknown };
    expect(json.summary).toEqual({ files: 13, entities: 13, errors: 2, warnings: 0, suppressed: 0 });
    expect(json.findings[0]).toEqual({
      ruleId: 'application-has-owner',
      severity: 'error',
      message: expect.stringMatching(/^Diariesystem has no system owner/) as unknown,
      file: 'register/applications/diarium.yaml',
      line: 1,
      column: 1,
      entityId: 'diarium',
    });
  });

  it('reports only findings in the given paths, still judging against the whole register', () => {
    const folder = registerFrom('clean', { 'register/roles/diarium-owner.yaml': null });
    const inRoles = JSON.parse(runCli(['lint', 'register/roles', '--format', 'json', '--date', '2026-06-01'], folder).stdout) as { findings: Array<{ file: string }> };
    const inApps = JSON.parse(runCli(['lint', 'register/applications', '--format', 'json', '--date', '2026-06-01'], folder).stdout) as { findings: Array<{ file: string }> };
    // The administrator's appointedBy now points nowhere: a finding in roles/, and only there.
    expect(inRoles.findings.map((f) => f.file)).toEqual(['register/roles/diarium-admin.yaml']);
    expect(inApps.findings.map((f) => f.file)).toEqual(['register/applications/diarium.yaml']);
  });

  it('--quiet drops warnings; --output writes the file and prints nothing', () => {
    const folder = registerFrom('clean', { 'register/documents/it-policy.yaml': 'kind: Document\nid: it-policy\nname: IT-policy\ntype: policy\nadopted: 2021-09-01\nvalidYears: 5\n' });
    expect(runCli(['lint', '--date', '2026-06-01', '--quiet'], folder).stdout).toMatch(/No problems/);
    const result = runCli(['lint', '--date', '2026-06-01', '--format', 'json', '--output', 'out/../lint.json'], folder);
    expect(result.stdout).toBe('');
    const written = JSON.parse(readFileSync(join(folder, 'lint.json'), 'utf8')) as { summary: { warnings: number } };
    expect(written.summary.warnings).toBe(1);
  });

  it('speaks Swedish by default and English with --lang en', () => {
    const folder = registerFrom('clean', { 'itreg.yaml': 'name: X\n', 'register/roles/diarium-owner.yaml': null });
    expect(runCli(['lint', '--date', '2026-06-01'], folder).stdout).toMatch(/Diariesystem saknar systemägare/);
    expect(runCli(['lint', '--date', '2026-06-01', '--lang', 'en'], folder).stdout).toMatch(/Diariesystem has no system owner/);
  });

  it('is colourless when NO_COLOR is set and coloured with FORCE_COLOR', () => {
    const folder = registerFrom('clean', { 'register/roles/diarium-owner.yaml': null });
    expect(runCli(['lint', '--date', '2026-06-01'], folder).stdout).not.toMatch(/\u001b\[/);
    expect(runCli(['lint', '--date', '2026-06-01'], folder, { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
  });
});

describe('help and version', () => {
  it('stops quietly when the reader closes the pipe early (itreg help lint | head -1)', () => {
    for (let run = 0; run < 3; run++) {
      const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" --lang sv help lint | head -1`], { cwd: clean, encoding: 'utf8' });
      expect(piped.stdout).toBe('Användning: itreg lint [flaggor] [sökvägar...]\n');
      expect(piped.stderr).toBe('');
    }
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    const result = runCli(['--version']);
    expect(result.stdout.trim()).toBe(version);
    expect(result.status).toBe(0);
  });

  it("--help lists the commands with examples, in the register's language or --lang", () => {
    const swedish = runCli(['--help']);
    expect(swedish.status).toBe(0);
    expect(swedish.stdout).toMatch(/Kommandon:[\s\S]*lint[\s\S]*kontrollera registret mot scheman[\s\S]*rules/);
    expect(swedish.stdout).toMatch(/Exempel:\n\s+\$ itreg lint/);
    const english = runCli(['--help', '--lang', 'en']);
    expect(english.stdout).toMatch(/Commands:[\s\S]*lint[\s\S]*check the register against the schemas[\s\S]*rules/);
    expect(english.stdout).toMatch(/Examples:\n\s+\$ itreg lint/);
    expect(runCli(['lint', '--help'], clean).stdout).toMatch(/Options:[\s\S]*-f, --format <format> +output format \(choices: "stylish",/);
    expect(runCli(['lint', '--help']).stdout).toMatch(/Flaggor:[\s\S]*-f, --format <format> +utdataformat \(val: "stylish",[\s\S]*standard: "stylish"\)/);
  });

  it('lint on the example register prints findings with file:line:col', () => {
    const result = runCli(['lint', '--date', '2026-11-26', '--format', 'json']);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number }>; summary: { files: number } };
    expect(json.summary.files).toBeGreaterThanOrEqual(40);
    expect(json.findings).toContainEqual(expect.objectContaining({ ruleId: 'training-plan', file: 'register/applications/bibliotek.yaml', line: 2, column: 1 }));
  });
});
