// ISO calendar dates (YYYY-MM-DD) as plain strings, with day arithmetic in UTC so no time zone shifts a day.

const DAY_MS = 86_400_000;
const DASH = 0x2d;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The number of `length` ASCII digits at `start`, or -1 if any is no digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** True when `text` is a real calendar date in the form YYYY-MM-DD (every date of every file asks: no regex, no Date). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return false;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * The calendar day nearest a date in the form YYYY-MM-DD that does not exist: the month kept within 1–12 and the day
 * within the month (2027-02-29 → 2027-02-28, 2026-04-31 → 2026-04-30). A real date, or text of another form, is
 * returned as it is. It never leaves the year, so it answers "which year does this concern", never a day to act on.
 */
export function nearestDay(text: string): string {
  if (isIsoDate(text) || text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return text;
  const y = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (y < 0 || month < 0 || day < 0) return text;
  const m = Math.min(12, Math.max(1, month));
  const d = Math.min(daysInMonth(y, m), Math.max(1, day));
  return `${text.slice(0, 4)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 of an ISO date (assumed valid). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Calendar months later (or earlier when negative); the day is clamped to the month's length (03-31 − 1 month = 02-28). */
export function addMonths(iso: string, months: number): string {
  // YYYY-MM-DD read by position (split and map cost more than the rest on a national register's agreements); any other
  // form as before.
  const plain = iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45;
  const [y, m, d] = plain ? [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))] : (iso.split('-').map(Number) as [number, number, number]);
  const index = y * 12 + (m - 1) + months;
  // The format's dates are years 0000–9999: beyond them a date stays at the edge, so that it still compares as a
  // date (as text "10004-12-31" sorts before "2026-…", and a revision due in year 10004 was overdue).
  if (index > 9999 * 12 + 11) return '9999-12-31';
  if (index < 0) return '0000-01-01';
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

/** True when `date` lies within [from, until]; a missing end is open-ended. ISO strings compare in date order. */
export function isWithin(date: string, from: string | undefined, until: string | undefined): boolean {
  return (from === undefined || from <= date) && (until === undefined || date <= until);
}

/** True when the periods [aFrom, aUntil] and [bFrom, bUntil] share at least one day. */
export function periodsOverlap(aFrom: string, aUntil: string | undefined, bFrom: string, bUntil: string | undefined): boolean {
  return (aUntil === undefined || bFrom <= aUntil) && (bUntil === undefined || aFrom <= bUntil);
}
