import { describe, expect, it } from 'vitest';
import { encodingProblem } from '../../src/rules/text-encoding.js';
import { findings, registerFrom } from '../helpers.js';

describe('encodingProblem', () => {
  it.each([
    ['FÃ¤rgelanda', 'mojibake'],
    ['GÃ¶teborg', 'mojibake'],
    ['frÃ¥n', 'mojibake'],
    ['Ã…mål', 'mojibake'],
    ['Kommunens â€™policyâ€™', 'mojibake'],
    ['Â§ 12', 'mojibake'],
    ['p¬ ett likartat sªtt fºr', 'mojibake'],
    ['Mell\uFFFDrud', 'replacementChar'],
    ['Tab\u0007bell', 'controlChar'],
    ['C1\u0085control', 'controlChar'],
  ])('%s → %s', (text, id) => {
    expect(encodingProblem(text)?.message.id).toBe(id);
  });

  it.each(['Färgelanda', 'Åmål', '§ 12', 'Tab\tand\nnewline', '1ª edición', 'Price: 5 ¬ 3'])('%s is fine', (text) => {
    expect(encodingProblem(text)).toBeUndefined();
  });
});

describe('text-encoding', () => {
  const unit = (name: string) => `kind: Unit\nid: kansli-amal\nname: ${name}\ntype: department\nmunicipality: amal\n`;
  it.each([
    ['clean', {}, 0],
    ['double-encoded name', { 'register/units/kansli-amal.yaml': unit('Kommunkansliet, Ã…mÃ¥l') }, 1],
    ['an escaped control character', { 'register/units/kansli-amal.yaml': unit('"Kansliet\\u0001"') }, 1],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'text-encoding')).toHaveLength(count);
  });

  it('points at the damaged letters', () => {
    expect(findings(registerFrom('clean', { 'register/units/kansli-amal.yaml': unit('Kommunkansliet, Ã…mÃ¥l') }), 'text-encoding')).toMatchObject([
      { severity: 'warning', line: 3, column: 23, message: expect.stringContaining('"t, Ã…mÃ¥"') as unknown },
    ]);
  });
});
