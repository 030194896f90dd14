import { calendarIcs, type CalendarEntry } from '../calendar/ics';
import type { StudentRow } from '../db/database';
import { plusDays } from '../compliance/days';
import { staffKey } from '../district/staff-index';
import { studentDueDates, studentPageUrl, weekStudents, WEEK_DAYS, type WeekInput, type WeekOptions } from './agenda';

const entryFor = (
  row: StudentRow,
  opts: WeekOptions,
  pick?: (due: string, scheduleBy?: string) => boolean,
): CalendarEntry => ({
  student: { site: row.site, id: row.id, name: row.record.name, url: studentPageUrl(row) },
  dates: studentDueDates(row, opts).filter((d) => !pick || pick(d.due, d.scheduleBy)),
});

/** "Add to calendar" for one student: every compliance date Liaison knows for them. */
export function studentCalendar(row: StudentRow, opts: WeekOptions & { stamp: Date }): string {
  return calendarIcs([entryFor(row, opts)], { stamp: opts.stamp, name: 'Liaison due dates' });
}

/** The caseload (mine once "I am" is set): every student's compliance dates. */
export function caseloadCalendar(input: WeekInput, opts: WeekOptions & { stamp: Date }): string {
  return calendarIcs(
    weekStudents(input, opts).map((r) => entryFor(r, opts)),
    { stamp: opts.stamp, name: 'Liaison caseload' },
  );
}

/**
 * This week's dates: each due date that falls in the coming days or whose meeting is to be scheduled in them (the
 * event is the due date, its alarm the schedule-by date), late ones included, and the follow-ups due.
 */
export function weekCalendar(input: WeekInput, opts: WeekOptions & { stamp: Date }): string {
  const horizon = plusDays(opts.asOf, (opts.days ?? WEEK_DAYS) - 1);
  const rows = weekStudents(input, opts);
  const followUps = new Map<string, { noteId: string; date: string }[]>();
  for (const f of input.followUps) {
    if (f.date > horizon) continue;
    const k = staffKey(f.site, f.studentId);
    followUps.set(k, [...(followUps.get(k) ?? []), { noteId: f.noteId, date: f.date }]);
  }
  const entries = rows
    .map((r) => ({
      ...entryFor(r, opts, (due, by) => due <= horizon || (!!by && due >= opts.asOf && by <= horizon)),
      followUps: followUps.get(staffKey(r.site, r.id)) ?? [],
    }))
    .filter((e) => e.dates.length || e.followUps.length);
  return calendarIcs(entries, { stamp: opts.stamp, name: 'Liaison: this week' });
}
