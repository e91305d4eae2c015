// The example register (register/, itreg.yaml): the true findings a real register has, and nothing on the clean entities.
import { describe, expect, it } from 'vitest';
import { lint, projectRoot, runCli } from '../helpers.js';

const expected = [
  ['agreement-expiry', 'error', 'register/agreements/e-tjanst-support.yaml', 9, 6],
  ['agreement-expiry', 'warning', 'register/agreements/pa-lon-support.yaml', 9, 6],
  // Format 1.2: the vendor of Bengtsfors' school platform took on a US sub-processor without a safeguard (art. 44).
  ['third-country-transfer', 'error', 'register/agreements/skolplattform-bengtsfors-pub.yaml', 17, 14],
  ['agreement-expiry', 'warning', 'register/agreements/skolplattform-mellerud-support.yaml', 9, 6],
  ['personal-data-assessed', 'warning', 'register/applications/bibliotek.yaml', 2, 1],
  ['training-plan', 'error', 'register/applications/bibliotek.yaml', 2, 1],
  ['documentation', 'warning', 'register/applications/diarium.yaml', 15, 3],
  // The planned building-permit e-service is not yet classified and not yet in the record of processing.
  ['classification-assessed', 'warning', 'register/applications/e-bygglov.yaml', 2, 1],
  ['processing-record', 'warning', 'register/applications/e-bygglov.yaml', 15, 15],
  ['support-agreement', 'error', 'register/applications/e-tjanst.yaml', 2, 1],
  ['personal-data-assessed', 'warning', 'register/applications/ekonomi.yaml', 2, 1],
  ['application-has-administrator', 'error', 'register/applications/gis.yaml', 2, 1],
  ['personal-data-assessed', 'warning', 'register/applications/gis.yaml', 2, 1],
  ['specialist-competence', 'warning', 'register/applications/gis.yaml', 7, 17],
  // GIS was classified 2024-10-03: its two-yearly review was due 2026-10-03.
  ['classification-assessed', 'warning', 'register/applications/gis.yaml', 22, 12],
  // The payroll system is critical; its restore was last tried 2025-09-15, due again 2026-09-15.
  ['continuity-plan', 'error', 'register/applications/pa-lon.yaml', 32, 18],
  ['text-encoding', 'warning', 'register/applications/skolplattform-mellerud.yaml', 5, 66],
  // Mellerud's school platform has sensitive data at its vendor and no processor agreement (PUB-avtal).
  ['data-processing-agreement', 'error', 'register/applications/skolplattform-mellerud.yaml', 11, 15],
  ['processing-record', 'warning', 'register/applications/skolplattform-mellerud.yaml', 11, 15],
  ['personal-data-assessed', 'warning', 'register/applications/telefoni.yaml', 2, 1],
  ['document-review', 'warning', 'register/documents/it-instruktion-bengtsfors.yaml', 7, 10],
  ['document-review', 'error', 'register/documents/it-instruktion-dals-ed.yaml', 7, 10],
  ['document-review', 'warning', 'register/documents/it-policy-2022.yaml', 6, 10],
  // The record of processing says the same transfer to the US, also without a safeguard.
  ['third-country-transfer', 'error', 'register/processing/elevdokumentation-bengtsfors.yaml', 13, 14],
];

describe('the example register on 2026-11-26', () => {
  const result = lint(projectRoot, { date: '2026-11-26', language: 'sv' });

  it('has at least 40 files, each with the schema line', () => {
    expect(result.summary.files).toBeGreaterThanOrEqual(40);
    expect(result.summary.entities).toBe(result.summary.files);
  });

  it('reports exactly the known findings', () => {
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.file, f.line, f.column])).toEqual(expected);
    // Format 1.1's 6 errors and 11 warnings, and format 1.2's: 3 errors (a restore test overdue, one US transfer
    // without a safeguard written in both the processor agreement and the record) and 4 warnings (two applications
    // unclassified or overdue for review, two with personal data in no record of processing).
    expect(result.summary).toMatchObject({ errors: 9, warnings: 15, suppressed: 1 });
  });

  it('words them in Swedish: a passed notice deadline as a date, and what to do (never "decide now")', () => {
    const notice = result.findings.find((f) => f.file.endsWith('pa-lon-support.yaml'));
    expect(notice?.message).toBe(
      'sista uppsägningsdag för avtalet Supportavtal PersonalWeb för PA- och lönesystem passerades 2026-09-30 och avtalet upphör 2027-03-31: upphandla, teckna ett nytt avtal eller planera avvecklingen (IT-policyn, kap. 4: "Samverkan kan ske när: Avtal är på väg ut")',
    );
  });

  it('silences the decided telefoni exception until its end, then reports it', () => {
    const later = lint(projectRoot, { date: '2027-07-01' });
    expect(later.findings.some((f) => f.ruleId === 'training-plan' && f.entityId === 'telefoni')).toBe(true);
    expect(later.findings.some((f) => f.ruleId === 'exception')).toBe(true);
  });
});

describe('format 1.1 in the example register', () => {
  const at = (date: string) => lint(projectRoot, { date, language: 'en' }).findings.filter((f) => f.ruleId === 'agreement-expiry');

  it('renews the library support tacitly: no finding until its deadline nears, then "renews by 12 months"', () => {
    expect(at('2026-11-26').some((f) => f.file.endsWith('bibliotek-support.yaml'))).toBe(false);
    const near = at('2028-10-01').find((f) => f.file.endsWith('bibliotek-support.yaml'));
    expect(near?.message).toMatch(/notice deadline on 2028-12-30; if nothing is done it renews by 12 months to 2030-06-30/);
  });

  it('extends the payroll operations agreement by its exercised option and names the option left', () => {
    const near = at('2027-03-01').find((f) => f.file.endsWith('pa-lon-drift.yaml'));
    expect(near?.message).toMatch(/notice deadline on 2027-06-30; if nothing is done it ends on 2027-12-31; it is also the last day to call the option of 24 months \(to 2029-12-31\)/);
  });

  it('has a processor agreement (PUB-avtal) for the payroll system', () => {
    expect(lint(projectRoot, { date: '2026-11-26' }).findings.some((f) => f.ruleId === 'data-processing-agreement' && f.entityId === 'pa-lon')).toBe(false);
  });
});

describe('itreg rules', () => {
  it('lists every rule with the policy sentence', () => {
    const result = runCli(['rules', '--lang', 'en']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/A system owner for every\s*│\s*error\s*│\s*error\s*│.*\n│ application +│.*\n│ application-has-owner /);
    expect(result.stdout.replace(/[│\s]+/g, ' ')).toContain('Alla gemensamma och verksamhetsspecifika applikationer ska ha en systemägare');
    expect(result.stdout).toMatch(/text-encoding/);
  });

  it('in Swedish: whole headings, severities and rule names in words, the id beside them', () => {
    const result = runCli(['rules']);
    const header = result.stdout.split('\n')[1] ?? '';
    // The heading was cut to "Standa…" when the column was narrower than its word.
    expect(header).toMatch(/^│ Regel +│ Standard │ Inställd │ Kontrollerar +│$/);
    expect(result.stdout).not.toContain('…');
    expect(result.stdout).toMatch(/│ Utbildningsplan för\s+│ fel +│ fel +│ Ett verksamhetssystem i drift eller +│\n│ verksamhetssystem +│/);
    expect(result.stdout).toMatch(/│ training-plan +│/);
    expect(result.stdout).not.toMatch(/│ (error|warning) /);
  });

  it('shows one rule in full, with the configured severity', () => {
    const result = runCli(['rules', 'agreement-expiry']);
    expect(result.stdout).toMatch(/^Avtal som löper ut \(agreement-expiry\)\n/);
    expect(result.stdout).toMatch(/Standard: fel {4}Inställd: fel/);
    expect(result.stdout).toMatch(/Inställningar: \{"warnMonths":6\}/);
    expect(result.stdout).toMatch(/IT-policyn, kap\. 4/);
  });

  it('prints JSON, and suggests the nearest rule for a typo', () => {
    const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as Array<{ id: string }>;
    expect(json).toHaveLength(31); // 24 of format 1.1 and the 7 that format 1.2 adds for the law
    const typo = runCli(['rules', 'trainingplan']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe('itreg: okänd regel "trainingplan" (menade du "training-plan"?); `itreg rules` listar dem\n');
    expect(runCli(['rules', 'trainingplan', '--lang', 'en']).stderr).toBe('itreg: unknown rule "trainingplan" (did you mean "training-plan"?); `itreg rules` lists them\n');
  });
});
