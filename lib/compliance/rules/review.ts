import type { Citation, Finding, Severity } from '../../domain/finding';
import type { Student } from '../../domain/records';
import { CITE } from '../citations';
import { daysUntil, finding, type Context, type DeadlineRule } from '../context';
import { plusDays, plusYears } from '../days';
import { dueBadge, relative, who } from '../text';

/** A periodic review's due date, and the meeting it was derived from when the SIS showed no due date. */
export interface ReviewDeadline {
  due: string;
  derivedFrom?: string;
}

interface ReviewSpec {
  kind: string;
  noun: string;
  /** "annual IEP review", as a sentence names it. */
  what: string;
  overdue: string;
  soon: string;
  horizon: keyof Context['horizon'];
  citation: Citation;
  deadline(student: Student): ReviewDeadline | null;
  fixOverdue: string;
  fixSoon(due: string): string;
  /** Severities of the overdue and due-soon findings (default error and warning). */
  severity?: { overdue: Severity; soon: Severity };
  /** A meeting is held for it, so it has a schedule-by date (`IEP_SCHEDULE_BY`). */
  meeting?: { noun: string };
}

/** The date by which the meeting for a review due on `due` must be scheduled (the `scheduleLeadDays` setting). */
export function scheduleByDate(due: string, ctx: Context): string {
  return plusDays(due, -ctx.settings.scheduleLeadDays);
}

/**
 * Whether the schedule-by date is worth showing: the review is not yet overdue (then the overdue finding says
 * it all) and the schedule-by date has passed or is within `scheduleNoticeDays`. The badge and the finding agree.
 */
export function scheduleByShown(due: string, scheduleBy: string, ctx: Context): boolean {
  return due >= ctx.asOf && daysUntil(ctx, scheduleBy) <= ctx.settings.scheduleNoticeDays;
}

/**
 * IEP_SCHEDULE_BY: info ahead of the schedule-by date, warning once it has passed while the review is still due
 * (a meeting held moves the SIS's next date a year or three on, which ends it).
 */
function scheduleFinding(student: Student, spec: ReviewSpec, d: ReviewDeadline, ctx: Context): Finding | null {
  if (!spec.meeting) return null;
  const by = scheduleByDate(d.due, ctx);
  if (!scheduleByShown(d.due, by, ctx)) return null;
  const passed = by < ctx.asOf;
  const lead = `${ctx.settings.scheduleLeadDays} days before it is due on ${d.due}`;
  const meeting = spec.meeting.noun;
  return finding(ctx, student, 'IEP_SCHEDULE_BY', passed ? 'warning' : 'info', {
    title: passed ? `Schedule the ${meeting} now` : `Schedule the ${meeting} by ${by}`,
    detail: passed
      ? `${who(student)}'s ${meeting} was to be scheduled by ${by} (${relative(daysUntil(ctx, by))}), ${lead}, and the ${spec.what} is still due.`
      : `${who(student)}'s ${meeting} should be scheduled by ${by} (${relative(daysUntil(ctx, by))}), ${lead}.`,
    citation: CITE.scheduleBy,
    fix: `Agree a date and place with the parents, send them the meeting notice, and hold the meeting on or before ${d.due}.`,
  });
}

/** Overdue (error) once the due date has passed; due soon (warning) from the lead time through the due day. */
function reviewRule(spec: ReviewSpec): DeadlineRule<ReviewDeadline> {
  const severity = spec.severity ?? { overdue: 'error', soon: 'warning' };
  return {
    kind: spec.kind,
    deadline: spec.deadline,
    badge: (days) => dueBadge(spec.noun, days),
    ...(spec.meeting ? { scheduleBy: (d: ReviewDeadline, ctx: Context) => scheduleByDate(d.due, ctx) } : {}),
    finding(student, d, ctx) {
      const schedule = scheduleFinding(student, spec, d, ctx);
      const review = reviewFinding(student, spec, severity, d, ctx);
      return schedule && review ? [review, schedule] : (schedule ?? review);
    },
  };
}

function reviewFinding(
  student: Student,
  spec: ReviewSpec,
  severity: { overdue: Severity; soon: Severity },
  d: ReviewDeadline,
  ctx: Context,
): Finding | null {
  const overdue = d.due < ctx.asOf;
  if (!overdue && d.due > ctx.horizon[spec.horizon]) return null;
  const when = relative(daysUntil(ctx, d.due));
  const basis = d.derivedFrom
    ? ` No next date is recorded; this is one year less a day after the IEP meeting on ${d.derivedFrom}.`
    : '';
  const Name = spec.what.charAt(0).toUpperCase() + spec.what.slice(1);
  return overdue
    ? finding(ctx, student, spec.overdue, severity.overdue, {
        title: `${Name} overdue`,
        detail: `${who(student)}'s ${spec.what} was due ${d.due}, ${when}.${basis}`,
        citation: spec.citation,
        fix: spec.fixOverdue,
      })
    : finding(ctx, student, spec.soon, severity.soon, {
        title: `${Name} due soon`,
        detail: `${who(student)}'s ${spec.what} is due ${d.due}, ${when}.${basis}`,
        citation: spec.citation,
        fix: spec.fixSoon(d.due),
      });
}

/**
 * The next annual review: the SIS's date, else one year less a day after the latest IEP meeting on record
 * (EC 56343(d): the team meets at least annually).
 */
export function annualDeadline(student: Student): ReviewDeadline | null {
  const iep = student.iep;
  if (!iep) return null;
  if (iep.nextAnnual) return { due: iep.nextAnnual };
  const { lastMeeting, initialIep } = iep;
  const base =
    lastMeeting && initialIep ? (lastMeeting > initialIep ? lastMeeting : initialIep) : lastMeeting || initialIep;
  return base ? { due: plusDays(plusYears(base, 1), -1), derivedFrom: base } : null;
}

export const annualRule = reviewRule({
  kind: 'IEP_ANNUAL',
  noun: 'Annual',
  what: 'annual IEP review',
  overdue: 'IEP_ANNUAL_OVERDUE',
  soon: 'IEP_ANNUAL_DUE_SOON',
  horizon: 'annual',
  citation: CITE.annual,
  meeting: { noun: 'annual IEP meeting' },
  deadline: annualDeadline,
  fixOverdue: 'Hold the annual IEP meeting as soon as possible, then record its date and the next annual date.',
  fixSoon: (due) => `Schedule the annual IEP meeting on or before ${due} and send the parents notice of it early.`,
});

/** No field records the last reevaluation, so only the SIS's next triennial date is checked. */
export const triennialRule = reviewRule({
  kind: 'TRIENNIAL',
  noun: 'Triennial',
  what: 'triennial reevaluation',
  overdue: 'TRIENNIAL_OVERDUE',
  soon: 'TRIENNIAL_DUE_SOON',
  horizon: 'triennial',
  citation: CITE.triennial,
  meeting: { noun: 'triennial IEP meeting' },
  deadline: (student) => (student.iep?.nextTriennial ? { due: student.iep.nextTriennial } : null),
  fixOverdue:
    'Complete the reassessment and hold the triennial IEP meeting now, or record the written agreement of the parent and district that a reassessment is unnecessary.',
  fixSoon: (due) =>
    `Send the parents an assessment plan now so the reassessment and triennial IEP meeting are done by ${due}, or record a written agreement that a reassessment is unnecessary.`,
});

/**
 * A Section 504 plan's review, where the SIS shows its date. Section 504 asks for periodic reevaluation (34 CFR
 * 104.35(d)) and names no interval; districts review yearly, and the date is the plan's own. So the finding is
 * milder than an IEP's: info from `plan504LeadDays` before, warning once passed. No meeting-notice timeline
 * applies, so there is no schedule-by date.
 */
export const plan504Rule = reviewRule({
  kind: 'PLAN_504_REVIEW',
  noun: '504 review',
  what: 'Section 504 plan review',
  overdue: 'PLAN_504_REVIEW_OVERDUE',
  soon: 'PLAN_504_REVIEW_DUE',
  horizon: 'plan504',
  citation: CITE.plan504,
  severity: { overdue: 'warning', soon: 'info' },
  deadline: (student) => (student.plan504Review ? { due: student.plan504Review } : null),
  fixOverdue: "Hold the 504 plan review with the student's team, then record the next review date.",
  fixSoon: (due) => `Invite the 504 team and hold the plan review on or before ${due}.`,
});
