import type { CaseManagerRole } from '../../domain/records';
import type { Candidates } from '../candidates';
import { K, type Level, PK, POST } from '../grade';
import { describeHoldings, evaluateStaff, makeNeed, type Need, type Verdict } from '../coverage';
import { type ExceptionResult, findException } from '../exception';
import type { FindingSink } from '../findings';
import { codesCovering, type SupportLevel } from '../pack/coverage';
import { describeCode } from '../pack/credentials';
import { DISABILITY_BY_ABBR, describeCategory } from '../pack/disabilities';
import { cite } from '../pack/sources';
import type { RuleSettings } from '../settings';
import { refLabel, sameStaff, type StaffInfo, type StaffRef, unseen } from '../staff-index';
import { providesService, type StudentCtx } from '../student-context';
import { letLiaisonSee, type NotChecked, whatIsUnseen } from './not-checked';

const CITE = cite('CTC_CASE_MGMT', 'CTC_SPED_CHART');

/** Check 2: the role as recorded, else inferred from what the case manager provides to this student. */
export function effectiveRole(ctx: StudentCtx): CaseManagerRole | null {
  if (ctx.role) return ctx.role;
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

type Outcome = 'none' | 'via' | 'not-authorized' | 'provider-unseen' | 'review';

/** What check 1 concludes about a case manager whose credentials Liaison has read (or, complete, lacks). */
function decide(verdict: Verdict, exception: ExceptionResult, role: CaseManagerRole | null): Outcome {
  if (role === 'coordination' || role === 'service' || verdict.result === 'yes') return 'none';
  if (exception.status === 'found') return 'via';
  if (verdict.result === 'no' && exception.status === 'none' && role === 'instruction') return 'not-authorized';
  if (verdict.result === 'no' && exception.status === 'unseen') return 'provider-unseen';
  return 'review';
}

/**
 * Whether a review rests only on student fields whose text could not be read (role, degree of support): it does
 * when every value they could hold settles the question. DATA_UNRECOGNIZED then replaces it (RULES.md, input).
 */
function restsOnUnreadable(
  ctx: StudentCtx,
  cm: StaffInfo,
  need: Need,
  role: CaseManagerRole | null,
  partial: boolean,
): boolean {
  const roleUnread = role === null && ctx.unreadable.some((u) => u.field === 'case manager role');
  const supportUnread = ctx.unreadable.some((u) => u.field === 'degree of support');
  if (!roleUnread && !supportUnread) return false;
  const roles: (CaseManagerRole | null)[] = roleUnread ? ['instruction', 'coordination'] : [role];
  const supports: (SupportLevel | null)[] = supportUnread ? ['MMSN', 'ESN'] : [need.support];
  const except = { kind: 'staff' as const, info: cm };
  return supports.every((support) => {
    const n = makeNeed(need.category, need.level, support, need.has);
    const exception = findException(ctx, n, { unrecordedCounts: true, partial, except });
    return roles.every((r) => decide(evaluateStaff(cm, n), exception, r) !== 'review');
  });
}

/**
 * Student fields no page has shown Liaison yet (partial staff knowledge): undefined, where a page that showed the
 * field blank gives null. A list page shows no services (so no role can be inferred), an IEP tab often no grade.
 */
function unseenFields(
  ctx: StudentCtx,
  need: Need,
  role: CaseManagerRole | null,
): { grade: boolean; support: boolean; role: boolean; names: string[] } {
  const s = ctx.student;
  const grade = ctx.level.from === 'unknown' && s.grade === undefined && s.birthDate === undefined;
  const support =
    !ctx.support && s.supportLevel === undefined && !!DISABILITY_BY_ABBR.get(need.category)?.degreeOfSupport;
  const noRoleField = s.caseManager?.role === undefined && s.caseManager?.roleText === undefined;
  const roleUnseen = role === null && noRoleField && s.services === undefined;
  const names = [
    grade && 'grade or birth date',
    support && 'degree of support',
    roleUnseen && "services (which tell the case manager's role)",
  ].filter((n): n is string => !!n);
  return { grade, support, role: roleUnseen, names };
}

/**
 * Whether a review rests only on student fields Liaison has not seen: every value they could hold settles it. Then
 * the assignment is not checked yet (info), not a gap; a review that stays whatever they hold is a real one.
 */
function restsOnUnseen(
  ctx: StudentCtx,
  cm: StaffInfo,
  need: Need,
  role: CaseManagerRole | null,
  partial: boolean,
): string[] {
  if (!partial) return [];
  const unseenNow = unseenFields(ctx, need, role);
  if (!unseenNow.names.length) return [];
  const levels: Level[] = unseenNow.grade
    ? [K, 3, 9, POST, PK].map((g) => ({ lo: g, hi: g, from: 'grade' as const }))
    : [need.level];
  const supports: (SupportLevel | null)[] = unseenNow.support ? ['MMSN', 'ESN'] : [need.support];
  const roles: (CaseManagerRole | null)[] = unseenNow.role ? ['instruction', 'coordination'] : [role];
  const except = { kind: 'staff' as const, info: cm };
  // Every value settles it (yes or no): the review is only what Liaison has not seen. If some value still leaves
  // it open (a read document without an issue date), that gap is real and stays a warning.
  const settles = levels.every((level) =>
    supports.every((support) => {
      const n = makeNeed(need.category, level, support, need.has);
      const exception = findException(ctx, n, { unrecordedCounts: true, partial, except });
      return roles.every((r) => decide(evaluateStaff(cm, n), exception, r) !== 'review');
    }),
  );
  return settles ? unseenNow.names : [];
}

/** CM_NOT_CHECKED for a case manager Liaison has read, where what it lacks is the student's own unseen fields. */
function studentNotChecked(ctx: StudentCtx, cm: StaffRef, need: Need, fields: string[], sink: FindingSink): void {
  const who = ctx.student.name;
  sink.add(
    'CM_NOT_CHECKED',
    'info',
    { kind: 'student', id: ctx.student.id },
    'Case manager not checked yet',
    `Liaison has not seen ${who}'s ${list(fields)} yet, so whether ${refLabel(cm)} is authorized for ${who} (${describeCategory(need.category)}) is not checked.`,
    CITE,
    `Open ${who}'s record in the SIS (the page that shows their ${list(fields)}).`,
  );
}

/** Student fields check 1 may also need, as noun phrases ("Student A's degree of support (MMSN or ESN)"). */
function neededFields(ctx: StudentCtx, need: Need, role: CaseManagerRole | null): string[] {
  const out: string[] = [];
  const who = ctx.student.name;
  if (!ctx.support && DISABILITY_BY_ABBR.get(need.category)?.degreeOfSupport)
    out.push(`${who}'s degree of support (MMSN or ESN)`);
  if (ctx.level.from === 'unknown') out.push(`${who}'s grade or birth date`);
  if (role === null) out.push(`the case manager's role (a coordinator-only case manager needs no specialty area)`);
  return out;
}

const list = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0];

/** CM_NOT_CHECKED (partial staff knowledge): Liaison has not seen the case manager; it replaces CM_UNKNOWN_STAFF and reviews. */
function cmNotChecked(
  ctx: StudentCtx,
  cm: StaffRef,
  need: Need | null,
  role: CaseManagerRole | null,
  notChecked: NotChecked,
  sink: FindingSink,
): void {
  notChecked.cm = cm;
  const fields = need ? neededFields(ctx, need, role) : [];
  const ambiguous =
    cm.kind === 'unknown' && cm.ambiguous
      ? ' (the name matches more than one staff member: record the case manager by staff id)'
      : '';
  const what = need
    ? `whether ${refLabel(cm)} is authorized for ${ctx.student.name} (${describeCategory(need.category)})`
    : 'their assignment';
  sink.add(
    'CM_NOT_CHECKED',
    'info',
    { kind: 'student', id: ctx.student.id },
    'Case manager not checked yet',
    `${whatIsUnseen(cm)} yet${ambiguous}, so ${what} is not checked.${fields.length ? ` It may also need ${list(fields)}, which ${fields.length > 1 ? 'are' : 'is'} not recorded.` : ''}`,
    CITE,
    `${letLiaisonSee(cm)}${fields.length ? `; the student's IEP page in the SIS may show ${list(fields)}` : ''}.`,
  );
}

/**
 * Checks 1 and 2: a case manager who instructs must hold an authorization covering the disability in use,
 * unless another appropriately authorized provider serves the student. Returns true when it reported the case
 * manager (check 9: check 3 then does not report them again as the 330 provider).
 */
export function checkInstruction(
  ctx: StudentCtx,
  need: Need | null,
  candidates: Candidates,
  settings: RuleSettings,
  notChecked: NotChecked,
  sink: FindingSink,
): boolean {
  const cm = ctx.cm;
  if (!cm) return false;
  const partial = settings.staffKnowledge === 'partial';
  if (cm.kind === 'unknown' && !partial) return false; // CM_UNKNOWN_STAFF (student data): check 1 does not run
  const role = effectiveRole(ctx);
  if (!need || role === 'coordination' || role === 'service') {
    if (cm.kind === 'unknown') cmNotChecked(ctx, cm, null, role, notChecked, sink);
    return false;
  }
  const { student } = ctx;
  const subject = { kind: 'student' as const, id: student.id };
  const name = refLabel(cm);
  const disability = describeCategory(need.category);
  const verdict = cm.kind === 'staff' && !unseen(cm, partial) ? evaluateStaff(cm.info, need) : null;
  if (verdict?.result === 'yes') return false;
  // The exception is considered first, before any review or "not checked".
  const exception = findException(ctx, need, { unrecordedCounts: true, partial, except: cm });
  if (exception.status === 'found') {
    const who = refLabel(exception.who!);
    const lacks = !verdict
      ? `${whatIsUnseen(cm)} yet`
      : `${name} ${verdict.result === 'no' ? 'does not hold an authorization' : 'may not hold an authorization'} for ${disability}`;
    sink.add(
      'CM_AUTH_VIA_PROVIDER',
      'info',
      subject,
      'Covered by another provider',
      `${lacks}, but ${who} provides ${exception.service?.norm.kind === 'service' ? exception.service.norm.label : 'a service'} to ${student.name} under an appropriate authorization, so the assignment is not a misassignment.`,
      cite('CTC_CASE_MGMT', 'CTC_AUTH_FACTORS'),
    );
    return false;
  }
  if (!verdict || cm.kind !== 'staff') {
    cmNotChecked(ctx, cm, need, role, notChecked, sink);
    return true;
  }
  const outcome = decide(verdict, exception, role);
  if (outcome === 'review' && restsOnUnreadable(ctx, cm.info, need, role, partial)) return true; // DATA_UNRECOGNIZED says it
  const unseenStudent = outcome === 'review' ? restsOnUnseen(ctx, cm.info, need, role, partial) : [];
  if (unseenStudent.length) {
    studentNotChecked(ctx, cm, need, unseenStudent, sink);
    return true;
  }
  if (outcome === 'provider-unseen') {
    for (const s of exception.unseen) {
      const label = s.norm.kind === 'service' ? s.norm.label : 'a service';
      notChecked.provider(
        s.provider!,
        `whether their ${label} serves ${student.name} (${disability}) under an authorization, which ${name}'s documents do not cover`,
        CITE,
      );
    }
    return true;
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
  if (outcome === 'not-authorized') {
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
  const roleNote =
    role === null
      ? ' The role is not recorded: a coordinator-only case manager needs no specialty area, so record the role if they only coordinate.'
      : '';
  const missing =
    exception.status === 'maybe'
      ? `a possible exception needs checking (${exception.reason})`
      : verdict.result === 'unknown'
        ? `${name}'s credentials are not on record`
        : verdict.result === 'review'
          ? verdict.reasons.join('; ')
          : `${name} holds ${describeHoldings(cm.info)}, which does not cover ${disability}`;
  // Unknown credentials here were read and are empty (partial), or are missing from the whole staff list (complete).
  const unknownFix = partial
    ? `${name}'s staff record in the SIS lists no credential documents: record them there, or look them up on the CTC public search.`
    : `Record ${name}'s credential documents (a staff file with their credentials), or look them up on the CTC public search.`;
  const reviewFix = partial
    ? `Check what is missing (above) on the student's IEP page or ${name}'s staff page in the SIS, and record it there if it is blank; if the gap is real: ${fix}`
    : `Record what is missing (above) or check ${name}'s documents; if the gap is real: ${fix}`;
  sink.add(
    'CM_AUTH_NEEDS_REVIEW',
    'warning',
    subject,
    'Case manager authorization needs review',
    `Whether ${name} is authorized for ${student.name} (${disability}) cannot be decided from the data: ${missing}.${roleNote}${wouldCover}`,
    CITE,
    verdict.result === 'unknown' ? unknownFix : reviewFix,
  );
  return true;
}
