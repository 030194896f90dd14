import { makeNeed } from '../coverage';
import { findException } from '../exception';
import type { FindingSink } from '../findings';
import type { DisabilityResult } from '../normalize/disability';
import { cite } from '../pack/sources';
import { DISABILITY_BY_ABBR, describeCategory } from '../pack/disabilities';
import type { RuleSettings } from '../settings';
import type { StudentCtx } from '../student-context';
import type { NotChecked } from './not-checked';

const CITE = cite('CTC_CASE_MGMT', 'EC56026_5');

/**
 * Check 4, alternate placement: returns the disability checks 1 and 3 use. Only a low-incidence primary with a
 * secondary disability moves them to the secondary; the primary must then still be served (seed 001).
 */
export function placementDisability(
  ctx: StudentCtx,
  settings: RuleSettings,
  notChecked: NotChecked,
  sink: FindingSink,
): DisabilityResult {
  const { student, primary, secondary } = ctx;
  if (!student.alternatePlacement || primary.kind === 'unrecognized') return primary;
  const subject = { kind: 'student' as const, id: student.id };
  const row = primary.kind === 'category' ? DISABILITY_BY_ABBR.get(primary.abbr)! : null;
  const lowIncidence =
    !!row && (row.lowIncidence === true || (row.lowIncidence === 'severe' && student.severe === true));
  if (primary.kind === 'category' && lowIncidence && secondary.kind !== 'none') {
    if (secondary.kind === 'unrecognized') return secondary;
    const need = makeNeed(primary.abbr, ctx.level, ctx.support, ctx.has);
    // A provider with no staff record counts only with partial staff knowledge, as someone not seen yet.
    const served = findException(ctx, need, {
      unrecordedCounts: false,
      partial: settings.staffKnowledge === 'partial',
    });
    if (served.status !== 'found') {
      for (const u of served.unseen) {
        notChecked.provider(
          u.provider!,
          `whether they serve the primary disability ${describeCategory(primary.abbr)} under an authorization for it (alternate placement)`,
          CITE,
        );
      }
    }
    if (served.status === 'none') {
      sink.add(
        'ALT_PLACEMENT_PRIMARY_UNSERVED',
        'error',
        subject,
        'Alternate placement: primary disability not served',
        `${student.name} is placed under the secondary disability ${describeCategory(secondary.abbr)}, but no provider on record delivers a service for the primary disability ${describeCategory(primary.abbr)} under an authorization for it.`,
        CITE,
        `Add the service that addresses ${describeCategory(primary.abbr)} (for example specialized deaf and hard of hearing or vision services) with an appropriately authorized provider.`,
      );
    }
    return secondary;
  }
  const why =
    primary.kind !== 'category'
      ? 'no primary disability is recorded'
      : !lowIncidence
        ? `the primary disability ${describeCategory(primary.abbr)} is not low incidence${primary.abbr === 'OI' ? ' (orthopedic impairment counts only when recorded as severe)' : ''}`
        : 'no secondary disability is recorded';
  sink.add(
    'ALT_PLACEMENT_INVALID',
    'warning',
    subject,
    'Alternate placement does not apply',
    `The IEP of ${student.name} names an alternate placement, but ${why}. An alternate placement applies only to a low-incidence primary disability (hearing, vision, deaf-blindness or severe orthopedic impairment) with a secondary disability, so the checks use the primary disability.`,
    CITE,
    'Review the placement, or record the secondary disability and severity if they are missing.',
  );
  return primary;
}
