import { profileAdapter } from '../adapters/generic/profile-reader';
import type { SiteProfile } from '../adapters/profile';
import { pickAdapter } from '../adapters/registry';
import type { SiteAdapter } from '../adapters/types';
import type { PageType } from '../domain';

export interface SiteProfiles {
  /** Profiles for this site (taught, imported, or deployed by policy), already validated by the worker. */
  profiles: SiteProfile[];
  /** Adapter and profile ids switched off by district policy. */
  disabledAdapters: string[];
}

/**
 * The content script's adapter choice: the site's own profiles first (a district's teaching beats a guess),
 * then the built-in adapters, skipping every id policy switched off. A profile that fails to build or detect
 * counts as "not recognized" and never hides the others.
 */
export function sitePicker(site: SiteProfiles) {
  const disabled = new Set(site.disabledAdapters);
  const own: SiteAdapter[] = [];
  for (const p of site.profiles) {
    if (disabled.has(p.id)) continue;
    try {
      own.push(profileAdapter(p));
    } catch {
      // Already validated by the worker; a profile that still does not build is skipped.
    }
  }
  return (url: URL, doc: Document): { adapter: SiteAdapter; pageType: PageType } | null =>
    pickAdapter(url, doc, disabled, own) ?? pickAdapter(url, doc, disabled);
}
