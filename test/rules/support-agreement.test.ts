import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const support = (end: string) => `kind: Agreement\nid: diarium-support\nname: Support\ntype: support\napplication: diarium\nstart: 2020-01-01\nend: ${end}\n`;

describe('support-agreement', () => {
  it.each([
    ['a current agreement', {}, 0],
    ['no agreement', { 'register/agreements/diarium-support.yaml': null }, 1],
    ['an agreement ending on the date', { 'register/agreements/diarium-support.yaml': support('2026-06-01') }, 0],
    ['an agreement that ended the day before', { 'register/agreements/diarium-support.yaml': support('2026-05-31') }, 1],
    [
      'no vendor needs none',
      {
        'register/agreements/diarium-support.yaml': null,
        'register/applications/diarium.yaml':
          'kind: Application\nid: diarium\nname: Diariesystem\ntype: business\nmunicipalities: [amal]\noperatedBy: it-amal\ndocumentation: { routines: r, operations: o }\n',
      },
      0,
    ],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'support-agreement')).toHaveLength(count);
  });

  it('names the vendor', () => {
    expect(findings(registerFrom('clean', { 'register/agreements/diarium-support.yaml': null }), 'support-agreement')).toMatchObject([
      { line: 1, column: 1, message: expect.stringMatching(/^Diariesystem has vendor Ärendesystem Väst AB but no current support agreement/) as unknown },
    ]);
  });
});
