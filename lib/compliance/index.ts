import type { Finding } from '../domain/finding';
import type { Student } from '../domain/records';
import { makeContext, daysUntil, type ComplianceOptions, type DeadlineRule } from './context';
import { initialIepRule, initialPlanRule } from './rules/initial';
import { majorityRule } from './rules/majority';
import { annualRule, plan504Rule, scheduleByShown, triennialRule } from './rules/review';
import { progressRule } from './rules/progress';
import { transferRule } from './rules/transfer';
import { scheduleBadge } from './text';
import { transitionRule } from './rules/transition';

export { addCountedDays, schoolCalendar, countForward, type SchoolCalendar, type CalendarSettings } from './calendar';
export {
  DEFAULT_COMPLIANCE_SETTINGS,
  resolveComplianceSettings,
  type ComplianceSettings,
  type SchoolBreak,
} from './settings';
export type { ComplianceOptions, ComplianceRecords } from './context';

/**
 * Compliance dates of an IEP (RULES.md: codes of their own, in the finding shape). Codes: IEP_ANNUAL_OVERDUE,
 * IEP_ANNUAL_DUE_SOON, TRIENNIAL_OVERDUE, TRIENNIAL_DUE_SOON, INITIAL_PLAN_OVERDUE, INITIAL_IEP_OVERDUE,
 * TRANSITION_DUE, AGE_OF_MAJORITY_NOTICE_DUE, and:
 * - IEP_SCHEDULE_BY — the date by which an annual or triennial meeting must be scheduled (`scheduleLeadDays`,
 *   default 30 days before it is due): info from `scheduleNoticeDays` (14) before that date, warning once it has
 *   passed while the review is still due; none once the review is overdue (its overdue finding says it).
 *   One per review, so a student may have two (annual and triennial).
 * - TRANSFER_IEP_DUE (warning) / TRANSFER_IEP_OVERDUE (error) — EC 56325(a)(1): a student who transferred in with
 *   an IEP (`transferredWithIep`, `entryDate`) has an IEP meeting within 30 calendar days of entry.
 * - PROGRESS_REPORT_DUE (info) — EC 56345(a)(3), 34 CFR 300.320(a)(3)(ii): a progress report with each report-card
 *   date of the district calendar (`reportCardDates`), from `progressLeadDays` (14) before it.
 * - PLAN_504_REVIEW_DUE (info) / PLAN_504_REVIEW_OVERDUE (warning) — 34 CFR 104.35(d): a 504 plan's review date
 *   as the SIS shows it (`plan504Review`), from `plan504LeadDays` (30) before it.
 */
// Each rule pairs its own deadline type with its own finding; the list only passes one to the other.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const RULES: readonly DeadlineRule<any>[] = [
  annualRule,
  triennialRule,
  initialPlanRule,
  initialIepRule,
  transitionRule,
  majorityRule,
  transferRule,
  progressRule,
  plan504Rule,
];

export function complianceFindings(students: readonly Student[], opts: ComplianceOptions): Finding[] {
  const ctx = makeContext(opts);
  const out: Finding[] = [];
  for (const student of students) {
    for (const rule of RULES) {
      const d = rule.deadline(student, ctx);
      const f = d && rule.finding(student, d, ctx);
      if (Array.isArray(f)) out.push(...f);
      else if (f) out.push(f as Finding);
    }
  }
  return out;
}

/**
 * A compliance date for the inline badge. `code`: IEP_ANNUAL, TRIENNIAL, INITIAL_PLAN, INITIAL_IEP, TRANSITION,
 * AGE_OF_MAJORITY, TRANSFER_IEP, PROGRESS_REPORT, PLAN_504_REVIEW.
 */
export interface DueDate {
  code: string;
  due: string;
  /** "Annual due in 40 days", and " · schedule within 10 days" while the schedule-by date is shown (IEP_SCHEDULE_BY). */
  label: string;
  /** The date by which the meeting must be scheduled (annual and triennial reviews), whether shown or not. */
  scheduleBy?: string;
}

/** Every compliance date known for the student, soonest (or most overdue) first, whatever the lead times. */
export function nextDueDates(student: Student, opts: Omit<ComplianceOptions, 'pack'>): DueDate[] {
  const ctx = makeContext(opts);
  const out: DueDate[] = [];
  for (const rule of RULES) {
    const d = rule.deadline(student, ctx);
    if (!d) continue;
    const entry: DueDate = { code: rule.kind, due: d.due, label: rule.badge(daysUntil(ctx, d.due), d) };
    const by = rule.scheduleBy?.(d, ctx);
    if (by) {
      entry.scheduleBy = by;
      if (scheduleByShown(d.due, by, ctx)) entry.label += ` · ${scheduleBadge(daysUntil(ctx, by))}`;
    }
    out.push(entry);
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}
