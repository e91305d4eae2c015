import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const doc = (adopted: string, validYears: number, extra = '') => `kind: Document\nid: it-policy\nname: IT-policy\ntype: policy\nadopted: ${adopted}\nvalidYears: ${validYears}\n${extra}`;
const at = (text: string) => ({ 'register/documents/it-policy.yaml': text });

describe('document-review', () => {
  it.each([
    ['valid for years yet', at(doc('2025-01-01', 5)), []],
    ['due the day after the six-month horizon', at(doc('2021-12-02', 5)), []],
    ['due exactly at the six-month horizon', at(doc('2021-12-01', 5)), ['warning']],
    ['due today', at(doc('2021-06-01', 5)), ['warning']],
    ['overdue by a day', at(doc('2021-05-31', 5)), ['error']],
    ['an instruction valid three years', at(doc('2023-05-31', 3)), ['error']],
  ])('%s', (_name, changes, severities) => {
    expect(findings(registerFrom('clean', changes), 'document-review').map((f) => f.severity)).toEqual(severities);
  });

  it('exempts a superseded document', () => {
    const folder = registerFrom('clean', {
      ...at(doc('2009-03-30', 5, 'supersededBy: it-policy-2025\n')),
      'register/documents/it-policy-2025.yaml': doc('2025-01-01', 5).replace('id: it-policy', 'id: it-policy-2025'),
    });
    expect(findings(folder, 'document-review')).toEqual([]);
  });

  it('points at adopted and names the due date', () => {
    expect(findings(registerFrom('clean', at(doc('2021-05-31', 5))), 'document-review')).toMatchObject([
      { line: 5, column: 10, message: expect.stringMatching(/^IT-policy was due for revision on 2026-05-31/) as unknown },
    ]);
  });
});
