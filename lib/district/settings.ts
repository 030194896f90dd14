import { z } from 'zod';
import type { LiaisonDb } from '../db/database';

/** "I am …": the staff member whose caseload My caseload shows; null shows every case manager's students. */
export const Me = z.object({ site: z.string().min(1), staffId: z.string().min(1) }).nullable();
export type Me = z.infer<typeof Me>;

const ME_KEY = 'caseload.me';

export async function loadMe(db: LiaisonDb): Promise<Me> {
  const parsed = Me.safeParse((await db.settings.get(ME_KEY))?.value ?? null);
  return parsed.success ? parsed.data : null;
}

export async function saveMe(db: LiaisonDb, me: Me, now = Date.now()): Promise<void> {
  await db.settings.put({ key: ME_KEY, value: Me.parse(me), updatedAt: now });
}

export const meKey = (me: Me) => (me ? `${me.site}|${me.staffId}` : null);
