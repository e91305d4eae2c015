// `itreg incident` as a table, JSON, Markdown or iCalendar: the deadlines first, then who and what is affected.
import Table from 'cli-table3';
import type { Language } from '../i18n/index.js';
import type { IncidentDeadlineKind } from '../insight/incident.js';
import { escapeText, foldLine } from '../insight/calendar.js';
import { formatIcsUtc } from '../util/zoned-time.js';
import type { IncidentView } from '../views/incident.js';
import { escapeMarkdownText } from './markdown.js';
import { leftOutLines, leftOutText, supplierLabels } from './suppliers.js';

const labels = {
  sv: {
    detected: 'Upptäckt',
    supplier: 'Leverantör',
    deadline: 'Senast',
    report: 'Rapport',
    because: 'Gäller',
    application: 'Applikation',
    municipalities: 'Kommuner',
    owner: 'Systemägare',
    critical: 'samhällsviktig',
    noOwner: 'ingen gällande systemägare',
    retired: (on?: string) => (on === undefined ? 'avvecklad' : `avvecklad ${on}`),
    retiredNote: (name: string, on?: string) =>
      `Applikationen ${name} ${on === undefined ? 'är avvecklad' : `avvecklades ${on}`} enligt registret. Rör incidenten uppgifter som finns kvar, till exempel i arkiv eller säkerhetskopior, gäller fristerna ändå.`,
    affected: 'Berörda applikationer',
    noDeadlines: 'Ingen rapporteringsfrist: ingen berörd applikation är samhällsviktig eller behandlar personuppgifter.',
    noApplications: 'Ingen applikation i drift beror på leverantören.',
    notAssessed: (names: string) =>
      `Det är inte bedömt om det finns personuppgifter i ${names} (fältet personalData saknas): i så fall ska en personuppgiftsincident anmälas till IMY inom 72 timmar (GDPR art. 33).`,
    kinds: {
      'csirt-early-warning': 'Tidig varning till CSIRT (cybersäkerhetslagen, NIS2 art. 23.4 a): inom 24 timmar',
      'csirt-notification': 'Incidentanmälan till CSIRT (cybersäkerhetslagen, NIS2 art. 23.4 b): inom 72 timmar',
      'csirt-final-report': 'Slutrapport till CSIRT (cybersäkerhetslagen, NIS2 art. 23.4 d): en månad efter incidentanmälan',
      'imy-breach': 'Anmälan av personuppgiftsincident till IMY (GDPR art. 33): inom 72 timmar',
    },
  },
  en: {
    detected: 'Detected',
    supplier: 'Supplier',
    deadline: 'Due by',
    report: 'Report',
    because: 'Concerns',
    application: 'Application',
    municipalities: 'Municipalities',
    owner: 'System owner',
    critical: 'critical',
    noOwner: 'no current system owner',
    retired: (on?: string) => (on === undefined ? 'retired' : `retired ${on}`),
    retiredNote: (name: string, on?: string) =>
      `The application ${name} ${on === undefined ? 'is retired' : `was retired on ${on}`} according to the register. If the incident concerns data that remains, in archives or backups for instance, the deadlines apply all the same.`,
    affected: 'Affected applications',
    noDeadlines: 'No reporting deadline: no affected application is critical or processes personal data.',
    noApplications: 'No live application depends on the supplier.',
    notAssessed: (names: string) =>
      `It is not assessed whether there is personal data in ${names} (the field personalData is missing): if there is, a personal data breach is to be notified to IMY within 72 hours (GDPR art. 33).`,
    kinds: {
      'csirt-early-warning': 'Early warning to the CSIRT (cybersäkerhetslagen, NIS2 art. 23.4 a): within 24 hours',
      'csirt-notification': 'Incident notification to the CSIRT (cybersäkerhetslagen, NIS2 art. 23.4 b): within 72 hours',
      'csirt-final-report': 'Final report to the CSIRT (cybersäkerhetslagen, NIS2 art. 23.4 d): one month after the notification',
      'imy-breach': 'Personal data breach notification to IMY (GDPR art. 33): within 72 hours',
    },
  },
} as const;

/** 2026-03-29T11:00:00+02:00 as a person reads it: 2026-03-29 11:00 (+02:00). */
function readable(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} (${iso.slice(19)})`;
}

function ownersText(app: IncidentView['applications'][number], language: Language): string {
  return app.owners.length === 0 ? labels[language].noOwner : app.owners.map((o) => `${o.title}, ${o.unitName}`).join('; ');
}

function kindText(kind: IncidentDeadlineKind, language: Language): string {
  return labels[language].kinds[kind];
}

/**
 * Without an IMY deadline, the affected applications whose personal data is not assessed: the register cannot say
 * that no breach report is due, so the output says what is unknown instead of "no application processes personal data".
 */
function notAssessedLines(view: IncidentView, language: Language): string[] {
  if (view.deadlines.some((d) => d.kind === 'imy-breach')) return [];
  const names = view.applications.filter((a) => a.personalData === undefined).map((a) => a.name);
  if (names.length === 0) return [];
  return [labels[language].notAssessed(new Intl.ListFormat(language, { type: 'conjunction' }).format(names))];
}

function headLines(view: IncidentView, language: Language): string[] {
  const l = labels[language];
  return [
    `${l.detected}: ${readable(view.detected)} ${view.timeZone}`,
    ...(view.supplier ? [`${l.supplier}: ${view.supplier.name}`] : []),
    ...view.applications.filter((a) => a.retired).map((a) => l.retiredNote(a.name, a.retiredOn)),
  ];
}

/** An affected application's name, with whether it is critical and retired. */
function appText(app: IncidentView['applications'][number], language: Language): string {
  const l = labels[language];
  const tags = [...(app.critical ? [l.critical] : []), ...(app.retired ? [l.retired(app.retiredOn)] : [])];
  return tags.length === 0 ? app.name : `${app.name} (${tags.join(', ')})`;
}

/** The day of detection in the register's time zone: the day a supplier's dependencies are judged on. */
const detectionDay = (view: IncidentView) => view.detected.slice(0, 10);

export function formatIncidentTable(view: IncidentView, language: Language): string {
  const l = labels[language];
  const name = (id: string) => view.applications.find((a) => a.id === id)?.name ?? id;
  const deadlines = new Table({ head: [l.deadline, l.report, l.because], wordWrap: true, colWidths: [26, 50, 28], style: { head: [], border: [] } });
  for (const d of view.deadlines) deadlines.push([readable(d.due), kindText(d.kind, language), d.because.map(name).join(', ')]);
  const apps = new Table({ head: [l.application, l.municipalities, l.owner], wordWrap: true, colWidths: [30, 30, 44], style: { head: [], border: [] } });
  for (const a of view.applications) apps.push([appText(a, language), a.municipalities.map((m) => m.name).join(', '), ownersText(a, language)]);
  return (
    [
      ...headLines(view, language),
      '',
      ...(view.deadlines.length > 0 ? [deadlines.toString()] : notAssessedLines(view, language).length === 0 ? [l.noDeadlines] : []),
      ...notAssessedLines(view, language),
      '',
      `${l.affected}:`,
      view.applications.length === 0 ? l.noApplications : apps.toString(),
      ...(view.leftOut.length === 0 ? [] : ['', ...leftOutLines(view.leftOut, detectionDay(view), language)]),
    ].join('\n') + '\n'
  );
}

export function formatIncidentMarkdown(view: IncidentView, language: Language): string {
  const l = labels[language];
  const md = escapeMarkdownText;
  const name = (id: string) => view.applications.find((a) => a.id === id)?.name ?? id;
  const lines = headLines(view, language).map((line) => `${md(line)}  `);
  lines.push('');
  const notAssessed = notAssessedLines(view, language).map(md);
  if (view.deadlines.length === 0) lines.push(...(notAssessed.length === 0 ? [md(l.noDeadlines)] : notAssessed));
  else
    lines.push(
      `| ${l.deadline} | ${l.report} | ${l.because} |`,
      '| --- | --- | --- |',
      ...view.deadlines.map((d) => `| ${readable(d.due)} | ${md(kindText(d.kind, language))} | ${md(d.because.map(name).join(', '))} |`),
      ...(notAssessed.length === 0 ? [] : ['', ...notAssessed]),
    );
  lines.push('', `## ${l.affected}`, '');
  if (view.applications.length === 0) lines.push(md(l.noApplications));
  else
    lines.push(
      `| ${l.application} | ${l.municipalities} | ${l.owner} |`,
      '| --- | --- | --- |',
      ...view.applications.map((a) => `| ${md(appText(a, language))} | ${md(a.municipalities.map((m) => m.name).join(', '))} | ${md(ownersText(a, language))} |`),
    );
  if (view.leftOut.length > 0) lines.push('', md(supplierLabels[language].leftOutHeading(detectionDay(view))), '', ...view.leftOut.map((entry) => `- ${md(leftOutText(entry, language))}`));
  return `${lines.join('\n')}\n`;
}

export function formatIncidentJson(view: IncidentView): string {
  const json = {
    ...view,
    applications: view.applications.map((a) => ({ ...a, municipalities: a.municipalities.map((m) => m.id), owners: a.owners.map((o) => ({ title: o.title, unit: o.unit })) })),
    municipalities: view.municipalities.map((m) => m.id),
    leftOut: view.leftOut.map(({ agreement, ...entry }) => ({ ...entry, ...(agreement !== undefined ? { agreement: agreement.id } : {}) })),
    deadlines: view.deadlines.map(({ dueMs: _ms, ...d }) => d),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** One event per deadline, at its instant (UTC), with an alarm two hours before. */
export function formatIncidentIcs(view: IncidentView, language: Language, stamp: string): string {
  const l = labels[language];
  const name = (id: string) => view.applications.find((a) => a.id === id)?.name ?? id;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//itreg//itreg incident//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const d of view.deadlines) {
    const at = formatIcsUtc(d.dueMs);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(`incident-${formatIcsUtc(Date.parse(view.detected))}-${d.kind}@itreg`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${at}`,
      `DTEND:${at}`,
      `SUMMARY;LANGUAGE=${language}:${escapeText(kindText(d.kind, language))}`,
      `DESCRIPTION;LANGUAGE=${language}:${escapeText(`${headLines(view, language).join('\n')}\n${l.because}: ${d.because.map(name).join(', ')}`)}`,
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-PT2H',
      `DESCRIPTION:${escapeText(kindText(d.kind, language))}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
