import type { PageType } from '../domain';
import { aeriesAdapter } from './aeries';
import { genericAdapter } from './generic';
import { powerSchoolAdapter } from './powerschool';
import { demoSisAdapter } from './profiles/demo-sis';
import { rosarioSisAdapter } from './rosariosis';
import { seisAdapter } from './seis';
import type { SiteAdapter } from './types';

/** Every SIS profile, most specific first: the first whose detect recognizes a page reads it. */
export const ADAPTERS: SiteAdapter[] = [
  demoSisAdapter,
  rosarioSisAdapter,
  aeriesAdapter,
  powerSchoolAdapter,
  seisAdapter,
  // Last: it reads pages no profile claims, and only when it finds an id and a special-education field.
  genericAdapter,
];

/** Every built-in profile's id: switched off together, only the generic reader is left (fixture tests use this). */
export const BUILT_IN_PROFILE_IDS: readonly string[] = ADAPTERS.filter((a) => a !== genericAdapter).map((a) => a.id);

/**
 * The adapter that recognizes this page and the page type it sees. `disabled` holds profile ids switched off
 * by data (settings or district policy) when a profile breaks on a live site. Detect must not throw, but one
 * broken profile must not hide the others, so a throwing detect counts as "not recognized".
 */
export function pickAdapter(
  url: URL,
  doc: Document,
  disabled: ReadonlySet<string> = new Set(),
  adapters: readonly SiteAdapter[] = ADAPTERS,
): { adapter: SiteAdapter; pageType: PageType } | null {
  for (const adapter of adapters) {
    if (disabled.has(adapter.id)) continue;
    let pageType: PageType | null = null;
    try {
      pageType = adapter.detect(url, doc);
    } catch {
      pageType = null;
    }
    if (pageType) return { adapter, pageType };
  }
  return null;
}
