import type { Student } from '../../domain/records';
import { CITE } from '../citations';
import { daysUntil, finding, type Context, type DeadlineRule } from '../context';
import { dueBadge, relative, who } from '../text';

/** A student has an IEP when the SIS shows any IEP meeting or review date for them. */
function hasIep(student: Student): boolean {
  const iep = student.iep;
  return !!(iep?.nextAnnual || iep?.lastMeeting || iep?.initialIep);
}

/** The first report-card date on or after the as-of date (the dates are sorted by resolveComplianceSettings). */
function nextReportCard(ctx: Context): string | null {
  for (const d of ctx.settings.reportCardDates) if (d >= ctx.asOf) return d;
  return null;
}

/**
 * IEP progress reports go to parents at least as often as report cards (EC 56345(a)(3), 34 CFR
 * 300.320(a)(3)(ii)): each report-card date of the district calendar (`reportCardDates`, settings or policy) is a
 * progress report due for every student with an IEP. Info from `progressLeadDays` before the date; no field
 * records a report sent, so a date once passed is not reported (the next one is). A report-card date inside a
 * break is still that date: the calendar is the district's, not counted days.
 */
export const progressRule: DeadlineRule<{ due: string }> = {
  kind: 'PROGRESS_REPORT',
  badge: (days) => dueBadge('Progress report', days),
  deadline(student, ctx) {
    if (!ctx.settings.reportCardDates.length || !hasIep(student)) return null;
    const due = nextReportCard(ctx);
    return due ? { due } : null;
  },
  finding(student, d, ctx) {
    if (d.due > ctx.horizon.progress) return null;
    return finding(ctx, student, 'PROGRESS_REPORT_DUE', 'info', {
      title: 'IEP progress report due',
      detail: `Report cards go out ${d.due}, ${relative(daysUntil(ctx, d.due))}: ${who(student)}'s parents get a report of progress toward each IEP goal with them.`,
      citation: CITE.progress,
      fix: `Write the progress report on each annual goal and send it to the parents by ${d.due}.`,
    });
  },
};
