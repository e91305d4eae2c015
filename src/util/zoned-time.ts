// Instants and wall-clock times in an IANA time zone: a date-time read as the zone's local time, hours added as
// elapsed time (across a daylight-saving change), a month added on the calendar, and the local time written back.
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(timeZone, f);
  }
  return f;
}

export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The wall-clock time of an instant (ms since the epoch) in `timeZone`. */
export function wallTimeOf(epochMs: number, timeZone: string): WallTime {
  const parts = format(timeZone).formatToParts(new Date(epochMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The offset of `timeZone` from UTC at an instant, in minutes. */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  const w = wallTimeOf(epochMs, timeZone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/**
 * The instant a wall-clock time names in `timeZone`. A time the clocks skip (02:30 when they jump to 03:00) is read
 * with the offset before the jump, so it lands as many minutes after the jump; a time they pass twice, the first one.
 */
export function instantOf(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const before = asUtc - offsetMinutes(asUtc - 86_400_000, timeZone) * 60000;
  const after = asUtc - offsetMinutes(asUtc + 86_400_000, timeZone) * 60000;
  // Of the two readings, the earliest whose wall time is the one asked for; in a gap neither is, take the earlier offset's.
  for (const candidate of [Math.min(before, after), Math.max(before, after)]) {
    const back = wallTimeOf(candidate, timeZone);
    if (back.hour === wall.hour && back.minute === wall.minute && back.day === wall.day) return candidate;
  }
  return before;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date-time as a person writes it: YYYY-MM-DDTHH:MM[:SS] (a space for the T), the wall-clock time in `timeZone`, or
 * with Z or an offset (+02:00) an instant anywhere. Undefined when it is not one, or names a day or hour that does not exist.
 */
export function parseDateTime(text: string, timeZone: string): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = m[7];
  if (zone === undefined) return instantOf({ year, month, day, hour, minute, second }, timeZone);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (zone === 'Z') return asUtc;
  const digits = zone.replace(':', '');
  const offset = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * (digits[0] === '-' ? -1 : 1);
  if (Number(digits.slice(3, 5)) > 59 || Math.abs(offset) > 18 * 60) return undefined;
  return asUtc - offset * 60000;
}

/** `hours` of elapsed time later: across a daylight-saving change the wall clock shows one hour more or less. */
export function addHours(epochMs: number, hours: number): number {
  return epochMs + hours * 3_600_000;
}

/** The same wall-clock time `months` calendar months later in `timeZone`; a day the month lacks becomes its last. */
export function addCalendarMonths(epochMs: number, months: number, timeZone: string): number {
  const w = wallTimeOf(epochMs, timeZone);
  const index = w.year * 12 + (w.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return instantOf({ ...w, year, month, day: Math.min(w.day, daysIn(year, month)) }, timeZone);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO 8601 with the zone's offset at that instant: 2026-03-29T11:00:00+02:00. */
export function formatZoned(epochMs: number, timeZone: string): string {
  const w = wallTimeOf(epochMs, timeZone);
  const offset = offsetMinutes(epochMs, timeZone);
  const sign = offset < 0 ? '-' : '+';
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The local calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDate(epochMs: number, timeZone: string): string {
  const w = wallTimeOf(epochMs, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** An instant as iCalendar's UTC form: 20260329T090000Z. */
export function formatIcsUtc(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
