import type { Citation } from '../../domain/finding';
import type { FindingSink } from '../findings';
import { refLabel, sameStaff, type StaffRef } from '../staff-index';
import type { StudentCtx } from '../student-context';

/** How to let Liaison see someone it has not seen: the data is in the SIS, it has just not been read. */
export function letLiaisonSee(who: StaffRef): string {
  return `Open ${refLabel(who)}'s staff page in the SIS, or import a staff file, so Liaison can read their credentials`;
}

export function whatIsUnseen(who: StaffRef): string {
  return who.kind === 'unknown'
    ? `${who.label} has no staff record Liaison has seen`
    : `Liaison has not seen ${who.info.staff.name}'s credentials`;
}

/**
 * One student's "not checked" findings (RULES.md check 8, partial staff knowledge). Providers are collected from
 * checks 1, 3 and 4 and reported once each, and never for the person who has CM_NOT_CHECKED (check 9).
 */
export class NotChecked {
  cm: StaffRef | null = null;
  private readonly providers: { who: StaffRef; what: string[]; citation: Citation }[] = [];

  provider(who: StaffRef, what: string, citation: Citation): void {
    const entry = this.providers.find((p) => sameStaff(p.who, who));
    if (!entry) this.providers.push({ who, what: [what], citation });
    else if (!entry.what.includes(what)) entry.what.push(what);
  }

  flush(ctx: StudentCtx, sink: FindingSink): void {
    for (const p of this.providers) {
      if (sameStaff(p.who, this.cm)) continue;
      sink.add(
        'PROVIDER_NOT_CHECKED',
        'info',
        { kind: 'student', id: ctx.student.id },
        'Provider not checked yet',
        `${whatIsUnseen(p.who)} yet, so ${p.what.join(', and ')} ${p.what.length > 1 ? 'are' : 'is'} not checked.`,
        p.citation,
        `${letLiaisonSee(p.who)}.`,
      );
    }
  }
}
