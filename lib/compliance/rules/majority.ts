import { CITE } from '../citations';
import { daysUntil, finding, type DeadlineRule } from '../context';
import { plusYears } from '../days';
import { plural, relative, who } from '../text';

/**
 * The rights special-education law gives parents transfer to the student at 18 (EC 56041.5), and from at least one year before, the IEP
 * states the student was told so (EC 56043(g)(3)). Warns from `majorityLeadDays` before the 18th birthday through
 * the birthday; afterwards the rights have transferred and the notice can no longer be given in time. A
 * 29 February birth turns 18 on 28 February in a common year (the earlier reading). No Student field records
 * the notice yet: callers pass `majorityNoticeGiven` ids.
 */
export const majorityRule: DeadlineRule<{ due: string }> = {
  kind: 'AGE_OF_MAJORITY',
  badge: (days) => (days === 0 ? 'Turns 18 today' : days > 0 ? `Turns 18 in ${plural(days, 'day')}` : 'Turned 18'),
  deadline(student, ctx) {
    const birth = student.birthDate;
    // Most students are far from 18 either way: compare years before building a date (the hot path).
    if (!birth || Number(birth.slice(0, 4)) + 18 < ctx.asOfYear || ctx.records.majorityNoticeGiven.has(student.id))
      return null;
    const due = plusYears(birth, 18);
    return due >= ctx.asOf ? { due } : null;
  },
  finding(student, d, ctx) {
    if (d.due > ctx.horizon.majority) return null;
    const name = who(student);
    return finding(ctx, student, 'AGE_OF_MAJORITY_NOTICE_DUE', 'warning', {
      title: 'Age-of-majority notice due',
      detail: `${name} turns 18 on ${d.due}, ${relative(daysUntil(ctx, d.due))}, when the rights of the parents under special-education law transfer to ${name}. No notice of that transfer is recorded.`,
      citation: CITE.majority,
      fix: `Inform ${name} and the parents of the rights that transfer at 18, state it in the IEP, and record the notice.`,
    });
  },
};
