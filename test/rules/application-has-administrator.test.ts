import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const admin = (until: string) =>
  `kind: RoleAssignment\nid: diarium-admin\nrole: system-administrator\napplication: diarium\nholder: { title: Registrator, unit: kansli-amal }\nappointedBy: diarium-owner\nfrom: 2020-01-01\nuntil: ${until}\n`;

describe('application-has-administrator', () => {
  it.each([
    ['a current administrator', {}, 0],
    ['no administrator', { 'register/roles/diarium-admin.yaml': null }, 1],
    ['an administrator who left', { 'register/roles/diarium-admin.yaml': admin('2026-05-31') }, 1],
    ['an administrator until the date', { 'register/roles/diarium-admin.yaml': admin('2026-06-01') }, 0],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'application-has-administrator')).toHaveLength(count);
  });

  it("points at the application's first line", () => {
    expect(findings(registerFrom('clean', { 'register/roles/diarium-admin.yaml': null }), 'application-has-administrator')).toMatchObject([
      { file: 'register/applications/diarium.yaml', line: 1, column: 1, message: expect.stringMatching(/^Diariesystem has no system administrator/) as unknown },
    ]);
  });

  it('judges on --date: the same register is fine a year earlier', () => {
    const folder = registerFrom('clean', { 'register/roles/diarium-admin.yaml': admin('2025-12-31') });
    expect(findings(folder, 'application-has-administrator', { date: '2025-06-01' })).toEqual([]);
    expect(findings(folder, 'application-has-administrator', { date: '2026-06-01' })).toHaveLength(1);
  });
});
