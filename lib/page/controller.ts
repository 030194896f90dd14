import type { Anchor, SiteAdapter } from '../adapters/types';
import type { Finding, SubjectKind } from '../domain';
import type { ContentMessage, Reply } from '../messaging/protocol';
import { createMarker, isMarker, MARKER_ATTR, updateMarker } from '../../components/marker';

export interface PageControllerDeps {
  doc: Document;
  /** Current page URL (read each time: in-app navigation changes it without a load). */
  location: () => string;
  pick: (url: URL, doc: Document) => { adapter: SiteAdapter } | null;
  send: (msg: ContentMessage) => Promise<Reply>;
  /** "Add note" on a student's badge; without it badges have no such button. */
  onCompose?: (studentId: string) => void;
  /** Milliseconds to wait for the page to settle after a change before re-reading. */
  settleMs?: number;
}

export interface PageController {
  /** Reads the page now; resolves when markers show the worker's answer. */
  read(): Promise<void>;
  stop(): void;
}

const ACTIVE_ATTR = 'data-liaison-active';

/**
 * Reads the page with the adapter that recognizes it, sends the Snapshot to the worker and puts a marker next
 * to each recognized record. Re-reads after in-app navigation (content swapped under the adapter's live root)
 * and ignores the mutations its own markers cause.
 */
export function startPageController(deps: PageControllerDeps): PageController | null {
  const { doc } = deps;
  const html = doc.documentElement;
  // A second injection (manifest plus runtime registration, or an extension update) must not double-mark.
  if (html.hasAttribute(ACTIVE_ATTR)) return null;
  html.setAttribute(ACTIVE_ATTR, '');

  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;
  let observed: Node | undefined;
  let stopped = false;

  async function read(): Promise<void> {
    const gen = ++generation;
    const url = new URL(deps.location());
    const picked = deps.pick(url, doc);
    if (!picked) {
      removeMarkers(doc, new Set());
      observe(doc.body);
      await deps.send({ type: 'page/unrecognized', url: url.href }).catch(() => undefined);
      return;
    }
    observe((picked.adapter.liveRoot && doc.querySelector(picked.adapter.liveRoot)) || doc.body);
    let anchors: Anchor[];
    let reply: Reply;
    try {
      const page = picked.adapter.read(doc, url);
      anchors = page.anchors;
      placeMarkers(doc, anchors, deps.onCompose);
      reply = await deps.send({ type: 'page/snapshot', snapshot: page.snapshot });
    } catch (err) {
      // An adapter that throws is isolated: the page keeps working, and the log carries no page data.
      console.warn('Liaison: could not read this page', err instanceof Error ? err.name : typeof err);
      return;
    }
    if (gen !== generation || stopped || !reply.ok || !('subjects' in reply)) return;
    const byKey = new Map(reply.subjects.map((s) => [`${s.kind}:${s.id}`, s.findings]));
    for (const m of doc.querySelectorAll<HTMLElement>(`[${MARKER_ATTR}]`)) {
      const kind: SubjectKind = m.hasAttribute('data-liaison-student') ? 'student' : 'staff';
      const findings: Finding[] | undefined = byKey.get(`${kind}:${m.getAttribute(`data-liaison-${kind}`)}`);
      if (findings) updateMarker(m, findings);
    }
  }

  function observe(target: Node | null) {
    if (!target || target === observed) return;
    observer?.disconnect();
    observed = target;
    observer = new MutationObserver((records) => {
      if (records.every(isOwnMutation)) return;
      schedule();
    });
    observer.observe(target, { childList: true, subtree: true });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void read(), deps.settleMs ?? 30);
  }

  const onPop = () => schedule();
  doc.defaultView?.addEventListener('popstate', onPop);

  return {
    read,
    stop() {
      stopped = true;
      clearTimeout(timer);
      observer?.disconnect();
      doc.defaultView?.removeEventListener('popstate', onPop);
      removeMarkers(doc, new Set());
      html.removeAttribute(ACTIVE_ATTR);
    },
  };
}

function isOwnMutation(r: MutationRecord): boolean {
  const nodes = [...r.addedNodes, ...r.removedNodes];
  return nodes.length > 0 && nodes.every(isMarker);
}


/** Puts one marker per anchor, reusing a marker already in place, and removes markers no longer anchored. */
function placeMarkers(doc: Document, anchors: Anchor[], onCompose?: (studentId: string) => void) {
  const keep = new Set<Element>();
  for (const a of anchors) {
    const existing = a.inside
      ? a.element.querySelector(`:scope > [${MARKER_ATTR}]`)
      : a.element.nextElementSibling;
    let marker =
      existing && isMarker(existing) && existing.getAttribute(`data-liaison-${a.kind}`) === a.id
        ? (existing as HTMLElement)
        : null;
    if (!marker) {
      marker = createMarker(doc, a.kind, a.id, onCompose);
      if (a.inside) a.element.append(marker);
      else a.element.after(marker);
    }
    keep.add(marker);
  }
  removeMarkers(doc, keep);
}

function removeMarkers(doc: Document, keep: Set<Element>) {
  for (const m of doc.querySelectorAll(`[${MARKER_ATTR}]`)) if (!keep.has(m)) m.remove();
}
