// Coming deadlines as iCalendar (RFC 5545): all-day events with stable UIDs and a reminder 30 days before.
import { translator, type Language } from '../i18n/index.js';
import type { Config } from '../register/config.js';
import { isLive, type RegisterModel } from '../model/register-model.js';
import { agreementState } from '../model/agreement-state.js';
import { documentReviewDue, planMunicipalities, planReviewDue } from '../model/policy.js';
import { addDays } from '../util/dates.js';
import { classificationReviewDue, continuityPolicy, needsContinuity, restoreTestDue } from '../model/continuity.js';

export interface Deadline {
  /** Stable across runs, so a re-import updates the event instead of adding a copy. */
  readonly uid: string;
  readonly date: string;
  readonly summary: string;
  readonly description: string;
  /** The entity the deadline belongs to, and the applications it concerns (for filters). */
  readonly entityId: string;
  readonly applications: readonly string[];
  readonly municipalities: readonly string[];
}

/** Every deadline on or after `date`, sorted by date. */
export function collectDeadlines(register: RegisterModel, config: Config, date: string, language: Language): Deadline[] {
  const t = translator(language);
  const domain = (config.name || 'itreg').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const deadlines: Deadline[] = [];
  const add = (what: string, entityId: string, day: string | undefined, summary: string, applications: readonly string[], municipalities: readonly string[]) => {
    if (day === undefined || day < date) return;
    deadlines.push({ uid: `${what}.${entityId}@${domain}.itreg`, date: day, summary, description: t({ id: 'calendarDescription', data: { what: summary } }), entityId, applications, municipalities });
  };

  for (const agreement of register.ofKind('Agreement')) {
    const app = register.getOf('Application', agreement.application);
    if (app && !isLive(app)) continue;
    const apps = app ? [app.id] : [];
    const munis = app ? app.municipalities : (agreement.participants ?? []);
    const appName = app?.name ?? agreement.application ?? '–';
    const state = agreementState(agreement, date);
    const names = { agreement: agreement.name, app: appName };
    // Notice once given, there is no deadline left to keep; a renewing agreement does not end on its current end.
    if ((agreement.noticeMonths ?? 0) > 0 && state.canGiveNotice) add('agreement-notice', agreement.id, state.terms.noticeDeadline, t({ id: 'calendarNotice', data: names }), apps, munis);
    add('agreement-end', agreement.id, state.terms.end, t({ id: state.key === 'renews' ? 'calendarRenews' : 'calendarEnd', data: names }), apps, munis);
  }
  for (const doc of register.ofKind('Document')) {
    if (doc.supersededBy !== undefined) continue;
    const munis = doc.municipality ? [doc.municipality] : register.members(date).map((m) => m.id);
    add('document-review', doc.id, documentReviewDue(doc), t({ id: 'calendarDocument', data: { document: doc.name } }), [], munis);
  }
  for (const plan of register.ofKind('TrainingPlan')) {
    add('plan-review', plan.id, planReviewDue(plan), t({ id: 'calendarPlan', data: { plan: plan.name } }), plan.applications ?? [], planMunicipalities(register, plan));
  }
  for (const exception of config.exceptions) {
    if (exception.until === undefined) continue;
    const entity = exception.entity ?? '';
    const app = register.getOf('Application', entity);
    add(
      'exception',
      `${exception.rule}.${entity || 'register'}`,
      exception.until,
      t({ id: 'calendarException', data: { rule: { ruleName: exception.rule }, entity: app?.name ?? (entity || t({ id: 'calendarWholeRegister' })) } }),
      app ? [app.id] : [],
      app?.municipalities ?? [],
    );
  }
  // The restore tests and classification reviews the rules continuity-plan and classification-assessed demand, with
  // their options from itreg.yaml: a date already passed is theirs to report, as every passed deadline is lint's.
  const policy = continuityPolicy(config.rules);
  for (const app of register.ofKind('Application')) {
    if (app.lifecycle?.status === 'planned' || app.lifecycle?.status === 'introducing') {
      add('introduction', app.id, app.lifecycle.planned, t({ id: 'calendarIntroduction', data: { app: app.name } }), [app.id], app.municipalities);
    }
    if (!isLive(app)) continue;
    const tested = app.continuity?.restoreTested;
    if (tested !== undefined && needsContinuity(app, policy.minAvailability)) {
      add('restore-test', app.id, restoreTestDue(app, policy.restoreMonths), t({ id: 'calendarRestoreTest', data: { app: app.name, tested } }), [app.id], app.municipalities);
    }
    const decided = app.classification?.decided;
    if (decided !== undefined) {
      add(
        'classification-review',
        app.id,
        classificationReviewDue(app, policy.reviewMonths),
        t({ id: 'calendarClassificationReview', data: { app: app.name, decided } }),
        [app.id],
        app.municipalities,
      );
    }
  }
  return deadlines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
}

/**
 * TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks (CRLF, LF, a lone CR, NEL, U+2028
 * and U+2029, which some readers take as the end of a content line); other control characters (C0 and C1), which TEXT
 * does not allow, and the bidirectional formatting characters, which reorder what a calendar shows, are dropped (a
 * tab stays).
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n|\u0085|\u2028|\u2029/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines begin with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (day: string) => day.replace(/-/g, '');

/** The calendar file: VCALENDAR with one all-day VEVENT per deadline, each with a display alarm 30 days before. */
export function formatCalendar(deadlines: readonly Deadline[], options: { name: string; stamp: string; language: Language }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//itreg//itreg calendar//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.name)}`];
  for (const d of deadlines) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(d.uid)}`,
      `DTSTAMP:${options.stamp}`,
      `DTSTART;VALUE=DATE:${compact(d.date)}`,
      // An all-day event ends the next day; 9999-12-31 has no next day a DATE can hold, and without DTEND a
      // one-day event is what RFC 5545 §3.6.1 takes an all-day DTSTART to mean.
      ...(d.date < '9999-12-31' ? [`DTEND;VALUE=DATE:${compact(addDays(d.date, 1))}`] : []),
      `SUMMARY;LANGUAGE=${options.language}:${escapeText(d.summary)}`,
      `DESCRIPTION;LANGUAGE=${options.language}:${escapeText(d.description)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-P30D',
      `DESCRIPTION:${escapeText(d.summary)}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
