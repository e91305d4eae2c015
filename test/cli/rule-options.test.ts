// Rule options in itreg.yaml are checked against the options schema each rule declares: exit 2 with a did-you-mean.
import { describe, expect, it } from 'vitest';
import { registerFrom, runCli } from '../helpers.js';

describe('rule options in itreg.yaml', () => {
  it.each([
    ['a misspelt option', '[error, { warnMonth: 24 }]', /itreg\.yaml:4:31: unknown field "rules\.agreement-expiry\[1\]\.warnMonth" \(did you mean "warnMonths"\?\)/],
    ['a negative number of months', '[error, { warnMonths: -5 }]', /itreg\.yaml:4:43: "rules\.agreement-expiry\[1\]\.warnMonths" must be at least 0/],
    ['a text for a number', '[error, { warnMonths: "x" }]', /itreg\.yaml:4:43: "rules\.agreement-expiry\[1\]\.warnMonths" must be a whole number/],
  ])('%s is exit 2', (_name, setting, message) => {
    const folder = registerFrom('clean', { 'itreg.yaml': `name: X\nlanguage: en\nrules:\n  agreement-expiry: ${setting}\n` });
    const result = runCli(['lint'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('accepts a declared option', () => {
    const folder = registerFrom('clean', { 'itreg.yaml': 'name: X\nlanguage: en\nrules:\n  agreement-expiry: [error, { warnMonths: 9 }]\n' });
    expect(runCli(['lint'], folder).status).toBe(0);
  });
});
