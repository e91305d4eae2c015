import { describe, expect, it } from 'vitest';
import { agreementTerms, currentEnd, isCurrentAgreement, lastDayInForce, type AgreementTermsInput } from '../../src/model/agreement-terms.js';
import { isMemberOn } from '../../src/model/membership.js';

const a = (fields: Partial<AgreementTermsInput>): AgreementTermsInput => ({ start: '2020-01-01', ...fields });

describe('agreementTerms (DESIGN.md "Format 1.1")', () => {
  it.each([
    ['month arithmetic in one step: 2024-01-31 + 1', a({ end: '2024-01-31', renewal: { months: 1 } }), '2024-02-01', '2024-02-29', '2024-02-29'],
    ['… and + 2 = 2024-03-31, counted from end, not from 02-29', a({ end: '2024-01-31', renewal: { months: 1 } }), '2024-03-01', '2024-03-31', '2024-03-31'],
    ['2026-08-31 − 6 = 2026-02-28', a({ end: '2026-08-31', noticeMonths: 6 }), '2026-01-01', '2026-08-31', '2026-02-28'],
    ['on the deadline itself notice can still be given', a({ end: '2025-12-31', noticeMonths: 3, renewal: { months: 12 } }), '2025-09-30', '2025-12-31', '2025-09-30'],
    ['the day after the deadline it has renewed', a({ end: '2025-12-31', noticeMonths: 3, renewal: { months: 12 } }), '2025-10-01', '2026-12-31', '2026-09-30'],
    ['renewal from a leap day keeps to month ends of February', a({ end: '2024-02-29', renewal: { months: 12 } }), '2027-06-01', '2028-02-29', '2028-02-29'],
    [
      'exercised options add their months; one not called does not',
      a({ end: '2025-12-31', options: [{ months: 12, exercised: '2025-06-01' }, { months: 6 }] }),
      '2026-01-01',
      '2026-12-31',
      '2026-12-31',
    ],
    ['an option exercised after its deadline still counts', a({ end: '2026-03-31', noticeMonths: 3, options: [{ months: 12, exercised: '2026-05-20' }] }), '2026-06-01', '2027-03-31', '2026-12-31'],
    ['notice given before the deadline ends the first period', a({ end: '2026-12-31', noticeMonths: 3, renewal: { months: 12 }, terminated: '2026-05-15' }), '2030-01-01', '2026-12-31', '2026-09-30'],
    ['notice given after a deadline ends the next period', a({ end: '2026-12-31', noticeMonths: 3, renewal: { months: 12 }, terminated: '2026-10-15' }), '2030-01-01', '2027-12-31', '2027-09-30'],
    ['open-ended: no end, no deadline', a({}), '2026-06-01', undefined, undefined],
  ])('%s', (_name, agreement, date, end, deadline) => {
    expect(currentEnd(agreement, date)).toBe(end);
    expect(agreementTerms(agreement, date).noticeDeadline).toBe(deadline);
  });

  // DESIGN.md 1.2: a period's deadline is that period's end, as the date it is, − noticeMonths (issue 25, item 1).
  it.each([
    [
      '12 months before 2029-02-28 is 2028-02-28: on 2028-02-29 it has renewed to 2030-02-28',
      a({ end: '2028-02-29', noticeMonths: 12, renewal: { months: 12 } }),
      '2028-02-29',
      '2030-02-28',
      '2029-02-28',
    ],
    ['the first period from a leap day: 2028-02-29 − 12 = 2027-02-28', a({ end: '2028-02-29', noticeMonths: 12, renewal: { months: 12 } }), '2027-01-01', '2028-02-29', '2027-02-28'],
    ['monthly from 2025-01-31: the period ending 2025-02-28 has its deadline 2025-01-28', a({ end: '2025-01-31', noticeMonths: 1, renewal: { months: 1 } }), '2025-01-05', '2025-02-28', '2025-01-28'],
    ['monthly from 2025-01-31: on 2026-01-29 the deadline 2026-01-28 has passed', a({ end: '2025-01-31', noticeMonths: 1, renewal: { months: 1 } }), '2026-01-29', '2026-03-31', '2026-02-28'],
    ['an exercised option to 2026-06-30, 3 months: 2026-03-30', a({ end: '2025-12-31', noticeMonths: 3, options: [{ months: 6, exercised: '2025-05-01' }] }), '2026-01-01', '2026-06-30', '2026-03-30'],
  ])('%s', (_name, agreement, date, end, deadline) => {
    expect(agreementTerms(agreement, date)).toMatchObject({ end, noticeDeadline: deadline });
  });

  // Notice given counts from its day on (issue 25, item 5): before it, the agreement is judged as one without notice.
  it('judges terminated by the date: before the day notice was given, it was not given', () => {
    const agreement = a({ end: '2026-03-31', noticeMonths: 3, renewal: { months: 12 }, terminated: '2026-01-15' });
    const before = agreementTerms(agreement, '2025-12-01');
    expect(before).toMatchObject({ end: '2026-03-31', noticeDeadline: '2025-12-31', renewsTo: { months: 12, end: '2027-03-31' } });
    expect(before.terminated).toBeUndefined();
    const after = agreementTerms(agreement, '2026-01-15');
    expect(after).toMatchObject({ end: '2027-03-31', noticeDeadline: '2026-12-31', terminated: '2026-01-15' });
    expect(after.renewsTo).toBeUndefined();
    const given = a({ end: '2026-12-31', noticeMonths: 3, renewal: { months: 12 }, terminated: '2026-05-15' });
    expect(agreementTerms(given, '2026-05-14').renewsTo).toEqual({ months: 12, end: '2027-12-31' });
    expect(agreementTerms(given, '2026-05-15').renewsTo).toBeUndefined();
  });

  it('says what happens next: renewal, an option left, notice given', () => {
    expect(agreementTerms(a({ end: '2025-12-31', noticeMonths: 3, renewal: { months: 12 } }), '2026-06-01').renewsTo).toEqual({ months: 12, end: '2027-12-31' });
    expect(agreementTerms(a({ end: '2025-12-31', options: [{ months: 12, exercised: '2025-01-01' }, { months: 24 }] }), '2026-06-01').optionLeft).toEqual({ months: 24, end: '2028-12-31' });
    const given = agreementTerms(a({ end: '2026-12-31', noticeMonths: 3, renewal: { months: 12 }, terminated: '2026-05-15' }), '2026-06-01');
    expect(given.renewsTo).toBeUndefined();
    expect(given.terminated).toBe('2026-05-15');
  });

  it('is current from start to the current end', () => {
    const renewing = a({ start: '2024-01-01', end: '2024-12-31', renewal: { months: 12 } });
    expect(isCurrentAgreement(renewing, '2023-12-31')).toBe(false);
    expect(isCurrentAgreement(renewing, '2031-05-05')).toBe(true);
    expect(isCurrentAgreement(a({ end: '2024-12-31' }), '2025-01-01')).toBe(false);
    expect(isCurrentAgreement(a({ end: '2024-12-31', options: [{ months: 12, exercised: '2024-06-01' }] }), '2025-01-01')).toBe(true);
  });

  it('counts for costs every day after start while it renews, else to its current end', () => {
    expect(lastDayInForce(a({ end: '2024-12-31', renewal: { months: 12 } }))).toBeUndefined();
    expect(lastDayInForce(a({ end: '2024-12-31', noticeMonths: 3, renewal: { months: 12 }, terminated: '2025-10-15' }))).toBe('2026-12-31');
    expect(lastDayInForce(a({ end: '2024-12-31', options: [{ months: 6, exercised: '2024-01-01' }] }))).toBe('2025-06-30');
  });
});

describe('isMemberOn (DESIGN.md "Membership over time")', () => {
  const leftAndRejoined = { memberships: [{ from: '2000-01-01', until: '2017-12-31' }, { from: '2020-01-01' }] };
  it.each([
    ['no member field, no memberships: a member', {}, '2026-01-01', true],
    ['member: false is never a member', { member: false, memberships: [{ from: '2000-01-01' }] }, '2026-01-01', false],
    ['in the first period', leftAndRejoined, '2017-12-31', true],
    ['between the periods', leftAndRejoined, '2018-01-01', false],
    ['on the day it rejoined', leftAndRejoined, '2020-01-01', true],
    ['before it joined', { memberships: [{ from: '2022-07-01' }] }, '2022-06-30', false],
  ])('%s', (_name, municipality, date, expected) => {
    expect(isMemberOn(municipality, date)).toBe(expected);
  });
});

describe('agreementTerms asked again (the last answer is kept per agreement)', () => {
  it('answers anew when the date or a field the terms depend on has changed, as for a fresh copy of the agreement', () => {
    const agreement: { -readonly [K in keyof AgreementTermsInput]: AgreementTermsInput[K] } = { start: '2024-01-01', end: '2026-12-31', noticeMonths: 6, renewal: { months: 12 } };
    const first = agreementTerms(agreement, '2026-05-01');
    expect(agreementTerms(agreement, '2026-05-01')).toBe(first);
    expect(agreementTerms(agreement, '2026-08-01').end).toBe('2027-12-31');
    expect(agreementTerms(agreement, '2026-05-01')).toEqual(first);
    const changes: Array<() => void> = [
      () => (agreement.end = '2025-12-31'),
      () => (agreement.renewal = { months: 24 }),
      () => (agreement.noticeMonths = 1),
      () => (agreement.terminated = '2025-10-01'),
      () => (agreement.start = '2026-06-01'),
      () => (agreement.options = [{ months: 12 }]),
    ];
    for (const change of changes) {
      agreementTerms(agreement, '2026-05-01');
      change();
      const after = agreementTerms(agreement, '2026-05-01');
      expect(after).toEqual(agreementTerms({ ...agreement }, '2026-05-01'));
      expect(isCurrentAgreement(agreement, '2026-05-01')).toBe(isCurrentAgreement({ ...agreement }, '2026-05-01'));
    }
  });
});
