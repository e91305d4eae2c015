// Calendar arithmetic stays within the format's years 0000–9999, so a far date still compares as a date.
import { describe, expect, it } from 'vitest';
import { addMonths, addYears } from '../../src/util/dates.js';
import { findings, registerFrom } from '../helpers.js';

describe('addMonths at the edges of the calendar', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['9999-06-30', 6, '9999-12-30'],
    ['9999-12-31', 1, '9999-12-31'],
    ['9999-12-31', 60, '9999-12-31'],
    ['0000-03-31', -3, '0000-01-01'],
    ['0000-01-15', -1, '0000-01-01'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('a document adopted on 9999-12-31 is not overdue (its revision does not fall in year 10004)', () => {
    expect(addYears('9999-12-31', 5)).toBe('9999-12-31');
    const folder = registerFrom('clean', {
      'register/documents/framtid.yaml': 'kind: Document\nid: framtid\nname: Framtida policy\ntype: policy\nadopted: 9999-12-31\nvalidYears: 5\n',
    });
    expect(findings(folder, 'document-review').filter((f) => f.file === 'register/documents/framtid.yaml')).toEqual([]);
  });
});
