import { CITE } from '../citations';
import { daysUntil, finding, type DeadlineRule } from '../context';
import { plusYears } from '../days';
import { dueBadge, relative, who } from '../text';
import { annualDeadline } from './review';

/** Why transition planning is required, and by which IEP. */
export interface TransitionDeadline {
  /** The next annual IEP, or the as-of date when no annual date is known. */
  due: string;
  /** Whether `due` is a recorded date (the annual IEP's), not the as-of date standing in for "now". */
  dated: boolean;
  /** The 16th birthday, when the birth date is known. */
  sixteen?: string;
  /** Already required of the IEP in effect now (16 already, or high school), not only of the next one. */
  now: boolean;
  grade?: number;
}

/** California practice starts transition planning for high school; 8th graders are not flagged (no school-year model). */
const HIGH_SCHOOL = 9;

/**
 * EC 56043(g)(1) and IDEA: transition goals and services "beginning not later than the first IEP to be in effect
 * when the pupil is 16". The IEP written at the next annual meeting is in effect for a year, so it is that first
 * IEP when the 16th birthday falls before the following annual (a strict superset of "16 by the next annual").
 * The check warns from `transitionLeadDays` before that meeting, and at once when the IEP in effect now should
 * already have had it. No Student field records transition planning yet: callers pass `transitionPlanned` ids.
 */
export const transitionRule: DeadlineRule<TransitionDeadline> = {
  kind: 'TRANSITION',
  // Required now with no recorded date to count from: it is missing, not "due today".
  badge: (days, d) => (d.dated ? dueBadge('Transition plan', days) : 'Transition plan missing'),
  deadline(student, ctx) {
    if (ctx.records.transitionPlanned.has(student.id)) return null;
    const sixteen = student.birthDate ? plusYears(student.birthDate, 16) : undefined;
    const grade = ctx.gradeOf(student.grade) ?? undefined;
    const now = (sixteen !== undefined && sixteen <= ctx.asOf) || (grade !== undefined && grade >= HIGH_SCHOOL);
    const annual = annualDeadline(student)?.due;
    if (now)
      return annual && annual < ctx.asOf
        ? { due: annual, dated: true, sixteen, now, grade }
        : { due: ctx.asOf, dated: false, sixteen, now, grade };
    if (annual && sixteen && sixteen < plusYears(annual, 1)) return { due: annual, dated: true, sixteen, now, grade };
    return null;
  },
  finding(student, d, ctx) {
    if (!d.now && d.due > ctx.horizon.transition) return null;
    const name = who(student);
    const reason = d.now
      ? d.sixteen && d.sixteen <= ctx.asOf
        ? `${name} turned 16 on ${d.sixteen}, so the IEP in effect now must already include it`
        : `${name} is in grade ${d.grade}, and California practice includes it from high school`
      : `${name} turns 16 on ${d.sixteen}, while the IEP written at the annual meeting due ${d.due} (${relative(daysUntil(ctx, d.due))}) is in effect, so that IEP must include it`;
    return finding(ctx, student, 'TRANSITION_DUE', 'warning', {
      title: 'Transition plan needed',
      detail: `No transition planning (measurable postsecondary goals and transition services) is recorded. ${reason}.`,
      citation: CITE.transition,
      fix: `Add measurable postsecondary goals and transition services${d.now ? '' : ` at the meeting on or before ${d.due}`}, then mark transition planning as done.`,
    });
  },
};
