import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

describe('specialist-competence', () => {
  const noSpecialist = { 'register/roles/diarium-specialist.yaml': null };
  it.each([
    ['a shared application with a specialist', {}, 1 - 1],
    ['a shared application without one', noSpecialist, 1],
    [
      'used by one municipality',
      {
        ...noSpecialist,
        'register/applications/diarium.yaml':
          'kind: Application\nid: diarium\nname: Diariesystem\ntype: business\nmunicipalities: [amal]\noperatedBy: it-amal\nvendor: { name: V }\ndocumentation: { routines: r, operations: o }\n',
      },
      0,
    ],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'specialist-competence')).toHaveLength(count);
  });

  it('points at municipalities and counts them', () => {
    expect(findings(registerFrom('clean', noSpecialist), 'specialist-competence')).toMatchObject([
      { severity: 'warning', line: 5, column: 17, message: expect.stringMatching(/used by 2 municipalities but has no specialist/) as unknown },
    ]);
  });
});
