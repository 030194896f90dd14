import { describeHoldings, evaluateStaff, holdsAny, type Need, type Verdict } from '../coverage';
import { findException } from '../exception';
import type { FindingSink } from '../findings';
import { describeCode } from '../pack/credentials';
import { describeCategory } from '../pack/disabilities';
import type { RuleSettings } from '../settings';
import { sameStaff, unseen } from '../staff-index';
import type { ServiceCtx, StudentCtx } from '../student-context';
import { letLiaisonSee, type NotChecked } from './not-checked';

/**
 * Check 3: every provider with known credentials must hold the authorization their service requires.
 * `cmReported`: check 1 already reported the case manager (check 9, one gap one finding).
 */
export function checkProviders(
  ctx: StudentCtx,
  need: Need | null,
  cmReported: boolean,
  settings: RuleSettings,
  notChecked: NotChecked,
  sink: FindingSink,
): void {
  const subject = { kind: 'student' as const, id: ctx.student.id };
  const partial = settings.staffKnowledge === 'partial';
  const seen = new Set<string>();
  for (const s of ctx.services) {
    if (!s.provider || s.norm.kind !== 'service') continue;
    const row = s.norm.row;
    const key = `${row.id}|${s.provider.kind === 'staff' ? s.provider.info.staff.id : s.provider.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (s.provider.kind === 'unknown') {
      // Check 9, one gap one finding: the case manager already reported as not checked is not reported again.
      if (cmReported && sameStaff(s.provider, ctx.cm)) continue;
      sink.add(
        'PROVIDER_UNKNOWN_STAFF',
        'info',
        subject,
        'Provider has no staff record',
        `${s.provider.label} provides ${s.norm.label} to ${ctx.student.name} but has no staff record${s.provider.ambiguous ? ' (the name matches more than one staff member)' : ''}, so their credentials cannot be checked.`,
        row.citation,
        partial
          ? `${letLiaisonSee(s.provider)}.`
          : `Add ${s.provider.label} to the staff file with their credentials, or correct the provider's name or staff id so it matches a staff record.`,
      );
      continue;
    }
    if (!row.requires) continue;
    const isCm = sameStaff(s.provider, ctx.cm);
    const notSeen = unseen(s.provider, partial);
    const unchecked = () =>
      notChecked.provider(
        s.provider!,
        `whether they are authorized to provide ${s.norm.kind === 'service' ? s.norm.label : 'it'}`,
        row.citation,
      );
    if (row.requires === 'coverage') {
      if (!need || (isCm && cmReported)) continue;
      const v = notSeen ? null : evaluateStaff(s.provider.info, need);
      if (v?.result === 'yes') continue;
      const exception = findException(ctx, need, { unrecordedCounts: true, partial });
      if (exception.status === 'found') continue; // the exception clears it silently: the info code is for case managers
      if (!v) {
        unchecked();
        continue;
      }
      if (v.result === 'no' && exception.status === 'none')
        providerFinding(
          'PROVIDER_NOT_AUTHORIZED',
          ctx,
          s,
          v,
          partial,
          sink,
          `an authorization covering ${describeCategory(need.category)}`,
        );
      else if (v.result === 'no' && exception.status === 'unseen') {
        for (const u of exception.unseen)
          notChecked.provider(
            u.provider!,
            `whether their ${u.norm.kind === 'service' ? u.norm.label : 'service'} serves ${ctx.student.name} (${describeCategory(need.category)}) under an authorization, which ${s.provider.info.staff.name}'s documents do not cover`,
            row.citation,
          );
      } else if (!isCm)
        providerFinding(
          'PROVIDER_NEEDS_REVIEW',
          ctx,
          s,
          exception.status === 'maybe' && v.result === 'no'
            ? { ...v, reasons: [`a possible exception needs checking (${exception.reason})`] }
            : v,
          partial,
          sink,
        );
      continue;
    }
    if (notSeen) {
      unchecked();
      continue;
    }
    const v = holdsAny(s.provider.info, row.requires);
    if (v.result === 'no')
      providerFinding('PROVIDER_NOT_AUTHORIZED', ctx, s, v, partial, sink, row.requires.map(describeCode).join(' or '));
    else if (v.result === 'review') providerFinding('PROVIDER_NEEDS_REVIEW', ctx, s, v, partial, sink);
  }
}

type Outcome = 'PROVIDER_NOT_AUTHORIZED' | 'PROVIDER_NEEDS_REVIEW';

/** One provider finding on the student: a real gap (error) or one the data cannot settle (warning). */
function providerFinding(
  code: Outcome,
  ctx: StudentCtx,
  s: ServiceCtx,
  v: Verdict,
  partial: boolean,
  sink: FindingSink,
  needed = '',
): void {
  if (s.provider?.kind !== 'staff' || s.norm.kind !== 'service') return;
  const who = s.provider.info.staff.name;
  const service = s.norm.row.name;
  const gap = code === 'PROVIDER_NOT_AUTHORIZED';
  sink.add(
    code,
    gap ? 'error' : 'warning',
    { kind: 'student', id: ctx.student.id },
    gap ? `Provider not authorized for ${service}` : `Provider authorization for ${service} needs review`,
    gap
      ? `${who} provides ${s.norm.label} to ${ctx.student.name} but holds ${describeHoldings(s.provider.info)}; the service needs ${needed}${v.reasons.length ? ` (${v.reasons.join('; ')})` : ''}.`
      : `Whether ${who} is authorized to provide ${s.norm.label} to ${ctx.student.name} cannot be decided from the data: ${v.reasons.join('; ')}.`,
    s.norm.row.citation,
    gap
      ? `Assign a provider who holds ${needed}, or update ${who}'s credentials if they are out of date.`
      : v.result === 'unknown'
        ? partial
          ? `${who}'s staff record in the SIS lists no credential documents: record them there, or look them up on the CTC public search.`
          : `Record ${who}'s credential documents (a staff file with their credentials), or look them up on the CTC public search.`
        : `Check ${who}'s credential documents.`,
  );
}
