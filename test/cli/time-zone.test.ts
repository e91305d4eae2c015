// "Today" and --since/--until are days in the register's time zone (itreg.yaml timeZone, default Europe/Stockholm),
// whatever the machine's zone: real CLI runs under TZ=Pacific/Kiritimati (UTC+14) and TZ=America/Anchorage (UTC−8).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { git, registerFrom, runCli, writeFiles } from '../helpers.js';

const exported = (folder: string, env: Record<string, string>) => {
  const result = runCli(['export', '--format', 'json'], folder, env);
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { exported: string }).exported;
};

describe("today is the register zone's date", () => {
  const folder = registerFrom('clean');
  // 22:30 UTC on 1 June is already 2 June, 00:30, in Stockholm (UTC+2), and 14:30 on 1 June in Anchorage.
  // 21:30 UTC on 1 June is still 1 June, 23:30, in Stockholm, and already 2 June, 11:30, in Kiritimati.
  it.each([
    ['Pacific/Kiritimati', '2026-06-01T22:30:00Z', '2026-06-02'],
    ['America/Anchorage', '2026-06-01T22:30:00Z', '2026-06-02'],
    ['Pacific/Kiritimati', '2026-06-01T21:30:00Z', '2026-06-01'],
    ['America/Anchorage', '2026-06-01T21:30:00Z', '2026-06-01'],
    ['UTC', '2026-12-31T23:30:00Z', '2027-01-01'],
  ])('TZ=%s at %s: Stockholm says %s', (tz, now, expected) => {
    expect(exported(folder, { TZ: tz, ITREG_NOW: now })).toBe(expected);
  });

  it('follows timeZone in itreg.yaml', () => {
    const anchorage = registerFrom('clean', { 'itreg.yaml': 'name: X\nlanguage: en\ntimeZone: America/Anchorage\n' });
    expect(exported(anchorage, { TZ: 'Pacific/Kiritimati', ITREG_NOW: '2026-06-01T22:30:00Z' })).toBe('2026-06-01');
  });

  it("judges lint on that date: an agreement ending on 1 June has ended on Stockholm's 2 June", () => {
    const ends = registerFrom('clean', {
      'register/agreements/diarium-support.yaml': 'kind: Agreement\nid: diarium-support\nname: Support\ntype: support\napplication: diarium\nstart: 2020-01-01\nend: 2026-06-01\n',
    });
    const lint = (now: string) => runCli(['lint', '--format', 'json'], ends, { TZ: 'America/Anchorage', ITREG_NOW: now });
    const messages = (now: string) =>
      (JSON.parse(lint(now).stdout) as { findings: Array<{ ruleId: string; severity: string }> }).findings.filter((f) => f.ruleId === 'agreement-expiry').map((f) => f.severity);
    expect(messages('2026-06-01T21:30:00Z')).toEqual(['warning']);
    expect(messages('2026-06-01T22:30:00Z')).toContain('error');
  });

  // Issue 25, item 7: JavaScript reads 2027-02-31T10:00:00Z as 3 March; --date 2027-02-31 is refused, and so is this.
  it("checks ITREG_NOW's day as --date is checked: a day the calendar lacks is exit 2", () => {
    for (const [env, args, message] of [
      [{ ITREG_NOW: '2027-02-31T10:00:00Z' }, ['lint'], 'itreg: ITREG_NOW: 2027-02-31 is not in the calendar; write a date that exists, YYYY-MM-DD\n'],
      [{}, ['lint', '--date', '2027-02-31'], 'itreg: --date: 2027-02-31 is not in the calendar; write a date that exists, YYYY-MM-DD\n'],
      [{ ITREG_NOW: 'Feb 28 2027' }, ['lint'], 'itreg: ITREG_NOW must be an instant such as 2026-06-01T12:00:00Z, not "Feb 28 2027"\n'],
    ] as const) {
      expect(runCli([...args, '--lang', 'en'], folder, env)).toMatchObject({ status: 2, stdout: '', stderr: message });
    }
    expect(runCli(['lint'], folder, { ITREG_NOW: '2027-02-28T10:00:00Z' }).status).toBe(0);
  });

  it('refuses a time zone that does not exist, with the nearest name', () => {
    const bad = registerFrom('clean', { 'itreg.yaml': 'name: X\nlanguage: en\ntimeZone: Europe/Stokholm\n' });
    const result = runCli(['lint'], bad);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/itreg\.yaml:3:11: timeZone "Europe\/Stokholm" is not a known time zone.*did you mean "Europe\/Stockholm"/);
  });
});

function commitAt(folder: string, instant: string, message: string): void {
  git(folder, 'add', '-A');
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.org',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.org',
    GIT_AUTHOR_DATE: instant,
    GIT_COMMITTER_DATE: instant,
  };
  const result = spawnSync('git', ['commit', '--quiet', '-m', message], { cwd: folder, encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(result.stderr);
}

describe('history --since/--until: whole days in the register zone, both ends included', () => {
  const folder = registerFrom('clean');
  git(folder, 'init', '--quiet', '--initial-branch=main');
  commitAt(folder, '2026-05-31T12:00:00+02:00', 'before');
  // 00:30 on 1 June in Stockholm is still 31 May in UTC and in Anchorage.
  writeFiles(folder, { 'register/units/a.yaml': 'kind: Unit\nid: a\nname: A\ntype: group\n' });
  commitAt(folder, '2026-05-31T22:30:00Z', 'early on 1 June');
  writeFiles(folder, { 'register/units/b.yaml': 'kind: Unit\nid: b\nname: B\ntype: group\n' });
  commitAt(folder, '2026-06-01T23:50:00+02:00', 'late on 1 June');
  writeFiles(folder, { 'register/units/c.yaml': 'kind: Unit\nid: c\nname: C\ntype: group\n' });
  commitAt(folder, '2026-06-02T00:10:00+02:00', '2 June');

  const subjects = (tz: string, ...args: string[]) => {
    const result = runCli(['history', '--format', 'json', ...args], folder, { TZ: tz, ITREG_NOW: '2026-06-01T10:00:00Z' });
    expect(result.status, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as { history: Array<{ subject: string; date: string }> }).history.map((c) => `${c.date} ${c.subject}`);
  };

  it.each(['Pacific/Kiritimati', 'America/Anchorage'])("--since D --until D finds that day's commits (TZ=%s)", (tz) => {
    expect(subjects(tz, '--since', '2026-06-01', '--until', '2026-06-01')).toEqual(['2026-06-01 late on 1 June', '2026-06-01 early on 1 June']);
  });

  it('--since includes the whole first day, whatever the time of day now', () => {
    expect(subjects('America/Anchorage', '--since', '2026-06-01')).toEqual(['2026-06-02 2 June', '2026-06-01 late on 1 June', '2026-06-01 early on 1 June']);
  });

  it('--until includes the whole last day', () => {
    expect(subjects('Pacific/Kiritimati', '--until', '2026-05-31').every((line) => line.startsWith('2026-05-31 before'))).toBe(true);
  });
});
