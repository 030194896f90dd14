import ical, { ICalAlarmType } from 'ical-generator';
import type { DueDate } from '../compliance';
import { daysBetween, toDate } from '../compliance/days';

/**
 * Due dates as an iCalendar file (RFC 5545, written by ical-generator). Calendars are shared more widely than the
 * SIS, so an event says what is due, for whom (first name and last initial) and the SIS id, never a disability,
 * a diagnosis, a finding's detail or a note's text: only the date's own wording (DueDate.label) goes in.
 */
export interface CalendarStudent {
  site: string;
  id: string;
  name: string;
  /** The student's SIS page, when known: the event links to it. */
  url?: string | null;
}

export interface CalendarFollowUp {
  noteId: string;
  date: string;
}

/** What each kind of date is called in a calendar. AGE_OF_MAJORITY is left out: its date is the 18th birthday. */
const WHAT: Record<string, string> = {
  IEP_ANNUAL: 'Annual IEP due',
  TRIENNIAL: 'Triennial IEP due',
  INITIAL_PLAN: 'Assessment plan due',
  INITIAL_IEP: 'Initial IEP due',
  TRANSITION: 'Transition plan due',
  TRANSFER_IEP: 'Transfer IEP due (30 days)',
  PROGRESS_REPORT: 'IEP progress report due',
  PLAN_504_REVIEW: '504 plan review due',
};

/** The alarm sounds at 9:00 on the schedule-by date (all-day events start at midnight). */
const ALARM_HOUR = 9;

/** "Aria C." from "Aria Castillo" or "Castillo, Aria": enough to tell students apart in a calendar. */
export function shortName(name: string): string {
  const trimmed = name.trim();
  const [first, last] = trimmed.includes(',')
    ? [trimmed.split(',')[1]?.trim() ?? '', (trimmed.split(',')[0] ?? '').trim()]
    : [trimmed.split(/\s+/)[0] ?? '', trimmed.split(/\s+/).slice(1).pop() ?? ''];
  return [first.split(/\s+/)[0], last ? `${last[0]}.` : ''].filter(Boolean).join(' ') || 'Student';
}

/** FNV-1a, 32 bits, as 8 hex digits: the UIDs carry no SIS id, and stay the same for the same student and date kind. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * One UID per student and kind of date (not per date): when the annual moves a year on, importing the new file
 * updates the event instead of adding a second one. Site and id are hashed twice over (64 bits) so two students do
 * not share one.
 */
export function dueUid(student: Pick<CalendarStudent, 'site' | 'id'>, code: string): string {
  const key = `${student.site}|${student.id}`;
  return `${code.toLowerCase().replace(/_/g, '-')}-${fnv(key)}${fnv(`liaison:${key}`)}@liaison.invalid`;
}

export function followUpUid(noteId: string): string {
  return `followup-${fnv(noteId)}${fnv(`liaison:${noteId}`)}@liaison.invalid`;
}

export interface CalendarEntry {
  student: CalendarStudent;
  dates: readonly DueDate[];
  followUps?: readonly CalendarFollowUp[];
}

/**
 * The .ics text: one all-day event per due date, with a display alarm on the schedule-by date where the date
 * has one (annual, triennial). `stamp` is the export's time (DTSTAMP); SEQUENCE grows with the due date, so a
 * re-import of a later date replaces the earlier one in clients that compare it.
 */
export function calendarIcs(entries: readonly CalendarEntry[], opts: { stamp: Date; name?: string }): string {
  const cal = ical({
    name: opts.name ?? 'Liaison due dates',
    prodId: { company: 'Liaison', product: 'Liaison', language: 'EN' },
  });
  for (const { student, dates, followUps = [] } of entries) {
    const who = shortName(student.name);
    for (const d of dates) {
      const what = WHAT[d.code];
      if (!what) continue;
      const lines = [`${what} for ${who} (SIS id ${student.id}).`, `Due ${d.due}.`];
      if (d.scheduleBy) lines.push(`Schedule the meeting by ${d.scheduleBy}.`);
      lines.push('From Liaison.');
      const event = cal.createEvent({
        id: dueUid(student, d.code),
        sequence: Math.max(0, daysBetween('2000-01-01', d.due)),
        stamp: opts.stamp,
        start: toDate(d.due),
        allDay: true,
        summary: `${what}: ${who}`,
        description: lines.join('\n'),
        ...(student.url ? { url: student.url } : {}),
      });
      if (d.scheduleBy && d.scheduleBy < d.due) {
        const before = daysBetween(d.scheduleBy, d.due) * 86_400 - ALARM_HOUR * 3600;
        event.createAlarm({
          type: ICalAlarmType.display,
          trigger: before,
          description: `Schedule the meeting: ${what} for ${who} on ${d.due}`,
        });
      }
    }
    for (const f of followUps) {
      cal.createEvent({
        id: followUpUid(f.noteId),
        stamp: opts.stamp,
        start: toDate(f.date),
        allDay: true,
        summary: `Follow-up: ${who}`,
        description: `Liaison note follow-up for ${who} (SIS id ${student.id}).`,
        ...(student.url ? { url: student.url } : {}),
      });
    }
  }
  return cal.toString();
}
