import { SiteProfile } from '../adapters/profile';

/** The exported file: a marked envelope so an import can tell it from any other JSON. */
export const EXPORT_FORMAT = 'liaison-site-profiles';

export function exportProfiles(profiles: SiteProfile[]): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: 1, profiles }, null, 2)}\n`;
}

export interface ImportPlan {
  /** Valid profiles, each marked new or replacing one with the same id. */
  items: { profile: SiteProfile; replaces: boolean }[];
  /** What could not be imported, by position and reason (never the content). */
  errors: string[];
}

/**
 * Reads an import: our export envelope, a bare array of profiles, or one profile (as a policy entry is
 * written). Every profile is validated on its own; the rest still import.
 */
export function planImport(text: string, existingIds: Iterable<string>): ImportPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { items: [], errors: ['The file is not JSON.'] };
  }
  const list: unknown[] = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { profiles?: unknown }).profiles)
      ? (data as { profiles: unknown[] }).profiles
      : [data];
  const existing = new Set(existingIds);
  const seen = new Set<string>();
  const plan: ImportPlan = { items: [], errors: [] };
  list.slice(0, 200).forEach((raw, i) => {
    const parsed = SiteProfile.safeParse(raw);
    if (!parsed.success) {
      const path = parsed.error.issues[0]?.path ?? [];
      const where = path.join('.') || 'profile';
      // Profiles written before globs may carry regular expressions, which Liaison no longer runs (issue 12).
      const hint = path.some((k) => k === 'urlPatterns' || k === 'excludeUrlPatterns')
        ? ' URL patterns are globs like /students/* or /student.aspx?id=*, not regular expressions.'
        : '';
      plan.errors.push(`Profile ${i + 1} is not a valid site profile (${where}).${hint}`);
    } else if (seen.has(parsed.data.id)) plan.errors.push(`Profile ${i + 1} repeats the id ${parsed.data.id}.`);
    else {
      seen.add(parsed.data.id);
      plan.items.push({ profile: parsed.data, replaces: existing.has(parsed.data.id) });
    }
  });
  if (list.length > 200) plan.errors.push('Only the first 200 profiles were read.');
  return plan;
}
