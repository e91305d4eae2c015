// personal-data-assessed (DESIGN.md "Format 1.1: Data protection") on real registers.
import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const app = (extra: string) =>
  `kind: Application\nid: diarium\nname: Diariesystem\ntype: business\nmunicipalities: [amal, mellerud]\ncollaborationLevel: 1\noperatedBy: it-amal\nvendor:\n  name: Ärendesystem Väst AB\n  product: Dokumentor\ndocumentation:\n  routines: docs/diarium/rutiner.md\n  operations: docs/diarium/drift.md\n${extra}`;
const withApp = (extra: string) => ({ 'register/applications/diarium.yaml': app(extra) });

describe('personal-data-assessed', () => {
  it.each([
    ['a business application without personalData', withApp(''), 1],
    ['assessed as none', withApp('personalData: none\n'), 0],
    ['a general application need not be', { 'register/applications/diarium.yaml': app('').replace('type: business', 'type: general') }, 0],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'personal-data-assessed').map((f) => f.severity)).toEqual(Array(count).fill('warning'));
  });

  it('speaks Swedish', () => {
    const folder = registerFrom('clean', { ...withApp(''), 'itreg.yaml': 'name: X\nlanguage: sv\n' });
    expect(findings(folder, 'personal-data-assessed', { language: 'sv' })[0]?.message).toBe(
      'Diariesystem saknar en bedömning av personuppgifter: ange `personalData` (`none`, `personal` eller `sensitive`)',
    );
  });
});
