import { personNameKey, type CaseManagerRef, type Service } from '../domain';
import { staffResolver, type StaffResolver } from '../domain/staff-resolver';
import type { StaffRow } from '../db/database';

/**
 * Finds the staff record a student refers to, per site, with the resolver the worker's checks use
 * (lib/domain/staff-resolver.ts): by id, else by a name exactly one staff member of the site has. A name two
 * people share is attributed to neither, as the checks refuse it. One resolver per site, built once: lookups
 * run for every student and service of a 50,000-student district.
 */
export class StaffRowIndex {
  private readonly bySite = new Map<string, StaffResolver<StaffRow>>();
  /** One `site|id` string per staff member, made once and shared by every line that names them. */
  private readonly keys = new Map<StaffRow, string>();

  constructor(rows: readonly StaffRow[]) {
    const sites = new Map<string, StaffRow[]>();
    for (const r of rows) {
      let list = sites.get(r.site);
      if (!list) sites.set(r.site, (list = []));
      list.push(r);
      this.keys.set(r, staffKey(r.site, r.id));
    }
    for (const [site, list] of sites)
      this.bySite.set(
        site,
        staffResolver(
          list,
          (r) => r.id,
          (r) => personNameKey(r.record.name),
        ),
      );
  }

  find(site: string, ref: { staffId?: string | null; name?: string | null } | null | undefined): StaffRow | undefined {
    if (!ref) return undefined;
    return this.bySite.get(site)?.resolve(ref.staffId, ref.name)?.hit ?? undefined;
  }

  caseManager(site: string, cm: CaseManagerRef | null | undefined) {
    return this.find(site, cm);
  }

  provider(site: string, s: Service) {
    return this.find(site, { staffId: s.providerStaffId, name: s.providerName });
  }

  keyOf(row: StaffRow): string {
    return this.keys.get(row) ?? staffKey(row.site, row.id);
  }
}

export const staffKey = (site: string, id: string) => `${site}|${id}`;
