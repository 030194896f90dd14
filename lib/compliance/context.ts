import type { Citation, Finding, Severity } from '../domain/finding';
import type { Student } from '../domain/records';
import { parseGrade } from '../rules/grade';
import { schoolCalendar, type SchoolCalendar } from './calendar';
import { daysBetween, plusDays } from './days';
import { resolveComplianceSettings, type ComplianceSettings } from './settings';

/**
 * What the compliance checks record that the Student schema has no field for yet: ids of students whose IEP
 * has transition planning, and of those told of the rights that transfer at 18. Absent: nothing is recorded.
 */
export interface ComplianceRecords {
  transitionPlanned?: ReadonlySet<string>;
  majorityNoticeGiven?: ReadonlySet<string>;
}

export interface ComplianceOptions extends ComplianceRecords {
  asOf: string;
  settings?: Partial<ComplianceSettings>;
  pack?: string;
}

/** Everything a check needs, computed once per run so the per-student work is string comparisons. */
export interface Context {
  asOf: string;
  asOfYear: number;
  settings: ComplianceSettings;
  calendar: SchoolCalendar;
  pack?: string;
  records: Required<ComplianceRecords>;
  /** The grade ladder number of a SIS grade text, memoized: a district has a handful of distinct texts. */
  gradeOf(text: string | null | undefined): number | null;
  /** asOf + each lead time: a due date on or before it is "due soon". */
  horizon: {
    annual: string;
    triennial: string;
    transition: string;
    majority: string;
    progress: string;
    plan504: string;
  };
}

const NONE: ReadonlySet<string> = new Set();

export function makeContext(opts: ComplianceOptions): Context {
  const settings = resolveComplianceSettings(opts.settings);
  const { asOf } = opts;
  const grades = new Map<string, number | null>();
  return {
    asOf,
    asOfYear: Number(asOf.slice(0, 4)),
    settings,
    calendar: schoolCalendar(settings),
    pack: opts.pack,
    records: {
      transitionPlanned: opts.transitionPlanned ?? NONE,
      majorityNoticeGiven: opts.majorityNoticeGiven ?? NONE,
    },
    gradeOf(text) {
      if (!text) return null;
      let g = grades.get(text);
      if (g === undefined) grades.set(text, (g = parseGrade(text)));
      return g;
    },
    horizon: {
      annual: plusDays(asOf, settings.annualLeadDays),
      triennial: plusDays(asOf, settings.triennialLeadDays),
      transition: plusDays(asOf, settings.transitionLeadDays),
      majority: plusDays(asOf, settings.majorityLeadDays),
      progress: plusDays(asOf, settings.progressLeadDays),
      plan504: plusDays(asOf, settings.plan504LeadDays),
    },
  };
}

export function daysUntil(ctx: Context, date: string): number {
  return daysBetween(ctx.asOf, date);
}

export interface FindingText {
  title: string;
  detail: string;
  citation: Citation;
  fix: string;
}

export function finding(ctx: Context, student: Student, code: string, severity: Severity, text: FindingText): Finding {
  const f: Finding = { code, severity, subject: { kind: 'student', id: student.id }, ...text };
  if (ctx.pack) f.pack = ctx.pack;
  return f;
}

/**
 * One compliance date. `deadline` must stay cheap (it runs for every student); `finding` runs only on a
 * deadline and may explain at length. `badge` words the date for the inline marker.
 */
export interface DeadlineRule<D extends { due: string } = { due: string }> {
  kind: string;
  deadline(student: Student, ctx: Context): D | null;
  /** One finding, or several (a review and its schedule-by date), or none. */
  finding(student: Student, deadline: D, ctx: Context): Finding | readonly Finding[] | null;
  /** The words for the badge; the deadline too, for a rule whose date may be the as-of date rather than one recorded. */
  badge(daysUntil: number, deadline: D): string;
  /** The date by which the meeting must be scheduled, for dates a meeting is held for (annual, triennial). */
  scheduleBy?(deadline: D, ctx: Context): string;
}
