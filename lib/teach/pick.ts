import { profileAdapter } from '../adapters/generic/profile-reader';
import type { SiteProfile } from '../adapters/profile';
import { pickAdapter } from '../adapters/registry';
import type { PageRead, SiteAdapter } from '../adapters/types';
import type { PageType } from '../domain';

export interface SiteProfiles {
  /** Profiles for this site (taught, imported, or deployed by policy), already validated by the worker. */
  profiles: SiteProfile[];
  /** Adapter and profile ids switched off by district policy. */
  disabledAdapters: string[];
}

/**
 * Whether a profile's read of a page it claims found what the page is: a record page must yield its record (a
 * page whose id the profile cannot find is not read at all); a list its table (an empty caseload is a real
 * list), which shows as records read or a read without warnings.
 */
export function readsSomething(read: PageRead): boolean {
  const { students, staff, diagnostics, pageType } = read.snapshot;
  if (students.length || staff.length) return true;
  const list = pageType === 'student-list' || pageType === 'staff-list';
  return list && !diagnostics.some((d) => d.level !== 'info');
}

/**
 * A site profile as the content script uses it: it claims a page only when it reads something there, so a
 * taught profile that finds no record leaves the page "not recognized" (the chip, the side panel's notice and
 * teach mode stay offered) instead of silently reading nothing. The read made to decide is the one the caller
 * gets next, in the same task (no second read of a big page).
 */
function claimingWhenRead(adapter: SiteAdapter): SiteAdapter {
  let last: { url: string; doc: Document; read: PageRead } | null = null;
  return {
    ...adapter,
    detect(url, doc) {
      last = null;
      const type = adapter.detect(url, doc);
      if (!type) return null;
      const read = adapter.read(doc, url);
      if (!readsSomething(read)) return null;
      const kept = (last = { url: url.href, doc, read });
      // Only for the read that follows at once: a later read sees the page as it is then.
      queueMicrotask(() => {
        if (last === kept) last = null;
      });
      return type;
    },
    read(doc, url) {
      const kept = last;
      last = null;
      return kept && kept.doc === doc && kept.url === url.href ? kept.read : adapter.read(doc, url);
    },
  };
}

/**
 * The content script's adapter choice: the site's own profiles first (a district's teaching beats a guess),
 * then the built-in adapters, skipping every id policy switched off. A profile that fails to build or detect,
 * or reads nothing on the page, counts as "not recognized" and never hides the others.
 */
export function sitePicker(site: SiteProfiles) {
  const disabled = new Set(site.disabledAdapters);
  const own: SiteAdapter[] = [];
  for (const p of site.profiles) {
    if (disabled.has(p.id)) continue;
    try {
      own.push(claimingWhenRead(profileAdapter(p)));
    } catch {
      // Already validated by the worker; a profile that still does not build is skipped.
    }
  }
  return (url: URL, doc: Document): { adapter: SiteAdapter; pageType: PageType } | null =>
    pickAdapter(url, doc, disabled, own) ?? pickAdapter(url, doc, disabled);
}
