/** Dates as SIS pages show them → YYYY-MM-DD (the domain's IsoDate), or null when not a single valid date. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1)) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? 0 : i + 1;
}

/**
 * Parses "2027-04-16", "4/16/2027" (US order: California SIS), "April 16 2027", "Apr 16, 2027",
 * "16 April 2027", "Apr/16/2027", with an optional leading weekday. Anything else, or an impossible date, is null.
 */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = text.trim().replace(WEEKDAY, '');
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+)?$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return iso(+m[3], +m[1], +m[2]);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  // "April 16, 2027", and "Apr/16/2027" or "Apr-16-2027" (openSIS's M/j/Y preference)
  m = /^([A-Za-z]{3,9})\.?(?:\s+|\/|-)(\d{1,2})(?:,?\s+|\/|-)(\d{4})$/.exec(s);
  if (m) return iso(+m[3], monthNumber(m[1]), +m[2]);
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m) return iso(+m[3], monthNumber(m[2]), +m[1]);
  return null;
}

/** A sortable comment such as `<!-- 2027-04-16 -->` (RosarioSIS puts one before each displayed date). */
export function dateFromComment(comment: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})\b/.exec(comment ?? '');
  return m ? iso(+m[1], +m[2], +m[3]) : null;
}
