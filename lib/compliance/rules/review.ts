import type { Citation } from '../../domain/finding';
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
}

/** Overdue (error) once the due date has passed; due soon (warning) from the lead time through the due day. */
function reviewRule(spec: ReviewSpec): DeadlineRule<ReviewDeadline> {
  return {
    kind: spec.kind,
    deadline: spec.deadline,
    badge: (days) => dueBadge(spec.noun, days),
    finding(student, d, ctx) {
      const overdue = d.due < ctx.asOf;
      if (!overdue && d.due > ctx.horizon[spec.horizon]) return null;
      const when = relative(daysUntil(ctx, d.due));
      const basis = d.derivedFrom
        ? ` No next date is recorded; this is one year less a day after the IEP meeting on ${d.derivedFrom}.`
        : '';
      const Name = spec.what[0].toUpperCase() + spec.what.slice(1);
      return overdue
        ? finding(ctx, student, spec.overdue, 'error', {
            title: `${Name} overdue`,
            detail: `${who(student)}'s ${spec.what} was due ${d.due}, ${when}.${basis}`,
            citation: spec.citation,
            fix: spec.fixOverdue,
          })
        : finding(ctx, student, spec.soon, 'warning', {
            title: `${Name} due soon`,
            detail: `${who(student)}'s ${spec.what} is due ${d.due}, ${when}.${basis}`,
            citation: spec.citation,
            fix: spec.fixSoon(d.due),
          });
    },
  };
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
  const base = lastMeeting && initialIep ? (lastMeeting > initialIep ? lastMeeting : initialIep) : lastMeeting || initialIep;
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
  deadline: (student) => (student.iep?.nextTriennial ? { due: student.iep.nextTriennial } : null),
  fixOverdue:
    'Complete the reassessment and hold the triennial IEP meeting now, or record the written agreement of the parent and district that a reassessment is unnecessary.',
  fixSoon: (due) =>
    `Send the parents an assessment plan now so the reassessment and triennial IEP meeting are done by ${due}, or record a written agreement that a reassessment is unnecessary.`,
});
