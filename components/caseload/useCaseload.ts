import type { LiaisonDb } from '../../lib/db/database';
import { loadDistrictInput, recentSite } from '../../lib/district/load';
import { loadMe, type Me } from '../../lib/district/settings';
import { notesForSite } from '../../lib/notes/repo';
import { useLiveQuery } from '../useLiveQuery';

export interface CaseloadData {
  site: string | null;
  me: Me;
  input: Awaited<ReturnType<typeof loadDistrictInput>> & { notes: Awaited<ReturnType<typeof notesForSite>> };
}

/** The site the user works in now, its cached rows, its notes and who "I" am; live as the worker writes. */
async function load(db: LiaisonDb): Promise<CaseloadData> {
  const site = await recentSite(db);
  const [input, notes, me] = await Promise.all([
    site ? loadDistrictInput(db, site) : Promise.resolve({ students: [], staff: [], findings: [] }),
    // Notes may be locked (encrypted at rest): the caseload still shows, without contact dates.
    site ? notesForSite(db, site).catch(() => []) : Promise.resolve([]),
    loadMe(db),
  ]);
  return { site, me, input: { ...input, notes } };
}

export function useCaseload(db: LiaisonDb) {
  return useLiveQuery(() => load(db), [db]);
}
