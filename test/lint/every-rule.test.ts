// End to end: a fixture register with one violation of each rule gives exactly the expected findings, through the CLI.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleIds } from '../../src/rules/index.js';
import { fixtures, runCli } from '../helpers.js';

const expected: Array<[string, string, number, number]> = [
  ['it-staff-training-plan', 'itreg.yaml', 1, 1],
  ['exception', 'itreg.yaml', 7, 5],
  ['agreement-expiry', 'register/agreements/diarium-licence.yaml', 7, 6],
  ['classification-assessed', 'register/applications/bibliotek.yaml', 1, 1],
  ['personal-data-assessed', 'register/applications/bibliotek.yaml', 1, 1],
  ['training-plan', 'register/applications/bibliotek.yaml', 1, 1],
  ['specialist-competence', 'register/applications/diarium.yaml', 5, 17],
  ['data-processing-agreement', 'register/applications/diarium.yaml', 14, 15],
  ['processing-record', 'register/applications/diarium.yaml', 14, 15],
  ['application-has-owner', 'register/applications/gis.yaml', 1, 1],
  ['continuity-plan', 'register/applications/gis.yaml', 7, 11],
  ['critical-staffing', 'register/applications/gis.yaml', 7, 11],
  ['support-agreement', 'register/applications/karta.yaml', 1, 1],
  ['text-encoding', 'register/applications/karta.yaml', 6, 40],
  ['date-order', 'register/applications/karta.yaml', 9, 42],
  ['operations-agreement', 'register/applications/lon.yaml', 1, 1],
  ['documentation', 'register/applications/telefon.yaml', 1, 1],
  ['application-has-administrator', 'register/applications/webb.yaml', 1, 1],
  ['hosting-location', 'register/applications/webb.yaml', 8, 21],
  ['yaml-syntax', 'register/broken.yaml', 4, 1],
  ['document-review', 'register/documents/it-policy.yaml', 5, 10],
  ['cost-split', 'register/investments/diarium-2026.yaml', 7, 8],
  ['third-country-transfer', 'register/processing/diarieforing.yaml', 9, 24],
  ['processing-basis', 'register/processing/diarieforing.yaml', 12, 19],
  ['single-active-owner', 'register/roles/diarium-owner-2.yaml', 6, 7],
  ['training-plan-review', 'register/training/users.yaml', 6, 10],
  ['schema', 'register/units/bad-unit.yaml', 5, 1],
  ['id-matches-filename', 'register/units/ekonomi.yaml', 2, 5],
  ['reference', 'register/units/hr-amal.yaml', 5, 15],
  ['no-personal-identity-number', 'register/units/kansli-amal.yaml', 1, 18],
  ['unique-id', 'register/units/kansli-amal.yaml', 3, 5],
];

describe('a register with one violation of each rule', () => {
  const folder = join(fixtures, 'every-rule');

  it('covers every rule', () => {
    expect(expected.map(([rule]) => rule).sort()).toEqual([...ruleIds].sort());
  });

  it('reports exactly those findings', () => {
    const result = runCli(['lint', '--format', 'json', '--date', '2026-06-01'], folder);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number }>; summary: object };
    expect(json.findings.map((f) => [f.ruleId, f.file, f.line, f.column])).toEqual(expected);
    expect(json.summary).toEqual({ files: 36, entities: 33, errors: 20, warnings: 11, suppressed: 0 });
  });

  it('reports nothing on the clean register it was made from', () => {
    const result = runCli(['lint', '--format', 'json', '--date', '2026-06-01'], join(fixtures, 'clean'));
    expect(JSON.parse(result.stdout)).toMatchObject({ findings: [] });
    expect(result.status).toBe(0);
  });
});
