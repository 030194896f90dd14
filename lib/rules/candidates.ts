import { evaluateStaff, type Need } from './coverage';
import { codesCovering } from './pack/coverage';
import type { RuleStaffIndex, StaffInfo } from './staff-index';

/** How many holders of one code are tried before giving up: bounds the cost on a large district. */
const TRIES_PER_CODE = 25;

/**
 * Staff on record who could take a student whose case manager is not authorized: the fix of CM_NOT_AUTHORIZED
 * names one. Indexed by code only when the first such finding needs it.
 */
export class Candidates {
  private byCode: Map<string, StaffInfo[]> | null = null;

  constructor(private readonly staff: RuleStaffIndex) {}

  private index(): Map<string, StaffInfo[]> {
    const map = new Map<string, StaffInfo[]>();
    for (const info of this.staff.byId.values())
      for (const d of info.valid)
        for (const c of d.norm.choices)
          if (c.options.length === 1) {
            const code = c.options[0]!;
            const list = map.get(code);
            if (!list) map.set(code, [info]);
            else if (list[list.length - 1] !== info) list.push(info);
          }
    return map;
  }

  /** The first staff member (input order) other than `except` whose documents cover the need. */
  find(need: Need, except: StaffInfo): { info: StaffInfo; code: string } | null {
    this.byCode ??= this.index();
    for (const code of codesCovering(need.category, need.support, need.level)) {
      const holders = this.byCode.get(code) ?? [];
      for (const holder of holders.slice(0, TRIES_PER_CODE)) {
        if (holder === except) continue;
        const v = evaluateStaff(holder, need);
        if (v.result === 'yes') return { info: holder, code: v.code! };
      }
    }
    return null;
  }
}
