import { z } from 'zod';
import type { LiaisonDb } from '../db/database';
import { createKeyParams, KeyParams, keyFromPassphrase } from './kdf';
import { DEFAULT_IDLE_MINUTES, setIdleMinutes, unlockSession } from './session';

/** Settings rows of the notes key: its derivation parameters and the idle time before locking. */
export const KEY_PARAMS_KEY = 'crypto:keyParams';
export const IDLE_MINUTES_KEY = 'crypto:idleMinutes';

export const IdleMinutes = z.number().int().min(1).max(480);

export async function loadKeyParams(db: LiaisonDb): Promise<KeyParams | null> {
  const row = await db.settings.get(KEY_PARAMS_KEY);
  if (!row) return null;
  const parsed = KeyParams.safeParse(row.value);
  // Damaged parameters must not be silently replaced: that would orphan every note sealed with the old key.
  if (!parsed.success) throw new Error('The notes passphrase settings are damaged.');
  return parsed.data;
}

/** First use: makes the key from a new passphrase and unlocks. Refuses when a passphrase exists already. */
export async function setPassphrase(db: LiaisonDb, passphrase: string): Promise<void> {
  const { params, key } = await createKeyParams(passphrase);
  await db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(KEY_PARAMS_KEY)) throw new Error('A passphrase is set already.');
    await db.settings.put({ key: KEY_PARAMS_KEY, value: params, updatedAt: Date.now() });
  });
  await applyIdleSetting(db);
  unlockSession(key);
}

/** Unlocks with the passphrase; false when it is wrong. */
export async function unlock(db: LiaisonDb, passphrase: string): Promise<boolean> {
  const params = await loadKeyParams(db);
  if (!params) return false;
  const key = await keyFromPassphrase(passphrase, params);
  if (!key) return false;
  await applyIdleSetting(db);
  unlockSession(key);
  return true;
}

export async function loadIdleMinutes(db: LiaisonDb): Promise<number> {
  const parsed = IdleMinutes.safeParse((await db.settings.get(IDLE_MINUTES_KEY))?.value);
  return parsed.success ? parsed.data : DEFAULT_IDLE_MINUTES;
}

export async function saveIdleMinutes(db: LiaisonDb, minutes: number): Promise<void> {
  await db.settings.put({ key: IDLE_MINUTES_KEY, value: IdleMinutes.parse(minutes), updatedAt: Date.now() });
  setIdleMinutes(minutes);
}

async function applyIdleSetting(db: LiaisonDb) {
  setIdleMinutes(await loadIdleMinutes(db));
}
