// itreg incident on a register built here: what an incident reaches and the law's deadlines, in the register's time
// zone, across a daylight-saving change and a month end, in both languages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers.js';
import { addCalendarMonths, formatZoned, instantOf, parseDateTime } from '../../src/util/zoned-time.js';
import { datedSupplierRegister, lawCommandsRegister } from './law-commands-register.js';

interface IncidentJson {
  detected: string;
  timeZone: string;
  supplier?: { id: string; name: string };
  applications: Array<{ id: string; critical: boolean; retired: boolean; retiredOn?: string; municipalities: string[]; owners: Array<{ title: string; unit: string }> }>;
  municipalities: string[];
  leftOut: Array<{ id: string; via: string[]; reason: string; on?: string; agreement?: string }>;
  deadlines: Array<{ kind: string; due: string; because: string[] }>;
}

const env = { ITREG_NOW: '2026-06-01T10:00:00Z' };
const folder = lawCommandsRegister('en');
function incident(...args: string[]): IncidentJson {
  const result = runCli(['incident', ...args, '--format', 'json'], folder, env);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as IncidentJson;
}
const due = (json: IncidentJson) => Object.fromEntries(json.deadlines.map((d) => [d.kind, d.due]));

describe('itreg incident', () => {
  it('at a supplier: the live applications that depend on it, their municipalities and owners (title and unit, no name)', () => {
    const json = incident('--supplier', 'datahall', '--detected', '2026-03-28T10:00');
    expect(json.supplier).toEqual({ id: 'datahall', name: 'Nordisk Datahall AB' });
    expect(json.applications.map((a) => a.id)).toEqual(['journal', 'lon', 'ekonomi']);
    expect(json.municipalities).toEqual(['amal', 'mellerud']);
    expect(json.applications[0]!.owners).toEqual([{ title: 'Socialchef', unit: 'soc-amal' }]);
    expect(JSON.stringify(json)).not.toContain('Anna Andersson');
    expect(json.applications[2]!.owners).toEqual([]);
  });

  it('counts 24 and 72 hours as elapsed time across the spring daylight-saving change (29 March 2026)', () => {
    const json = incident('--supplier', 'datahall', '--detected', '2026-03-28T10:00');
    expect(json.detected).toBe('2026-03-28T10:00:00+01:00');
    expect(due(json)).toEqual({
      'csirt-early-warning': '2026-03-29T11:00:00+02:00',
      'csirt-notification': '2026-03-31T11:00:00+02:00',
      'imy-breach': '2026-03-31T11:00:00+02:00',
      'csirt-final-report': '2026-04-30T11:00:00+02:00',
    });
    expect(json.deadlines.map((d) => d.kind)).toEqual(['csirt-early-warning', 'csirt-notification', 'imy-breach', 'csirt-final-report']);
    expect(json.deadlines.find((d) => d.kind === 'csirt-notification')!.because).toEqual(['journal', 'lon']);
    expect(json.deadlines.find((d) => d.kind === 'imy-breach')!.because).toEqual(['journal', 'lon']);
    // and the autumn one (25 October): the wall clock shows an hour less.
    expect(due(incident('--application', 'lon', '--detected', '2026-10-24T10:00'))['csirt-early-warning']).toBe('2026-10-25T09:00:00+01:00');
  });

  it("puts the final report one calendar month after the notification, at a month end the month's last day", () => {
    expect(due(incident('--application', 'lon', '--detected', '2026-01-31T10:00'))).toMatchObject({
      'csirt-notification': '2026-02-03T10:00:00+01:00',
      'csirt-final-report': '2026-03-03T10:00:00+01:00',
    });
    expect(due(incident('--application', 'lon', '--detected', '2026-01-28T10:00'))).toMatchObject({
      'csirt-notification': '2026-01-31T10:00:00+01:00',
      'csirt-final-report': '2026-02-28T10:00:00+01:00',
    });
    expect(due(incident('--application', 'lon', '--detected', '2026-01-28T23:30'))['csirt-early-warning']).toBe('2026-01-29T23:30:00+01:00');
  });

  it('asks the CSIRT only where a critical application is affected, IMY only where personal data is', () => {
    expect(incident('--application', 'ekonomi', '--detected', '2026-03-28T10:00').deadlines).toEqual([]);
    expect(incident('--application', 'bibliotek', '--detected', '2026-03-28T10:00').deadlines.map((d) => d.kind)).toEqual(['imy-breach']);
    expect(incident('--supplier', 'lone', '--detected', '2026-03-28T10:00').deadlines.map((d) => d.kind)).toEqual(['csirt-early-warning', 'csirt-notification', 'imy-breach', 'csirt-final-report']);
  });

  it("reads the detection time in itreg.yaml's time zone, or as the instant an offset names", () => {
    const newYork = lawCommandsRegister('en', 'America/New_York');
    const json = JSON.parse(runCli(['incident', '--application', 'lon', '--detected', '2026-03-07T10:00', '--format', 'json'], newYork, env).stdout) as IncidentJson;
    expect(json.timeZone).toBe('America/New_York');
    expect(due(json)['csirt-early-warning']).toBe('2026-03-08T11:00:00-04:00');
    expect(incident('--application', 'lon', '--detected', '2026-03-28T09:00Z').detected).toBe('2026-03-28T10:00:00+01:00');
    expect(incident('--application', 'lon', '--detected', '2026-03-28 12:00+03:00').detected).toBe('2026-03-28T10:00:00+01:00');
  });

  it('shows the deadlines as a table, Markdown and iCalendar, in English and Swedish', () => {
    const en = runCli(['incident', '--supplier', 'datahall', '--detected', '2026-03-28T10:00'], folder, env);
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/^Detected: 2026-03-28 10:00 \(\+01:00\) Europe\/Stockholm\nSupplier: Nordisk Datahall AB\n/);
    expect(en.stdout).toContain('2026-03-29 11:00');
    expect(en.stdout).toContain('Socialchef, Socialförvaltningen Åmål');
    const sv = runCli(['incident', '--application', 'journal', '--detected', '2026-03-28T10:00', '--format', 'md', '--lang', 'sv'], folder, env).stdout;
    expect(sv).toContain('| 2026-03-29 11:00 (+02:00) | Tidig varning till CSIRT (cybersäkerhetslagen, NIS2 art. 23.4 a): inom 24 timmar | Socialtjänstens journal |');
    expect(sv).toContain('| 2026-04-30 11:00 (+02:00) | Slutrapport till CSIRT (cybersäkerhetslagen, NIS2 art. 23.4 d): en månad efter incidentanmälan | Socialtjänstens journal |');
    expect(sv).toContain('| Socialtjänstens journal (samhällsviktig) | Åmåls kommun, Melleruds kommun | Socialchef, Socialförvaltningen Åmål |');
    expect(runCli(['incident', '--application', 'ekonomi', '--detected', '2026-03-28T10:00', '--lang', 'sv'], folder, env).stdout).toContain('Ingen rapporteringsfrist');
    const ics = runCli(['incident', '--application', 'journal', '--detected', '2026-03-28T10:00', '--format', 'ics', '--lang', 'sv'], folder, env).stdout;
    expect(ics.match(/^DTSTART:.*$/gm)).toEqual(['DTSTART:20260329T090000Z', 'DTSTART:20260331T090000Z', 'DTSTART:20260331T090000Z', 'DTSTART:20260430T090000Z']);
    expect(ics).toContain('SUMMARY;LANGUAGE=sv:Tidig varning till CSIRT');
    expect(ics).toContain('DTSTAMP:20260601T100000Z');
  });

  it('says that personal data is not assessed rather than "no reporting deadline" where personalData is missing', () => {
    const unassessed = lawCommandsRegister('en');
    const file = join(unassessed, 'register/applications/ekonomi.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('personalData: none\n', ''));
    const sv = runCli(['incident', '--application', 'ekonomi', '--detected', '2026-03-28T10:00', '--lang', 'sv'], unassessed, env);
    expect(sv.status).toBe(0);
    expect(sv.stdout).not.toContain('Ingen rapporteringsfrist');
    expect(sv.stdout).toContain(
      'Det är inte bedömt om det finns personuppgifter i Ekonomisystem (fältet personalData saknas): i så fall ska en personuppgiftsincident anmälas till IMY inom 72 timmar (GDPR art. 33).',
    );
    const en = runCli(['incident', '--application', 'ekonomi', '--detected', '2026-03-28T10:00', '--format', 'md'], unassessed, env).stdout;
    expect(en).not.toContain('No reporting deadline');
    expect(en).toContain('It is not assessed whether there is personal data in Ekonomisystem (the field personalData is missing): if there is, a personal data breach');
    // An IMY deadline already there (the journal's sensitive data) needs no such line.
    expect(runCli(['incident', '--supplier', 'datahall', '--detected', '2026-03-28T10:00'], unassessed, env).stdout).not.toContain('not assessed');
  });

  it.each([
    [['--supplier', 'datahall', '--detected', 'yesterday'], '--detected must be a date and time such as 2026-03-28T10:00 (the register\'s time zone) or 2026-03-28T09:00Z, not "yesterday"'],
    [
      ['--supplier', 'datahall', '--detected', '2026-02-29T10:00'],
      '--detected must be a date and time such as 2026-03-28T10:00 (the register\'s time zone) or 2026-03-28T09:00Z, not "2026-02-29T10:00"',
    ],
    [['--supplier', 'datahall', '--detected', '2026-03-28'], '--detected must be a date and time such as 2026-03-28T10:00 (the register\'s time zone) or 2026-03-28T09:00Z, not "2026-03-28"'],
    [['--supplier', 'nordisk', '--detected', '2026-03-28T10:00'], 'no supplier "nordisk"; itreg suppliers lists them'],
    [['--supplier', 'datahal', '--detected', '2026-03-28T10:00'], 'no supplier "datahal" (did you mean "datahall"?); itreg suppliers lists them'],
    [['--application', 'jurnal', '--detected', '2026-03-28T10:00'], 'no application "jurnal" (did you mean "journal"?); `itreg list application` lists them'],
    [['--supplier', 'datahall', '--application', 'lon', '--detected', '2026-03-28T10:00'], 'itreg incident needs either --supplier ID or --application ID (one of them) and --detected DATE-TIME'],
    [['--supplier', 'datahall'], 'itreg incident needs either --supplier ID or --application ID (one of them) and --detected DATE-TIME'],
  ])('refuses %j in one line, exit 2', (args, message) => {
    const result = runCli(['incident', ...args], folder, env);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`itreg: ${message}\n`);
  });

  it('at a supplier: only what depends on it on the day of detection, the rest listed apart (ended agreement, later sub-processor, retired)', () => {
    const dated = datedSupplierRegister('en');
    const json = (detected: string) => JSON.parse(runCli(['incident', '--supplier', 'cloud', '--detected', detected, '--format', 'json'], dated, env).stdout) as IncidentJson;
    const june = json('2026-06-01T10:00');
    // ekonomi-moln ended 2025-12-31 (terminated); the journal's sub-processor is one from 2026-09-01.
    expect(june.applications.map((a) => a.id)).toEqual(['lon', 'bibliotek']);
    expect(june.municipalities).toEqual(['mellerud', 'amal']);
    expect(june.deadlines.flatMap((d) => d.because)).not.toContain('journal');
    expect(june.leftOut.map((e) => [e.id, e.reason, e.on])).toEqual([
      ['journal', 'sub-processor-not-yet', '2026-09-01'],
      ['ekonomi', 'agreement-ended', '2025-12-31'],
    ]);
    // Judged on the day in the register's time zone: 2026-09-01 00:30 there is 2026-08-31 22:30 UTC.
    expect(json('2026-09-01T00:30').applications.map((a) => a.id)).toEqual(['journal', 'lon', 'bibliotek']);
    expect(json('2026-08-31T23:30').applications.map((a) => a.id)).toEqual(['lon', 'bibliotek']);
    const datahall = JSON.parse(runCli(['incident', '--supplier', 'datahall', '--detected', '2026-06-01T10:00', '--format', 'json'], dated, env).stdout) as IncidentJson;
    expect(datahall.applications.map((a) => a.id)).not.toContain('gammal');
    expect(datahall.leftOut).toEqual([{ id: 'gammal', name: 'Gammalt system', via: ['vendor'], reason: 'retired' }]);

    const sv = runCli(['incident', '--supplier', 'cloud', '--detected', '2026-06-01T10:00', '--lang', 'sv'], dated, env).stdout;
    expect(sv).toContain('Räknas inte som beroende den 2026-06-01:\n  - Socialtjänstens journal (underbiträde): enligt PUB-avtal journal först från 2026-09-01\n');
    const md = runCli(['incident', '--supplier', 'cloud', '--detected', '2026-06-01T10:00', '--format', 'md'], dated, env).stdout;
    expect(md).toContain('Not counted as dependencies on 2026-06-01:\n\n- Socialtjänstens journal (sub-processor): under PUB-avtal journal only from 2026-09-01\n');
  });

  it('says that an application named by --application is retired, in Swedish and English', () => {
    const json = incident('--application', 'gammal', '--detected', '2026-06-01T10:00');
    expect(json.applications.map((a) => [a.id, a.retired])).toEqual([['gammal', true]]);
    const en = runCli(['incident', '--application', 'gammal', '--detected', '2026-06-01T10:00'], folder, env).stdout;
    expect(en).toContain(
      'The application Gammalt system is retired according to the register. If the incident concerns data that remains, in archives or backups for instance, the deadlines apply all the same.',
    );
    expect(runCli(['incident', '--application', 'gammal', '--detected', '2026-06-01T10:00', '--format', 'md'], folder, env).stdout).toContain('| Gammalt system (critical, retired) |');
    // The example register's old intranet, retired on a date, in Swedish (its language) as a table and Markdown.
    const sv = runCli(['incident', '--application', 'intranat-gammalt', '--detected', '2026-12-08T10:00'], projectRoot, env).stdout;
    expect(sv).toContain('Applikationen Gamla intranätet avvecklades 2023-12-31 enligt registret. Rör incidenten uppgifter som finns kvar');
    expect(sv).toContain('Gamla intranätet (avvecklad');
    const md = runCli(['incident', '--application', 'intranat-gammalt', '--detected', '2026-12-08T10:00', '--format', 'md'], projectRoot, env).stdout;
    expect(md).toContain('| Gamla intranätet (avvecklad 2023-12-31) |');
    // A live application says nothing of the kind.
    expect(incident('--application', 'lon', '--detected', '2026-06-01T10:00').applications[0]!.retired).toBe(false);
    expect(runCli(['incident', '--application', 'lon', '--detected', '2026-06-01T10:00'], folder, env).stdout).not.toContain('retired');
  });

  it('says so in Swedish too', () => {
    expect(runCli(['incident', '--supplier', 'datahall', '--detected', 'igår', '--lang', 'sv'], folder, env).stderr).toBe(
      'itreg: --detected ska vara datum och klockslag som 2026-03-28T10:00 (registrets tidszon) eller 2026-03-28T09:00Z, inte "igår"\n',
    );
  });
});

describe('zoned time', () => {
  it('reads a wall time the clocks skip as after the jump, and one they pass twice as the first', () => {
    expect(formatZoned(parseDateTime('2026-03-29T02:30', 'Europe/Stockholm')!, 'Europe/Stockholm')).toBe('2026-03-29T03:30:00+02:00');
    expect(formatZoned(parseDateTime('2026-10-25T02:30', 'Europe/Stockholm')!, 'Europe/Stockholm')).toBe('2026-10-25T02:30:00+02:00');
    expect(parseDateTime('2026-13-01T10:00', 'UTC')).toBeUndefined();
    expect(parseDateTime('2026-01-01T24:00', 'UTC')).toBeUndefined();
  });

  it("adds calendar months at the same wall time, a missing day becoming the month's last", () => {
    const zone = 'Europe/Stockholm';
    const start = instantOf({ year: 2024, month: 1, day: 31, hour: 8, minute: 0, second: 0 }, zone);
    expect(formatZoned(addCalendarMonths(start, 1, zone), zone)).toBe('2024-02-29T08:00:00+01:00');
    expect(formatZoned(addCalendarMonths(start, 11, zone), zone)).toBe('2024-12-31T08:00:00+01:00');
    expect(formatZoned(addCalendarMonths(start, 2, zone), zone)).toBe('2024-03-31T08:00:00+02:00');
  });
});
