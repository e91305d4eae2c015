// DESIGN.md "Format 1.1": "opportunities, calendar, show and the report use the same current end and deadline. For
// costs, an agreement with renewal and no terminated counts as in force for every day after its start; one without
// counts to its current end." One register, every consumer, each date checked against agreementTerms() itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementTerms } from '../../src/model/agreement-terms.js';
import { registerFrom, runCli } from '../helpers.js';

const DATE = '2026-06-01';
const agreement = (id: string, name: string, type: string, fields: string) =>
  `kind: Agreement\nid: ${id}\nname: ${name}\ntype: ${type}\napplication: diarium\nstart: 2020-01-01\nend: 2025-12-31\nnoticeMonths: 3\n${fields}split: equal\ndecision: DKF direktion 2019-11-20 § 4\n`;

const folder = registerFrom('clean', {
  // Renewed once (its deadline 2025-09-30 passed without notice): current end 2026-12-31, deadline 2026-09-30.
  'register/agreements/diarium-support.yaml': agreement('diarium-support', 'Supportavtal Dokumentor', 'support', 'renewal: { months: 12 }\nannualCost: 12000\n'),
  // A six-month option called, another left: current end 2026-06-30, deadline 2026-06-30 − 3 months = 2026-03-30 (passed).
  'register/agreements/diarium-drift.yaml': agreement(
    'diarium-drift',
    'Driftavtal diarium',
    'operations',
    'options:\n  - { months: 6, exercised: 2025-05-01 }\n  - { months: 24 }\nannualCost: 36500\n',
  ),
  // Renews, but notice was given after the 2026-09-30 deadline: it ends a period later, 2027-12-31.
  'register/agreements/diarium-licens.yaml': agreement('diarium-licens', 'Licensavtal Dokumentor', 'licence', 'renewal: { months: 12 }\nterminated: 2026-10-15\nannualCost: 1000\n').replace(
    'end: 2025-12-31',
    'end: 2026-12-31',
  ),
});

const terms = (id: string) => {
  const text = readFileSync(join(folder, `register/agreements/${id}.yaml`), 'utf8');
  const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(text)?.[1];
  const input = {
    start: field('start')!,
    end: field('end')!,
    noticeMonths: Number(field('noticeMonths')),
    ...(text.includes('renewal:') ? { renewal: { months: 12 } } : {}),
    ...(text.includes('options:') ? { options: [{ months: 6, exercised: '2025-05-01' }, { months: 24 }] } : {}),
    ...(field('terminated') ? { terminated: field('terminated')! } : {}),
  };
  return agreementTerms(input, DATE);
};
const run = (...args: string[]) => {
  const result = runCli([...args, '--date', DATE, '--lang', 'en'], folder);
  expect(result.stderr).toBe('');
  return result.stdout;
};
const longDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

describe('one current end and notice deadline for every consumer', () => {
  it('the domain answer the others are checked against', () => {
    expect(terms('diarium-support')).toMatchObject({ end: '2026-12-31', noticeDeadline: '2026-09-30' });
    expect(terms('diarium-drift')).toMatchObject({ end: '2026-06-30', noticeDeadline: '2026-03-30' });
    expect(terms('diarium-licens')).toMatchObject({ end: '2026-12-31', noticeDeadline: '2026-09-30' });
  });

  it('show', () => {
    const shown = (JSON.parse(run('show', 'diarium', '--format', 'json')) as { agreements: Array<{ id: string; end: string; noticeDeadline: string }> }).agreements;
    for (const id of ['diarium-support', 'diarium-drift', 'diarium-licens']) {
      const { end, noticeDeadline } = terms(id);
      expect(shown.find((a) => a.id === id)).toMatchObject({ end, noticeDeadline });
    }
  });

  it('opportunities', () => {
    const found = (JSON.parse(run('opportunities', '--format', 'json')) as { opportunities: Array<{ agreement?: string; deadline?: string; end?: string; message: string }> }).opportunities;
    for (const id of ['diarium-support', 'diarium-drift', 'diarium-licens']) {
      const { end, noticeDeadline } = terms(id);
      const entry = found.find((o) => o.agreement === id);
      expect(entry?.deadline).toBe(noticeDeadline);
      expect(entry?.end).toBe(end);
      expect(entry?.message).toContain(end!);
    }
  });

  it('calendar', () => {
    const ics = run('calendar');
    const event = (uid: string) => /DTSTART;VALUE=DATE:(\d{8})/.exec(ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${uid}@`)) ?? '')?.[1];
    const compact = (iso: string | undefined) => iso?.replace(/-/g, '');
    expect(event('agreement-end.diarium-support')).toBe(compact(terms('diarium-support').end));
    expect(event('agreement-notice.diarium-support')).toBe(compact(terms('diarium-support').noticeDeadline));
    expect(event('agreement-end.diarium-drift')).toBe(compact(terms('diarium-drift').end));
    expect(event('agreement-notice.diarium-drift')).toBeUndefined(); // 2026-03-30 has passed: no coming deadline
  });

  it('the application report and the yearly report', () => {
    const sheet = run('report', 'application', '--id', 'diarium', '--format', 'md');
    const yearly = run('report', 'yearly', '--format', 'md');
    for (const [id, name] of [
      ['diarium-support', 'Supportavtal Dokumentor'],
      ['diarium-drift', 'Driftavtal diarium'],
    ] as const) {
      const { end, noticeDeadline } = terms(id);
      expect(sheet).toContain(`- ${name} (`);
      expect(sheet).toMatch(new RegExp(`- ${name} \\(.*\\): 1 January 2020 – ${longDate(end!)}; notice by ${longDate(noticeDeadline!)}`));
      expect(yearly).toMatch(new RegExp(`\\| ${name} \\| Diariesystem \\| ${longDate(noticeDeadline!)} \\| ${longDate(end!)} \\|`));
    }
  });

  it('the site', () => {
    expect(runCli(['site', '--output', 'public', '--date', DATE, '--lang', 'en'], folder).status).toBe(0);
    for (const id of ['diarium-support', 'diarium-drift']) {
      const { end, noticeDeadline } = terms(id);
      const text = readFileSync(join(folder, 'public/agreement', `${id}.html`), 'utf8')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
      expect(text).toContain(`In force until ${longDate(end!)}`);
      expect(text).toContain(`Notice by ${longDate(noticeDeadline!)}`);
    }
  });

  it('costs: renewing without notice counts every day after start; otherwise to the current end', () => {
    const bill = (year: number) => {
      const result = runCli(['costs', '--year', String(year), '--format', 'json'], folder);
      expect(result.status, result.stderr).toBe(0);
      const json = JSON.parse(result.stdout) as { items: Array<{ id: string; amount: number }> };
      return Object.fromEntries(json.items.filter((i) => i.id !== 'diarium-2026').map((i) => [i.id, i.amount]));
    };
    // The option runs to 2026-06-30: 181 of 365 days of 36 500 = 18 100.
    expect(bill(2026)).toEqual({ 'diarium-support': 12000, 'diarium-drift': 18100, 'diarium-licens': 1000 });
    expect(bill(2027)).toEqual({ 'diarium-support': 12000, 'diarium-licens': 1000 });
    // Notice given: the licence ends 2027-12-31; the support agreement renews on, year after year.
    expect(bill(2030)).toEqual({ 'diarium-support': 12000 });
  });
});
