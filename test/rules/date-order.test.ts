// date-order (DESIGN.md "Format 1.1"): dates that cannot be right, on real registers.
import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const agreement = (fields: string) => ({
  'register/agreements/diarium-support.yaml': `kind: Agreement\nid: diarium-support\nname: Support\ntype: support\napplication: diarium\n${fields}`,
});

describe('date-order', () => {
  it.each([
    ['end before start', agreement('start: 2024-01-01\nend: 2023-12-31\n'), [['error', 7, 6, /^end 2023-12-31 is before start 2024-01-01/]]],
    ['end on start is fine', agreement('start: 2024-01-01\nend: 2024-01-01\n'), []],
    ['terminated before start', agreement('start: 2024-01-01\nend: 2030-12-31\nterminated: 2023-06-01\n'), [['error', 8, 13, /^terminated 2023-06-01 is before start 2024-01-01/]]],
    ['an option without months', agreement('start: 2024-01-01\nend: 2030-12-31\noptions:\n  - { months: 12 }\n  - { exercised: 2025-01-01 }\n'), [['error', 10, 5, /^option 2 has no `months`/]]],
    ['a date that does not exist', agreement('start: 2024-02-30\n'), [['error', 6, 8, /^start: 2024-02-30 is not a day in the calendar/]]],
    ['29 February of a leap year exists', agreement('start: 2024-02-29\n'), []],
    [
      'a processing activity ending before it started',
      {
        'register/processing/diarieforing.yaml':
          'kind: Processing\nid: diarieforing\nname: Diarieföring\ncontroller: kansli-amal\npurpose: Registrera handlingar\nlegalBasis: [legal-obligation]\ndataSubjects: [Avsändare]\ndataCategories: [Namn]\nretention: Enligt planen\napplications: [diarium]\nstart: 2027-01-01\nend: 2026-01-01\n',
      },
      [['error', 12, 6, /^end 2026-01-01 is before start 2027-01-01/]],
    ],
    [
      'until before from',
      {
        'register/roles/diarium-owner.yaml':
          'kind: RoleAssignment\nid: diarium-owner\nrole: system-owner\napplication: diarium\nholder: { title: Kanslichef, unit: kansli-amal }\nfrom: 2024-01-01\nuntil: 2023-01-01\n',
      },
      [['error', 7, 8, /^until 2023-01-01 is before from 2024-01-01/]],
    ],
    [
      'a membership ending before it began',
      { 'register/municipalities/mellerud.yaml': 'kind: Municipality\nid: mellerud\nname: Mellerud\npopulation: { 2025: 9000 }\nmemberships:\n  - { from: 2020-01-01, until: 2019-12-31 }\n' },
      [['error', 6, 32, /^memberships\[0\]\.until 2019-12-31 is before memberships\[0\]\.from 2020-01-01/]],
    ],
    [
      'a training plan updated after the date',
      { 'register/training/users.yaml': 'kind: TrainingPlan\nid: users\nname: Användarutbildning diarium\naudience: users\napplications: [diarium]\nupdated: 2026-06-02\n' },
      [['warning', 6, 10, /^updated 2026-06-02 is after 2026-06-01/]],
    ],
    [
      'a document adopted after the date',
      { 'register/documents/it-policy.yaml': 'kind: Document\nid: it-policy\nname: IT-policy\ntype: policy\nadopted: 2026-07-01\nvalidYears: 5\n' },
      [['warning', 5, 10, /^adopted 2026-07-01 is after 2026-06-01/]],
    ],
  ])('%s', (_name, changes, expected) => {
    const found = findings(registerFrom('clean', changes), 'date-order').map((f) => [f.severity, f.line, f.column, f.message]);
    expect(found).toHaveLength(expected.length);
    expected.forEach(([severity, line, column, message], index) => {
      expect(found[index]).toEqual([severity, line, column, expect.stringMatching(message as RegExp)]);
    });
  });
});
