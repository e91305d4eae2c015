import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const drift = (start: string, end?: string) => `kind: Agreement\nid: diarium-drift\nname: Drift\ntype: operations\napplication: diarium\nstart: ${start}\n${end ? `end: ${end}\n` : ''}`;

describe('operations-agreement', () => {
  it.each([
    ['a current agreement', {}, 0],
    ['no agreement', { 'register/agreements/diarium-drift.yaml': null }, 1],
    ['an agreement that ended', { 'register/agreements/diarium-drift.yaml': drift('2020-01-01', '2026-05-31') }, 1],
    ['an agreement not started', { 'register/agreements/diarium-drift.yaml': drift('2026-07-01') }, 1],
    ['an agreement of another type does not count', { 'register/agreements/diarium-drift.yaml': drift('2020-01-01').replace('operations', 'licence') }, 1],
    [
      'vendor-hosted (no operatedBy) needs none',
      {
        'register/agreements/diarium-drift.yaml': null,
        'register/applications/diarium.yaml': 'kind: Application\nid: diarium\nname: Diariesystem\ntype: business\nmunicipalities: [amal]\nvendor: { name: V }\ndocumentation: { routines: r }\n',
      },
      0,
    ],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'operations-agreement')).toHaveLength(count);
  });

  it('names the operating unit', () => {
    expect(findings(registerFrom('clean', { 'register/agreements/diarium-drift.yaml': null }), 'operations-agreement')).toMatchObject([
      { line: 1, column: 1, message: expect.stringMatching(/^Diariesystem is operated by IT-enheten Åmål without a current operations agreement/) as unknown },
    ]);
  });
});
