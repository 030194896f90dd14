import type { PageRead, SiteAdapter } from '../adapters/types';

/** Picks the adapter that recognizes the page at `url` in `doc`; null when none does. */
export type PickAdapter = (url: URL, doc: Document) => { adapter: SiteAdapter } | null;

/** What one read of the page found: no adapter for it, or an adapter's read with its size and identity. */
export type PageReading =
  | { recognized: false; url: URL }
  | {
      recognized: true;
      url: URL;
      adapter: SiteAdapter;
      /** The adapter's Snapshot and the elements to mark; null until `read` runs it. */
      read: () => { page: PageRead; records: number; key: string };
    };

/**
 * The read step: which adapter recognizes the page (an adapter whose detection throws recognizes nothing), told to
 * `onRecognized` (the "not recognized" chip follows it), and the adapter's read with how many records it found and
 * its Snapshot's JSON (`key`: a re-read that yields the same sends nothing). The adapter's read may throw; the
 * caller isolates it.
 */
export function recognizePage(
  doc: Document,
  url: URL,
  pick: PickAdapter,
  onRecognized?: (recognized: boolean) => void,
): PageReading {
  let picked: ReturnType<PickAdapter>;
  try {
    picked = pick(url, doc);
  } catch {
    picked = null;
  }
  try {
    onRecognized?.(!!picked);
  } catch {
    // The chip is a courtesy: a page where it cannot be shown is still read.
  }
  if (!picked) return { recognized: false, url };
  const { adapter } = picked;
  return {
    recognized: true,
    url,
    adapter,
    read: () => {
      const page = adapter.read(doc, url);
      return {
        page,
        records: page.snapshot.students.length + page.snapshot.staff.length,
        key: JSON.stringify(page.snapshot),
      };
    },
  };
}

/** The node whose changes call for a re-read: the adapter's live root when the page has it, else the body. */
export function liveRootOf(doc: Document, adapter: SiteAdapter | null): Node | null {
  return (adapter?.liveRoot && doc.querySelector(adapter.liveRoot)) || doc.body;
}
