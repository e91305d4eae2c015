// classification-assessed (DESIGN.md "Classification, continuity, hosting"): a live business application is classified,
// and a classification is reviewed within reviewMonths (24) of its decision.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { diarium, diariumFile, ruleFindings, ruleFolder, withApp } from './law-register.js';

const classified = (decided: string) => withApp(`classification: { confidentiality: 2, integrity: 2, availability: 2, decided: ${decided} }\n`);

describe('classification-assessed', () => {
  it.each([
    ['a business application without classification', withApp(''), 1],
    ['one classified this year', classified('2026-01-15'), 0],
    ['one decided exactly 24 months ago (due today)', classified('2024-06-01'), 0],
    ['one decided a day more than 24 months ago', classified('2024-05-31'), 1],
    ['one classified without a decision date', withApp('classification: { confidentiality: 2, integrity: 2, availability: 2 }\n'), 1],
    ['a general application without classification', { [diariumFile]: diarium.replace('type: business', 'type: general') }, 0],
    [
      'a general application whose classification is overdue',
      { [diariumFile]: diarium.replace('type: business', 'type: general') + 'classification: { confidentiality: 2, integrity: 2, availability: 2, decided: 2020-01-01 }\n' },
      1,
    ],
    ['a retired application', withApp('lifecycle: { status: retired }\n'), 0],
    ['a planned application', withApp('lifecycle: { status: planned }\n'), 1],
  ])('%s', (_name, changes, count) => {
    expect(ruleFindings('classification-assessed', changes)).toHaveLength(count);
  });

  it('is a warning at the first line when missing, in both languages', () => {
    const [en] = ruleFindings('classification-assessed', withApp(''));
    expect(en).toMatchObject({ severity: 'warning', file: diariumFile, line: 1, column: 1, entityId: 'diarium' });
    expect(en?.message).toBe('Diariesystem has no information classification: classify confidentiality, integrity and availability (0–4 as in KLASSA) and set them in `classification`');
    const [sv] = ruleFindings('classification-assessed', withApp(''), { language: 'sv' });
    expect(sv?.message).toBe('Diariesystem saknar informationsklassning: klassa konfidentialitet, riktighet och tillgänglighet (0–4 enligt KLASSA) och ange dem i `classification`');
  });

  it('points at classification.decided when the review is overdue, with the due day, in both languages', () => {
    const [en] = ruleFindings('classification-assessed', classified('2024-05-31'));
    expect(en).toMatchObject({ severity: 'warning', line: 15, column: 79 });
    expect(en?.message).toBe('the classification of Diariesystem was decided on 2024-05-31 and was due for review on 2026-05-31: review it and update `decided`');
    const [sv] = ruleFindings('classification-assessed', classified('2024-05-31'), { language: 'sv' });
    expect(sv?.message).toBe('klassningen av Diariesystem beslutades 2024-05-31 och skulle ha setts över senast 2026-05-31: se över den och uppdatera `decided`');
  });

  it('points at the key classification when it has no decision date', () => {
    const [finding] = ruleFindings('classification-assessed', withApp('classification: { confidentiality: 2, integrity: 2, availability: 2 }\n'));
    expect(finding).toMatchObject({ line: 15, column: 1 });
    expect(finding?.message).toBe('the classification of Diariesystem has no decision date: set `classification.decided`, so that it can be reviewed in time');
  });

  it('takes reviewMonths from itreg.yaml, and refuses a bad one (exit 2)', () => {
    expect(ruleFindings('classification-assessed', classified('2024-05-31'), { config: 'rules:\n  classification-assessed: [warning, { reviewMonths: 36 }]\n' })).toHaveLength(0);
    expect(ruleFindings('classification-assessed', classified('2023-05-31'), { config: 'rules:\n  classification-assessed: [error, { reviewMonths: 36 }]\n' })[0]?.severity).toBe('error');
    const result = runCli(['lint'], ruleFolder('rules:\n  classification-assessed: [warning, { reviewMonths: 0 }]\n'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/itreg\.yaml:6:\d+: "rules\.classification-assessed\[1\]\.reviewMonths" must be at least 1/);
  });
});
