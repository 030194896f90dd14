import type { ProfilePage, SiteProfile, SiteProfileInput } from './profile';

/**
 * Does `host` fit the glob? `*` stands for one or more whole labels (a run of host characters that neither starts
 * nor ends with a dot). Matched by dynamic programming over pattern × host characters: at most 200 × 253 steps,
 * whatever the pattern (a regular expression built from `*.*.*.*…` took seconds on a long host).
 */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p.length > 200 || h.length > 253) return false;
  // row[j]: the pattern so far matches h[0..j).
  let row = new Array<boolean>(h.length + 1).fill(false);
  row[0] = true;
  for (const c of p) {
    const next = new Array<boolean>(h.length + 1).fill(false);
    if (c === '*') {
      let open = false; // some k < j with row[k] and h[k] not a dot: a run may start there
      for (let j = 1; j <= h.length; j++) {
        if (row[j - 1] && h[j - 1] !== '.') open = true;
        next[j] = open && h[j - 1] !== '.'; // a run may cross dots (several labels), not end on one
      }
    } else for (let j = 1; j <= h.length; j++) next[j] = !!row[j - 1] && h[j - 1] === c;
    row = next;
  }
  return !!row[h.length];
}

/** The part of a URL that page patterns are tested against. */
export function pageKey(url: URL): string {
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * A page's URL pattern (profile `urlPatterns`): a glob, never a regular expression, so no profile (taught,
 * imported, restored, policy) can make matching slow.
 *
 *   /students/*              the path, whole: `*` is one or more characters within one segment
 *   /**​/state/goals        one `**` segment: any number of segments (zero or more)
 *   /admin/students/*.html?frn=001*&tab=iep   each `k` or `k=glob` must be among the query's parameters
 *   /**#/state/goals*        after `#`: the fragment (without `#`), `*` any characters
 *
 * Case-insensitive, as the regular expressions were. Matching is linear: literal parts between stars are found
 * left to right (leftmost is always right for `*`-only globs), with no backtracking. At most 8 stars; URLs longer
 * than 4,000 characters match nothing.
 */
export interface UrlGlob {
  path: string[];
  query: { key: string; value: string | null }[];
  hash: string | null;
}

export const MAX_GLOB_STARS = 8;
/** Characters of regular expressions that a glob never has: a pattern with them is a regular expression. */
const REGEX_CHARS = /[\^$()[\]{}|+]/;

/** Parses a URL glob; a string says what is wrong with it. */
export function parseUrlGlob(source: string): UrlGlob | string {
  if (source.length > 500) return 'a URL pattern has at most 500 characters';
  if (REGEX_CHARS.test(source))
    return `"${source.slice(0, 80)}" looks like a regular expression; URL patterns are globs like /students/* or /student.aspx?id=*`;
  if (!source.startsWith('/')) return `"${source.slice(0, 80)}" must start with / (the URL's path)`;
  if ((source.match(/\*/g) ?? []).length > MAX_GLOB_STARS)
    return `"${source.slice(0, 80)}" has more than ${MAX_GLOB_STARS} stars`;
  const hashAt = source.indexOf('#');
  const beforeHash = hashAt < 0 ? source : source.slice(0, hashAt);
  const hash = hashAt < 0 ? null : source.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const path = (queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt)).toLowerCase().split('/');
  if (path.filter((seg) => seg === '**').length > 1) return `"${source.slice(0, 80)}" has more than one ** segment`;
  if (path.some((seg) => seg !== '**' && seg.includes('**')))
    return `"${source.slice(0, 80)}": ** stands alone as a segment`;
  const query =
    queryAt < 0
      ? []
      : beforeHash
          .slice(queryAt + 1)
          .split('&')
          .filter(Boolean)
          .map((pair) => {
            const eq = pair.indexOf('=');
            return eq < 0
              ? { key: pair.toLowerCase(), value: null }
              : { key: pair.slice(0, eq).toLowerCase(), value: pair.slice(eq + 1).toLowerCase() };
          });
  if (query.some((q) => q.key.includes('*'))) return `"${source.slice(0, 80)}": a query parameter's name has no *`;
  return { path, query, hash: hash === null ? null : hash.toLowerCase() };
}

/**
 * `*`-only glob against text: each `*` one or more characters. The literal parts are found left to right with
 * indexOf; the leftmost place is always right, so there is no backtracking.
 */
export function starMatch(glob: string, text: string): boolean {
  const parts = glob.split('*');
  if (parts.length === 1) return glob === text;
  // split() of a text with a star gives at least two parts.
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const end = text.length - last.length;
  if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = text.indexOf(part, at + 1); // the star before it takes at least one character
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return end - at >= 1; // and the last star too
}

function pathMatches(glob: string[], segs: string[]): boolean {
  const wild = glob.indexOf('**');
  if (wild < 0) return glob.length === segs.length && glob.every((g, i) => starMatch(g, segs[i] ?? ''));
  const before = glob.slice(0, wild);
  const after = glob.slice(wild + 1);
  if (segs.length < before.length + after.length) return false;
  const tail = segs.slice(segs.length - after.length);
  return before.every((g, i) => starMatch(g, segs[i] ?? '')) && after.every((g, i) => starMatch(g, tail[i] ?? ''));
}

/** Whether a URL fits a parsed glob (see `parseUrlGlob`). */
export function urlGlobMatches(glob: UrlGlob, url: URL): boolean {
  if (url.href.length > 4000) return false;
  if (!pathMatches(glob.path, url.pathname.toLowerCase().split('/'))) return false;
  if (glob.query.length) {
    // Raw `k=v` pairs, as the URL spells them (teach mode writes them so).
    const pairs = url.search
      .slice(1)
      .split('&')
      .filter(Boolean)
      .map((p) => {
        const eq = p.indexOf('=');
        return eq < 0
          ? [p.toLowerCase(), '']
          : ([p.slice(0, eq).toLowerCase(), p.slice(eq + 1).toLowerCase()] as const);
      });
    for (const q of glob.query)
      if (!pairs.some(([k, v]) => k === q.key && (q.value === null || starMatch(q.value, v)))) return false;
  }
  return glob.hash === null || starMatch(glob.hash, url.hash.slice(1).toLowerCase());
}

const parsed = new Map<string, UrlGlob | null>();
/** A pattern as `urlGlobMatches` takes it; null (matches nothing) when it is not a valid glob. Cached, bounded. */
function globFor(source: string): UrlGlob | null {
  let g = parsed.get(source);
  if (g === undefined) {
    const p = parseUrlGlob(source);
    g = typeof p === 'string' ? null : p;
    if (parsed.size > 1000) parsed.clear();
    parsed.set(source, g);
  }
  return g;
}

/** Whether one of a page's URL patterns fits. */
export function urlPatternMatches(pattern: string, url: URL): boolean {
  const g = globFor(pattern);
  return !!g && urlGlobMatches(g, url);
}

/** The profile's pages whose host and URL patterns fit (markers are checked against the document later). */
export function pagesForUrl(profile: SiteProfile, url: URL): ProfilePage[] {
  if (!profile.hostPatterns.some((p) => hostMatches(p, url.hostname))) return [];
  return profile.pages.filter(
    (page) =>
      page.urlPatterns.some((p) => urlPatternMatches(p, url)) &&
      !(page.excludeUrlPatterns ?? []).some((p) => urlPatternMatches(p, url)),
  );
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
