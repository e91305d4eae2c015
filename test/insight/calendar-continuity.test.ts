// itreg calendar: the next restore test of each application that needs a continuity plan and the review of each
// classification, with the rules' options from itreg.yaml, on a register built here (parsed back with ical.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder, writeFiles } from '../helpers.js';

const DATE = '2026-01-15';

function register(rulesYaml: string): string {
  const folder = temporaryFolder();
  const app = (id: string, name: string, lines: string[]) => [`kind: Application`, `id: ${id}`, `name: ${name}`, 'type: business', ...lines, ''].join('\n');
  writeFiles(folder, {
    'itreg.yaml': `name: Testkommunerna\nregister: register\nlanguage: sv\ncollaborationLevels: [Erfarenhetsutbyte]\n${rulesYaml}`,
    'register/municipalities/amal.yaml': 'kind: Municipality\nid: amal\nname: Åmåls kommun\npopulation: { 2025: 11902 }\n',
    'register/municipalities/mellerud.yaml': 'kind: Municipality\nid: mellerud\nname: Melleruds kommun\npopulation: { 2025: 9010 }\n',
    // Critical; decided and last tested on a month's last day.
    'register/applications/journal.yaml': app('journal', 'Socialtjänstens journal', [
      'municipalities: [amal]',
      'critical: true',
      'classification: { confidentiality: 4, integrity: 4, availability: 3, decided: 2024-08-31 }',
      'continuity: { plan: https://example.org/plan, restoreTested: 2025-01-31 }',
    ]),
    // Critical, its restore test overdue on the date.
    'register/applications/lon.yaml': app('lon', 'Lönesystem', [
      'municipalities: [mellerud]',
      'critical: true',
      'classification: { confidentiality: 3, integrity: 3, availability: 3, decided: 2025-06-15 }',
      'continuity: { plan: https://example.org/lon, restoreTested: 2024-11-30 }',
    ]),
    // Availability 2: a restore test is due only where minAvailability is 2 or lower.
    'register/applications/ekonomi.yaml': app('ekonomi', 'Ekonomisystem', [
      'municipalities: [amal]',
      'classification: { confidentiality: 2, integrity: 3, availability: 2, decided: 2025-03-01 }',
      'continuity: { restoreTested: 2025-06-01 }',
    ]),
    // Not classified: no review; critical but never tested: no date to show (continuity-plan reports it).
    'register/applications/portal.yaml': app('portal', 'E-tjänsteportal', ['municipalities: [mellerud]', 'critical: true']),
    // Retired: nothing.
    'register/applications/gammal.yaml': app('gammal', 'Gamla journalen', [
      'municipalities: [amal]',
      'lifecycle: { status: retired, retired: 2024-05-01 }',
      'critical: true',
      'classification: { confidentiality: 4, integrity: 4, availability: 4, decided: 2025-01-01 }',
      'continuity: { plan: https://example.org/old, restoreTested: 2025-12-01 }',
    ]),
  });
  return folder;
}

/** The calendar's events as uid → [day, summary]. */
function events(folder: string, ...args: string[]): Map<string, [string, string]> {
  const result = runCli(['calendar', '--date', DATE, ...args], folder);
  expect(result.stderr).toBe('');
  const calendar = new ICAL.Component(ICAL.parse(result.stdout));
  return new Map(
    calendar
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e))
      .filter((e) => /^(restore-test|classification-review)\./.test(e.uid))
      .map((e) => [e.uid.replace(/@.*/, ''), [e.startDate.toString(), e.summary]]),
  );
}

describe('itreg calendar: restore tests and classification reviews', () => {
  const configured = 'rules:\n  classification-assessed: [warning, { reviewMonths: 18 }]\n  continuity-plan: [error, { minAvailability: 2, restoreMonths: 13 }]\n';

  it("dates them with the rules' options from itreg.yaml, a month's last day kept as the month's last", () => {
    expect([...events(register(configured))]).toEqual([
      // 2024-08-31 + 18 months: February 2026 has no 31st.
      ['classification-review.journal', ['2026-02-28', 'Sista dag för översyn av informationsklassningen: Socialtjänstens journal (beslutad 2024-08-31)']],
      ['restore-test.journal', ['2026-02-28', 'Sista dag för återläsningstest: Socialtjänstens journal (senast provad 2025-01-31)']],
      ['restore-test.ekonomi', ['2026-07-01', 'Sista dag för återläsningstest: Ekonomisystem (senast provad 2025-06-01)']],
      ['classification-review.ekonomi', ['2026-09-01', 'Sista dag för översyn av informationsklassningen: Ekonomisystem (beslutad 2025-03-01)']],
      ['classification-review.lon', ['2026-12-15', 'Sista dag för översyn av informationsklassningen: Lönesystem (beslutad 2025-06-15)']],
    ]);
  });

  it('with the defaults (24, 3 and 12 months), in English; the overdue restore test is left out, as every passed deadline is', () => {
    const folder = register('');
    expect([...events(folder, '--lang', 'en')]).toEqual([
      ['restore-test.journal', ['2026-01-31', 'Restore test due: Socialtjänstens journal (last tested 2025-01-31)']],
      ['classification-review.journal', ['2026-08-31', 'Classification review due: Socialtjänstens journal (decided 2024-08-31)']],
      ['classification-review.ekonomi', ['2027-03-01', 'Classification review due: Ekonomisystem (decided 2025-03-01)']],
      ['classification-review.lon', ['2027-06-15', 'Classification review due: Lönesystem (decided 2025-06-15)']],
    ]);
    // The payroll system's test was due 2025-11-30, before the date: lint reports it, with the portal never tested.
    const lint = runCli(['lint', '--date', DATE, '--format', 'json'], folder);
    const found = (JSON.parse(lint.stdout) as { findings: { ruleId: string; entityId?: string; message: string }[] }).findings.filter((f) => f.ruleId === 'continuity-plan');
    expect(found.map((f) => f.entityId)).toEqual(['lon', 'portal']);
    expect(found[0]!.message).toContain('2025-11-30');
  });

  it("stands on the site's start page among the deadlines within 90 days, linked to the application", () => {
    const folder = register(configured);
    const result = runCli(['site', '--output', 'site', '--date', DATE], folder);
    expect(result.status, result.stderr).toBe(0);
    const start = readFileSync(join(folder, 'site/index.html'), 'utf8');
    expect(start).toContain(
      '<li><time datetime="2026-02-28">28 februari 2026</time>: <a href="application/journal.html">Sista dag för återläsningstest: Socialtjänstens journal (senast provad 2025-01-31)</a></li>',
    );
    expect(start).not.toContain('Ekonomisystem (beslutad'); // 2026-09-01: beyond 90 days
  });

  it('belongs to the application and its municipalities (--municipality)', () => {
    const folder = register(configured);
    expect([...events(folder, '--municipality', 'mellerud').keys()]).toEqual(['classification-review.lon']);
    expect([...events(folder, '--municipality', 'amal').keys()]).toEqual(['classification-review.journal', 'restore-test.journal', 'restore-test.ekonomi', 'classification-review.ekonomi']);
  });
});
