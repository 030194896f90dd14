import type { Citation } from '../../domain/finding';
import type { Student } from '../../domain/records';
import { countForward, tolledWithin } from '../calendar';
import { CITE } from '../citations';
import { daysUntil, finding, type Context, type DeadlineRule } from '../context';
import { daysBetween, plusDays } from '../days';
import { dueBadge, relative, who } from '../text';

/** A statutory clock for an initial evaluation step, started by the referral or the consent. */
export interface ClockDeadline {
  due: string;
  /** The day the clock started. */
  start: string;
  /** The end-of-school-year rule set the due date instead of the day count. */
  endOfYear: boolean;
}

interface ClockSpec {
  kind: string;
  noun: string;
  code: string;
  /** Counted days from the start (tolled days skipped). */
  days: number;
  /** "proposed assessment plan", as a sentence names what is due. */
  what: string;
  /** "the referral for assessment", as a sentence names what started the clock. */
  startedBy: string;
  citation: Citation;
  /** A referral this many days or less before the last day of the school year is due `daysAfter` school starts. */
  endOfYear: { window: number; daysAfter: number; citation: Citation };
  /** The clock's start while the step is still pending, else null. */
  pendingSince(student: Student): string | null;
  fix: string;
}

function clockRule(spec: ClockSpec): DeadlineRule<ClockDeadline> {
  return {
    kind: spec.kind,
    badge: (days) => dueBadge(spec.noun, days),
    deadline(student, ctx) {
      const start = spec.pendingSince(student);
      if (!start) return null;
      const special = endOfYearDue(student, start, spec.endOfYear, ctx);
      return special
        ? { due: special, start, endOfYear: true }
        : { due: countForward(ctx.calendar, start, spec.days), start, endOfYear: false };
    },
    finding(student, d, ctx) {
      if (d.due >= ctx.asOf) return null;
      const { schoolYearEnd, schoolYearStart } = ctx.settings;
      const rule = d.endOfYear
        ? `${spec.endOfYear.daysAfter} days after the next school year started on ${schoolYearStart}, since the referral (${student.iep?.referral}) came ${spec.endOfYear.window} days or less before the school year ended on ${schoolYearEnd}`
        : `${spec.days} days${tollingNote(ctx, d)}`;
      return finding(ctx, student, spec.code, 'error', {
        title: `${spec.what.charAt(0).toUpperCase()}${spec.what.slice(1)} overdue`,
        detail: `${who(student)}: ${spec.startedBy} is dated ${d.start}; the ${spec.what} was due ${d.due} (${rule}), ${relative(daysUntil(ctx, d.due))}, and none is recorded.`,
        citation: d.endOfYear ? spec.endOfYear.citation : spec.citation,
        fix: spec.fix,
      });
    },
  };
}

function tollingNote(ctx: Context, d: ClockDeadline): string {
  const spans = tolledWithin(ctx.calendar, d.start, d.due);
  if (spans.length === 0) return '';
  const list = spans.map((s) => `${s.start} to ${s.end}${s.name ? ` (${s.name})` : ''}`).join(', ');
  return `, not counting ${list}`;
}

/**
 * The end-of-school-year rule, when the district's school-year dates are set and the referral fell in its
 * window. Without `schoolYearEnd` and `schoolYearStart` we cannot tell when the year ends, so the rule is skipped
 * and the ordinary day count (with any summer listed among the breaks) applies. The rule is for clocks that
 * would run into the summer: one started after the new year began follows the day count.
 */
function endOfYearDue(student: Student, start: string, rule: ClockSpec['endOfYear'], ctx: Context): string | null {
  const { schoolYearEnd, schoolYearStart } = ctx.settings;
  const referral = student.iep?.referral;
  if (!schoolYearEnd || !schoolYearStart || !referral || start >= schoolYearStart) return null;
  const before = daysBetween(referral, schoolYearEnd);
  return before >= 0 && before <= rule.window ? plusDays(schoolYearStart, rule.daysAfter) : null;
}

/** Referral received, no plan sent yet (a consent or IEP on record means a plan went out). */
export const initialPlanRule = clockRule({
  kind: 'INITIAL_PLAN',
  noun: 'Assessment plan',
  code: 'INITIAL_PLAN_OVERDUE',
  days: 15,
  what: 'proposed assessment plan',
  startedBy: 'the referral for assessment',
  citation: CITE.plan,
  endOfYear: { window: 10, daysAfter: 10, citation: CITE.planEndOfYear },
  pendingSince: (s) => {
    const iep = s.iep;
    return iep?.referral && !iep.assessmentPlanSent && !iep.consent && !iep.initialIep ? iep.referral : null;
  },
  fix: 'Send the parents the proposed assessment plan with the notice of their rights now, and record the date it was sent.',
});

/** Consent received, no initial IEP yet (an IEP meeting on or after the consent counts as held). */
export const initialIepRule = clockRule({
  kind: 'INITIAL_IEP',
  noun: 'Initial IEP',
  code: 'INITIAL_IEP_OVERDUE',
  days: 60,
  what: 'initial IEP meeting',
  startedBy: "the parent's consent to assessment",
  citation: CITE.initialIep,
  endOfYear: { window: 30, daysAfter: 30, citation: CITE.initialIepEndOfYear },
  pendingSince: (s) => {
    const iep = s.iep;
    if (!iep?.consent || iep.initialIep || (iep.lastMeeting && iep.lastMeeting >= iep.consent)) return null;
    return iep.consent;
  },
  fix: "Hold the initial IEP meeting now, or record the parent's written agreement to an extension, and record the meeting date.",
});
