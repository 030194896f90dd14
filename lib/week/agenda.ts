import { studentRowKey } from '../db/student-rows';
import type { StaffRow, StudentRow, FindingRow } from '../db/database';
import { nextDueDates, type ComplianceSettings, type DueDate } from '../compliance';
import { plusDays } from '../compliance/days';
import { isNotCheckedFinding } from '../domain/not-checked';
import { caseloadRows } from '../district/caseload';
import { staffKey } from '../district/staff-index';

/** What a line of This week asks of the case manager. */
export type WeekKind = 'schedule' | 'due' | 'followup' | 'not-checked';

export interface WeekItem {
  date: string;
  kind: WeekKind;
  site: string;
  studentId: string;
  name: string;
  /** "Schedule the annual IEP meeting (due 2027-01-14)", "Annual due in 12 days", "Follow-up due", "Not checked yet…". */
  title: string;
  /** The compliance date's code (IEP_ANNUAL…) for schedule and due lines. */
  code?: string;
  /** The date is before the as-of date. */
  overdue: boolean;
  /** The student's own SIS page, when Liaison knows its address; else null. */
  url: string | null;
}

/** A follow-up date from the notes' clear index (no note content: notes may be locked). */
export interface FollowUpDate {
  noteId: string;
  site: string;
  studentId: string;
  date: string;
}

export interface WeekInput {
  students: readonly StudentRow[];
  staff: readonly StaffRow[];
  findings: readonly FindingRow[];
  followUps: readonly FollowUpDate[];
}

export interface WeekOptions {
  asOf: string;
  /** How many days ahead, the as-of date included (default 14). */
  days?: number;
  /** `site|staffId` of "me"; absent: every student with a case manager (as My caseload). */
  me?: string | null;
  compliance?: Partial<ComplianceSettings>;
}

export const WEEK_DAYS = 14;

/** What a meeting is called on a schedule-by line. */
const MEETING: Record<string, string> = { IEP_ANNUAL: 'annual IEP meeting', TRIENNIAL: 'triennial IEP meeting' };

const KIND_ORDER: Record<WeekKind, number> = { schedule: 0, due: 1, followup: 2, 'not-checked': 3 };

/** Fields only a student's own record page shows: the page that gave one of them is that student's page. */
const RECORD_FIELDS = ['primaryDisability', 'caseManager', 'services', 'iep.nextAnnual', 'iep.lastMeeting'];

/**
 * The student's SIS page, when Liaison has read it: the page that gave a record field, else the page it was last
 * read from when that is a page of the site (never an import). Only addresses of the student's own site.
 */
export function studentPageUrl(row: Pick<StudentRow, 'site' | 'url' | 'sources'>): string | null {
  const candidates = [...RECORD_FIELDS.map((f) => row.sources?.[f]), row.url];
  for (const u of candidates) {
    if (!u) continue;
    try {
      const url = new URL(u);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === new URL(row.site).origin)
        return url.href;
    } catch {
      // not an address (an import's "import:file.csv")
    }
  }
  return null;
}

/** The caseload's students (mine once "I am" is set), with their rows, as My caseload picks them. */
export function weekStudents(input: WeekInput, opts: WeekOptions): StudentRow[] {
  const byKey = new Map(input.students.map((r) => [studentRowKey(r), r]));
  return caseloadRows({ ...input, notes: [] }, { asOf: opts.asOf, now: 0, me: opts.me, compliance: opts.compliance })
    .map((r) => byKey.get(r.rowKey))
    .filter((r): r is StudentRow => !!r);
}

/** Every compliance date of a student (the badge's list), for This week and the calendar. */
export function studentDueDates(row: StudentRow, opts: Pick<WeekOptions, 'asOf' | 'compliance'>): DueDate[] {
  return nextDueDates(row.record, { asOf: opts.asOf, settings: opts.compliance });
}

/**
 * The coming days across the caseload, in date order: meetings to schedule (their schedule-by date), reviews and
 * clocks due, follow-ups due, and students Liaison has not checked yet (today). Anything already late comes first,
 * dated when it fell due: it is still to do.
 */
export function weekItems(input: WeekInput, opts: WeekOptions): WeekItem[] {
  const horizon = plusDays(opts.asOf, (opts.days ?? WEEK_DAYS) - 1);
  const rows = weekStudents(input, opts);
  const findings = new Map(
    input.findings.filter((f) => f.kind === 'student').map((f) => [studentRowKey(f), f.findings]),
  );
  const mine = new Map(rows.map((r) => [staffKey(r.site, r.id), r]));
  const out: WeekItem[] = [];
  const line = (row: StudentRow, date: string, kind: WeekKind, title: string, code?: string) =>
    out.push({
      date,
      kind,
      site: row.site,
      studentId: row.id,
      name: row.record.name,
      title,
      overdue: date < opts.asOf,
      url: studentPageUrl(row),
      ...(code ? { code } : {}),
    });
  for (const row of rows) {
    for (const d of studentDueDates(row, opts)) {
      if (d.due <= horizon) line(row, d.due, 'due', d.label.split(' · ')[0] ?? d.label, d.code);
      if (d.scheduleBy && d.due >= opts.asOf && d.scheduleBy <= horizon)
        line(row, d.scheduleBy, 'schedule', `Schedule the ${MEETING[d.code] ?? 'meeting'} (due ${d.due})`, d.code);
    }
    if ((findings.get(studentRowKey(row)) ?? []).some(isNotCheckedFinding))
      line(
        row,
        opts.asOf,
        'not-checked',
        "Not checked yet: open the case manager's or provider's staff page so Liaison can check them",
      );
  }
  for (const f of input.followUps) {
    const row = mine.get(staffKey(f.site, f.studentId));
    if (row && f.date <= horizon) line(row, f.date, 'followup', 'Follow-up due (liaison note)');
  }
  return out.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.name.localeCompare(b.name),
  );
}
