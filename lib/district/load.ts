import type { LiaisonDb } from '../db/database';
import type { DistrictInput } from './aggregate';

/**
 * The cached rows the district view and My caseload read: three bulk reads in one read transaction, so a
 * worker write in between cannot pair a new student with old findings. `site` limits to one SIS.
 */
export function loadDistrictInput(db: LiaisonDb, site?: string | null): Promise<DistrictInput> {
  return db.transaction('r', [db.students, db.staff, db.findings], async () => {
    const [students, staff, findings] = await Promise.all(
      site
        ? [
            db.students.where('site').equals(site).toArray(),
            db.staff.where('site').equals(site).toArray(),
            db.findings.where('site').equals(site).toArray(),
          ]
        : [db.students.toArray(), db.staff.toArray(), db.findings.toArray()],
    );
    return { students, staff, findings };
  });
}

/** Every site Liaison holds records of. */
export async function knownSites(db: LiaisonDb): Promise<string[]> {
  const [a, b] = await Promise.all([db.students.orderBy('site').uniqueKeys(), db.staff.orderBy('site').uniqueKeys()]);
  return [...new Set([...a, ...b].map(String))].sort();
}

/** The site of the page the user looked at last, else the first site with records, else null. */
export async function recentSite(db: LiaisonDb): Promise<string | null> {
  const page = await db.pages.orderBy('at').last();
  if (page) return page.site;
  return (await knownSites(db))[0] ?? null;
}
