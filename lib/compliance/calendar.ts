import { differenceInBusinessDays } from 'date-fns';
import { daysBetween, isWeekday, plusDays, toDate } from './days';
import type { ComplianceSettings } from './settings';

/** Inclusive run of days that do not count toward a statutory timeline. */
export interface TolledSpan {
  start: string;
  end: string;
  name?: string;
  /** Days between school years toll whatever their length; a vacation only when over five school days. */
  always: boolean;
}

/** The days a timeline skips, sorted and disjoint. Build it once per settings and reuse it. */
export interface SchoolCalendar {
  readonly tolled: readonly TolledSpan[];
}

export type CalendarSettings = Pick<ComplianceSettings, 'breaks' | 'tolling'> &
  Partial<Pick<ComplianceSettings, 'schoolYearEnd' | 'schoolYearStart'>>;

/**
 * EC 56043, 56321(a) and 56344(a) count calendar days "not counting days between the pupil's regular school
 * sessions or terms or days of school vacation in excess of five schooldays". We read that as: a vacation longer
 * than five school days (weekdays it would otherwise have been in session) stops the clock for all of its days,
 * weekends inside it included, and the clock restarts when school reconvenes; shorter breaks count in full.
 * Breaks that touch or are separated only by a weekend are one vacation (a district listing "Christmas" and
 * "New Year" weeks separately still has a two-week vacation). The listed dates are the vacation: a weekend just
 * before or after it counts, as in any school week.
 */
export function schoolCalendar(settings: CalendarSettings): SchoolCalendar {
  if (settings.tolling === 'none') return { tolled: [] };
  const spans: TolledSpan[] = settings.breaks.map((b) => ({ start: b.start, end: b.end, name: b.name, always: false }));
  const { schoolYearEnd: end, schoolYearStart: start } = settings;
  if (end && start && daysBetween(end, start) > 1)
    spans.push({ start: plusDays(end, 1), end: plusDays(start, -1), name: 'between school years', always: true });
  return { tolled: merge(spans).filter((s) => s.always || schoolDaysIn(s) > 5) };
}

function merge(spans: TolledSpan[]): TolledSpan[] {
  const sorted = [...spans].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: TolledSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && noSchoolDayBetween(last.end, s.start)) {
      if (s.end > last.end) last.end = s.end;
      last.always ||= s.always;
      if (s.name) last.name = last.name ? `${last.name}, ${s.name}` : s.name;
    } else out.push({ ...s });
  }
  return out;
}

/** True when `next` starts on or before the first weekday after `end`, so no school day separates them. */
function noSchoolDayBetween(end: string, next: string): boolean {
  for (let d = plusDays(end, 1); d < next; d = plusDays(d, 1)) if (isWeekday(d)) return false;
  return true;
}

function schoolDaysIn(span: TolledSpan): number {
  return differenceInBusinessDays(toDate(plusDays(span.end, 1)), toDate(span.start));
}

/**
 * The date on which `days` counted days after `start` run out: day 1 is the day after `start`, tolled days are
 * skipped. Jumps from span to span, so its cost is the number of breaks, not the number of days.
 */
export function countForward(calendar: SchoolCalendar, start: string, days: number): string {
  let cur = start;
  let remaining = days;
  for (const s of calendar.tolled) {
    if (s.end <= cur) continue;
    const countable = s.start > cur ? daysBetween(cur, s.start) - 1 : 0;
    if (remaining <= countable) break;
    remaining -= countable;
    cur = s.end;
  }
  return plusDays(cur, remaining);
}

/** The tolled spans a clock from `start` to `due` skipped, for details that explain a due date. */
export function tolledWithin(calendar: SchoolCalendar, start: string, due: string): TolledSpan[] {
  return calendar.tolled.filter((s) => s.end > start && s.start <= due);
}

/** `countForward` for one-off use (tests, the options page preview): builds the calendar each call. */
export function addCountedDays(start: string, days: number, settings: CalendarSettings): string {
  return countForward(schoolCalendar(settings), start, days);
}
