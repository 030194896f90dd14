import type { PageType, Snapshot, SubjectKind } from '../domain';

/** Where the inline marker for one recognized record goes. */
export interface Anchor {
  kind: SubjectKind;
  /** The id exactly as the SIS shows it. */
  id: string;
  /** The marker is inserted right after this element (or appended inside it when `inside` is true). */
  element: Element;
  inside?: boolean;
}

export interface PageRead {
  snapshot: Snapshot;
  anchors: Anchor[];
}

/**
 * One SIS profile (DESIGN.md, lib/adapters). Pure: takes the document it is given, never the global one, and
 * never touches browser APIs, so the same code runs in the content script and in fixture tests.
 */
export interface SiteAdapter {
  /** Stable profile id, e.g. `demo-sis`, `rosariosis`. */
  id: string;
  label: string;
  /** False for starting profiles not yet confirmed on a district's live pages. */
  verified: boolean;
  /** Which page this is, or null when the adapter does not recognize it. */
  detect(url: URL, doc: Document): PageType | null;
  /** Reads the page into a Snapshot plus marker anchors. Never throws on odd markup: it reports diagnostics. */
  read(doc: Document, url: URL): PageRead;
  /** The element whose content is swapped by in-app navigation, watched for re-reads (e.g. `#body`). */
  liveRoot?: string;
}
