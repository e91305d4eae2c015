// The term list: every value of the register has its words in both languages, and counts take the plural rule.
import { describe, expect, it } from 'vitest';
import { countOf, kindName, pluralForm, ruleName, terms } from '../../src/i18n/terms.js';
import { ruleIds } from '../../src/rules/index.js';
import { kinds } from '../../src/schema/validate.js';

describe('terms', () => {
  it('names every kind and every rule in both languages, and no two rules alike', () => {
    for (const language of ['sv', 'en'] as const) {
      for (const kind of kinds) expect(kindName(language, kind)).not.toBe(language === 'sv' ? kind : '');
      const names = ruleIds.map((id) => ruleName(language, id));
      for (const [i, id] of ruleIds.entries()) expect(names[i], id).not.toBe(id);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(kindName('sv', 'RoleAssignment')).toBe('Rollbemanning');
    expect(kindName('sv', 'Agreement', 2)).toBe('Avtal');
    expect(kindName('en', 'TrainingPlan', 3)).toBe('Training plans');
    expect(ruleName('sv', 'training-plan')).toBe('Utbildningsplan för verksamhetssystem');
    expect(ruleName('sv', 'no-such-rule')).toBe('no-such-rule');
    expect(ruleName('sv', 'constructor')).toBe('constructor');
  });

  it('has the processor agreement of format 1.1', () => {
    expect(terms.sv.agreementTypes['data-processing'].one).toBe('personuppgiftsbiträdesavtal');
    expect(terms.en.personalData.sensitive).toBe('sensitive personal data');
  });

  it.each([
    ['en', 0, 'commits'],
    ['en', 1, 'commit'],
    ['en', 2, 'commits'],
    ['en', 1.5, 'commits'],
    ['sv', 0, 'incheckningar'],
    ['sv', 1, 'incheckning'],
    ['sv', 21, 'incheckningar'],
  ] as const)('%s: %d → %s', (language, count, form) => {
    expect(pluralForm(language, count, terms[language].counted.commit)).toBe(form);
  });

  it('counts with the number first', () => {
    expect(countOf('en', 1, terms.en.counted.personalName)).toBe('1 personal name');
    expect(countOf('sv', 2, terms.sv.kinds.Application)).toBe('2 applikationer');
  });
});
