import type { Student } from '../../domain/records';
import { CITE } from '../citations';
import { daysUntil, finding, type DeadlineRule } from '../context';
import { plusDays } from '../days';
import { dueBadge, relative, who } from '../text';

/** EC 56325(a)(1): comparable services "for a period not to exceed 30 days". */
export const TRANSFER_DAYS = 30;

/**
 * A student who transfers in with an IEP from another district gets comparable services for up to 30 days, by
 * which time the district adopts the previous IEP or develops a new one (EC 56325(a)(1)). The 30 days are calendar
 * days: EC 56325 has none of the "not counting school vacations" wording of EC 56043's clocks, so breaks do not
 * extend it. Needs the entry date and the SIS's "transferred with an IEP"; an IEP meeting on or after the entry
 * date (the adopted or new IEP) ends the clock. Whether the previous district was in the same SELPA (EC
 * 56325(a)(2): the IEP simply continues) is not shown by any SIS field we read, so the detail asks.
 */
export const transferRule: DeadlineRule<{ due: string; entry: string }> = {
  kind: 'TRANSFER_IEP',
  badge: (days) => dueBadge('Transfer IEP', days),
  deadline(student) {
    const entry = student.entryDate;
    if (!entry || student.transferredWithIep !== true) return null;
    const iep = student.iep;
    const held = [iep?.lastMeeting, iep?.initialIep].some((d) => !!d && d >= entry);
    return held ? null : { due: plusDays(entry, TRANSFER_DAYS), entry };
  },
  finding(student: Student, d, ctx) {
    const overdue = d.due < ctx.asOf;
    const when = relative(daysUntil(ctx, d.due));
    const base = `${who(student)} transferred in with an IEP and entered on ${d.entry}; the interim placement with comparable services ends ${d.due} (30 days), ${when}`;
    return finding(ctx, student, overdue ? 'TRANSFER_IEP_OVERDUE' : 'TRANSFER_IEP_DUE', overdue ? 'error' : 'warning', {
      title: overdue
        ? 'Transfer IEP overdue (30-day interim placement ended)'
        : 'Transfer IEP due (30-day interim placement)',
      detail: `${base}, and no IEP meeting since the entry is recorded. A transfer from a district of the same SELPA continues the existing IEP instead.`,
      citation: CITE.transfer,
      fix: `Hold an IEP meeting by ${d.due} to adopt the previous IEP or develop a new one, and record its date.`,
    });
  },
};
