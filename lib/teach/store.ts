import { SiteProfile, hostMatches } from '../adapters/profile';
import type { LiaisonDb } from '../db/database';
import { readPolicy, type Policy } from '../policy/schema';

/**
 * Site profiles the user taught or imported live in `db.profiles`, one row per profile id, the value being the
 * profile's JSON exactly as exported. Rows are parsed on every read: a row that no longer parses is skipped.
 */
export async function listProfiles(db: LiaisonDb): Promise<SiteProfile[]> {
  const rows = await db.profiles.toArray();
  return rows.flatMap((r) => {
    const p = SiteProfile.safeParse(r.value);
    return p.success ? [p.data] : [];
  });
}

export async function saveProfiles(db: LiaisonDb, profiles: SiteProfile[], now = Date.now()): Promise<void> {
  await db.profiles.bulkPut(profiles.map((p) => ({ key: p.id, value: p, updatedAt: now })));
}

/**
 * Deletes a profile: every row that holds it, whatever its key (a row written under another key, as a restore of
 * an older backup could, must not outlive the Delete button), and a row under its id that no longer parses.
 */
export async function deleteProfile(db: LiaisonDb, id: string): Promise<void> {
  await db.profiles.filter((r) => r.key === id || (r.value as { id?: unknown } | null)?.id === id).delete();
}

/** Rows that no longer parse as a profile (they read nothing), so the settings can offer to delete them. */
export async function damagedProfileKeys(db: LiaisonDb): Promise<string[]> {
  return (await db.profiles.toArray()).filter((r) => !SiteProfile.safeParse(r.value).success).map((r) => r.key);
}

export async function deleteProfileRows(db: LiaisonDb, keys: string[]): Promise<void> {
  await db.profiles.bulkDelete(keys);
}

/** The policy's deployable profiles that parse; the others are dropped without naming their content. */
export function policyProfiles(policy: Policy): SiteProfile[] {
  return (policy.siteProfiles ?? []).flatMap((raw) => {
    const p = SiteProfile.safeParse(raw);
    return p.success ? [p.data] : [];
  });
}

/** District policy from managed storage; anything wrong (no storage area, bad values) reads as "no policy". */
export async function readManagedPolicy(area: { get(): Promise<unknown> } | undefined): Promise<Policy> {
  try {
    return area ? readPolicy(await area.get()).policy : {};
  } catch {
    return {};
  }
}

const forHost = (host: string) => (p: SiteProfile) => p.hostPatterns.some((pattern) => hostMatches(pattern, host));

/**
 * What a content script on `host` gets at start: the user's profiles for that host, then the district's
 * (the user's teaching of a page wins over a deployed one), and the ids policy switched off.
 */
export async function profilesForHost(db: LiaisonDb, host: string, policy: Policy) {
  const own = (await listProfiles(db)).filter(forHost(host));
  const ids = new Set(own.map((p) => p.id));
  const deployed = policyProfiles(policy).filter((p) => forHost(host)(p) && !ids.has(p.id));
  return { profiles: [...own, ...deployed], disabledAdapters: policy.disabledAdapters ?? [] };
}

/**
 * Teach mode's save, coming from a page's content script: the profile must parse, is kept to the sender's
 * host whatever patterns it names, and may not overwrite a profile that belongs to another site.
 */
export async function saveTaughtProfile(
  db: LiaisonDb,
  raw: unknown,
  host: string,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const parsed = SiteProfile.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'the profile is not valid' };
  const profile = { ...parsed.data, hostPatterns: [host] };
  const existing = await db.profiles.get(profile.id);
  const old = existing && SiteProfile.safeParse(existing.value);
  if (old?.success && !old.data.hostPatterns.some((p) => hostMatches(p, host)))
    return { ok: false, error: 'a profile with this id belongs to another site' };
  await saveProfiles(db, [profile]);
  return { ok: true };
}
