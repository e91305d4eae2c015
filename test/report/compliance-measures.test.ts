// The report's compliance measures against the rules, on copies of the example register: each change that breaks one
// demand moves exactly that measure's figure, for the municipalities it belongs to, with the same gap lint reports; a
// decided exception for it shows as decided and leaves every figure as it was.
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/lint/run-rules.js';
import { readConfig } from '../../src/register/config.js';
import { loadRegister } from '../../src/register/load.js';
import { RegisterModel } from '../../src/model/register-model.js';
import { computeCompliance } from '../../src/report/compliance.js';
import { buildYearlyView, reportCosts } from '../../src/report/view-model.js';
import { rules, type RuleId } from '../../src/rules/index.js';
import { projectRoot, temporaryFolder } from '../helpers.js';

const date = '2026-11-26';

function copyOfExample(edit: (folder: string) => void = () => {}): string {
  const folder = temporaryFolder();
  cpSync(join(projectRoot, 'register'), join(folder, 'register'), { recursive: true });
  cpSync(join(projectRoot, 'itreg.yaml'), join(folder, 'itreg.yaml'));
  edit(folder);
  return folder;
}

/** Replaces one text in a register file; the text must be there. */
function replaceIn(folder: string, file: string, from: string, to: string): void {
  const path = join(folder, file);
  const text = readFileSync(path, 'utf8');
  expect(text, `${file} holds ${from}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** A decided exception in itreg.yaml (its exceptions list is the file's last block). */
function decide(folder: string, rule: RuleId, entity?: string): void {
  appendFileSync(join(folder, 'itreg.yaml'), `  - rule: ${rule}\n${entity ? `    entity: ${entity}\n` : ''}    reason: Beslut i IT-chefsgruppen 2026-10-01 § 4\n    until: 2027-12-31\n`);
}

function judge(folder: string, municipality?: string) {
  const config = readConfig(join(folder, 'itreg.yaml'));
  const register = new RegisterModel(loadRegister(config));
  const findings = runRules(register, rules, { date }).findings;
  const view = buildYearlyView({ register, config, year: 2026, date, language: 'sv', findings, trend: [], costs: reportCosts(register, config, 2026), ...(municipality ? { municipality } : {}) });
  // Every figure of the table by municipality: "Dokumentation · Bengtsfors kommun" → "8/8".
  const cells = new Map(view.compliance.byMeasure.flatMap((m) => m.cells.map((c, i) => [`${m.label} · ${view.compliance.byMunicipality[i]!.name}`, c.applies ? `${c.ok}/${c.total}` : '–'] as const)));
  return { register, findings, view, cells };
}

/** The figures that differ from the unchanged register's, as "measure · column: before → after". */
function moved(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...before].flatMap(([key, was]) => (after.get(key) === was ? [] : [`${key}: ${was} → ${after.get(key)}`]));
}

type YearlyView = ReturnType<typeof judge>['view'];
const measureOf = (view: YearlyView, label: string) => view.compliance.measures.find((m) => m.label === label)!;
const tally = (view: YearlyView) => ({ ok: view.compliance.measures.reduce((sum, m) => sum + m.ok, 0), total: view.compliance.measures.reduce((sum, m) => sum + m.total, 0) });

describe('each compliance measure moves alone and agrees with its rule', () => {
  const baseline = judge(copyOfExample());

  const cases: ReadonlyArray<{ name: string; rule: RuleId; label: string; entity?: string; gap: string; edit: (folder: string) => void; moves: string[] }> = [
    {
      name: "documentation: Bengtsfors' school platform loses its routines",
      rule: 'documentation',
      label: 'Dokumentation',
      entity: 'skolplattform-bengtsfors',
      gap: 'Lärplattform, Bengtsfors',
      edit: (f) => replaceIn(f, 'register/applications/skolplattform-bengtsfors.yaml', 'documentation:\n  routines: https://intranat.bengtsfors.example/bou/skolwebb/rutiner\n', ''),
      moves: ['Dokumentation · Bengtsfors kommun: 9/9 → 8/9'], // the 9th: the social services' journal (format 1.2's example)
    },
    {
      name: 'specialist: the registry system (Åmål, Mellerud) loses its specialist',
      rule: 'specialist-competence',
      label: 'Specialist',
      entity: 'diarium',
      gap: 'Diarie- och ärendehanteringssystem',
      edit: (f) => rmSync(join(f, 'register/roles/diarium-specialist.yaml')),
      moves: ['Specialist · Melleruds kommun: 8/9 → 7/9', 'Specialist · Åmåls kommun: 9/9 → 8/9'], // Åmål's 9th: the social services' journal
    },
    {
      name: "the IT staff's plan: the only plan for IT staff becomes one for system administrators",
      rule: 'it-staff-training-plan',
      label: 'Utbildningsplan för IT-personalen',
      gap: 'Ingen plan finns',
      edit: (f) => replaceIn(f, 'register/training/utbildning-it-personal.yaml', 'audience: it-staff', 'audience: administrators'),
      moves: ['Utbildningsplan för IT-personalen · Samverkan som helhet: 1/1 → 0/1'],
    },
    {
      name: 'plan review: the GIS and school plan was last updated in 2024 (due 2025-07-01); it has no application in Åmål',
      rule: 'training-plan-review',
      label: 'Översyn av utbildningsplaner',
      entity: 'utbildning-gis-och-skola',
      gap: 'Utbildningsplan GIS, bygglov och lärplattformar',
      edit: (f) => replaceIn(f, 'register/training/utbildning-gis-och-skola.yaml', 'updated: 2025-09-01', 'updated: 2024-01-01'),
      moves: [
        'Översyn av utbildningsplaner · Bengtsfors kommun: 5/5 → 4/5',
        'Översyn av utbildningsplaner · Dals-Eds kommun: 4/4 → 3/4',
        'Översyn av utbildningsplaner · Färgelanda kommun: 4/4 → 3/4',
        'Översyn av utbildningsplaner · Melleruds kommun: 4/4 → 3/4',
      ],
    },
    {
      name: "document revision: Bengtsfors' IT instruction valid 3 years instead of 4 (due 2026-05-10)",
      rule: 'document-review',
      label: 'Revidering av styrdokument',
      entity: 'it-instruktion-bengtsfors',
      gap: 'IT-instruktion, Bengtsfors',
      edit: (f) => replaceIn(f, 'register/documents/it-instruktion-bengtsfors.yaml', 'validYears: 4', 'validYears: 3'),
      moves: ['Revidering av styrdokument · Bengtsfors kommun: 1/1 → 0/1'],
    },
    {
      name: 'document revision: the joint IT policy valid 4 years instead of 5 (due 2026-02-23) belongs to the cooperation',
      rule: 'document-review',
      label: 'Revidering av styrdokument',
      entity: 'it-policy-2022',
      gap: 'Gemensam IT-policy för Dalslandskommunerna, reviderad',
      edit: (f) => replaceIn(f, 'register/documents/it-policy-2022.yaml', 'validYears: 5', 'validYears: 4'),
      moves: ['Revidering av styrdokument · Samverkan som helhet: 1/1 → 0/1'],
    },
  ];

  it.each(cases)('$name', ({ rule, label, entity, gap, edit, moves }) => {
    const broken = judge(copyOfExample(edit));
    expect(moved(baseline.cells, broken.cells)).toEqual(moves);
    // The gap is the subject lint reports for the rule, by name.
    const before = measureOf(baseline.view, label);
    const after = measureOf(broken.view, label);
    expect(after.gaps.map((g) => g.name)).toEqual([...before.gaps.map((g) => g.name), gap].sort(new Intl.Collator('sv').compare));
    // (document-review warns half a year ahead too; only its errors are gaps.)
    const reported = new Set(broken.findings.filter((f) => f.ruleId === rule && (rule !== 'document-review' || f.severity === 'error')).map((f) => f.entityId));
    expect(reported).toEqual(new Set(after.gaps.map((g) => g.id)));
    expect(reported).toContain(entity);
    // The overall figure falls by exactly this one demand.
    expect(tally(broken.view)).toEqual({ ok: tally(baseline.view).ok - 1, total: tally(baseline.view).total });

    // Decided: lint is silent, the report lists it as decided, and every figure is as before.
    const decided = judge(
      copyOfExample((f) => {
        edit(f);
        decide(f, rule, entity);
      }),
    );
    expect(decided.findings.filter((f) => f.ruleId === rule && f.entityId === entity)).toEqual([]);
    expect(moved(baseline.cells, decided.cells)).toEqual([]);
    expect(measureOf(decided.view, label).gaps.map((g) => g.name)).toEqual(before.gaps.map((g) => g.name));
    expect(measureOf(decided.view, label).decided.map((d) => [d.name, d.until])).toEqual([[gap, '2027-12-31']]);
    // The section of decided exceptions names the rule and what it decides (the register as a whole without entity).
    expect(decided.view.exceptions.find((e) => e.ruleId === rule)).toMatchObject({ entity: entity ? decided.register.nameOf(entity) : 'Hela registret', until: '2027-12-31' });
  });

  it('keeps --municipality to the demands of that municipality', () => {
    const folder = copyOfExample(cases[3]!.edit);
    const { register } = judge(folder);
    // The overdue plan has no application or activity in Åmål: Åmål's figure stays, Bengtsfors' falls by one demand.
    expect(computeCompliance(register, date, 'amal').overall).toBe(baseline.view.compliance.byMunicipality.find((m) => m.name === 'Åmåls kommun')!.overall);
    const bengtsfors = judge(folder, 'bengtsfors').view;
    // 61 of 64 (62 of 64 unchanged). Format 1.2's example added 9 demands in Bengtsfors, all met: the social services'
    // journal's 7 (owner, administrator, training plan, support and processor agreement, documentation, specialist),
    // its training plan's review, and the e-service platform's processor agreement (it now has personal data).
    expect(bengtsfors.compliance.overall).toBe(95.3);
    expect(bengtsfors.board.figures[0]!.number).toBe(95.3);
    expect(measureOf(bengtsfors, 'Översyn av utbildningsplaner')).toMatchObject({ ok: 4, total: 5 });
    expect(measureOf(bengtsfors, 'Utbildningsplan för IT-personalen')).toMatchObject({ ok: 0, total: 0, applies: false });
    expect(bengtsfors.compliance.byMunicipality.map((m) => m.name)).toEqual(['Bengtsfors kommun', 'Samverkan som helhet']);
  });
});
