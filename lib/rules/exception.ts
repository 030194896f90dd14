import { evaluateStaff, holdsAny, type Need } from './coverage';
import type { ServiceCtx, StudentCtx } from './student-context';
import { sameStaff, type StaffRef, unseen } from './staff-index';

export interface ExceptionResult {
  /**
   * found: someone serves the disability under a valid authorization. maybe: someone might, and whether rests on
   * data Liaison has (or, with complete staff knowledge, lacks). unseen: only people Liaison has not seen might.
   */
  status: 'found' | 'maybe' | 'unseen' | 'none';
  who?: StaffRef;
  service?: ServiceCtx;
  /** Why it is only possible (maybe). */
  reason?: string;
  /** Services whose provider Liaison has not seen and might make the exception (partial staff knowledge only). */
  unseen: ServiceCtx[];
}

export interface ExceptionOptions {
  /** Whether a provider with no staff record makes the exception possible (check 1) or not (check 4 needs a record). */
  unrecordedCounts: boolean;
  partial: boolean;
  /** Whose doubt is already the verdict (the person being checked): they count only when they clearly qualify. */
  except?: StaffRef;
}

/**
 * The CTC misassignment exception (RULES.md check 1): a provider who delivers to this student a service that
 * addresses the disability under a valid authorization.
 */
export function findException(ctx: StudentCtx, need: Need, opts: ExceptionOptions): ExceptionResult {
  let maybe: Omit<ExceptionResult, 'unseen'> | null = null;
  const notSeen: ServiceCtx[] = [];
  for (const s of ctx.services) {
    if (s.norm.kind !== 'service' || !s.provider) continue;
    const addresses = s.norm.row.addresses;
    if (!addresses) continue;
    if (addresses.categories !== 'coverage' && !addresses.categories.includes(need.category)) continue;
    const self = sameStaff(s.provider, opts.except ?? null);
    if (unseen(s.provider, opts.partial)) {
      if (!self && !notSeen.some((w) => sameStaff(w.provider, s.provider))) notSeen.push(s);
      continue;
    }
    if (s.provider.kind === 'unknown') {
      if (opts.unrecordedCounts && !self)
        maybe ??= { status: 'maybe', who: s.provider, service: s, reason: `${s.provider.label} has no staff record` };
      continue;
    }
    const info = s.provider.info;
    const v = addresses.under === 'coverage' ? evaluateStaff(info, need) : holdsAny(info, addresses.under);
    if (v.result === 'yes') return { status: 'found', who: s.provider, service: s, unseen: [] };
    if (v.result !== 'no' && !self)
      maybe ??= { status: 'maybe', who: s.provider, service: s, reason: `${info.staff.name}: ${v.reasons.join('; ')}` };
  }
  if (maybe) return { ...maybe, unseen: notSeen };
  return { status: notSeen.length ? 'unseen' : 'none', unseen: notSeen };
}
