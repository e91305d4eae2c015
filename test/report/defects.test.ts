// Defects 3 and 5–8 of issue 14, each on the example register (or a copy with one change), through the real CLI.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers.js';

function exampleCopy(change?: (folder: string) => void): string {
  const folder = temporaryFolder();
  spawnSync('cp', ['-r', join(__dirname, '../../register'), join(__dirname, '../../itreg.yaml'), folder]);
  change?.(folder);
  return folder;
}
const replaceIn = (folder: string, file: string, from: string | RegExp, to: string) => {
  const path = join(folder, file);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  writeFileSync(path, changed);
};

const example = exampleCopy();
const run = (folder: string, ...args: string[]) => {
  const result = runCli(args, folder);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
};

describe('defect 3: ownership of shared applications', () => {
  it('labels the row of shared applications without owner, with their count', () => {
    const folder = exampleCopy((f) => rmSync(join(f, 'register/roles/helpdesk-systemagare.yaml')));
    const html = run(folder, 'report', 'yearly', '--date', '2026-11-26');
    // 1 of the 11 shared applications (the 11th, the social services' journal, came with format 1.2's example).
    expect(html).toMatch(/<tr><td class="bad">Utan systemägare<\/td><td class="num bad">1<\/td><td class="num bad">9,1 %<\/td><td>Helpdesk- och ärendesystem för IT<\/td><\/tr>/);
    const md = run(folder, 'report', 'yearly', '--date', '2026-11-26', '--format', 'md', '--lang', 'en');
    expect(md).toContain('| *Without a system owner* | 1 | 9.1% | Helpdesk- och ärendesystem för IT |');
  });

  it('counts an owner in a group unit without municipality at cooperation level, its own row, not "without owner"', () => {
    const folder = exampleCopy((f) => replaceIn(f, 'register/roles/helpdesk-systemagare.yaml', /unit: [a-z-]+/, 'unit: it-chefsgruppen'));
    const md = run(folder, 'report', 'yearly', '--date', '2026-11-26', '--format', 'md');
    expect(md).toContain('| IT-chefsgruppen i Dalsland (på samverkansnivå) | 1 | 9,1 % | Helpdesk- och ärendesystem för IT |');
    expect(md).not.toContain('Utan systemägare');
    expect(md).toContain('| Systemägare (applikationer i drift eller planerade) | 13 / 13 | 100 % | – |');
  });
});

describe('defect 5: a decided exception is shown as decided, not as a gap', () => {
  it("telefoni's training plan (exception until 2027-06-30) counts as met and is listed as decided", () => {
    const md = run(example, 'report', 'yearly', '--date', '2026-11-26', '--format', 'md');
    // 10 business systems: the 10th, the social services' journal (format 1.2's example), has its plan.
    expect(md).toContain('| Utbildningsplan (verksamhetssystem) | 9 / 10 | 90 % | Bibliotekssystem; Telefonisystem: beslutat undantag till och med 30 juni 2027 |');
    // After the exception's end it is a gap again.
    const later = run(example, 'report', 'yearly', '--date', '2027-07-01', '--format', 'md');
    expect(later).toMatch(/\| Utbildningsplan \(verksamhetssystem\) \| 8 \/ 10 \| 80 % \| Bibliotekssystem, Telefonisystem \|/);
  });
});

describe('defect 6: a passed notice deadline is not actionable', () => {
  // On 2026-11-29 the PersonalWeb support agreement's deadline (2026-09-30) has passed; it ends 2027-03-31.
  it('opportunities says the deadline passed and what is left to do, never "act by" that date', () => {
    const json = JSON.parse(run(example, 'opportunities', '--date', '2026-11-29', '--format', 'json')) as {
      opportunities: Array<{ agreement?: string; deadline?: string; deadlinePassed?: boolean; message: string }>;
    };
    const personalWeb = json.opportunities.find((o) => o.agreement === 'pa-lon-support')!;
    expect(personalWeb).toMatchObject({ deadline: '2026-09-30', deadlinePassed: true });
    expect(personalWeb.message).toBe(
      'Avtalet Supportavtal PersonalWeb för PA- och lönesystem: sista dag för uppsägning passerade 2026-09-30, och avtalet löper ut 2027-03-31: upphandla, avtala på nytt (gärna tillsammans) eller planera avvecklingen ("Avtal är på väg ut").',
    );
    const table = run(example, 'opportunities', '--date', '2026-11-29');
    expect(table).not.toContain('Agera senast');
    expect(table).toMatch(/passerade\s*│[^\n]*\n[^\n]*2026-09-30/);
    expect(json.opportunities.find((o) => o.agreement === 'skolplattform-mellerud-support')?.deadlinePassed).toBeUndefined();
  });

  it('the report marks the agreement as past its deadline', () => {
    const md = run(example, 'report', 'yearly', '--date', '2026-11-29', '--format', 'md');
    expect(md).toContain('| Supportavtal PersonalWeb | PA- och lönesystem | 30 september 2026 | 31 mars 2027 | **uppsägningstiden har passerat** |');
    expect(md).toContain('| Licensavtal Skolwebb, Mellerud | Lärplattform, Mellerud | 30 april 2027 | 31 juli 2027 | kan sägas upp |');
  });
});

describe("defect 7: a municipality's cost statement can be checked by hand", () => {
  it("shows days in force, the item's total and grouped digits", () => {
    const md = run(example, 'report', 'costs', '--municipality', 'amal', '--date', '2026-11-26', '--format', 'md');
    expect(md).toContain('| Plattformsavtal E-plattform | befolkning 11\u00A0902 av 40\u00A0872 (2025) | 181 av 365 dagar | 357\u00A0041 kr | 103\u00A0971 kr |');
    expect(md).not.toMatch(/11902|40872/);
    const en = run(example, 'report', 'costs', '--municipality', 'amal', '--date', '2026-11-26', '--format', 'md', '--lang', 'en');
    expect(en).toContain('| Plattformsavtal E-plattform | population 11,902 of 40,872 (2025) | 181 of 365 days | SEK 357,041 | SEK 103,971 |');
  });
});

describe('defect 8: the Swedish application sheet speaks Swedish', () => {
  it('type, status, agreement types, audiences and severities in words; only ending agreements under that heading', () => {
    const md = run(example, 'report', 'application', '--id', 'pa-lon', '--date', '2026-11-29', '--format', 'md');
    expect(md).toContain('| Typ | Verksamhetssystem |');
    expect(md).toContain('| Livscykel | I drift |');
    expect(md).toContain('- PUB-avtal PersonalWeb (Personuppgiftsbiträdesavtal): 1 april 2023 – tills vidare');
    expect(md).not.toMatch(/\((operations|support|users|administrators)\)|\bactive\b|Efter typ/);
    const ending = md.slice(md.indexOf('### Avtal som löper ut'), md.indexOf('## Utbildningsplaner'));
    expect(ending).toContain('Supportavtal PersonalWeb: uppsägning senast 30 september 2026, löper ut 31 mars 2027 (uppsägningstiden har passerat)');
    expect(ending).not.toContain('PUB-avtal PersonalWeb'); // open-ended: nothing ends
    const gis = run(example, 'report', 'application', '--id', 'gis', '--date', '2026-11-26', '--format', 'md');
    expect(gis).toMatch(/^- Fel: GIS och kartsystem saknar systemansvarig.*\(Systemansvarig för varje applikation\)$/m);
    expect(gis).not.toMatch(/error:|warning:|\(application-has-administrator\)/);
  });
});

describe('report yearly --municipality', () => {
  it("is the same report for one municipality's applications and its bill", () => {
    const md = run(example, 'report', 'yearly', '--municipality', 'amal', '--date', '2026-11-26', '--format', 'md');
    expect(md).toMatch(/^# IT-policyns årsrapport 2026: Åmåls kommun/);
    // The first page's figures are Åmål's: its compliance (63 of 66 demands, its column in the full report), its 9
    // applications, and its bill beside its bill of 2025 (1 405 432 − 1 149 392 = 256 040 kr), not the whole register's.
    // Format 1.2's example added 10 demands in Åmål, all met: the social services' journal's 7, its training plan's
    // review, its continuity plan (a governing document of Åmål) and the e-service platform's processor agreement.
    const summary = md.slice(0, md.indexOf('### De största riskerna'));
    expect(summary).toContain('| Efterlevnad av IT-policyn | 95,5 % |');
    expect(summary).toContain('| Applikationer i drift eller planerade | 9 |');
    expect(summary).toContain('| Kostnadsfördelning 2026 | 1\u00A0405\u00A0432 kr | +256\u00A0040 kr jämfört med 2025 |');
    // Its open errors, as section 4 lists them (the figure counted the whole register's); the 4th is format 1.2's
    // overdue restore test of the payroll system, which Åmål uses.
    expect(summary).toMatch(/\| Fel i registret \| 4 \|/);
    expect(md).toContain('- 4 fel i registret står öppna (se avsnittet om öppna fel).');
    // One of a thing is one (it read "Kompetensrisk i 1 applikationer").
    expect(md).toContain('- Kompetensrisk i 1 applikation (hög bedömd risk eller högst en person som kan systemet): Telefonisystem.');
    // Its compliance counts its own demands; the cooperation's own (the IT staff's plan, the joint policy) beside it.
    const compliance = md.slice(md.indexOf('## 2.'), md.indexOf('## 3.'));
    expect(compliance).toContain('| Utbildningsplan för IT-personalen (en gemensam plan vars översyn inte är försenad) | 0 / 0 | – | – |');
    expect(compliance).toContain('| Krav | Åmåls kommun | *Samverkan som helhet* |');
    expect(compliance).toContain('| **Sammantaget** | **95,5 %** | **100 %** |');
    const costs = md.slice(md.indexOf('## 9.'), md.indexOf('## 10.'));
    expect(costs).toContain('| **Summa** | **1\u00A0405\u00A0432 kr** |');
    expect(costs).not.toContain('Bengtsfors kommun');
    const errors = md.slice(md.indexOf('## 5.'), md.indexOf('## 6.'));
    expect(errors).toContain('### Åmåls kommun');
    expect(errors).not.toContain('### Bengtsfors kommun');
    expect(md).not.toContain('GIS och kartsystem'); // used by Färgelanda, Mellerud and Dals-Ed only
    const bad = runCli(['report', 'yearly', '--municipality', 'amål'], example);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/ingen kommun "amål" \(menade du "amal"\?\)/);
  });
});
