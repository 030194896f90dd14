import { isWeekend } from 'date-fns';

/**
 * Calendar-date arithmetic on YYYY-MM-DD strings, which compare in date order (the checks lean on that to stay
 * fast). Days are counted as day numbers, so no time zone or DST change can shift a date. The hot path
 * (50,000 students per run) avoids date-fns here: its differenceInCalendarDays and addYears cost about a
 * microsecond a call, several times the budget; the unit tests check these against date-fns over many dates.
 */

/** Digits at `from`..`from + n` as a number, without allocating substrings (the hot path runs this 10⁵ times). */
function digits(iso: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) v = v * 10 + iso.charCodeAt(i) - 48;
  return v;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, and back: H. Hinnant's days_from_civil and
 * civil_from_days (pure integer arithmetic, so no Date object and no time zone is involved).
 */
export function dayNumber(iso: string): number {
  const m = digits(iso, 5, 2);
  const y = digits(iso, 0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + digits(iso, 8, 2) - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

export function fromDayNumber(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${pad(yoe + era * 400 + (m <= 2 ? 1 : 0), 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function plusDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The same calendar date `years` later, as date-fns addYears gives it: 29 February lands on 28 February in a
 * common year, the earlier of the two readings, so a deadline or birthday derived from it is never reported late.
 */
export function plusYears(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  const monthDay = iso.slice(5) === '02-29' && !isLeapYear(year) ? '02-28' : iso.slice(5);
  return `${pad(year, 4)}-${monthDay}`;
}

/** The local-midnight Date of a calendar date, for date-fns calls outside the hot path. */
export function toDate(iso: string): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

export function isWeekday(iso: string): boolean {
  return !isWeekend(toDate(iso));
}
