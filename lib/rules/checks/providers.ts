import { describeHoldings, evaluateStaff, holdsAny, type Need, type Verdict } from '../coverage';
import { findException } from '../exception';
import type { FindingSink } from '../findings';
import { describeCode } from '../pack/credentials';
import { describeCategory } from '../pack/disabilities';
import { sameStaff } from '../staff-index';
import type { ServiceCtx, StudentCtx } from '../student-context';

/**
 * Check 3: every provider with known credentials must hold the authorization their service requires.
 * `cmReported`: check 1 already reported the case manager (check 9, one gap one finding).
 */
export function checkProviders(ctx: StudentCtx, need: Need | null, cmReported: boolean, sink: FindingSink): void {
  const subject = { kind: 'student' as const, id: ctx.student.id };
  const seen = new Set<string>();
  for (const s of ctx.services) {
    if (!s.provider || s.norm.kind !== 'service') continue;
    const row = s.norm.row;
    const key = `${row.id}|${s.provider.kind === 'staff' ? s.provider.info.staff.id : s.provider.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (s.provider.kind === 'unknown') {
      sink.add(
        'PROVIDER_UNKNOWN_STAFF',
        'info',
        subject,
        'Provider has no staff record',
        `${s.provider.label} provides ${s.norm.label} to ${ctx.student.name} but has no staff record${s.provider.ambiguous ? ' (the name matches more than one staff member)' : ''}, so their credentials cannot be checked.`,
        row.citation,
        `Open ${s.provider.label}'s staff page or import staff so their credentials can be checked.`,
      );
      continue;
    }
    if (!row.requires) continue;
    const isCm = sameStaff(s.provider, ctx.cm);
    if (row.requires === 'coverage') {
      if (!need || (isCm && cmReported)) continue;
      const v = evaluateStaff(s.provider.info, need);
      if (v.result === 'yes') continue;
      const exception = findException(ctx, need, true);
      if (exception.status === 'found') continue; // the exception clears it silently: the info code is for case managers
      if (v.result === 'no' && exception.status === 'none') providerFinding('PROVIDER_NOT_AUTHORIZED', ctx, s, v, sink, `an authorization covering ${describeCategory(need.category)}`);
      else if (!isCm) providerFinding('PROVIDER_NEEDS_REVIEW', ctx, s, exception.status === 'maybe' && v.result === 'no' ? { ...v, reasons: [`a possible exception needs checking (${exception.reason})`] } : v, sink);
      continue;
    }
    const v = holdsAny(s.provider.info, row.requires);
    if (v.result === 'no') providerFinding('PROVIDER_NOT_AUTHORIZED', ctx, s, v, sink, row.requires.map(describeCode).join(' or '));
    else if (v.result === 'review') providerFinding('PROVIDER_NEEDS_REVIEW', ctx, s, v, sink);
  }
}

type Outcome = 'PROVIDER_NOT_AUTHORIZED' | 'PROVIDER_NEEDS_REVIEW';

/** One provider finding on the student: a real gap (error) or one the data cannot settle (warning). */
function providerFinding(code: Outcome, ctx: StudentCtx, s: ServiceCtx, v: Verdict, sink: FindingSink, needed = ''): void {
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
        ? `Open ${who}'s staff page or import staff credentials.`
        : `Check ${who}'s credential documents.`,
  );
}
