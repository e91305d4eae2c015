// DESIGN.md "One answer, many views": one register, one date, every output — the yearly report, a site page, show
// --format json, opportunities --format json, the calendar and export — and an agreement's state, current end and
// notice deadline, and a municipality's part (preliminary or final, on which population year), agree everywhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { DATE, expected, oneAnswerRegister } from './one-answer-register.js';

const folder = oneAnswerRegister();
const run = (...args: string[]) => {
  const result = runCli([...args, '--date', DATE], folder);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};
const longDate = (iso: string) => new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const compact = (iso: string) => iso.replace(/-/g, '');
/** A page's text: tags out, every kind of space (the number group's no-break space too) one plain space. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/[\s\u00a0\u202f]+/g, ' ');

// Every output, once.
const yearly = run('report', 'yearly', '--format', 'md');
const bill = run('report', 'costs', '--municipality', 'mellerud', '--format', 'md');
expect(runCli(['site', '--output', 'site', '--date', DATE], folder).status).toBe(0);
const page = (path: string) => readFileSync(join(folder, 'site', path), 'utf8');
const show = (id: string) =>
  JSON.parse(run('show', id, '--format', 'json')) as {
    agreement?: { end?: string; noticeDeadline?: string; state?: string };
    costs: Array<{ id: string; preliminary?: boolean; parts: Array<{ municipality: string; amount: number; populationYear?: number }> }>;
  };
const opportunities = (JSON.parse(run('opportunities', '--format', 'json')) as { opportunities: Array<{ agreement?: string; end?: string; deadline?: string; state?: string }> }).opportunities;
const calendar = run('calendar').replace(/\r\n /g, '');
const event = (uid: string) => /DTSTART;VALUE=DATE:(\d{8})/.exec(calendar.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${uid}@`)) ?? '')?.[1];
const exported = JSON.parse(run('export')) as {
  views: {
    date: string;
    agreements: Array<{ id: string; end?: string; noticeDeadline?: string; state: string }>;
    costs: { parts: Array<{ item: string; municipality: string; amount: number; preliminary: boolean; populationYear?: number }> };
  };
};

/** The state as each output words it. */
const reportState = { terminated: '**uppsagt**', renews: 'kan sägas upp; förlängs annars', ended: '**har löpt ut**', 'deadline-passed': '**uppsägningstiden har passerat**' } as const;
const siteSign = { terminated: 'uppsagt 1 november 2026', renews: 'Förlängs automatiskt 12 månader → 30 juni 2028', ended: 'har löpt ut', 'deadline-passed': 'passerad' } as const;

describe('one register, one date, every output', () => {
  it('covers a terminated, a renewing, an ended and a deadline-passed agreement', () => {
    expect(
      Object.values(expected)
        .map((e) => e.state)
        .sort(),
    ).toEqual(['deadline-passed', 'ended', 'renews', 'terminated']);
    expect(exported.views.date).toBe(DATE);
  });

  describe.each(Object.entries(expected))('%s', (id, { state, end, deadline }) => {
    const name = exported.views.agreements.find((a) => a.id === id) ? readFileSync(join(folder, 'register/agreements', `${id}.yaml`), 'utf8').match(/^name: (.+)$/m)![1]! : '';

    it('show --format json', () => expect(show(id).agreement).toMatchObject({ state, end, noticeDeadline: deadline }));

    it('export', () => expect(exported.views.agreements.find((a) => a.id === id)).toMatchObject({ state, end, noticeDeadline: deadline }));

    it('the yearly report', () => {
      expect(yearly).toContain(`| ${name} | Diariesystem | ${longDate(deadline)} | ${longDate(end)} | ${reportState[state]} |`);
    });

    it('the site', () => {
      const own = text(page(`agreement/${id}.html`));
      expect(own).toContain(longDate(end));
      expect(own).toContain(`Uppsägning senast ${longDate(deadline)}`);
      expect(own).toContain(siteSign[state]);
      const row = text(
        page('agreements.html')
          .split('<tr')
          .find((r) => r.includes(`agreement/${id}.html`))!
          .split('</tr>')[0]!,
      );
      expect(row).toContain(`${longDate(end)} ${longDate(deadline)}`);
    });

    it('opportunities --format json', () => {
      const entry = opportunities.find((o) => o.agreement === id);
      if (state === 'ended') expect(entry).toBeUndefined();
      else expect(entry).toMatchObject({ state, end, deadline });
    });

    it('the calendar', () => {
      expect(event(`agreement-end.${id}`)).toBe(state === 'ended' ? undefined : compact(end));
      // A deadline to keep only where notice can still be given.
      expect(event(`agreement-notice.${id}`)).toBe(state === 'renews' ? compact(deadline) : undefined);
    });
  });

  it("a municipality's part: preliminary, on 2024's population, the same amount everywhere", () => {
    const shown = show('diarium-support').costs.find((c) => c.id === 'diarium-support')!;
    const part = shown.parts.find((p) => p.municipality === 'mellerud')!;
    expect(shown.preliminary).toBe(true);
    expect(part.populationYear).toBe(2024);
    expect(exported.views.costs.parts.find((p) => p.item === 'diarium-support' && p.municipality === 'mellerud')).toEqual({
      item: 'diarium-support',
      municipality: 'mellerud',
      amount: part.amount,
      preliminary: true,
      referenceYear: 2025,
      populationYear: 2024,
    });
    const amount = new Intl.NumberFormat('sv-SE').format(part.amount).replace(/[\u00a0\u202f]/g, ' ');
    expect(text(bill)).toMatch(new RegExp(`\\| Supportavtal Dokumentor \\| befolkning .* \\(2024\\) \\(preliminär: befolkning 2024\\) \\| .* \\| ${amount} kr \\|`));
    expect(yearly).toContain('| Supportavtal Dokumentor | befolkning (preliminär: befolkning 2024) |');
    const item = text(
      page('costs.html')
        .split('<article')
        .find((a) => a.includes('id="item-diarium-support"'))!,
    );
    expect(item).toContain('befolkningsår 2024, 2025 preliminär: befolkning 2024');
    expect(item).toContain(`Melleruds kommun 9 052 / 20 954 ${amount} kr`);
    expect(text(page('municipality/mellerud.html'))).toMatch(new RegExp(`Supportavtal Dokumentor befolkning preliminär: befolkning 2024 100 000 kr ${amount} kr`));
    // A final part says so everywhere too: Åmål's population of 2025 is there.
    expect(exported.views.costs.parts.find((p) => p.item === 'diarium-drift' && p.municipality === 'amal')).toMatchObject({ preliminary: false });
  });
});
