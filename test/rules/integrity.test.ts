// The integrity rules on fixture registers (test/fixtures/<rule>/): exact files, lines and columns.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, fixtures, lint, registerFrom } from '../helpers.js';

type Expected = Array<[file: string, line: number, column: number, message: RegExp]>;

const cases: Array<[rule: string, expected: Expected]> = [
  [
    'yaml-syntax',
    [
      ['register/broken.yaml', 4, 1, /wrong indentation: .*or close a \[ or \{ left open above/],
      ['register/dup.yaml', 4, 1, /same key appears twice/],
      ['register/empty.yaml', 1, 1, /empty file/],
      ['register/list.yaml', 1, 1, /not a mapping/],
      ['register/tabs.yaml', 4, 1, /tabs are not allowed/],
      ['register/two.yaml', 4, 1, /holds 2 YAML documents/],
    ],
  ],
  [
    'schema',
    [
      ['register/aplication.yaml', 1, 7, /unknown kind "Aplication" \(did you mean "Application"\?\)/],
      ['register/applications/gis.yaml', 2, 1, /missing required field "municipalities"/],
      ['register/applications/gis.yaml', 5, 7, /"type" must be one of business, general, infrastructure/],
      ['register/applications/gis.yaml', 6, 1, /unknown field "municipalitys" \(did you mean "municipalities"\?\)/],
      ['register/applications/gis.yaml', 9, 15, /"lifecycle.introduced" must be a date/],
      // A kind that is no string is quoted as it is written, not as String() has it ("Application" here).
      ['register/listkind.yaml', 1, 7, /unknown kind "\["Application"\]"/],
      ['register/nokind.yaml', 1, 1, /missing "kind"/],
    ],
  ],
  ['unique-id', [['register/b/amal.yaml', 3, 5, /id "amal" is already used by register\/a\/amal.yaml/]]],
  ['id-matches-filename', [['register/amal-kommun.yaml', 2, 5, /rename the file to amal.yaml/]]],
  [
    'reference',
    [
      ['register/diarium.yaml', 5, 24, /"municipalities\[1\]" refers to "amall", which does not exist \(did you mean "amal"\?\)/],
      ['register/diarium.yaml', 7, 13, /"operatedBy" refers to "kansli", which is Unit \(type: department\), not Unit \(type: it-unit\)/],
      ['register/owner.yaml', 4, 14, /"application" refers to "amal", which is Municipality, not Application/],
    ],
  ],
];

describe('integrity rules on fixture registers', () => {
  it.each(cases)('%s', (rule, expected) => {
    const actual = findings(join(fixtures, rule), rule);
    expect(actual.map((f) => [f.file, f.line, f.column])).toEqual(expected.map(([file, line, column]) => [file, line, column]));
    actual.forEach((finding, index) => {
      expect(finding.message).toMatch(expected[index]![3]);
      expect(finding.severity).toBe(rule === 'id-matches-filename' ? 'warning' : 'error');
    });
  });

  it('checks the other files when one does not parse', () => {
    const result = lint(join(fixtures, 'yaml-syntax'));
    expect(result.summary.files).toBe(7);
    expect(result.summary.entities).toBe(1); // amal.yaml, the only well-formed file
  });

  it('gives the later duplicate no say in the policy rules', () => {
    const result = lint(join(fixtures, 'unique-id'));
    expect(result.summary.entities).toBe(1);
    expect(result.findings.find((f) => f.ruleId === 'unique-id')?.entityId).toBe('amal');
  });

  // Issue 25, item 6: the owner of another application does not appoint this one's administrator.
  it('reference: appointedBy names the owner of the same application', () => {
    const folder = registerFrom('clean', {
      'register/applications/gis.yaml': 'kind: Application\nid: gis\nname: Kartsystem\ntype: business\nmunicipalities: [amal]\n',
      'register/roles/gis-owner.yaml': 'kind: RoleAssignment\nid: gis-owner\nrole: system-owner\napplication: gis\nholder: { title: Samhällsbyggnadschef, unit: kansli-amal }\nfrom: 2020-01-01\n',
      'register/roles/diarium-admin.yaml':
        'kind: RoleAssignment\nid: diarium-admin\nrole: system-administrator\napplication: diarium\nholder: { title: Registrator, unit: kansli-amal }\nappointedBy: gis-owner\nfrom: 2020-01-01\n',
    });
    expect(findings(folder, 'reference')).toMatchObject([
      {
        file: 'register/roles/diarium-admin.yaml',
        line: 6,
        column: 14,
        severity: 'error',
        message: '"appointedBy" refers to "gis-owner", the system owner of "gis", not of Diariesystem: name the assignment of Diariesystem\'s system owner',
      },
    ]);
    expect(findings(registerFrom('clean'), 'reference')).toEqual([]);
  });

  // Issue 25, item 8: it-a-copy.yaml sorts before it-a.yaml, but the file named after the id keeps it.
  it('unique-id: the finding is on the file whose name does not match the id', () => {
    const owner = 'kind: RoleAssignment\nid: diarium-owner\nrole: system-owner\napplication: diarium\nholder: { title: Kanslichef, unit: kansli-amal }\nfrom: 2020-01-01\n';
    const folder = registerFrom('clean', { 'register/roles/diarium-owner-copy.yaml': owner.replace('Kanslichef', 'Kommunchef') });
    expect(findings(folder, 'unique-id')).toMatchObject([
      { file: 'register/roles/diarium-owner-copy.yaml', line: 2, column: 5, message: 'id "diarium-owner" is already used by register/roles/diarium-owner.yaml: every id must be unique' },
    ]);
    // The policy rules and every output see the correctly named file's entity.
    expect(lint(folder).findings.filter((f) => f.ruleId !== 'unique-id' && f.ruleId !== 'id-matches-filename')).toEqual([]);
  });

  it('finds nothing in the clean fixture', () => {
    expect(lint(join(fixtures, 'clean')).findings).toEqual([]);
  });
});
