/**
 * The one date parser and the one ISO-date check. Dates are calendar dates as YYYY-MM-DD (the domain's IsoDate),
 * which compare in date order; arithmetic on them lives in `compliance/days.ts`.
 *
 * Years: 1900 to 2200 inclusive. Anything outside is not a date anyone at a school records (a birth date, an IEP
 * date, a credential's expiry) and is far more likely a typo or a number that only looks like a date.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/**
 * Today (or the day of `now`) as YYYY-MM-DD in the user's time zone: an IEP date is a school-day date, not a UTC
 * instant, so never `toISOString().slice(0, 10)`, which is tomorrow's date on a California evening. No date-fns
 * here: the content script reads dates through this module.
 */
export function todayIso(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;

/** The date as YYYY-MM-DD, or null when it is not a real calendar date in the year range. */
function iso(y: number, m: number, d: number): string | null {
  if (!(y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1)) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? 0 : i + 1;
}

/**
 * Dates as SIS pages and SIS exports write them → YYYY-MM-DD, or null when the text is not one valid date.
 * Accepts "2027-04-16" (also "2027-4-16", and with a time part such as "T00:00:00Z" or " 03:11:35.59"),
 * "4/16/2027", "4-16-2027" and "4.16.2027" (month first, as California SIS write them), "2027/4/16",
 * "April 16 2027", "Apr 16, 2027", "16 April 2027", "Apr/16/2027", each with an optional leading weekday.
 */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  // Every group of these patterns takes part in a match: `m[n]!` below is always a string.
  const s = text.trim().replace(WEEKDAY, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s);
  if (m) return iso(+m[4]!, +m[1]!, +m[3]!);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  // "April 16, 2027", and "Apr/16/2027" or "Apr-16-2027" (openSIS's M/j/Y preference)
  m = /^([A-Za-z]{3,9})\.?(?:\s+|\/|-)(\d{1,2})(?:,?\s+|\/|-)(\d{4})$/.exec(s);
  if (m) return iso(+m[3]!, monthNumber(m[1]!), +m[2]!);
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m) return iso(+m[3]!, monthNumber(m[2]!), +m[1]!);
  return null;
}

/** A real calendar date written exactly as YYYY-MM-DD, in the year range (rejects 2026-02-30 and 2026-1-01). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDate(value) === value;
}
