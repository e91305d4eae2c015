// Membership over time (DESIGN.md "Format 1.1"): who is a member of the cooperation on a date.
import type { Municipality } from '../types/entities.generated.js';
import { isWithin } from '../util/dates.js';

/** A member on `date`: `member` is not false and, with `memberships`, the date lies in one of them. */
export function isMemberOn(municipality: Pick<Municipality, 'member' | 'memberships'>, date: string): boolean {
  if (municipality.member === false) return false;
  const periods = municipality.memberships;
  return periods === undefined || periods.some((period) => isWithin(date, period.from, period.until));
}

/** The first day of year `year`: the day the default participants of that year's cost items are taken on. */
export function newYearsDay(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}
