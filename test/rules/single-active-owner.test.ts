import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const owner = (id: string, from: string, until?: string) =>
  `kind: RoleAssignment\nid: ${id}\nrole: system-owner\napplication: diarium\nholder: { title: Chef, unit: kansli-amal }\nfrom: ${from}\n${until ? `until: ${until}\n` : ''}`;

describe('single-active-owner', () => {
  it.each([
    ['one owner', {}, 0],
    [
      'a successor starting the day after',
      { 'register/roles/diarium-owner.yaml': owner('diarium-owner', '2020-01-01', '2023-12-31'), 'register/roles/diarium-owner-2.yaml': owner('diarium-owner-2', '2024-01-01') },
      0,
    ],
    [
      'a successor starting on the last day',
      { 'register/roles/diarium-owner.yaml': owner('diarium-owner', '2020-01-01', '2023-12-31'), 'register/roles/diarium-owner-2.yaml': owner('diarium-owner-2', '2023-12-31') },
      1,
    ],
    ['two open-ended owners', { 'register/roles/diarium-owner-2.yaml': owner('diarium-owner-2', '2024-01-01') }, 1],
    [
      'an overlap in the past counts too',
      { 'register/roles/diarium-owner.yaml': owner('diarium-owner', '2020-01-01', '2022-12-31'), 'register/roles/diarium-owner-2.yaml': owner('diarium-owner-2', '2022-06-01') },
      1,
    ],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'single-active-owner')).toHaveLength(count);
  });

  it('reports once, on the later assignment, at its from', () => {
    const result = findings(registerFrom('clean', { 'register/roles/diarium-owner-2.yaml': owner('diarium-owner-2', '2024-01-01') }), 'single-active-owner');
    expect(result).toMatchObject([{ file: 'register/roles/diarium-owner-2.yaml', line: 6, column: 7, entityId: 'diarium-owner-2' }]);
    expect(result[0]?.message).toMatch(/overlaps diarium-owner/);
  });
});
