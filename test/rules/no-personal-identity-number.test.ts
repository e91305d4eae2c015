import { describe, expect, it } from 'vitest';
import { findIdentityNumbers, identityNumberType, redactIdentityNumbers } from '../../src/util/identity-number.js';
import { findings, registerFrom } from '../helpers.js';

describe('identityNumberType', () => {
  it.each([
    ['811218-9876', 'personnummer'],
    ['8112189876', 'personnummer'],
    ['19811218-9876', 'personnummer'],
    ['198112189876', 'personnummer'],
    ['121212+1212', 'personnummer'],
    ['811278-9873', 'samordningsnummer'],
    ['000229-1235', 'personnummer'],
    ['850612-1238', 'personnummer'],
    ['850612 1238', 'personnummer'],
    ['850612–1238', 'personnummer'],
    ['850612\u00a01238', 'personnummer'],
    ['040229+1231', 'personnummer'],
  ])('%s is a %s', (text, type) => {
    expect(identityNumberType(text)).toBe(type);
  });

  it.each([
    ['811218-9875', 'wrong check digit'],
    ['811318-9876', 'month 13'],
    ['811232-9874', 'day 32'],
    ['810229-1238', '29 February of a year that is never leap (…81)'],
    ['0521-123456', 'a phone number'],
    ['0521123456', 'a phone number without dash'],
    ['556677-8899', 'an organisation number (month 66)'],
    ['171218-9876', 'a 10-digit number whose date part fails in 12 digits'],
    ['21811218-9876', 'century 21'],
    ['000229+1235', "29 February 1900: the '+' says born a hundred years ago or more, and 1900 was no leap year"],
    ['850612 1239', 'a wrong check digit after a space'],
  ])('%s is not (%s)', (text) => {
    expect(identityNumberType(text)).toBeUndefined();
  });
});

describe('findIdentityNumbers and redactIdentityNumbers (the one detector, shared with export --redact)', () => {
  it('finds numbers written with a space or an en dash, and replaces each with ÅÅMMDD-XXXX', () => {
    const text = 'Ring 850612 1238 eller 850612–1238, inte 0532-170 00 eller 000229+1235.';
    expect(findIdentityNumbers(text).map((m) => text.slice(m.index, m.index + m.length))).toEqual(['850612 1238', '850612–1238']);
    expect(redactIdentityNumbers(text)).toEqual({ text: 'Ring ÅÅMMDD-XXXX eller ÅÅMMDD-XXXX, inte 0532-170 00 eller 000229+1235.', count: 2 });
  });
});

describe('no-personal-identity-number', () => {
  const unit = (extra: string) => `kind: Unit\nid: kansli-amal\nname: Kommunkansliet, Åmål\ntype: department\nmunicipality: amal\n${extra}`;
  const at = (text: string) => ({ 'register/units/kansli-amal.yaml': text });

  it.each([
    ['a clean file', {}, 0],
    ['in a value', at(unit('notes: Kontakt 19811218-9876\n')), 1],
    ['in a comment', at(unit('# kontakt: 811218-9876\n')), 1],
    ['two in one file', at(unit('notes: 811218-9876 och 811278-9873\n')), 2],
    ['a phone number', at(unit('notes: Tel 0532-170 00, 0532123456\n')), 0],
    ['an invoice number', at(unit('notes: Faktura 4411092233\n')), 0],
    ['a diarienummer', at(unit('notes: Dnr KS 2026/123\n')), 0],
    ['an organisation number', at(unit('notes: Org.nr 212000-1496\n')), 0],
    ['with a space before the last four', at(unit('notes: Kontakt 850612 1238\n')), 1],
    ['with an en dash', at(unit('description: Kontakt 850612–1238\n')), 1],
    ['born on 29 February 1900, a day that did not exist', at(unit('notes: 000229+1235\n')), 0],
    ['in a file that does not parse', at(unit('notes: [811218-9876\n')), 1],
  ])('%s', (_name, changes, count) => {
    expect(findings(registerFrom('clean', changes), 'no-personal-identity-number')).toHaveLength(count);
  });

  it('points at the number and does not repeat it', () => {
    const [finding] = findings(registerFrom('clean', at(unit('notes: Kontakt 19811218-9876\n'))), 'no-personal-identity-number');
    expect(finding).toMatchObject({ file: 'register/units/kansli-amal.yaml', line: 6, column: 16, severity: 'error', entityId: 'kansli-amal' });
    expect(finding?.message).not.toContain('9876');
    expect(finding?.message).toMatch(/personal identity number/);
  });
});
