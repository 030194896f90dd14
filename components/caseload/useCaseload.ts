import type { LiaisonDb } from '../../lib/db/database';
import { loadCaseloadInput, recentSite } from '../../lib/district/load';
import { loadMe, type Me } from '../../lib/district/settings';
import { notesForSite } from '../../lib/notes/repo';
import { useLiveQuery } from '../useLiveQuery';

export interface CaseloadData {
  site: string | null;
  me: Me;
  /** Everyone "I am …" can pick: the site's staff, by name. */
  people: { key: string; label: string }[];
  input: Awaited<ReturnType<typeof loadCaseloadInput>> & { notes: Awaited<ReturnType<typeof notesForSite>> };
}

/** The site the user works in now, its cached rows, its notes and who "I" am; live as the worker writes. */
async function load(db: LiaisonDb): Promise<CaseloadData> {
  const [site, me] = await Promise.all([recentSite(db), loadMe(db)]);
  const [input, notes, staff] = await Promise.all([
    site ? loadCaseloadInput(db, site, me) : Promise.resolve({ students: [], staff: [], findings: [] }),
    // Notes may be locked (encrypted at rest): the caseload still shows, without contact dates.
    site ? notesForSite(db, site).catch(() => []) : Promise.resolve([]),
    site ? db.staff.where('site').equals(site).toArray() : Promise.resolve([]),
  ]);
  const people = staff
    .map((s) => ({ key: `${s.site}|${s.id}`, label: `${s.record.name} (${s.id})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { site, me, people, input: { ...input, notes } };
}

export function useCaseload(db: LiaisonDb) {
  return useLiveQuery(() => load(db), [db]);
}
