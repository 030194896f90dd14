import { personNameKey, type CaseManagerRef, type Service } from '../domain';
import type { StaffRow } from '../db/database';

type BySite = Map<string, Map<string, StaffRow>>;

function put(map: BySite, site: string, key: string, row: StaffRow) {
  let m = map.get(site);
  if (!m) map.set(site, (m = new Map()));
  if (!m.has(key)) m.set(key, row);
}

/**
 * Finds the staff record a student refers to, by id, else by the same name key the database indexes
 * (lib/db/merge), so the district view resolves people as the worker's checks do. Maps nest by site so a
 * lookup builds no strings: it runs for every student and service of a 50,000-student district.
 */
export class StaffRowIndex {
  private readonly byId: BySite = new Map();
  private readonly byName: BySite = new Map();
  /** One `site|id` string per staff member, made once and shared by every line that names them. */
  private readonly keys = new Map<StaffRow, string>();

  constructor(rows: readonly StaffRow[]) {
    for (const r of rows) {
      put(this.byId, r.site, r.id, r);
      const name = personNameKey(r.record.name);
      if (name) put(this.byName, r.site, name, r);
      this.keys.set(r, staffKey(r.site, r.id));
    }
  }

  find(site: string, ref: { staffId?: string | null; name?: string | null } | null | undefined): StaffRow | undefined {
    if (!ref) return undefined;
    const byId = ref.staffId ? this.byId.get(site)?.get(ref.staffId) : undefined;
    if (byId) return byId;
    const name = ref.name ? personNameKey(ref.name) : '';
    return name ? this.byName.get(site)?.get(name) : undefined;
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
