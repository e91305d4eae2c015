// The yearly report's section on classification and continuity: the example register counted from its files, in both
// languages, and a register built here whose itreg.yaml sets the rules' options, where the report and lint agree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runRules } from '../../src/lint/run-rules.js';
import { RegisterModel } from '../../src/model/register-model.js';
import { readConfig } from '../../src/register/config.js';
import { loadRegister } from '../../src/register/load.js';
import { buildYearlyView, reportCosts, type ReportInput } from '../../src/report/view-model.js';
import { rules } from '../../src/rules/index.js';
import { projectRoot, runCli, temporaryFolder, writeFiles } from '../helpers.js';

const DATE = '2026-11-26';
// A copy of the example register outside git, so the report reads no history of this repository.
const example = temporaryFolder();
spawnSync('cp', ['-r', join(projectRoot, 'register'), join(projectRoot, 'itreg.yaml'), example]);

function input(folder: string, date: string, language?: 'sv' | 'en'): ReportInput {
  const config = readConfig(join(folder, 'itreg.yaml'), language);
  const register = new RegisterModel(loadRegister(config));
  const year = Number(date.slice(0, 4));
  return { register, config, year, date, language: config.language, findings: runRules(register, rules, { date }).findings, trend: [], costs: reportCosts(register, config, year) };
}

/** `months` after an ISO day, the day clamped to the month's last (31 August + 6 months = 28 February), by Date. */
function monthsAfter(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

interface AppFile {
  name: string;
  municipalities: string[];
  lifecycle?: { status?: string };
  critical?: boolean;
  classification?: { availability: number; decided?: string };
  continuity?: { plan?: string; restoreTested?: string };
}

/** The six counts over some applications, from the YAML as written, with the default options (24, 3, 12 months). */
function countByHand(apps: readonly AppFile[], date: string): number[] {
  const live = apps.filter((a) => a.lifecycle?.status !== 'retired');
  const classified = live.filter((a) => a.classification !== undefined);
  const current = classified.filter((a) => a.classification!.decided !== undefined && monthsAfter(a.classification!.decided, 24) >= date);
  const needing = live.filter((a) => a.critical === true || (a.classification?.availability ?? 0) >= 3);
  const withPlan = needing.filter((a) => a.continuity?.plan !== undefined);
  const restored = needing.filter((a) => a.continuity?.restoreTested !== undefined && monthsAfter(a.continuity.restoreTested, 12) >= date);
  return [live.length, classified.length, current.length, needing.length, withPlan.length, restored.length];
}

describe('the section on classification and continuity, on the example register', () => {
  const folder = join(projectRoot, 'register');
  const readAll = <T>(kind: string): T[] =>
    readdirSync(join(folder, kind))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => parse(readFileSync(join(folder, kind, f), 'utf8')) as T);
  const apps = readAll<AppFile & { id: string }>('applications');
  const members = readAll<{ id: string; name: string; member?: boolean }>('municipalities').filter((m) => m.member !== false);
  const collator = new Intl.Collator('sv');
  members.sort((a, b) => collator.compare(a.name, b.name));
  const expected = new Map(
    members.map((m) => [
      m.name,
      countByHand(
        apps.filter((a) => a.municipalities.includes(m.id)),
        DATE,
      ),
    ]),
  );
  const total = countByHand(apps, DATE);

  it('counts per municipality and in total what the files say', () => {
    // What the register is meant to show (issue 26): 13 live, one unclassified, one review overdue, four needing a
    // plan, all with one, the payroll system's restore test overdue.
    expect(total).toEqual([13, 12, 11, 4, 4, 3]);
    expect(members).toHaveLength(5);
    const { continuity } = buildYearlyView(input(projectRoot, DATE));
    const figures = (c: (typeof continuity.rows)[number]) => [c.live, c.classified, c.classificationCurrent, c.needContinuity, c.withPlan, c.restoreCurrent];
    expect(new Map(continuity.rows.map((r) => [r.name, figures(r)]))).toEqual(expected);
    expect(figures(continuity.total!)).toEqual(total);
    expect(continuity.policy).toEqual({ reviewMonths: 24, minAvailability: 3, restoreMonths: 12 });
  });

  const figureLabels = {
    sv: ['I drift eller planerade', 'Klassade', 'varav med aktuell klassning', 'Kräver kontinuitetsplan', 'varav med plan', 'varav återläsning provad i tid'],
    en: ['Live', 'Classified', 'of which current', 'Need a continuity plan', 'of which with a plan', 'of which restore tested in time'],
  };

  it.each([
    ['sv', 'Informationsklassning och kontinuitet', 'Samtliga', '**Återläsning inte provad i tid**: PA- och lönesystem (senast provad 15 september 2025)'],
    ['en', 'Information classification and continuity', 'All', '**Restore not tested in time**: PA- och lönesystem (last tested 15 September 2025)'],
  ] as const)('is section 4 of the report in %s, with a column per member municipality', (lang, title, totalLabel, restore) => {
    const result = runCli(['report', 'yearly', '--date', DATE, '--format', 'md', '--lang', lang], example);
    expect(result.stderr).toBe('');
    const md = result.stdout;
    const section = md.slice(md.indexOf('## 4.'), md.indexOf('## 5.'));
    expect(section.split('\n')[0]).toBe(`## 4. ${title}`);
    expect(section).toContain(`| ${lang === 'sv' ? 'Applikationer' : 'Applications'} | ${[...expected.keys()].join(' | ')} | **${totalLabel}** |`);
    figureLabels[lang].forEach((label, i) => {
      expect(section).toContain(`| ${label} | ${[...expected.values()].map((counts) => counts[i]).join(' | ')} | **${total[i]}** |`);
    });
    expect(section).toContain(restore);
    expect(section).toContain(lang === 'sv' ? '(beslutad 3 oktober 2024)' : '(decided 3 October 2024)');
    expect(section).toContain(lang === 'sv' ? 'tillgänglighetsnivå 3 (Allvarlig) eller högre' : 'availability level 3 (Serious) or higher');
  });

  it('with --municipality: that municipality only, without a total column that repeats it', () => {
    const result = runCli(['report', 'yearly', '--date', DATE, '--format', 'md', '--municipality', 'fargelanda'], example);
    const section = result.stdout.slice(result.stdout.indexOf('## 4.'), result.stdout.indexOf('## 5.'));
    expect(section).toContain('| Applikationer | Färgelanda kommun |\n');
    figureLabels.sv.forEach((label, i) => expect(section).toContain(`| ${label} | ${expected.get('Färgelanda kommun')![i]} |\n`));
    expect(section).not.toContain('Samtliga');
    expect(section).not.toContain('Bengtsfors kommun');
    expect(section).toContain('**Klassning att se över**: GIS och kartsystem');
  });
});

/** Four live applications and a retired one, in two municipalities. */
function builtRegister(rulesYaml: string): string {
  const folder = temporaryFolder();
  const app = (id: string, lines: string[]) => [`kind: Application`, `id: ${id}`, `name: ${id.toUpperCase()}`, ...lines, ''].join('\n');
  writeFiles(folder, {
    'itreg.yaml': `name: Testkommunerna\nregister: register\nlanguage: sv\ncollaborationLevels: [Erfarenhetsutbyte]\n${rulesYaml}`,
    'register/municipalities/a.yaml': 'kind: Municipality\nid: a\nname: A kommun\npopulation: { 2025: 1000 }\n',
    'register/municipalities/b.yaml': 'kind: Municipality\nid: b\nname: B kommun\npopulation: { 2025: 2000 }\n',
    // Decided 10 months before the date: current by the default 24 months, overdue by 6.
    'register/applications/one.yaml': app('one', ['type: business', 'municipalities: [a]', 'classification: { confidentiality: 1, integrity: 1, availability: 2, decided: 2026-01-15 }']),
    // Availability 2: needs a plan only from minAvailability 2; restore tested 5 months before: late by 3 months.
    'register/applications/two.yaml': app('two', [
      'type: business',
      'municipalities: [a, b]',
      'collaborationLevel: 1',
      'classification: { confidentiality: 1, integrity: 1, availability: 2, decided: 2026-09-01 }',
      'continuity: { plan: https://example.org/plan, restoreTested: 2026-06-20 }',
    ]),
    'register/applications/three.yaml': app('three', ['type: infrastructure', 'municipalities: [b]', 'critical: true']),
    'register/applications/four.yaml': app('four', ['type: business', 'municipalities: [b]', 'lifecycle: { status: planned, planned: 2027-03-01 }']),
    'register/applications/old.yaml': app('old', ['type: business', 'municipalities: [a, b]', 'collaborationLevel: 1', 'lifecycle: { status: retired, retired: 2020-01-01 }']),
  });
  return folder;
}

describe('the options the rules run with, in itreg.yaml', () => {
  const configured = 'rules:\n  classification-assessed: [warning, { reviewMonths: 6 }]\n  continuity-plan: [error, { minAvailability: 2, restoreMonths: 3 }]\n';

  it.each([
    ['the defaults', '', { reviewMonths: 24, minAvailability: 3, restoreMonths: 12 }, [4, 2, 2, 1, 0, 0]],
    ['configured', configured, { reviewMonths: 6, minAvailability: 2, restoreMonths: 3 }, [4, 2, 1, 3, 1, 0]],
  ] as const)('with %s, the report counts what lint finds', (_name, rulesYaml, policy, total) => {
    const built = input(builtRegister(rulesYaml), DATE);
    const { continuity } = buildYearlyView(built);
    const c = continuity.total!;
    expect(continuity.policy).toEqual(policy);
    expect([c.live, c.classified, c.classificationCurrent, c.needContinuity, c.withPlan, c.restoreCurrent]).toEqual(total);
    // The rules, run with the same itreg.yaml: each shortfall the report counts is an application lint names.
    const ids = (...messageIds: string[]) => new Set(built.findings.filter((f) => messageIds.includes(f.messageId ?? '')).map((f) => f.entityId));
    expect(ids('classificationReviewOverdue', 'classificationUndated').size).toBe(c.classified - c.classificationCurrent);
    expect(ids('continuityMissing', 'continuityPlanMissing').size).toBe(c.needContinuity - c.withPlan);
    expect(ids('continuityMissing', 'restoreTestMissing', 'restoreTestOverdue').size).toBe(c.needContinuity - c.restoreCurrent);
    expect(continuity.rows.map((r) => [r.name, r.live])).toEqual([
      ['A kommun', 2],
      ['B kommun', 3],
    ]);
  });

  it('names the options in the introduction and marks the shortfalls in HTML', () => {
    const folder = builtRegister(configured);
    const result = runCli(['report', 'yearly', '--date', DATE, '--format', 'md'], folder);
    expect(result.stderr).toBe('');
    const md = result.stdout;
    expect(md).toContain('högst 6 månader sedan');
    expect(md).toContain('tillgänglighetsnivå 2 (Måttlig) eller högre');
    expect(md).toContain('inom de senaste 3 månaderna');
    expect(md).toContain('- **Inte klassade**: FOUR, THREE');
    expect(md).toContain('- **Klassning att se över**: ONE (beslutad 15 januari 2026)');
    expect(md).toContain('- **Saknar kontinuitetsplan**: ONE, THREE');
    expect(md).toContain('- **Återläsning inte provad i tid**: ONE (aldrig provad), THREE (aldrig provad), TWO (senast provad 20 juni 2026)');
    const html = runCli(['report', 'yearly', '--date', DATE, '--format', 'html'], folder).stdout;
    const section = html.slice(html.indexOf('<section id="continuity"'), html.indexOf('</section>', html.indexOf('<section id="continuity"')));
    // Classified: ONE and TWO of A kommun's two, TWO of B kommun's three (TWO, THREE, FOUR). A plan is needed from
    // availability 2: ONE and TWO in A, TWO and THREE in B; only TWO has one.
    expect(section).toContain('<tr><td>Klassade</td><td class="num">2</td><td class="num bad">1</td><td class="num total bad">2</td></tr>');
    expect(section).toContain('<tr class="part"><td>varav med plan</td><td class="num bad">1</td><td class="num bad">1</td><td class="num total bad">1</td></tr>');
    expect(html).toContain('<a href="#continuity">Informationsklassning och kontinuitet</a>');
  });
});
