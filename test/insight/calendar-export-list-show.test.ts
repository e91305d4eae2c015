// itreg calendar (parsed back with ical.js, checked against RFC 5545), export --redact, list and show.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { projectRoot, registerFrom, runCli } from '../helpers.js';

describe('itreg calendar', () => {
  const ics = runCli(['calendar', '--date', '2026-11-26'], projectRoot).stdout;

  it('is RFC 5545: CRLF line ends, lines of at most 75 octets, folded with a leading space', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = ics.slice(0, -2).split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('parses back with ical.js: all-day events with stable UIDs and a reminder 30 days before', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThanOrEqual(15);
    const notice = events.map((e) => new ICAL.Event(e)).find((e) => e.uid === 'agreement-notice.ekonomi-support@dalslandskommunerna.itreg')!;
    expect(notice.summary).toBe('Sista dag för uppsägning: Support- och förvaltningsavtal Ekonomi Plus (Ekonomisystem)');
    expect(notice.startDate.isDate).toBe(true);
    expect(notice.startDate.toString()).toBe('2028-03-31');
    const alarm = notice.component.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-P30D');
    const uids = events.map((e) => e.getFirstPropertyValue('uid'));
    expect(new Set(uids).size).toBe(uids.length);
    expect(runCli(['calendar', '--date', '2026-11-26'], projectRoot).stdout).toBe(ics); // same UIDs on a re-export
  });

  it('escapes commas and semicolons in text, and the parser reads them back', () => {
    expect(ics).toContain('Licensavtal Skolwebb\\, Mellerud');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const summaries = calendar.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries).toContain('Avtalet löper ut: Licensavtal Skolwebb, Mellerud (Lärplattform, Mellerud)');
    const descriptions = calendar.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('description')));
    expect(descriptions.some((d) => d.includes('registret; datum'))).toBe(true);
    // The rule in words, not its id inside a Swedish sentence ("Undantaget för training-plan på Telefonisystem").
    expect(summaries).toContain('Undantaget från regeln ”Utbildningsplan för verksamhetssystem” för Telefonisystem går ut');
    expect(summaries.join('\n')).not.toMatch(/training-plan/);
    const english = new ICAL.Component(ICAL.parse(runCli(['calendar', '--date', '2026-11-26', '--lang', 'en'], projectRoot).stdout));
    expect(english.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')))).toContain(
      'The exception from the rule “Training plan for business systems” for Telefonisystem ends',
    );
  });

  it('stays valid with a lone CR or control characters in a name, and an agreement ending 9999-12-31', () => {
    const folder = registerFrom('clean', {
      'register/agreements/diarium-support.yaml':
        'kind: Agreement\nid: diarium-support\nname: "Support\\rX-INJECTED:1\\u0007\\u001b[31m, del\\r\\nB"\ntype: support\napplication: diarium\nparties: [Ärendesystem Väst AB]\nstart: 2020-01-01\nend: 9999-12-31\nnoticeMonths: 6\n',
    });
    const text = runCli(['calendar', '--date', '2026-06-01'], folder).stdout;
    // Every line ends in CRLF, and no CR, LF or other control character stands anywhere else.
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.slice(0, -2).split('\r\n')) expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
    expect(text).not.toMatch(/^X-INJECTED/m);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const end = events.find((e) => e.uid === 'agreement-end.diarium-support@testkommunerna.itreg')!;
    expect(end.summary).toBe('Agreement ends: Support\nX-INJECTED:1[31m, del\nB (Diariesystem)');
    expect(end.startDate.toString()).toBe('9999-12-31');
    expect(end.component.hasProperty('dtend')).toBe(false); // 10000-01-01 is no DATE: a one-day event without DTEND
    const notice = events.find((e) => e.uid === 'agreement-notice.diarium-support@testkommunerna.itreg')!;
    expect(notice.endDate.toString()).toBe('9999-07-01');
  });

  it('covers each kind of deadline, only coming ones, and filters by municipality and owner unit', () => {
    const uids = (args: string[]) => [...runCli(['calendar', '--date', '2026-11-26', ...args], projectRoot).stdout.matchAll(/^UID:(\S+)/gm)].map((m) => m[1]!);
    const all = uids([]);
    for (const kind of ['agreement-notice.', 'agreement-end.', 'document-review.', 'plan-review.', 'exception.training-plan.telefoni', 'introduction.e-bygglov']) {
      expect(
        all.some((uid) => uid.startsWith(kind)),
        kind,
      ).toBe(true);
    }
    expect(all.some((uid) => uid.startsWith('agreement-end.e-tjanst-support'))).toBe(false); // ended 2026-06-30
    const kultur = uids(['--owner-unit', 'kultur-bengtsfors']);
    expect(kultur.every((uid) => uid.includes('bibliotek'))).toBe(true);
    expect(kultur.length).toBeGreaterThan(0);
    const saffle = uids(['--municipality', 'saffle']);
    expect(saffle.length).toBeGreaterThan(0);
    expect(saffle.every((uid) => uid.includes('telefoni'))).toBe(true);
    // A plan concerns the municipalities of its applications and of its activities (as in the report's compliance):
    // the IT staff's plan lists no application, but its activities are in Åmål; the GIS and school plan has nothing there.
    const amal = uids(['--municipality', 'amal']);
    expect(amal).toContain('plan-review.utbildning-it-personal@dalslandskommunerna.itreg');
    expect(amal).not.toContain('plan-review.utbildning-gis-och-skola@dalslandskommunerna.itreg');
    expect(uids(['--municipality', 'bengtsfors'])).toContain('plan-review.utbildning-gis-och-skola@dalslandskommunerna.itreg');
  });
});

describe('itreg export', () => {
  const names = {
    'register/roles/diarium-owner.yaml':
      'kind: RoleAssignment\nid: diarium-owner\nrole: system-owner\napplication: diarium\nholder: { title: Kanslichef, unit: kansli-amal, name: Astrid Lindqvist }\nfrom: 2020-01-01\nnotes: Astrid Lindqvist tar över efter Bertil Ek.\n',
    'register/roles/diarium-admin.yaml':
      'kind: RoleAssignment\nid: diarium-admin\nrole: system-administrator\napplication: diarium\nholder: { title: Registrator, unit: kansli-amal, name: Cecilia Öberg }\nappointedBy: diarium-owner\nfrom: 2020-01-01\n',
  };

  it('--redact leaves no personal name anywhere, and says what it removed', () => {
    const folder = registerFrom('clean', names);
    const plain = runCli(['export'], folder);
    expect(plain.stdout).toContain('Astrid Lindqvist');
    const redacted = runCli(['export', '--redact', '--lang', 'en'], folder);
    for (const name of ['Astrid', 'Lindqvist', 'Bertil', 'Cecilia', 'Öberg']) expect(redacted.stdout).not.toContain(name);
    // Counts by the plural rule: "1 note", not "1 notes".
    expect(redacted.stderr).toBe('itreg: removed 2 personal names (holder.name) and 1 note, and replaced 0 personal identity numbers by ÅÅMMDD-XXXX\n');
    expect(runCli(['export', '--redact', '--lang', 'sv'], folder).stderr).toBe(
      'itreg: tog bort 2 personnamn (holder.name) och 1 anteckning (notes), och ersatte 0 personnummer eller samordningsnummer med ÅÅMMDD-XXXX\n',
    );
    const json = JSON.parse(redacted.stdout) as { redacted: string[]; entities: { RoleAssignment: Array<{ holder: object }> } };
    expect(json.redacted).toEqual(['holder.name', 'notes', 'personal identity numbers']);
    expect(json.entities.RoleAssignment[0]!.holder).toEqual({ title: 'Registrator', unit: 'kansli-amal' });
  });

  it('--redact replaces every personnummer lint would flag, in any string, with ÅÅMMDD-XXXX, and counts them', () => {
    const folder = registerFrom('clean', {
      ...names,
      'register/applications/diarium.yaml': `kind: Application\nid: diarium\nname: Diariesystem\ndescription: "Frågor: Astrid (19811218-9876) eller 850612 1238"\ntype: business\nmunicipalities: [amal, mellerud]\ncollaborationLevel: 1\noperatedBy: it-amal\nvendor: { name: Ärendesystem Väst AB, product: "Dokumentor 850612–1238" }\ndocumentation: { routines: docs/diarium/rutiner.md, operations: docs/diarium/drift.md }\n`,
    });
    expect(runCli(['lint', '--format', 'json'], folder).stdout.match(/no-personal-identity-number/g)).toHaveLength(3);
    const redacted = runCli(['export', '--redact'], folder);
    expect(redacted.status).toBe(0);
    for (const number of ['9876', '1238']) expect(redacted.stdout).not.toContain(number);
    const app = (JSON.parse(redacted.stdout) as { entities: { Application: Array<{ description: string; vendor: { product: string } }> } }).entities.Application[0]!;
    expect(app.description).toBe('Frågor: Astrid (ÅÅMMDD-XXXX) eller ÅÅMMDD-XXXX');
    expect(app.vendor.product).toBe('Dokumentor ÅÅMMDD-XXXX');
    expect(redacted.stderr).toBe('itreg: removed 2 personal names (holder.name) and 1 note, and replaced 3 personal identity numbers by ÅÅMMDD-XXXX\n');
    expect(runCli(['export', '--redact', '--lang', 'sv'], folder).stderr).toBe(
      'itreg: tog bort 2 personnamn (holder.name) och 1 anteckning (notes), och ersatte 3 personnummer eller samordningsnummer med ÅÅMMDD-XXXX\n',
    );
  });

  it('writes one CSV per kind, redacted too', () => {
    const folder = registerFrom('clean', names);
    const result = runCli(['export', '--format', 'csv', '--out-dir', 'out', '--redact'], folder);
    expect(result.status).toBe(0);
    expect(readdirSync(`${folder}/out`).sort()).toEqual([
      'Agreement.csv',
      'Application.csv',
      'Document.csv',
      'Investment.csv',
      'Municipality.csv',
      'Processing.csv',
      'RoleAssignment.csv',
      'Supplier.csv',
      'TrainingPlan.csv',
      'Unit.csv',
    ]);
    const roles = readFileSync(`${folder}/out/RoleAssignment.csv`, 'utf8');
    expect(roles.split('\r\n')[0]).toBe('\ufeffkind,id,role,application,holder.title,holder.unit,appointedBy,from'); // the fixture speaks English: comma-separated
    expect(roles).not.toMatch(/Astrid|Cecilia/);
    expect(runCli(['export', '--format', 'csv'], folder).stderr).toMatch(/--out-dir/);
  });
});

describe('itreg list and show', () => {
  it('filters with dotted --where (ANDed, lists by membership) and sorts', () => {
    const json = (args: string[]) => (JSON.parse(runCli(['list', ...args, '--format', 'json'], projectRoot).stdout) as Array<{ id: string }>).map((e) => e.id);
    expect(json(['applications', '--where', 'municipalities=saffle'])).toEqual(['telefoni']);
    expect(json(['applications', '--where', 'municipalities=mellerud', '--where', 'type=general'])).toEqual(['e-tjanst', 'helpdesk', 'intranat-gammalt']);
    expect(json(['applications', '--where', 'lifecycle.status=retired'])).toEqual(['intranat-gammalt']);
    expect(json(['roles', '--where', 'role=system-owner', '--where', 'holder.unit=kansli-amal'])).toEqual(['diarium-systemagare', 'telefoni-systemagare']);
    expect(json(['municipalities', '--sort', 'name'])).toEqual(['bengtsfors', 'dals-ed', 'fargelanda', 'mellerud', 'saffle', 'amal', 'arjang']);
    expect(runCli(['list', 'aplications'], projectRoot).stderr).toMatch(/okänd posttyp "aplications" \(menade du "applications"\?\)/);
  });

  it('shows an application with its roles, agreements with notice deadlines, plans, costs, findings and exceptions', () => {
    const result = runCli(['show', 'telefoni', '--date', '2026-11-26', '--format', 'json'], projectRoot);
    const json = JSON.parse(result.stdout) as {
      entity: { id: string };
      roles: Array<{ id: string; current: boolean }>;
      agreements: Array<{ id: string; noticeDeadline?: string }>;
      costs: Array<{ id: string; parts: Array<{ municipality: string; amount: number }> }>;
      exceptions: Array<{ rule: string }>;
      referencedBy: Array<{ id: string }>;
    };
    expect(json.entity.id).toBe('telefoni');
    expect(json.roles.map((r) => [r.id, r.current])).toEqual([
      ['telefoni-specialist', true],
      ['telefoni-systemagare', true],
      ['telefoni-systemansvarig', true],
    ]);
    expect(json.agreements.find((a) => a.id === 'telefoni-support')?.noticeDeadline).toBe('2027-06-30');
    expect(json.costs.map((c) => c.id)).toEqual(['telefoni-samverkan']);
    expect(json.costs[0]!.parts.map((p) => p.municipality)).toContain('arjang');
    expect(json.exceptions.map((e) => e.rule)).toEqual(['training-plan']);
    const gis = JSON.parse(runCli(['show', 'gis', '--date', '2026-11-26', '--format', 'json'], projectRoot).stdout) as { findings: Array<{ ruleId: string }> };
    expect(gis.findings.map((f) => f.ruleId)).toEqual(['application-has-administrator', 'personal-data-assessed', 'specialist-competence', 'classification-assessed']);
    const text = runCli(['show', 'gis', '--date', '2026-11-26'], projectRoot).stdout;
    expect(text).toMatch(/^GIS och kartsystem \(Applikation gis\)\nregister\/applications\/gis\.yaml/);
    // Kinds in Swedish words, not the register's English kind names ("Refereras av: Agreement gis-drift" before).
    const referredBy = text.slice(text.indexOf('Refereras av'));
    expect(referredBy).toMatch(/^  Avtal gis-support$/m);
    expect(referredBy).toMatch(/^  Rollbemanning gis-systemagare$/m);
    expect(referredBy).not.toMatch(/Agreement|RoleAssignment|TrainingPlan/);
    // The register's vocabulary in words of the language, as in the reports.
    expect(text).toMatch(/^  ● Systemägare: Plan- och byggchef \(Samhällsbyggnadsförvaltningen, Färgelanda\) 2024-01-01– gällande$/m);
    expect(text).toMatch(/^  Supportavtal: Supportavtal KartWeb 2024-01-01–2028-12-31, uppsägning senast 2028-06-30 \(upphör 2028-12-31\)$/m);
    expect(text).toMatch(/^  Användare: Utbildningsplan GIS/m);
    expect(text).toMatch(/210\s000 SEK \(överenskomna andelar\)/);
    expect(text).toMatch(/^  fel register\/applications\/gis\.yaml:2:1 /m);
    const english = runCli(['show', 'gis', '--date', '2026-11-26', '--lang', 'en'], projectRoot).stdout;
    expect(english).toMatch(/^  ● System owner: Plan- och byggchef .* current$/m);
    expect(english).toMatch(/^  Support agreement: Supportavtal KartWeb .*, notice by 2028-06-30 \(ends on 2028-12-31\)$/m);
    expect(english).toMatch(/^  error register\/applications\/gis\.yaml:2:1 /m);
    expect(english).toMatch(/^  Role assignment gis-systemagare$/m);
    expect(runCli(['show', 'gsi'], projectRoot).stderr).toMatch(/ingen post "gsi" i registret \(menade du "gis"\?\)/);
  });
});
