// DESIGN.md 1.2 "Agreements": a period's notice deadline is that period's end, as the date it is, − noticeMonths. A
// table of agreements across month ends, leap days, options, renewals and notice given, with every current end and
// deadline worked out by hand below (never by the code under test), checked through lint, show, opportunities,
// calendar, the application report and the site, each run by the built CLI on a register per date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/run-rules.js';
import { findings, registerFrom, runCli } from '../helpers.js';

/** What agreement-expiry says on the date: ended (error), ends / renews:<to> (deadline ahead, within 6 months),
 * passed (deadline gone, not renewing), given (notice given, deadline gone), none. */
type State = 'ended' | 'ends' | 'passed' | 'given' | 'none' | `renews:${string}`;
type Row = readonly [id: string, fields: string, date: string, end: string | undefined, deadline: string | undefined, state: State];

// Hand arithmetic: "X − n" is n calendar months before X, the day clamped to that month's last day.
const rows: readonly Row[] = [
  // On 2026-06-01 (warnings up to 2026-12-01).
  ['a01', 'end: 2026-08-31\nnoticeMonths: 6', '2026-06-01', '2026-08-31', '2026-02-28', 'passed'], // 08-31 − 6 = 02-28
  ['a02', 'end: 2026-11-30\nnoticeMonths: 3', '2026-06-01', '2026-11-30', '2026-08-30', 'ends'],
  ['a03', 'end: 2026-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }', '2026-06-01', '2026-12-31', '2026-09-30', 'renews:2027-12-31'],
  ['a04', 'end: 2025-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }', '2026-06-01', '2026-12-31', '2026-09-30', 'renews:2027-12-31'], // 2025-09-30 passed
  // Periods end 2024-02-29, 2025-02-28, 2026-02-28, 2027-02-28; deadlines − 3: …, 2025-11-28 passed, 2026-11-28 ahead.
  ['a05', 'end: 2024-02-29\nnoticeMonths: 3\nrenewal: { months: 12 }', '2026-06-01', '2027-02-28', '2026-11-28', 'renews:2028-02-29'],
  // An option of 6 called: 2026-06-30; − 3 = 2026-03-30 (not 03-31).
  ['a06', 'end: 2025-12-31\nnoticeMonths: 3\noptions:\n  - { months: 6, exercised: 2025-05-01 }\n  - { months: 24 }', '2026-06-01', '2026-06-30', '2026-03-30', 'passed'],
  ['a07', 'end: 2026-05-31', '2026-06-01', '2026-05-31', '2026-05-31', 'ended'],
  ['a08', 'end: 2026-06-01', '2026-06-01', '2026-06-01', '2026-06-01', 'ends'],
  ['a09', 'end: 2027-06-01\nnoticeMonths: 6', '2026-06-01', '2027-06-01', '2026-12-01', 'ends'], // the last day of the horizon
  ['a10', 'end: 2027-06-02\nnoticeMonths: 6', '2026-06-01', '2027-06-02', '2026-12-02', 'none'], // a day past it
  ['a11', 'end: 2026-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\nterminated: 2026-05-15', '2026-06-01', '2026-12-31', '2026-09-30', 'none'],
  // Notice to be given on 2026-07-01, after the date: on 2026-06-01 it has not been given, the deadline is ahead.
  ['a12', 'end: 2026-09-30\nnoticeMonths: 3\nrenewal: { months: 12 }\nterminated: 2026-07-01', '2026-06-01', '2026-09-30', '2026-06-30', 'renews:2027-09-30'],
  ['a13', 'end: 2027-01-31\nnoticeMonths: 5', '2026-06-01', '2027-01-31', '2026-08-31', 'ends'],
  ['a14', 'end: 2026-10-31\nnoticeMonths: 8\nrenewal: { months: 12 }', '2026-06-01', '2027-10-31', '2027-02-28', 'none'], // 2026-02-28 passed
  ['a15', 'noticeMonths: 3', '2026-06-01', undefined, undefined, 'none'], // open-ended
  // An option of 6 called: 2026-02-28, ended; its deadline 2026-02-28 − 6 = 2025-08-28.
  ['a16', 'end: 2025-08-31\nnoticeMonths: 6\noptions: [{ months: 6, exercised: 2025-01-10 }]', '2026-06-01', '2026-02-28', '2025-08-28', 'ended'],
  // Half-yearly periods end 2024-08-31, 2025-02-28, 2025-08-31, 2026-02-28, 2026-08-31; − 2: …, 2025-12-28, 2026-06-30.
  ['a17', 'end: 2024-08-31\nnoticeMonths: 2\nrenewal: { months: 6 }', '2026-06-01', '2026-08-31', '2026-06-30', 'renews:2027-02-28'],
  // Quarterly periods end 2025-11-30, 2026-02-28, 2026-05-30, 2026-08-30; − 1: …, 2026-04-30 passed, 2026-07-30 ahead.
  ['a18', 'end: 2025-11-30\nnoticeMonths: 1\nrenewal: { months: 3 }', '2026-06-01', '2026-08-30', '2026-07-30', 'renews:2026-11-30'],
  // Notice given 2026-01-15, before the first deadline 2026-02-28, which has now passed.
  ['a19', 'end: 2026-08-31\nnoticeMonths: 6\nrenewal: { months: 12 }\nterminated: 2026-01-15', '2026-06-01', '2026-08-31', '2026-02-28', 'given'],

  // On the leap day 2028-02-29 (warnings up to 2028-08-29).
  // Periods end 2028-02-29, 2029-02-28, 2030-02-28; − 12: 2027-02-28 and 2028-02-28 passed, 2029-02-28 ahead.
  ['b01', 'end: 2028-02-29\nnoticeMonths: 12\nrenewal: { months: 12 }', '2028-02-29', '2030-02-28', '2029-02-28', 'none'],
  ['b02', 'end: 2028-02-29', '2028-02-29', '2028-02-29', '2028-02-29', 'ends'],
  ['b03', 'end: 2028-08-31\nnoticeMonths: 6', '2028-02-29', '2028-08-31', '2028-02-29', 'ends'],
  ['b04', 'end: 2028-08-30\nnoticeMonths: 6', '2028-02-29', '2028-08-30', '2028-02-29', 'ends'],
  ['b05', 'end: 2028-08-29\nnoticeMonths: 6', '2028-02-29', '2028-08-29', '2028-02-29', 'ends'],
  ['b06', 'end: 2028-08-28\nnoticeMonths: 6', '2028-02-29', '2028-08-28', '2028-02-28', 'passed'],
  // Periods end 2027-02-28, 2028-02-28 (both passed, no notice), 2029-02-28.
  ['b07', 'end: 2027-02-28\nrenewal: { months: 12 }', '2028-02-29', '2029-02-28', '2029-02-28', 'none'],
  // Periods end 2024-02-29, 2025-02-28, 2026-02-28, 2027-02-28, 2028-02-29 (− 1 = 2028-01-29, passed), 2029-02-28.
  ['b08', 'end: 2024-02-29\nnoticeMonths: 1\nrenewal: { months: 12 }', '2028-02-29', '2029-02-28', '2029-01-28', 'none'],
  // Quarterly: 2027-11-30, 2028-02-29 (− 3 = 2027-11-29, passed), 2028-05-30 (− 3 = 2028-02-29, today).
  ['b09', 'end: 2027-11-30\nnoticeMonths: 3\nrenewal: { months: 3 }', '2028-02-29', '2028-05-30', '2028-02-29', 'renews:2028-08-30'],
  // An option of 2 called: 2028-02-29; − 1 = 2028-01-29 (not 01-31).
  ['b10', 'end: 2027-12-31\nnoticeMonths: 1\noptions:\n  - { months: 2, exercised: 2027-06-01 }\n  - { months: 12 }', '2028-02-29', '2028-02-29', '2028-01-29', 'passed'],
  ['b11', 'end: 2028-03-31\nnoticeMonths: 1\nterminated: 2028-01-10', '2028-02-29', '2028-03-31', '2028-02-29', 'none'],
  ['b12', 'end: 2028-03-31\nnoticeMonths: 1\nterminated: 2028-03-10', '2028-02-29', '2028-03-31', '2028-02-29', 'ends'], // notice not yet given
  ['b13', 'end: 2026-02-28\nrenewal: { months: 24 }', '2028-02-29', '2030-02-28', '2030-02-28', 'none'],
  // Half-yearly: 2027-08-31 (− 6 = 2027-02-28), 2028-02-29 (− 6 = 2027-08-29), 2028-08-31 (− 6 = 2028-02-29, today).
  ['b14', 'end: 2027-08-31\nnoticeMonths: 6\nrenewal: { months: 6 }', '2028-02-29', '2028-08-31', '2028-02-29', 'renews:2029-02-28'],

  // On 2025-01-31 (warnings up to 2025-07-31).
  // Monthly: 2025-01-31 (− 1 = 2024-12-31), 2025-02-28 (− 1 = 2025-01-28, passed), 2025-03-31 (− 1 = 2025-02-28).
  ['c01', 'end: 2025-01-31\nnoticeMonths: 1\nrenewal: { months: 1 }', '2025-01-31', '2025-03-31', '2025-02-28', 'renews:2025-04-30'],
  ['c02', 'end: 2025-01-31\nnoticeMonths: 1', '2025-01-31', '2025-01-31', '2024-12-31', 'passed'],
  ['c03', 'end: 2025-01-30', '2025-01-31', '2025-01-30', '2025-01-30', 'ended'],
  ['c04', 'end: 2025-07-31\nnoticeMonths: 6', '2025-01-31', '2025-07-31', '2025-01-31', 'ends'],
  ['c05', 'end: 2025-03-31\nnoticeMonths: 1\nrenewal: { months: 12 }\nterminated: 2025-02-15', '2025-01-31', '2025-03-31', '2025-02-28', 'renews:2026-03-31'],
  ['c06', 'end: 2025-03-31\nnoticeMonths: 1\nrenewal: { months: 12 }\nterminated: 2025-01-15', '2025-01-31', '2025-03-31', '2025-02-28', 'none'],
  // Notice given after the first deadline (2024-09-30): it ends at the end of the next period.
  ['c07', 'end: 2024-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\nterminated: 2024-10-15', '2025-01-31', '2025-12-31', '2025-09-30', 'none'],
  ['c08', 'end: 2024-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\nterminated: 2024-09-15', '2025-01-31', '2024-12-31', '2024-09-30', 'ended'],
  ['c09', 'end: 2025-06-30\nnoticeMonths: 3\noptions: [{ months: 12 }]', '2025-01-31', '2025-06-30', '2025-03-30', 'ends'],
  // Yearly: 2023-05-31 (− 3 = 2023-02-28), 2024-05-31 (− 3 = 2024-02-29), 2025-05-31 (− 3 = 2025-02-28).
  ['c10', 'end: 2023-05-31\nnoticeMonths: 3\nrenewal: { months: 12 }', '2025-01-31', '2025-05-31', '2025-02-28', 'renews:2026-05-31'],
  // Every two months: 2024-11-30, 2025-01-30 (− 1 = 2024-12-30, passed), 2025-03-30 (− 1 = 2025-02-28).
  ['c11', 'end: 2024-11-30\nnoticeMonths: 1\nrenewal: { months: 2 }', '2025-01-31', '2025-03-30', '2025-02-28', 'renews:2025-05-30'],
  // An option of 1 called: 2025-06-30; − 3 = 2025-03-30 (not 03-31).
  ['c12', 'end: 2025-05-31\nnoticeMonths: 3\noptions: [{ months: 1, exercised: 2024-12-01 }]', '2025-01-31', '2025-06-30', '2025-03-30', 'ends'],

  // On the leap day 2024-02-29 (warnings up to 2024-08-29).
  ['d01', 'end: 2024-02-29', '2024-02-29', '2024-02-29', '2024-02-29', 'ends'],
  ['d02', 'end: 2023-02-28\nrenewal: { months: 12 }', '2024-02-29', '2025-02-28', '2025-02-28', 'none'], // 2024-02-28 passed
  ['d03', 'end: 2024-08-31\nnoticeMonths: 6', '2024-02-29', '2024-08-31', '2024-02-29', 'ends'],
  ['d04', 'end: 2024-05-31\nnoticeMonths: 3', '2024-02-29', '2024-05-31', '2024-02-29', 'ends'],
  ['d05', 'end: 2024-04-30\nnoticeMonths: 2', '2024-02-29', '2024-04-30', '2024-02-29', 'ends'],
  ['d06', 'end: 2024-03-31\nnoticeMonths: 1\nrenewal: { months: 1 }', '2024-02-29', '2024-03-31', '2024-02-29', 'renews:2024-04-30'],
  ['d07', 'end: 2024-01-31\nrenewal: { months: 1 }', '2024-02-29', '2024-02-29', '2024-02-29', 'renews:2024-03-31'],
  // An option of 6 called: 2024-02-29, still in force today; − 6 = 2023-08-29 (not 08-31).
  ['d08', 'end: 2023-08-31\nnoticeMonths: 6\noptions: [{ months: 6, exercised: 2023-05-01 }]', '2024-02-29', '2024-02-29', '2023-08-29', 'passed'],
];

const agreementFile = (id: string, fields: string) => `kind: Agreement\nid: ${id}\nname: Avtal ${id}\ntype: licence\napplication: diarium\nstart: 2020-01-01\n${fields}\n`;
const longDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const compact = (iso: string) => iso.replace(/-/g, '');

// One register per date, all the date's agreements under one application (same type and start, so none renews another).
const dates = [...new Set(rows.map((row) => row[2]))];
const folders = new Map(
  dates.map((date) => [date, registerFrom('clean', Object.fromEntries(rows.filter((row) => row[2] === date).map(([id, fields]) => [`register/agreements/${id}.yaml`, agreementFile(id, fields)])))]),
);
const run = (date: string, ...args: string[]) => {
  const result = runCli([...args, '--date', date, '--lang', 'en'], folders.get(date));
  expect(result.stderr).toBe('');
  return result.stdout;
};

describe('notice deadlines by the calendar a person reads (DESIGN.md 1.2), a table of agreements', () => {
  it('has at least 40 rows across four dates, two of them leap days', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(dates).toEqual(['2026-06-01', '2028-02-29', '2025-01-31', '2024-02-29']);
  });

  describe.each(dates)('on %s', (date) => {
    const table = rows.filter((row) => row[2] === date);

    it('lint: agreement-expiry says the state with these dates', () => {
      const found = findings(folders.get(date)!, 'agreement-expiry', { date });
      for (const [id, , , end, deadline, state] of table) {
        const hits = found.filter((f: Finding) => f.entityId === id);
        const what = `${id}: ${hits.map((f) => f.message).join(' | ')}`;
        if (state === 'none') {
          expect(hits, what).toEqual([]);
          continue;
        }
        expect(hits, what).toHaveLength(1);
        const [hit] = hits as [Finding];
        if (state === 'ended') expect(hit, what).toMatchObject({ severity: 'error', message: expect.stringContaining(`ended on ${end!}`) });
        else if (state === 'ends') expect(hit.message, what).toContain(`notice deadline on ${deadline!}; if nothing is done it ends on ${end!}`);
        else if (state === 'passed') expect(hit.message, what).toContain(`passed on ${deadline!} and the agreement ends on ${end!}`);
        else if (state === 'given') expect(hit.message, what).toMatch(new RegExp(`notice was given on .*; it ends on ${end!}`));
        else expect(hit.message, what).toContain(`notice deadline on ${deadline!}; if nothing is done it renews by`);
        if (state.startsWith('renews:')) expect(hit.message, what).toContain(`to ${state.slice('renews:'.length)}`);
        if (state !== 'ended') expect(hit.severity, what).toBe('warning');
      }
    });

    it('show', () => {
      const shown = (JSON.parse(run(date, 'show', 'diarium', '--format', 'json')) as { agreements: Array<{ id: string; end?: string; noticeDeadline?: string }> }).agreements;
      for (const [id, , , end, deadline] of table) {
        const agreement = shown.find((a) => a.id === id);
        expect(agreement?.end, id).toBe(end);
        expect(agreement?.noticeDeadline, id).toBe(deadline);
      }
    });

    it('opportunities', () => {
      const found = (JSON.parse(run(date, 'opportunities', '--months', '1200', '--format', 'json')) as { opportunities: Array<{ agreement?: string; deadline?: string; message: string }> })
        .opportunities;
      for (const [id, , , end, deadline, state] of table) {
        const entry = found.find((o) => o.agreement === id);
        // Every agreement in force with a deadline is a chance; an ended or open-ended one is not.
        if (state === 'ended' || end === undefined) {
          expect(entry, id).toBeUndefined();
          continue;
        }
        expect(entry?.deadline, id).toBe(deadline);
        expect(entry?.message, id).toContain(end);
      }
    });

    it('calendar', () => {
      const events = run(date, 'calendar').split('BEGIN:VEVENT');
      const day = (uid: string) => /DTSTART;VALUE=DATE:(\d{8})/.exec(events.find((e) => e.includes(`UID:${uid}@`)) ?? '')?.[1];
      for (const [id, fields, , end, deadline] of table) {
        const notice = /noticeMonths: [1-9]/.test(fields);
        // Notice given by the date: no deadline is left to keep (issue 30, defect 1).
        const given = /^terminated: (\S+)$/m.exec(fields)?.[1];
        const noticeGiven = given !== undefined && given <= date;
        // Coming dates only: the deadline when there is a notice time and notice can still be given, the end.
        expect(day(`agreement-notice.${id}`), id).toBe(notice && !noticeGiven && deadline !== undefined && deadline >= date ? compact(deadline) : undefined);
        expect(day(`agreement-end.${id}`), id).toBe(end !== undefined && end >= date ? compact(end) : undefined);
      }
    });

    it('the application report', () => {
      // Costs of 2026, whose populations the fixture has; the agreements on the date.
      const sheet = run(date, 'report', 'application', '--id', 'diarium', '--year', '2026', '--format', 'md');
      for (const [id, , , end, deadline] of table) {
        if (end === undefined) continue;
        expect(sheet, id).toMatch(new RegExp(`- Avtal ${id} \\(.*\\): 1 January 2020 – ${longDate(end)}; notice by ${longDate(deadline!)}`));
      }
    });

    it('the site', () => {
      expect(runCli(['site', '--output', 'public', '--date', date, '--lang', 'en'], folders.get(date)).status).toBe(0);
      for (const [id, fields, , end, deadline] of table) {
        const text = readFileSync(join(folders.get(date)!, 'public/agreement', `${id}.html`), 'utf8')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ');
        if (end === undefined) {
          expect(text, id).not.toContain('Notice by');
          continue;
        }
        const written = /^end: (\S+)$/m.exec(fields)?.[1];
        expect(text, id).toContain(written === end ? `End ${longDate(end)}` : `In force until ${longDate(end)}`);
        expect(text, id).toContain(`Notice by ${longDate(deadline!)}`);
      }
    });
  });
});
