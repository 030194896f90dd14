import { z } from 'zod';
import { FIELDS } from './generic/fields';

/**
 * A site profile as data: what teach mode saves for a district and what the starting profiles (Aeries,
 * PowerSchool, SEIS) are written as. JSON-serializable; the generic reader runs it (generic/profile-reader.ts).
 */

const compiles = (source: string) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};

/** A regular expression source, tested against the URL's path + query + hash (not its host). */
const UrlPattern = z.string().min(1).max(500).refine(compiles, 'not a valid regular expression');
const Selector = z.string().min(1).max(500);
export const FieldKeySchema = z.enum(FIELDS);

/** Where one field's value sits: a CSS selector (the element holding the value) or the label text shown for it. */
export const FieldLocator = z.union([
  z.object({ selector: Selector }).strict(),
  /** One label, or the wordings a product uses for it in different places (first found wins). */
  z.object({ label: z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(10)]) }).strict(),
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
  urlPatterns: z.array(UrlPattern).min(1).max(20),
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
