import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const support = (id: string, start: string, end: string, noticeMonths = 0) =>
  `kind: Agreement\nid: ${id}\nname: Support ${id}\ntype: support\napplication: diarium\nstart: ${start}\nend: ${end}\nnoticeMonths: ${noticeMonths}\n`;
const at = (text: string) => ({ 'register/agreements/diarium-support.yaml': text });

describe('agreement-expiry', () => {
  it.each([
    ['far from its end', at(support('diarium-support', '2020-01-01', '2030-12-31', 6)), []],
    ['ended yesterday', at(support('diarium-support', '2020-01-01', '2026-05-31')), ['error']],
    ['ends today (still in force)', at(support('diarium-support', '2020-01-01', '2026-06-01')), ['warning']],
    ['deadline exactly at the horizon', at(support('diarium-support', '2020-01-01', '2027-06-01', 6)), ['warning']],
    ['deadline a day past the horizon', at(support('diarium-support', '2020-01-01', '2027-06-02', 6)), []],
    ['open-ended', at('kind: Agreement\nid: diarium-support\nname: S\ntype: support\napplication: diarium\nstart: 2020-01-01\n'), []],
  ])('%s', (_name, changes, severities) => {
    expect(findings(registerFrom('clean', changes), 'agreement-expiry').map((f) => f.severity)).toEqual(severities);
  });

  it('treats an ended agreement that was renewed as history', () => {
    const folder = registerFrom('clean', {
      ...at(support('diarium-support', '2020-01-01', '2025-12-31')),
      'register/agreements/diarium-support-2026.yaml': support('diarium-support-2026', '2026-01-01', '2030-12-31'),
    });
    expect(findings(folder, 'agreement-expiry')).toEqual([]);
  });

  it('is not renewed by an agreement of another type', () => {
    const folder = registerFrom('clean', {
      ...at(support('diarium-support', '2020-01-01', '2025-12-31')),
      'register/agreements/diarium-licence.yaml': support('diarium-licence', '2026-01-01', '2030-12-31').replace('type: support', 'type: licence'),
    });
    expect(findings(folder, 'agreement-expiry')).toHaveLength(1);
  });

  it('exempts agreements of a retired application', () => {
    const folder = registerFrom('clean', {
      ...at(support('diarium-support', '2020-01-01', '2025-12-31')),
      'register/applications/diarium.yaml': 'kind: Application\nid: diarium\nname: Diariesystem\ntype: business\nmunicipalities: [amal]\nlifecycle: { status: retired }\n',
    });
    expect(findings(folder, 'agreement-expiry')).toEqual([]);
  });

  it('names the notice deadline (end − noticeMonths) as a date, at end', () => {
    const [finding] = findings(registerFrom('clean', at(support('diarium-support', '2020-01-01', '2027-03-31', 6))), 'agreement-expiry');
    expect(finding).toMatchObject({ severity: 'warning', file: 'register/agreements/diarium-support.yaml', line: 7, column: 6 });
    expect(finding?.message).toMatch(/has its notice deadline on 2026-09-30; if nothing is done it ends on 2027-03-31/);
    expect(finding?.message).not.toMatch(/decide now/);
  });

  it('takes warnMonths from itreg.yaml', () => {
    const changes = at(support('diarium-support', '2020-01-01', '2027-03-31', 0));
    expect(findings(registerFrom('clean', changes), 'agreement-expiry')).toEqual([]);
    const config = 'name: X\nlanguage: en\nrules:\n  agreement-expiry: [error, { warnMonths: 12 }]\n';
    expect(findings(registerFrom('clean', { ...changes, 'itreg.yaml': config }), 'agreement-expiry')).toHaveLength(1);
  });

  it('downgrades both levels when configured as a warning', () => {
    const config = 'name: X\nlanguage: en\nrules:\n  agreement-expiry: warning\n';
    const folder = registerFrom('clean', { ...at(support('diarium-support', '2020-01-01', '2026-05-31')), 'itreg.yaml': config });
    expect(findings(folder, 'agreement-expiry').map((f) => f.severity)).toEqual(['warning']);
  });

  // DESIGN.md "Format 1.1", the agreement-expiry table, row by row, with terms, options, renewal and notice given.
  const agreement = (fields: string) => at(`kind: Agreement\nid: diarium-support\nname: Support\ntype: support\napplication: diarium\nstart: 2020-01-01\n${fields}`);
  it.each([
    // Row 1: the current end lies before D → error, "ended on that date".
    ['row 1: ended', 'end: 2026-05-31\n', '2026-06-01', 'error', /ended on 2026-05-31/],
    ['row 1: notice given, ended at the end of that period', 'end: 2026-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\nterminated: 2026-05-15\n', '2027-01-01', 'error', /ended on 2026-12-31/],
    ['row 1: an option of 12 months called, ended after it', 'end: 2025-03-31\noptions: [{ months: 12, exercised: 2025-01-10 }]\n', '2026-04-01', 'error', /ended on 2026-03-31/],
    // Row 2: the deadline within [D, D + warnMonths], not terminated → warning, the deadline and what happens.
    ['row 2: ends if nothing is done', 'end: 2026-10-31\nnoticeMonths: 3\n', '2026-06-01', 'warning', /notice deadline on 2026-07-31; if nothing is done it ends on 2026-10-31 \(IT policy/],
    [
      'row 2: renews if nothing is done',
      'end: 2026-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\n',
      '2026-06-01',
      'warning',
      /notice deadline on 2026-09-30; if nothing is done it renews by 12 months to 2027-12-31 \(IT policy/,
    ],
    ['row 2: the deadline is D itself', 'end: 2026-09-01\nnoticeMonths: 3\n', '2026-06-01', 'warning', /notice deadline on 2026-06-01/],
    [
      'row 2: an option left, also the last day to call it',
      'end: 2026-12-31\nnoticeMonths: 3\noptions: [{ months: 24 }]\n',
      '2026-06-01',
      'warning',
      /ends on 2026-12-31; it is also the last day to call the option of 24 months \(to 2028-12-31\)/,
    ],
    [
      'row 2: two options, the first exercised',
      'end: 2025-12-31\nnoticeMonths: 3\noptions:\n  - { months: 12, exercised: 2025-08-01, decision: KS 2025-06-10 § 4 }\n  - { months: 12 }\n',
      '2026-06-01',
      'warning',
      /deadline on 2026-09-30; if nothing is done it ends on 2026-12-31; it is also the last day to call the option of 12 months \(to 2027-12-31\)/,
    ],
    ['row 2: not while notice has been given before the deadline', 'end: 2026-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\nterminated: 2026-05-15\n', '2026-06-01', undefined, undefined],
    [
      'row 2: notice given later than the date has not been given on it',
      'end: 2026-03-31\nnoticeMonths: 3\nrenewal: { months: 12 }\nterminated: 2026-01-15\n',
      '2025-12-01',
      'warning',
      /notice deadline on 2025-12-31; if nothing is done it renews by 12 months to 2027-03-31/,
    ],
    ['row 2: … nor without renewal', 'end: 2026-03-31\nnoticeMonths: 3\nterminated: 2026-01-15\n', '2025-12-01', 'warning', /notice deadline on 2025-12-31; if nothing is done it ends on 2026-03-31/],
    [
      "row 1 … 3 by the period's end: 2028-02-29 renews, its deadline 12 months before 2029-02-28 is 2028-02-28",
      'end: 2028-02-29\nnoticeMonths: 12\nrenewal: { months: 12 }\n',
      '2028-02-28',
      'warning',
      /notice deadline on 2028-02-28; if nothing is done it renews by 12 months to 2030-02-28/,
    ],
    ['row 2: a deadline past the horizon is quiet', 'end: 2027-03-31\nnoticeMonths: 3\n', '2026-06-01', undefined, undefined],
    // Row 3: the deadline before D, not renewing, not yet ended → warning, passed / notice given, ends on the current end.
    [
      'row 3: deadline passed (2026-08-31 − 6 months = 2026-02-28)',
      'end: 2026-08-31\nnoticeMonths: 6\n',
      '2026-06-01',
      'warning',
      /notice deadline of agreement Support for Diariesystem passed on 2026-02-28 and the agreement ends on 2026-08-31: procure, agree anew or plan the retirement/,
    ],
    [
      'row 3: notice given before the deadline, now past it',
      'end: 2026-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\nterminated: 2026-05-15\n',
      '2026-10-15',
      'warning',
      /notice was given on 2026-05-15 .*; it ends on 2026-12-31: procure, agree anew or plan the retirement/,
    ],
    [
      'row 3: notice given after a deadline ends a period later',
      'end: 2026-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\nterminated: 2026-10-15\n',
      '2027-10-01',
      'warning',
      /notice was given on 2026-10-15 .*; it ends on 2027-12-31/,
    ],
    ['row 3: a renewing agreement never passes its deadline', 'end: 2024-03-31\nnoticeMonths: 3\nrenewal: { months: 12 }\n', '2026-06-01', undefined, undefined],
    // Options and renewal over time.
    ['an option exercised late still extends the agreement', 'end: 2026-03-31\nnoticeMonths: 3\noptions: [{ months: 12, exercised: 2026-05-20 }]\n', '2026-06-01', undefined, undefined],
    [
      'tacit renewal across a year end',
      'end: 2025-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\n',
      '2026-06-01',
      'warning',
      /deadline on 2026-09-30; if nothing is done it renews by 12 months to 2027-12-31/,
    ],
    [
      'tacit renewal from a leap day (the period ending 2027-02-28: − 3 = 2026-11-28)',
      'end: 2024-02-29\nnoticeMonths: 3\nrenewal: { months: 12 }\n',
      '2026-06-01',
      'warning',
      /deadline on 2026-11-28; if nothing is done it renews by 12 months to 2028-02-29/,
    ],
    [
      'a month-end start renews month by month (2024-01-31 + 1 = 2024-02-29)',
      'end: 2024-01-31\nrenewal: { months: 1 }\n',
      '2024-02-15',
      'warning',
      /deadline on 2024-02-29; if nothing is done it renews by 1 month to 2024-03-31/,
    ],
  ])('%s', (_name, fields, date, severity, message) => {
    const found = findings(registerFrom('clean', agreement(fields)), 'agreement-expiry', { date });
    if (severity === undefined) return expect(found).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity, message: expect.stringMatching(message) });
    expect(found[0]!.message).not.toMatch(/decide now/);
  });

  it('says it in Swedish', () => {
    const folder = registerFrom('clean', { ...agreement('end: 2026-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\n'), 'itreg.yaml': 'name: X\nlanguage: sv\n' });
    expect(findings(folder, 'agreement-expiry', { language: 'sv' })[0]?.message).toMatch(/sista uppsägningsdag 2026-09-30; görs inget förlängs det automatiskt med 12 månader till 2027-12-31/);
  });

  it.each([
    ['sv', 'renewal: { months: 1 }', /förlängs det automatiskt med 1 månad till 2026-08-31$/],
    ['sv', 'renewal: { months: 2 }', /förlängs det automatiskt med 2 månader till 2026-09-30$/],
    ['en', 'renewal: { months: 1 }', /renews by 1 month to 2026-08-31$/],
    ['en', 'renewal: { months: 2 }', /renews by 2 months to 2026-09-30$/],
    ['sv', 'options: [{ months: 1 }]', /sista dag att avropa optionen på 1 månad \(till 2026-08-31\)$/],
    ['sv', 'options: [{ months: 2 }]', /sista dag att avropa optionen på 2 månader \(till 2026-09-30\)$/],
    ['en', 'options: [{ months: 1 }]', /the option of 1 month \(to 2026-08-31\)$/],
    ['en', 'options: [{ months: 2 }]', /the option of 2 months \(to 2026-09-30\)$/],
  ] as const)('counts months in the plural they take: %s %s', (language, terms, message) => {
    const folder = registerFrom('clean', { ...agreement(`end: 2026-07-31\n${terms}\n`), 'itreg.yaml': `name: X\nlanguage: ${language}\n` });
    const [finding] = findings(folder, 'agreement-expiry', { language, date: '2026-06-01' });
    expect(finding?.message.replace(/ \((IT-policyn|IT policy)[^)]*\)$/, '')).toMatch(message);
  });
});
