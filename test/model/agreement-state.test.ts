import { describe, expect, it } from 'vitest';
import { agreementState } from '../../src/model/agreement-state.js';
import type { AgreementTermsInput } from '../../src/model/agreement-terms.js';

const a = (fields: Partial<AgreementTermsInput>): AgreementTermsInput => ({ start: '2024-01-01', ...fields });

describe('agreementState: one state per agreement and date (DESIGN.md "One answer, many views")', () => {
  it.each([
    ['open-ended: running', a({}), 'running', undefined, false],
    ['notice still possible, no renewal: ends on its end', a({ end: '2027-06-30', noticeMonths: 3 }), 'ends', '2027-06-30', true],
    ['tacit renewal: renews, notice still possible', a({ end: '2027-06-30', noticeMonths: 3, renewal: { months: 12 } }), 'renews', '2027-06-30', true],
    ['deadline passed without renewal', a({ end: '2027-01-31', noticeMonths: 3 }), 'deadline-passed', '2027-01-31', false],
    ['notice given before the deadline: terminated, never "can be given notice"', a({ end: '2027-06-30', noticeMonths: 3, terminated: '2026-11-01' }), 'terminated', '2027-06-30', false],
    ['renewing and terminated: ends at the period notice ends', a({ end: '2027-06-30', noticeMonths: 3, renewal: { months: 12 }, terminated: '2026-11-01' }), 'terminated', '2027-06-30', false],
    ['ended', a({ end: '2026-06-30' }), 'ended', '2026-06-30', false],
  ])('%s', (_name, agreement, key, on, canGiveNotice) => {
    const state = agreementState(agreement, '2026-12-07');
    expect(state.key).toBe(key);
    expect(state.on).toBe(on);
    expect(state.canGiveNotice).toBe(canGiveNotice);
  });

  it('on the deadline itself notice can still be given; the day after, a renewing agreement has renewed', () => {
    const renewing = a({ end: '2026-12-31', noticeMonths: 3, renewal: { months: 12 } });
    expect(agreementState(renewing, '2026-09-30')).toMatchObject({ key: 'renews', on: '2026-12-31', canGiveNotice: true });
    expect(agreementState(renewing, '2026-10-01')).toMatchObject({ key: 'renews', on: '2027-12-31', canGiveNotice: true });
  });
});
