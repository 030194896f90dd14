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
      if (v.result === 'no' && exception.status === 'none') report(ctx, s, v, `an authorization covering ${describeCategory(need.category)}`, sink);
      else if (!isCm) review(ctx, s, exception.status === 'maybe' && v.result === 'no' ? { ...v, reasons: [`a possible exception needs checking (${exception.reason})`] } : v, sink);
      continue;
    }
    const v = holdsAny(s.provider.info, row.requires);
    if (v.result === 'no') report(ctx, s, v, row.requires.map(describeCode).join(' or '), sink);
    else if (v.result === 'review') review(ctx, s, v, sink);
  }
}

function report(ctx: StudentCtx, s: ServiceCtx, v: Verdict, needed: string, sink: FindingSink): void {
  if (s.provider?.kind !== 'staff' || s.norm.kind !== 'service') return;
  const info = s.provider.info;
  sink.add(
    'PROVIDER_NOT_AUTHORIZED',
    'error',
    { kind: 'student', id: ctx.student.id },
    `Provider not authorized for ${s.norm.row.name}`,
    `${info.staff.name} provides ${s.norm.label} to ${ctx.student.name} but holds ${describeHoldings(info)}; the service needs ${needed}${v.reasons.length ? ` (${v.reasons.join('; ')})` : ''}.`,
    s.norm.row.citation,
    `Assign a provider who holds ${needed}, or update ${info.staff.name}'s credentials if they are out of date.`,
  );
}

function review(ctx: StudentCtx, s: ServiceCtx, v: Verdict, sink: FindingSink): void {
  if (s.provider?.kind !== 'staff' || s.norm.kind !== 'service') return;
  const info = s.provider.info;
  sink.add(
    'PROVIDER_NEEDS_REVIEW',
    'warning',
    { kind: 'student', id: ctx.student.id },
    `Provider authorization for ${s.norm.row.name} needs review`,
    `Whether ${info.staff.name} is authorized to provide ${s.norm.label} to ${ctx.student.name} cannot be decided from the data: ${v.reasons.join('; ')}.`,
    s.norm.row.citation,
    v.result === 'unknown' ? `Open ${info.staff.name}'s staff page or import staff credentials.` : `Check ${info.staff.name}'s credential documents.`,
  );
}
