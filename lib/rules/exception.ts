import { evaluateStaff, holdsAny, type Need } from './coverage';
import type { ServiceCtx, StudentCtx } from './student-context';
import type { StaffRef } from './staff-index';

export interface ExceptionResult {
  status: 'found' | 'maybe' | 'none';
  who?: StaffRef;
  service?: ServiceCtx;
  /** Why it is only possible (maybe). */
  reason?: string;
}

/**
 * The CTC misassignment exception (RULES.md check 1): a provider who delivers to this student a service that
 * addresses the disability under a valid authorization. `unrecordedCounts`: whether a provider with no staff
 * record makes the exception possible (check 1) or not (check 4 needs a staff record).
 */
export function findException(ctx: StudentCtx, need: Need, unrecordedCounts: boolean): ExceptionResult {
  let maybe: ExceptionResult | null = null;
  for (const s of ctx.services) {
    if (s.norm.kind !== 'service' || !s.provider) continue;
    const addresses = s.norm.row.addresses;
    if (!addresses) continue;
    if (addresses.categories !== 'coverage' && !addresses.categories.includes(need.category)) continue;
    if (s.provider.kind === 'unknown') {
      if (unrecordedCounts) maybe ??= { status: 'maybe', who: s.provider, service: s, reason: `${s.provider.label} has no staff record` };
      continue;
    }
    const info = s.provider.info;
    const v = addresses.under === 'coverage' ? evaluateStaff(info, need) : holdsAny(info, addresses.under);
    if (v.result === 'yes') return { status: 'found', who: s.provider, service: s };
    if (v.result !== 'no') maybe ??= { status: 'maybe', who: s.provider, service: s, reason: `${info.staff.name}: ${v.reasons.join('; ')}` };
  }
  return maybe ?? { status: 'none' };
}
