// What "today" is (DESIGN.md "Today, and where today is"): the date in the register's time zone, not the machine's.

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/** True when `name` is a time zone this runtime knows (an IANA name such as Europe/Stockholm, or UTC). */
export function isTimeZone(name: string): boolean {
  try {
    // The constructor throws a RangeError for a zone the runtime does not know.
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

/** Every IANA zone name the runtime lists, for "did you mean". */
export function timeZoneNames(): readonly string[] {
  return Intl.supportedValuesOf('timeZone');
}

/** The calendar date (YYYY-MM-DD) of the instant `now` in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** The offset of `timeZone` from UTC at the instant `epochMs`, in milliseconds. */
function offsetAt(timeZone: string, epochMs: number): number {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(epochMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant (ms since the epoch) at which the day `date` begins in `timeZone` (a daylight-saving gap included). */
export function startOfDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d);
  // Two passes: the offset at the guess can differ from the offset at the answer around a change of offset.
  let guess = midnightUtc - offsetAt(timeZone, midnightUtc);
  guess = midnightUtc - offsetAt(timeZone, guess);
  return guess;
}
