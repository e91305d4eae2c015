// hosting-location (DESIGN.md "Classification, continuity, hosting"): confidentiality ≥ minConfidentiality (3) stays in the EU/EEA.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { diariumFile, ruleFindings, ruleFolder, withApp } from './law-register.js';

const app = (confidentiality: number, country?: string) =>
  withApp(
    `classification: { confidentiality: ${confidentiality}, integrity: 1, availability: 1, decided: 2026-01-15 }\n${country ? `hosting:\n  country: ${country}\n  provider: Molnbolaget\n` : ''}`,
  );

describe('hosting-location', () => {
  it.each([
    ['confidentiality 3 in the US', app(3, 'US'), 1],
    ['confidentiality 4 in Switzerland (not in the EEA)', app(4, 'CH'), 1],
    ['confidentiality 4 in the United Kingdom', app(4, 'GB'), 1],
    ['confidentiality 3 in Ireland (EU)', app(3, 'IE'), 0],
    ['confidentiality 3 in Norway (EEA)', app(3, 'NO'), 0],
    ['confidentiality 3 in Greece (GR)', app(3, 'GR'), 0],
    ['confidentiality 3 on its own premises (no hosting: Sweden)', app(3), 0],
    ['confidentiality 2 in the US', app(2, 'US'), 0],
    ['not classified, in the US', withApp('hosting: { country: US }\n'), 0],
  ])('%s', (_name, changes, count) => {
    expect(ruleFindings('hosting-location', changes)).toHaveLength(count);
  });

  it('is quiet for a retired application', () => {
    const changes = app(4, 'US');
    changes[diariumFile] += 'lifecycle: { status: retired }\n';
    expect(ruleFindings('hosting-location', changes)).toHaveLength(0);
  });

  it('is an error at hosting.country naming the country and the level, in both languages', () => {
    const [en] = ruleFindings('hosting-location', app(3, 'US'));
    expect(en).toMatchObject({ severity: 'error', file: diariumFile, line: 17, column: 12, entityId: 'diarium' });
    expect(en?.message).toBe(
      'Diariesystem has confidentiality level 3 (Serious) but is hosted in United States (US), outside the EU/EEA: move it into the EU/EEA, or decide an exception with its reason',
    );
    const [sv] = ruleFindings('hosting-location', app(3, 'US'), { language: 'sv' });
    expect(sv?.message).toBe('Diariesystem har konfidentialitetsnivå 3 (Allvarlig) men driftas i USA (US), utanför EU/EES: flytta driften till EU/EES, eller besluta ett undantag med skäl');
  });

  it('takes minConfidentiality from itreg.yaml, and refuses a bad one (exit 2)', () => {
    expect(ruleFindings('hosting-location', app(2, 'US'), { config: 'rules:\n  hosting-location: [error, { minConfidentiality: 2 }]\n' })).toHaveLength(1);
    expect(ruleFindings('hosting-location', app(3, 'US'), { config: 'rules:\n  hosting-location: [error, { minConfidentiality: 4 }]\n' })).toHaveLength(0);
    const result = runCli(['lint'], ruleFolder('rules:\n  hosting-location: [error, { minConfidentiality: "high" }]\n'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/itreg\.yaml:6:\d+: "rules\.hosting-location\[1\]\.minConfidentiality" must be a whole number/);
  });
});
