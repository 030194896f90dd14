import type { Anchor } from '../adapters/types';
import type { SubjectKind } from '../domain';
import type { PageSubject } from '../messaging/protocol';
import { createMarker, isMarker, MARKER_ATTR, updateMarker } from '../../components/marker';
import { canonicalId } from '../domain/ids';
import { isOwn } from './own';

/**
 * Markers go in, and answers go on them, by the thousand, with the page given its main thread back between batches:
 * each batch relays out the SIS's whole table (a 2,000-row table takes about as long as the page's own layout), so
 * small batches cost one full layout each; creating or updating a marker is cheap by comparison (issue 13: answers
 * shown by 300 cost a 10,000-row list 34 layouts of 120-300 ms each).
 */
export const MARKER_BATCH = 2500;

/**
 * The page's markers: one per record an adapter anchored, placed next to (or inside) its element, showing the worker's
 * findings. Only the markers this layer placed and still keeps are updated or removed: an element the page made with
 * Liaison's attributes is page content.
 */
export class MarkerLayer {
  private placed = new Set<HTMLElement>();

  constructor(
    private readonly doc: Document,
    private readonly onCompose?: (studentId: string) => void,
  ) {}

  /**
   * Puts one marker per anchor, reusing one of its own already in place, and removes its markers no longer anchored;
   * false when a newer read (`current` false) made this one moot. An element the page made with Liaison's attributes
   * (forged, or copied by innerHTML, which drops the shadow root) is never reused nor removed.
   */
  async place(anchors: Anchor[], current: () => boolean): Promise<boolean> {
    const keep = new Set<HTMLElement>();
    const done = await inChunks(anchors, current, (a) => {
      const existing = a.inside ? Array.from(a.element.children).find(isMarker) : a.element.nextElementSibling;
      let marker =
        existing && isMarker(existing) && existing.getAttribute(`data-liaison-${a.kind}`) === a.id ? existing : null;
      if (!marker) {
        marker = createMarker(this.doc, a.kind, a.id, this.onCompose);
        if (a.inside) a.element.append(marker);
        else a.element.after(marker);
      }
      keep.add(marker);
    });
    if (!done) return false;
    for (const m of this.doc.querySelectorAll(`[${MARKER_ATTR}]`)) if (isEmptyMarkerCopy(m)) m.remove();
    this.keepOnly(keep);
    return true;
  }

  /** Shows the worker's findings on the markers of the subjects named (by canonical id: "00017" is "17"). */
  async show(subjects: readonly PageSubject[], current: () => boolean): Promise<void> {
    // The worker may name "00017" as "17" (lib/domain/ids); the marker keeps what the page shows.
    const byKey = new Map(subjects.map((s) => [`${s.kind}:${canonicalId(s.id)}`, s]));
    const markers = Array.from(this.placed).filter((m) => m.isConnected);
    await inChunks(markers, current, (m) => {
      const kind: SubjectKind = m.hasAttribute('data-liaison-student') ? 'student' : 'staff';
      const subject = byKey.get(`${kind}:${canonicalId(m.getAttribute(`data-liaison-${kind}`) ?? '')}`);
      if (subject) updateMarker(m, subject.findings, subject.due);
    });
  }

  /** Removes every marker this layer placed. */
  clear(): void {
    this.keepOnly(new Set());
  }

  /** Removes the placed markers that are not kept; the kept ones are the layer's from now on. */
  private keepOnly(keep: Set<HTMLElement>): void {
    for (const m of this.placed) if (!keep.has(m)) m.remove();
    this.placed = keep;
  }
}

/** Runs `each` over `items`, yielding to the page between chunks; false when a newer read made this one moot. */
async function inChunks<T>(items: T[], current: () => boolean, each: (item: T) => void): Promise<boolean> {
  for (let i = 0; i < items.length; i += MARKER_BATCH) {
    if (i > 0) {
      await new Promise((r) => setTimeout(r));
      if (!current()) return false;
    }
    for (const item of items.slice(i, i + MARKER_BATCH)) each(item);
  }
  return true;
}

/**
 * An element with Liaison's marker attribute that Liaison did not make and that holds nothing: what a page's
 * innerHTML copy of a row leaves of a marker (stale attributes, no badge). Removed; a forged element with content
 * (text, or a wrapper around the page's table) is page content and left alone.
 */
export function isEmptyMarkerCopy(n: Node): boolean {
  return n.nodeType === 1 && !isOwn(n) && !n.firstChild && (n as Element).hasAttribute(MARKER_ATTR);
}
