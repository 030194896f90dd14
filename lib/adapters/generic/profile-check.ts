import type { PageRead } from '../types';
import { SiteProfile } from '../profile';
import { Diagnostics } from './diagnostics';
import { emptySnapshot } from './page';
import { readValidProfile, toUrl } from './profile-reader';

// Apart from profile-reader so the content script, which only runs validated profiles, never bundles zod.
/**
 * Reads a page with a site profile (a starting profile or one taught by the user). The profile is validated
 * first: a bad one gives a snapshot with a diagnostic, never an exception.
 */
export function readWithProfile(doc: Document, url: URL | string, profile: unknown): PageRead {
  const parsed = SiteProfile.safeParse(profile);
  if (parsed.success) return readValidProfile(doc, url, parsed.data);
  const d = new Diagnostics();
  d.add('error', 'the site profile is not valid');
  return { snapshot: { ...emptySnapshot(toUrlOr(url), 'invalid-profile'), diagnostics: d.done() }, anchors: [] };
}

function toUrlOr(url: URL | string): URL | string {
  try {
    return toUrl(url);
  } catch {
    return String(url);
  }
}
