import { z } from 'zod';
import { FIELDS } from './generic/fields';
import { parseUrlGlob } from './profile-match';

/**
 * A site profile as data: what teach mode saves for a district and what the starting profiles (Aeries,
 * PowerSchool, SEIS) are written as. JSON-serializable; the generic reader runs it (generic/profile-reader.ts).
 */

/**
 * A page's URL pattern: a glob over the URL's path, query and fragment (profile-match `parseUrlGlob`), never a
 * regular expression, so that no profile can make matching slow (issue 12: a 28-character regular expression took
 * 1.5 s on one URL). Profiles saved before globs, whose patterns teach mode wrote as regular expressions of one
 * known shape, are converted as they are read (`globFromTaughtRegex`); any other regular expression is refused with
 * an error that says so, and the profile with it does not load.
 */
const UrlPattern = z
  .string()
  .min(1)
  .max(500)
  .superRefine((source, ctx) => {
    const parsed = parseUrlGlob(source);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
  });

/** A page's patterns as given (globs, or regular expressions of a known shape), as globs (`globsFromLegacy`). */
const UrlPatterns = (max: number) =>
  z
    .array(z.string().min(1).max(500))
    .max(max)
    .transform((list) => list.flatMap(globsFromLegacy))
    .pipe(z.array(UrlPattern).max(max * 2));

/**
 * The globs a pattern of a profile saved before globs stands for: teach mode's own regular expressions
 * (`globFromTaughtRegex`) and anchored literal prefixes (`^/pupil`: the path starts so), the shapes profiles were
 * written in. Anything else is left as it is, for the schema to refuse when it is not a glob.
 */
export function globsFromLegacy(source: string): string[] {
  const taught = globFromTaughtRegex(source);
  if (taught) return [taught];
  const prefix = /^\^(\/[A-Za-z0-9_\-/.%~]*)$/.exec(source.replace(/\\\./g, '.'));
  const p = prefix?.[1];
  if (p !== undefined && !source.replace(/\\\./g, '').includes('.') && !p.includes('//')) {
    return p.endsWith('/') ? [`${p}**`] : [`${p}/**`, `${p}*/**`];
  }
  return [source];
}

const TAUGHT_END = '(?=[?#]|$)';
const TAUGHT_PARAM = '(?=.*[?&]';
const TAUGHT_VALUE_END = '(?:&|#|$))';

/**
 * Teach mode's regular expressions before globs: `^/path/[^/]+(?=[?#]|$)` then, per query parameter,
 * `(?=.*[?&]k=v(?:&|#|$))` or `(?=.*[?&]k=)`, literals escaped. Read by scanning, not by a regular expression; the
 * glob it gives is `/path/*?k=v&k`. Anything else: null.
 */
export function globFromTaughtRegex(source: string): string | null {
  if (!source.startsWith('^')) return null;
  const end = source.indexOf(TAUGHT_END);
  if (end < 0) return null;
  const literal = (from: number, to: number): string | null => {
    let out = '';
    for (let i = from; i < to; i++) {
      const c = source[i] ?? '';
      if (c === '\\') {
        const next = source[++i];
        if (next === undefined || next === '*' || next === '?' || next === '#') return null; // no glob can say them
        out += next;
      } else if ('.*+?^${}()|[]'.includes(c)) return null;
      else out += c;
    }
    return out;
  };
  let path = '';
  const pathEnd = end;
  for (let i = 1; i < pathEnd;) {
    if (source.startsWith('[^/]+', i)) {
      path += '*';
      i += 5;
      continue;
    }
    let j = i;
    while (j < pathEnd && !source.startsWith('[^/]+', j)) j += source[j] === '\\' ? 2 : 1;
    const lit = literal(i, Math.min(j, pathEnd));
    if (lit === null) return null;
    path += lit;
    i = j;
  }
  if (!path.startsWith('/')) return null;
  const params: string[] = [];
  let at = end + TAUGHT_END.length;
  while (at < source.length) {
    if (!source.startsWith(TAUGHT_PARAM, at)) return null;
    at += TAUGHT_PARAM.length;
    let eq = at;
    while (eq < source.length && source[eq] !== '=') eq += source[eq] === '\\' ? 2 : 1;
    const key = literal(at, eq);
    if (key === null || !key || eq >= source.length) return null;
    if (source.startsWith('=)', eq)) {
      params.push(key);
      at = eq + 2;
      continue;
    }
    const close = source.indexOf(TAUGHT_VALUE_END, eq + 1);
    const value = close < 0 ? null : literal(eq + 1, close);
    if (value === null || value.includes('&')) return null;
    params.push(`${key}=${value}`);
    at = close + TAUGHT_VALUE_END.length;
  }
  return params.length ? `${path}?${params.join('&')}` : path;
}

const Selector = z.string().min(1).max(500);
export const FieldKeySchema = z.enum(FIELDS);

/** Where one field's value sits: a CSS selector (the element holding the value) or the label text shown for it. */
export const FieldLocator = z.union([
  z.object({ selector: Selector }).strict(),
  /** One label, or the wordings a product uses for it in different places (first found wins). */
  z
    .object({ label: z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(10)]) })
    .strict(),
]);
export type FieldLocator = z.infer<typeof FieldLocator>;

/** Where a record page's id comes from. Only stable places: a URL parameter, an element, a label, a heading. */
export const IdLocator = z.discriminatedUnion('from', [
  z.object({ from: z.literal('url'), param: z.string().min(1).max(100) }),
  z.object({ from: z.literal('selector'), selector: Selector }),
  z.object({ from: z.literal('label'), label: z.string().min(1).max(200) }),
  /** A heading reading "Name - id". */
  z.object({ from: z.literal('heading'), selector: Selector }),
]);
export type IdLocator = z.infer<typeof IdLocator>;

export const ProfilePage = z.object({
  type: z.enum(['student', 'staff', 'student-list', 'staff-list']),
  urlPatterns: UrlPatterns(20).pipe(z.array(z.string()).min(1)),
  /** URLs that fit `urlPatterns` but are not this page (Aeries: the student portal's own .aspx pages). */
  excludeUrlPatterns: UrlPatterns(20).optional(),
  /** Selectors that must all match for the page to be this one (product markup, not data). */
  markers: z.array(Selector).max(20).default([]),
  /** The part of the page to read; the whole body when absent. */
  root: Selector.optional(),
  /** Record pages: where the id is. Without one found, the page yields no record. */
  id: IdLocator.optional(),
  name: FieldLocator.optional(),
  fields: z.partialRecord(FieldKeySchema, FieldLocator).default({}),
  /** Also read fields found by the generic synonym list (for fields whose place the facts do not give). */
  synonyms: z.boolean().default(false),
  /** List pages: the table and, per field, the header text of its column. */
  list: z
    .object({ table: Selector, columns: z.partialRecord(FieldKeySchema, z.string().min(1).max(200)).default({}) })
    .optional(),
});
export type ProfilePage = z.infer<typeof ProfilePage>;

export const SiteProfile = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  label: z.string().min(1).max(100),
  /** Host globs: `*.aeries.net` (any subdomain), `aeries.*` (any parent domain), `*` (any host). */
  hostPatterns: z.array(z.string().min(1).max(200)).min(1).max(20),
  /** False until confirmed on a district's live pages. */
  verified: z.boolean().default(false),
  liveRoot: Selector.optional(),
  /** Where the profile's facts come from (a citation or "taught on <date>"). */
  source: z.string().max(1000).optional(),
  pages: z.array(ProfilePage).min(1).max(50),
});
export type SiteProfile = z.infer<typeof SiteProfile>;
export type SiteProfileInput = z.input<typeof SiteProfile>;

// Matching lives apart from the schema so the content script can match profiles without bundling zod.
export { hostMatches, pageKey, pagesForUrl } from './profile-match';
