import { personNameKey, type CaseManagerRef, type Service } from '../domain';
import type { StaffRow } from '../db/database';

/**
 * Finds the staff record a student refers to, by the same `site|id:` / `site|name:` keys the database indexes
 * (lib/db/merge), so the district view resolves people exactly as the worker's checks do.
 */
export class StaffIndex {
  private readonly byRef = new Map<string, StaffRow>();

  constructor(rows: readonly StaffRow[]) {
    for (const r of rows) for (const ref of r.refs) if (!this.byRef.has(ref)) this.byRef.set(ref, r);
  }

  find(site: string, ref: { staffId?: string | null; name?: string | null } | null | undefined): StaffRow | undefined {
    if (!ref) return undefined;
    const byId = ref.staffId ? this.byRef.get(`${site}|id:${ref.staffId}`) : undefined;
    if (byId) return byId;
    const name = personNameKey(ref.name);
    return name ? this.byRef.get(`${site}|name:${name}`) : undefined;
  }

  caseManager(site: string, cm: CaseManagerRef | null | undefined) {
    return this.find(site, cm);
  }

  provider(site: string, s: Service) {
    return this.find(site, { staffId: s.providerStaffId, name: s.providerName });
  }
}

export const staffKey = (site: string, id: string) => `${site}|${id}`;
