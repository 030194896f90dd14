import type { CaseManagerRole } from '../../domain/records';
import type { Candidates } from '../candidates';
import { describeHoldings, evaluateStaff, type Need } from '../coverage';
import { findException } from '../exception';
import type { FindingSink } from '../findings';
import { codesCovering } from '../pack/coverage';
import { describeCode } from '../pack/credentials';
import { describeCategory } from '../pack/disabilities';
import { cite } from '../pack/sources';
import { refLabel, sameStaff, type StaffRef } from '../staff-index';
import { providesService, type StudentCtx } from '../student-context';

const CITE = cite('CTC_CASE_MGMT', 'CTC_SPED_CHART');

/** Check 2: the role as recorded, else inferred from what the case manager provides to this student. */
export function effectiveRole(ctx: StudentCtx): CaseManagerRole | null {
  const recorded = ctx.student.caseManager?.role;
  if (recorded) return recorded;
  if (providesService(ctx, ctx.cm, 'SAI')) return 'instruction';
  if (providesService(ctx, ctx.cm)) return 'service';
  return null;
}

/** Someone already serving this student whose credentials cover the need: the fix names them. */
function fittingProvider(ctx: StudentCtx, need: Need, cm: StaffRef): string | null {
  for (const s of ctx.services) {
    if (s.provider?.kind !== 'staff' || sameStaff(s.provider, cm)) continue;
    const v = evaluateStaff(s.provider.info, need);
    if (v.result === 'yes') return `${s.provider.info.staff.name} (${describeCode(v.code!)})`;
  }
  return null;
}

/**
 * Checks 1 and 2: a case manager who instructs must hold an authorization covering the disability in use,
 * unless another appropriately authorized provider serves the student. Returns true when it reported the case
 * manager (check 9: check 3 then does not report them again as the 330 provider).
 */
export function checkInstruction(ctx: StudentCtx, need: Need | null, candidates: Candidates, sink: FindingSink): boolean {
  const cm = ctx.cm;
  if (!need || cm?.kind !== 'staff') return false;
  const role = effectiveRole(ctx);
  if (role === 'coordination' || role === 'service') return false;
  const { student } = ctx;
  const subject = { kind: 'student' as const, id: student.id };
  const name = cm.info.staff.name;
  const verdict = evaluateStaff(cm.info, need);
  if (verdict.result === 'yes') return false;
  const disability = describeCategory(need.category);
  let exception = findException(ctx, need, true);
  // The case manager's own doubt is already the verdict; only someone else makes a separate possible exception.
  if (exception.status === 'maybe' && sameStaff(exception.who!, cm)) exception = { status: 'none' };
  if (exception.status === 'found') {
    const who = refLabel(exception.who!);
    sink.add(
      'CM_AUTH_VIA_PROVIDER',
      'info',
      subject,
      'Covered by another provider',
      `${name} ${verdict.result === 'no' ? 'does not hold an authorization' : 'may not hold an authorization'} for ${disability}, but ${who} provides ${exception.service?.norm.kind === 'service' ? exception.service.norm.label : 'a service'} to ${student.name} under an appropriate authorization, so the assignment is not a misassignment.`,
      cite('CTC_CASE_MGMT', 'CTC_AUTH_FACTORS'),
    );
    return false;
  }
  const covering = codesCovering(need.category, need.support, need.level).map(describeCode).join(', ');
  const wouldCover = covering ? ` Would cover: ${covering}.` : '';
  const fitting = fittingProvider(ctx, need, cm);
  const other = fitting ? null : candidates.find(need, cm.info);
  const fix = fitting
    ? `Make ${fitting} the case manager, or record ${name}'s role as coordination only if they do not instruct.`
    : other
      ? `Assign a case manager who holds an authorization for ${disability}, for example ${other.info.staff.name} (${describeCode(other.code)}), or have an authorized provider serve the student.`
      : `Assign a case manager who holds an authorization for ${disability}, or have an authorized provider serve the student.`;
  const roleNote = role === null ? ' The role is not recorded: a coordinator-only case manager needs no specialty area, so record the role if they only coordinate.' : '';
  if (verdict.result === 'no' && exception.status === 'none' && role === 'instruction') {
    sink.add(
      'CM_NOT_AUTHORIZED',
      'error',
      subject,
      'Case manager not authorized for the primary disability',
      `${name} instructs ${student.name} (${disability}) but holds ${describeHoldings(cm.info)}, which does not cover this student${verdict.reasons.length ? `: ${verdict.reasons.join('; ')}` : ''}.${wouldCover}`,
      CITE,
      fix,
    );
    return true;
  }
  const missing =
    exception.status === 'maybe'
      ? `a possible exception needs checking (${exception.reason})`
      : verdict.result === 'unknown'
        ? `${name}'s credentials are not on record`
        : verdict.result === 'review'
          ? verdict.reasons.join('; ')
          : `${name} holds ${describeHoldings(cm.info)}, which does not cover ${disability}`;
  sink.add(
    'CM_AUTH_NEEDS_REVIEW',
    'warning',
    subject,
    'Case manager authorization needs review',
    `Whether ${name} is authorized for ${student.name} (${disability}) cannot be decided from the data: ${missing}.${roleNote}${wouldCover}`,
    CITE,
    verdict.result === 'unknown' ? `Open ${name}'s staff page or import staff credentials.` : `Record what is missing (above) or check ${name}'s documents; if the gap is real: ${fix}`,
  );
  return true;
}
