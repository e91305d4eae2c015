// The five defects of issue 30 ("One answer everywhere"), each through the real CLI on a register in a temporary folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, runCli } from '../helpers.js';
import { DATE, oneAnswerRegister } from './one-answer-register.js';

const folder = oneAnswerRegister();
const run = (...args: string[]) => {
  const result = runCli([...args, '--date', DATE], folder);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
};
const site = (() => {
  expect(runCli(['site', '--output', 'site', '--date', DATE], folder).status).toBe(0);
  return (page: string) => readFileSync(join(folder, 'site', page), 'utf8');
})();
/** The text of the site table row that links to an agreement's page (tags stripped, spaces folded). */
const siteRow = (html: string, id: string) => {
  const row =
    html
      .split('<tr')
      .find((r) => r.includes(`agreement/${id}.html`))
      ?.split('</tr>')[0] ?? '';
  return row
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
};
const reportRow = (md: string, name: string) => md.split('\n').find((line) => line.startsWith(`| ${name} |`)) ?? '';
interface Opportunity {
  agreement?: string;
  deadline?: string;
  state?: string;
  message: string;
}
const opportunities = () => (JSON.parse(run('opportunities', '--format', 'json')) as { opportunities: Opportunity[] }).opportunities;
const calendarEvent = (ics: string, uid: string) =>
  ics
    .replace(/\r\n /g, '')
    .split('BEGIN:VEVENT')
    .find((e) => e.includes(`UID:${uid}@`));

describe('defect 1: an agreement given notice is never offered as "can be given notice"', () => {
  it('the yearly report says it was given notice', () => {
    const row = reportRow(run('report', 'yearly', '--format', 'md'), 'Supportavtal Dokumentor');
    expect(row).toContain('**uppsagt**');
    expect(row).not.toContain('kan sägas upp');
  });

  it('the site says so beside its deadline and as its state', () => {
    const row = siteRow(site('agreements.html'), 'diarium-support');
    expect(row).toMatch(/30 mars 2027 uppsagt 1 november 2026 uppsagt$/);
    expect(site('agreement/diarium-support.html')).toContain('<span class="tag">uppsagt 1 november 2026</span>');
  });

  it('opportunities and the calendar give no deadline to act by', () => {
    const entry = opportunities().find((o) => o.agreement === 'diarium-support');
    expect(entry?.state).toBe('terminated');
    expect(entry?.message).toContain('sades upp 2026-11-01');
    expect(entry?.message).not.toContain('sista dag för uppsägning är');
    expect(run('opportunities')).toMatch(/│ avtal på väg ut\s+│ uppsagt\s+│ Diariesystem/);
    expect(calendarEvent(run('calendar'), 'agreement-notice.diarium-support')).toBeUndefined();
  });
});

describe('defect 2: an agreement that renews tacitly is never said to run out', () => {
  it('opportunities say it renews', () => {
    const entry = opportunities().find((o) => o.agreement === 'diarium-drift');
    expect(entry?.state).toBe('renews');
    expect(entry?.message).toContain('förlängs automatiskt efter 2027-06-30 till 2028-06-30 om det inte sägs upp senast 2026-12-30');
    expect(entry?.message).not.toContain('löper ut 2027');
  });

  it("the calendar's event at its current end says it renews", () => {
    const event = calendarEvent(run('calendar'), 'agreement-end.diarium-drift');
    expect(event).toContain('SUMMARY;LANGUAGE=sv:Avtalet förlängs automatiskt om det inte har sagts upp: Driftavtal diarium');
    expect(event).not.toContain('löper ut');
  });

  it("the report's agreements section gives its current end, not a day it runs out", () => {
    const md = run('report', 'yearly', '--format', 'md');
    expect(md).toContain('| Avtal | Applikation | Uppsägning senast | Nuvarande slut | Läge |');
    expect(reportRow(md, 'Driftavtal diarium')).toBe('| Driftavtal diarium | Diariesystem | 30 december 2026 | 30 juni 2027 | kan sägas upp; förlängs annars |');
    const sheet = run('report', 'application', '--id', 'diarium', '--format', 'md');
    expect(sheet).toContain('- Driftavtal diarium: uppsägning senast 30 december 2026, förlängs efter 30 juni 2027 (kan sägas upp; förlängs annars)');
  });
});

describe('defect 3: the site shows a preliminary split as preliminary, with the population year used', () => {
  it('on the costs page and the municipality page', () => {
    const item =
      site('costs.html')
        .split('<article')
        .find((a) => a.includes('id="item-diarium-support"')) ?? '';
    expect(item).toContain('befolkningsår 2024, 2025 <span class="tag tag-warn">preliminär: befolkning 2024</span>');
    const bill = site('municipality/mellerud.html');
    expect(bill).toMatch(/Supportavtal Dokumentor<\/a><\/td><td>befolkning <span class="tag tag-warn">preliminär: befolkning 2024<\/span><\/td>/);
  });
});

describe('defect 4: show gives what lint computes', () => {
  it('an agreement with its current end, notice deadline and state', () => {
    const json = JSON.parse(run('show', 'diarium-drift', '--format', 'json')) as { agreement?: { end?: string; noticeDeadline?: string; state?: string; renewsTo?: { end: string } } };
    expect(json.agreement).toMatchObject({ end: '2027-06-30', noticeDeadline: '2026-12-30', state: 'renews', renewsTo: { end: '2028-06-30' } });
    const text = run('show', 'diarium-support');
    expect(text).toContain('Villkor och läge\n  Nuvarande slut: 2027-06-30\n  Läge: uppsagt 2026-11-01; upphör 2027-06-30\n');
  });

  it('an application with the findings on its agreements and roles', () => {
    const json = JSON.parse(run('show', 'diarium', '--format', 'json')) as { findings: Array<{ entityId?: string; ruleId: string }> };
    expect(json.findings.map((f) => `${f.entityId} ${f.ruleId}`)).toEqual(
      expect.arrayContaining(['diarium-licens agreement-expiry', 'diarium-pub agreement-expiry', 'diarium-drift agreement-expiry']),
    );
    expect(run('show', 'diarium')).toContain('register/agreements/diarium-licens.yaml');
  });
});

describe('defect 5: the yearly report', () => {
  it('lists no ended agreement of no application among the largest risks, and no empty "()"', () => {
    const md = run('report', 'yearly', '--format', 'md');
    expect(md).toContain('- 1 avtal har löpt ut utan att ha förnyats: Licensavtal Dokumentor (Diariesystem).');
    expect(md).not.toContain('()');
    expect(md).not.toContain('Gammalt avtal');
  });

  it('shows no share where every measure is 0 of 0', () => {
    const md = run('report', 'yearly', '--format', 'md', '--municipality', 'dals-ed');
    expect(md).toContain('| **Sammantaget** | | **–** | |');
    expect(md).toContain('| Efterlevnad av IT-policyn | – |');
    // By municipality: Dals-Ed's column has no share; the cooperation's own demands (met) keep theirs.
    expect(md).toContain('| **Sammantaget** | **–** | **100 %** |');
  });

  it("dates the trend's last point on the day judged, not on the month's end still to come", () => {
    const repository = oneAnswerRegister();
    const saved = { author: process.env['GIT_AUTHOR_DATE'], committer: process.env['GIT_COMMITTER_DATE'] };
    // A commit in November and one in December (a month without a commit has no point).
    try {
      git(repository, 'init', '--quiet', '--initial-branch=main');
      process.env['GIT_AUTHOR_DATE'] = process.env['GIT_COMMITTER_DATE'] = '2026-11-15T12:00:00Z';
      git(repository, 'add', '-A');
      git(repository, 'commit', '--quiet', '-m', 'register');
      process.env['GIT_AUTHOR_DATE'] = process.env['GIT_COMMITTER_DATE'] = '2026-12-03T12:00:00Z';
      git(repository, 'commit', '--quiet', '--allow-empty', '-m', 'december');
    } finally {
      for (const [key, value] of [
        ['GIT_AUTHOR_DATE', saved.author],
        ['GIT_COMMITTER_DATE', saved.committer],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    const md = runCli(['report', 'yearly', '--format', 'md', '--date', DATE], repository).stdout;
    const trend = md.slice(md.indexOf('### Efterlevnad månad för månad'));
    expect(trend).toMatch(/^- 30 november 2026: /m);
    expect(trend).toMatch(/^- 7 december 2026: /m);
    expect(trend).not.toContain('31 december 2026');
  });
});
