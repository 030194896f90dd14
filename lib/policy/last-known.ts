import type { LiaisonDb } from '../db/database';
import { sameJson } from '../db/ingest';
import { readPolicy, type Policy } from './schema';

/** The settings row holding the policy last read from managed storage (this browser's: never in a backup). */
export const LAST_POLICY_KEY = 'policy:last-read';

/**
 * The district policy, read per message, without making the first page after the browser starts wait on managed
 * storage: its first read takes 2-3 s in Chromium (then under a millisecond), and every page read asks for the
 * policy. Until that first read is back, the policy last read stands in; when the read differs from it, `changed`
 * is called (the worker has its tabs read their pages again). With no policy kept (the first run) the read is
 * awaited: never a guess.
 */
export function policyWithLastKnown(
  read: () => Promise<Policy>,
  db: LiaisonDb,
  changed: () => void,
): () => Promise<Policy> {
  let ready = false;
  let first: Promise<Policy> | undefined;
  const kept = async (): Promise<Policy | undefined> => {
    const row = await db.settings.get(LAST_POLICY_KEY).catch(() => undefined);
    return row ? readPolicy(row.value).policy : undefined;
  };
  const firstRead = async (): Promise<Policy> => {
    const [fresh, before] = await Promise.all([read(), kept()]);
    ready = true;
    if (before && sameJson(before, fresh)) return fresh;
    await db.settings.put({ key: LAST_POLICY_KEY, value: fresh, updatedAt: Date.now() }).catch(() => undefined);
    if (before) changed();
    return fresh;
  };
  return async () => {
    if (ready) return read();
    first ??= firstRead();
    return (await kept()) ?? first;
  };
}
