// processing-basis (DESIGN.md "Records of processing"): a processing activity of sensitive data names its art. 9(2)
// exemption, and one that needs an impact assessment (art. 35) has done it.
import { describe, expect, it } from 'vitest';
import { processing, ruleFindings, withApp } from './law-register.js';

const file = 'register/processing/diarieforing.yaml';
const sensitive = withApp('', 'sensitive');
const of = (fields: string) => processing('diarieforing', fields);

describe('processing-basis', () => {
  it.each([
    ['sensitive data without article9Basis', { ...sensitive, ...of('applications: [diarium]\n') }, 1],
    ['sensitive data with article9Basis', { ...sensitive, ...of('applications: [diarium]\narticle9Basis: Art. 9.2 g\n') }, 0],
    ['personal data without article9Basis', { ...withApp('', 'personal'), ...of('applications: [diarium]\n') }, 0],
    ['a DPIA required and not done', { ...withApp('', 'personal'), ...of('applications: [diarium]\ndpia: { required: true }\n') }, 1],
    ['a DPIA required and done', { ...withApp('', 'personal'), ...of('applications: [diarium]\ndpia: { required: true, done: 2026-02-01 }\n') }, 0],
    ['no DPIA required', { ...withApp('', 'personal'), ...of('applications: [diarium]\ndpia: { required: false }\n') }, 0],
    ['both missing', { ...sensitive, ...of('applications: [diarium]\ndpia: { required: true }\n') }, 2],
    ['a planned processing activity without its DPIA (it is due before the start)', { ...withApp('', 'personal'), ...of('applications: [diarium]\ndpia: { required: true }\nstart: 2027-01-01\n') }, 1],
    ['a processing activity that has ended', { ...sensitive, ...of('applications: [diarium]\ndpia: { required: true }\nstart: 2020-01-01\nend: 2025-12-31\n') }, 0],
  ])('%s', (_name, changes, count) => {
    expect(ruleFindings('processing-basis', changes)).toHaveLength(count);
  });

  it('is an error at the sensitive application in `applications`, in both languages', () => {
    const changes = { ...sensitive, ...of('applications:\n  - diarium\n') };
    const [en] = ruleFindings('processing-basis', changes);
    expect(en).toMatchObject({ severity: 'error', file, line: 11, column: 5, entityId: 'diarieforing' });
    expect(en?.message).toBe('processing activity Diarieföring covers Diariesystem, which holds sensitive personal data, but names no Art. 9(2) exemption: set `article9Basis`');
    const [sv] = ruleFindings('processing-basis', changes, { language: 'sv' });
    expect(sv?.message).toBe('behandlingen Diarieföring omfattar Diariesystem, som har känsliga personuppgifter, men anger inget undantag enligt art. 9.2: ange det i `article9Basis`');
  });

  it('is an error at dpia.required when the assessment is not done, in both languages', () => {
    const changes = { ...withApp('', 'personal'), ...of('applications: [diarium]\ndpia:\n  required: true\n') };
    const [en] = ruleFindings('processing-basis', changes);
    expect(en).toMatchObject({ severity: 'error', file, line: 12, column: 13 });
    expect(en?.message).toBe('processing activity Diarieföring requires an impact assessment (Art. 35) but none is done: carry it out before the processing starts and set its day in `dpia.done`');
    const [sv] = ruleFindings('processing-basis', changes, { language: 'sv' });
    expect(sv?.message).toBe('behandlingen Diarieföring kräver en konsekvensbedömning (art. 35) men ingen är gjord: gör den innan behandlingen börjar och ange dagen i `dpia.done`');
  });
});
