// Format 1.2's seven rules for the law together: decided exceptions and suppressions silence them as every rule,
// `itreg rules` quotes the law, and no 1.1 register in the test suite gets a new error from them.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, lint, registerFrom, runCli } from '../helpers.js';
import { processing, processorAgreement, ruleFolder, withApp } from './law-register.js';

const LAW_RULES = ['classification-assessed', 'continuity-plan', 'hosting-location', 'critical-staffing', 'processing-record', 'processing-basis', 'third-country-transfer'] as const;

/** The clean register where each of the seven fires once, on 2026-06-01. */
const everyLawRule = {
  ...withApp('critical: true\nclassification: { confidentiality: 3, integrity: 1, availability: 3, decided: 2020-01-01 }\nhosting: { country: US }\n', 'sensitive'),
  'register/roles/diarium-specialist.yaml': null,
  ...processorAgreement('start: 2024-01-01\n'),
  ...processing('planerad', 'applications: [diarium]\narticle9Basis: Art. 9.2 g\ndpia: { required: true }\ntransfers: [{ country: US }]\nstart: 2027-01-01\n'),
};
const entityOf: Record<(typeof LAW_RULES)[number], string> = {
  'classification-assessed': 'diarium',
  'continuity-plan': 'diarium',
  'hosting-location': 'diarium',
  'critical-staffing': 'diarium',
  'processing-record': 'diarium',
  'processing-basis': 'planerad',
  'third-country-transfer': 'planerad',
};

describe('the seven rules for the law', () => {
  it('each fires once on the register built for it', () => {
    const found = lint(ruleFolder('', everyLawRule)).findings;
    for (const rule of LAW_RULES)
      expect(
        found.filter((f) => f.ruleId === rule).map((f) => f.entityId),
        rule,
      ).toEqual([entityOf[rule]]);
  });

  it('are silenced by a decided exception each, and counted as such', () => {
    const exceptions = LAW_RULES.map((rule) => `  - { rule: ${rule}, entity: ${entityOf[rule]}, reason: Beslut IT-chefsgruppen 2026-05-04 § 3, until: 2026-12-31 }\n`).join('');
    const result = lint(ruleFolder(`exceptions:\n${exceptions}`, everyLawRule));
    expect(result.findings.filter((f) => (LAW_RULES as readonly string[]).includes(f.ruleId))).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'exception')).toEqual([]);
    expect(result.summary.suppressed).toBe(7);
  });

  it('are suppressed by itreg lint --suppress-all and then reported no more', () => {
    const folder = ruleFolder('', everyLawRule);
    expect(runCli(['lint', '--suppress-all', '--date', '2026-06-01'], folder).status).toBe(0);
    const result = runCli(['lint', '--date', '2026-06-01', '--format', 'json'], folder);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { findings: unknown[]; summary: { suppressed: number } };
    expect(json.findings).toEqual([]);
    expect(json.summary.suppressed).toBe(8); // the seven, and specialist-competence for the removed specialist
  });

  it('are listed by itreg rules with the law they enforce, in both languages', () => {
    const quotes: Record<(typeof LAW_RULES)[number], [RegExp, RegExp]> = {
      'classification-assessed': [
        /NIS 2-direktivet \(EU\) 2022\/2555 art\. 21\.1, genomfört i cybersäkerhetslagen \(2025:1506\): "Medlemsstaterna ska säkerställa/,
        /NIS 2 Directive \(EU\) 2022\/2555 Art\. 21\(1\), implemented by the Swedish Cybersecurity Act \(2025:1506\): "Member States shall ensure/,
      ],
      'continuity-plan': [
        /art\. 21\.2 c, genomfört i cybersäkerhetslagen \(2025:1506\): "driftskontinuitet, såsom hantering av säkerhetskopior/,
        /Art\. 21\(2\)\(c\), implemented by the Swedish Cybersecurity Act \(2025:1506\): "business continuity, such as backup management/,
      ],
      'hosting-location': [/\(GDPR\) art\. 46\.1: "I avsaknad av ett beslut enligt artikel 45\.3/, /\(GDPR\) Art\. 46\(1\): "In the absence of a decision pursuant to Article 45\(3\)/],
      'critical-staffing': [/IT-policyn, kap\. 2: "För att öka effektiviteten, minska sårbarheten/, /IT policy, ch\. 2: "För att öka effektiviteten, minska sårbarheten/],
      'processing-record': [/\(GDPR\) art\. 30\.1: "Varje personuppgiftsansvarig/, /\(GDPR\) Art\. 30\(1\): "Each controller/],
      'processing-basis': [/\(GDPR\) art\. 9\.1 och 35\.1: "Behandling av personuppgifter som avslöjar/, /\(GDPR\) Art\. 9\(1\) and 35\(1\): "Processing of personal data revealing/],
      'third-country-transfer': [/\(GDPR\) art\. 44: "Varje överföring av personuppgifter/, /\(GDPR\) Art\. 44: "Any transfer of personal data/],
    };
    for (const rule of LAW_RULES) {
      const [sv, en] = quotes[rule];
      expect(runCli(['rules', rule, '--lang', 'sv']).stdout, rule).toMatch(sv);
      expect(runCli(['rules', rule, '--lang', 'en']).stdout, rule).toMatch(en);
    }
    const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as Array<{ id: string; defaultOptions?: unknown }>;
    expect(json.filter((rule) => (LAW_RULES as readonly string[]).includes(rule.id)).map((rule) => [rule.id, rule.defaultOptions])).toEqual([
      ['processing-record', undefined],
      ['processing-basis', undefined],
      ['third-country-transfer', undefined],
      ['classification-assessed', { reviewMonths: 24 }],
      ['continuity-plan', { minAvailability: 3, restoreMonths: 12 }],
      ['hosting-location', { minConfidentiality: 3 }],
      ['critical-staffing', { minAvailability: 3 }],
    ]);
  });
});

/**
 * A copy of a fixture as format 1.1 wrote it: two fixtures have gained 1.2 fields since (clean a classification,
 * every-rule a violation of each new rule), so those lines and the new kinds' folders are taken out again.
 */
function asFormat11(name: string): string {
  const folder = registerFrom(name);
  rmSync(join(folder, 'register/processing'), { recursive: true, force: true });
  rmSync(join(folder, 'register/suppliers'), { recursive: true, force: true });
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.yaml')) {
        const text = readFileSync(path, 'utf8');
        const old = text.replace(/^(classification|critical|continuity|hosting): .*\n/gm, '');
        if (old !== text) writeFileSync(path, old);
      }
    }
  };
  walk(join(folder, 'register'));
  return folder;
}

describe('format 1.1 registers under the rules of format 1.2', () => {
  const folders = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'itreg.yaml')));
  const off = Object.fromEntries(LAW_RULES.map((rule) => [rule, 'off' as const]));

  it('finds the test fixtures, and takes format 1.2 out of those that have it', () => {
    expect(folders.length).toBeGreaterThanOrEqual(9);
    const everyRule = asFormat11('every-rule');
    expect(existsSync(join(everyRule, 'register/processing'))).toBe(false);
    expect(readFileSync(join(everyRule, 'register/applications/webb.yaml'), 'utf8')).not.toMatch(/classification|hosting/);
  });

  it.each(folders)('%s: the same errors, and new warnings only from classification-assessed and processing-record', (name) => {
    const folder = asFormat11(name);
    const before = lint(folder, { overrides: off });
    const after = lint(folder);
    expect(after.summary.errors).toBe(before.summary.errors);
    const fingerprint = (f: { ruleId: string; file: string; line: number; column: number; message: string }) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message}`;
    const old = new Set(before.findings.map(fingerprint));
    const added = after.findings.filter((f) => !old.has(fingerprint(f)));
    for (const finding of added) {
      expect(finding.severity).toBe('warning');
      expect(['classification-assessed', 'processing-record']).toContain(finding.ruleId);
    }
    expect(before.findings.every((f) => after.findings.some((g) => fingerprint(g) === fingerprint(f)))).toBe(true);
  });
});
