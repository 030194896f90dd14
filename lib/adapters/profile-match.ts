import type { ProfilePage, SiteProfile, SiteProfileInput } from './profile';

/** Does `host` fit the glob? `*` stands for one or more whole labels. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  const re = pattern
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[a-z0-9-]+(?:\\.[a-z0-9-]+)*');
  return new RegExp(`^${re}$`).test(host.toLowerCase());
}

/** The part of a URL that page patterns are tested against. */
export function pageKey(url: URL): string {
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The profile's pages whose host and URL patterns fit (markers are checked against the document later). */
export function pagesForUrl(profile: SiteProfile, url: URL): ProfilePage[] {
  if (!profile.hostPatterns.some((p) => hostMatches(p, url.hostname))) return [];
  const key = pageKey(url);
  return profile.pages.filter((page) => page.urlPatterns.some((p) => new RegExp(p, 'i').test(key)));
}

/**
 * A hand-written profile with the schema's defaults filled in, without running the schema: built-in profiles
 * are authored in the short input form, and a test proves this equals `SiteProfile.parse` for each of them.
 */
export function withProfileDefaults(input: SiteProfileInput): SiteProfile {
  return {
    ...input,
    verified: input.verified ?? false,
    pages: input.pages.map((p) => ({
      ...p,
      markers: p.markers ?? [],
      fields: p.fields ?? {},
      synonyms: p.synonyms ?? false,
      ...(p.list ? { list: { ...p.list, columns: p.list.columns ?? {} } } : {}),
    })),
  } as SiteProfile;
}
