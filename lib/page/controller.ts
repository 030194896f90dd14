import type { Anchor, SiteAdapter } from '../adapters/types';
import type { Snapshot, SubjectKind } from '../domain';
import type { ContentMessage, PageFindingsReply, Reply } from '../messaging/protocol';
import { createMarker, isMarker, MARKER_ATTR, updateMarker } from '../../components/marker';
import { canonicalId } from '../domain/ids';
import { PART_BUDGET_CHARS, splitSnapshot } from './split';

export interface PageControllerDeps {
  doc: Document;
  /** Current page URL (read each time: in-app navigation changes it without a load). */
  location: () => string;
  pick: (url: URL, doc: Document) => { adapter: SiteAdapter } | null;
  send: (msg: ContentMessage) => Promise<Reply>;
  /** "Add note" on a student's badge; without it badges have no such button. */
  onCompose?: (studentId: string) => void;
  /** Told after each read whether an adapter recognized the page (the "not recognized" chip follows it). */
  onRecognized?: (recognized: boolean) => void;
  /**
   * False once this script's extension context is gone (extension updated or reloaded). A newer copy of the
   * content script then takes the page over instead of finding it "already running".
   */
  alive?: () => boolean;
  /** Milliseconds to wait for the page to settle after a change before re-reading. */
  settleMs?: number;
  /** A page that never stops changing is still re-read at least this often (milliseconds). */
  maxWaitMs?: number;
}

export interface PageController {
  /** Reads the page now; resolves when markers show the worker's answer. */
  read(): Promise<void>;
  /** Reads again even if nothing seems to have changed (e.g. the site's profiles changed). */
  refresh(): Promise<void>;
  /** Shows findings the worker re-checked after a page elsewhere (`page/findings`) on this page's markers. */
  update(subjects: PageFindingsReply['subjects']): Promise<void>;
  /**
   * How many records (students and staff) the last read found: the worker asks a frame this before letting
   * another frame of the tab, one without records, take the side panel's "this page" over.
   */
  records(): number;
  stop(): void;
}

const ACTIVE_ATTR = 'data-liaison-active';
const XHTML = 'http://www.w3.org/1999/xhtml';
/**
 * The markers this script made. Only these are reused: an element the page made with the same attributes
 * (forged, or copied by innerHTML, which drops the shadow root) is replaced, never trusted.
 */
const created = new WeakSet<Element>();
/**
 * Fired by a starting copy of the content script. A live copy cancels it ("taken"); a copy whose extension
 * context is gone stops instead. Cancellation, unlike an event's detail, is seen across isolated worlds.
 */
const CLAIM_EVENT = 'liaison:claim-page';
/** Liaison's own inline UI (the "not recognized" chip, teach mode): its mutations never trigger a re-read. */
export const UI_ATTR = 'data-liaison-ui';

type Subjects = PageFindingsReply['subjects'];

/**
 * Reads the page with the adapter that recognizes it, sends the Snapshot to the worker and puts a marker next
 * to each recognized record. Re-reads after in-app navigation (content swapped under the adapter's live root)
 * and ignores the mutations its own markers cause. A re-read that yields the same Snapshot for the same URL
 * sends nothing: markers recreated by a partial update get the findings already known.
 */
export function startPageController(deps: PageControllerDeps): PageController | null {
  const { doc } = deps;
  const html = doc.documentElement;
  // Markers are HTML elements with shadow roots: an SVG or other XML document has nowhere to put them.
  if (html?.namespaceURI !== XHTML) return null;
  const alive = deps.alive ?? (() => true);
  // A second injection (manifest plus runtime registration) must not double-mark; an orphan of an updated
  // extension gives the page up.
  if (!doc.dispatchEvent(new CustomEvent(CLAIM_EVENT, { cancelable: true }))) return null;
  html.setAttribute(ACTIVE_ATTR, '');

  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  let observer: MutationObserver | undefined;
  let observed: Node | undefined;
  let stopped = false;
  /** The last Snapshot sent (as JSON) and the worker's answer, to skip identical re-reads. */
  let last: { key: string; subjects: Subjects | null } | null = null;
  let records = 0;

  async function read(): Promise<void> {
    if (stopped) return;
    if (!alive()) return stop();
    const gen = ++generation;
    const url = new URL(deps.location());
    let picked: ReturnType<PageControllerDeps['pick']>;
    try {
      picked = deps.pick(url, doc);
    } catch {
      picked = null;
    }
    try {
      deps.onRecognized?.(!!picked);
    } catch {
      // The chip is a courtesy: a page where it cannot be shown is still read.
    }
    if (!picked) {
      records = 0;
      removeMarkers(doc, new Set());
      observe(doc.body);
      const key = `unrecognized ${url.href}`;
      if (last?.key === key) return;
      last = { key, subjects: null };
      await deps.send({ type: 'page/unrecognized', url: url.href }).catch(() => undefined);
      return;
    }
    observe((picked.adapter.liveRoot && doc.querySelector(picked.adapter.liveRoot)) || doc.body);
    const current = () => gen === generation && !stopped;
    let reply: Reply;
    try {
      const page = picked.adapter.read(doc, url);
      records = page.snapshot.students.length + page.snapshot.staff.length;
      const key = JSON.stringify(page.snapshot);
      const known = last?.key === key ? last.subjects : null;
      // The worker checks while the markers go in.
      const answer = known ? null : sendInParts(deps.send, page.snapshot, key.length);
      if (!known) last = { key, subjects: null };
      answer?.catch(() => undefined); // awaited below; not "unhandled" while markers are placed
      if (!(await placeMarkers(doc, page.anchors, deps.onCompose, current))) return;
      if (known) return void (await showFindings(known, current));
      reply = await answer!;
    } catch (err) {
      // An adapter that throws is isolated: the page keeps working, and the log carries no page data.
      if (alive()) console.warn('Liaison: could not read this page', err instanceof Error ? err.name : typeof err);
      else stop();
      return;
    }
    if (!current() || !reply.ok || !('subjects' in reply)) return;
    if (last) last.subjects = reply.subjects;
    await showFindings(reply.subjects, current);
  }

  async function showFindings(subjects: Subjects, current: () => boolean) {
    // Canonical ids: the worker may name "00017" as "17" (lib/domain/ids); the marker keeps what the page shows.
    const byKey = new Map(subjects.map((s) => [`${s.kind}:${canonicalId(s.id)}`, s]));
    const markers = Array.from(doc.querySelectorAll<HTMLElement>(`[${MARKER_ATTR}]`));
    await inChunks(markers, current, (m) => {
      const kind: SubjectKind = m.hasAttribute('data-liaison-student') ? 'student' : 'staff';
      const subject = byKey.get(`${kind}:${canonicalId(m.getAttribute(`data-liaison-${kind}`) ?? '')}`);
      if (subject) updateMarker(m, subject.findings, subject.due);
    });
  }

  /** Findings the worker re-checked after another page: shown on this page's markers, and kept for re-reads. */
  async function update(subjects: Subjects): Promise<void> {
    if (stopped || !subjects.length) return;
    if (last?.subjects) {
      const fresh = new Map(subjects.map((s) => [`${s.kind}:${canonicalId(s.id)}`, s]));
      last.subjects = last.subjects.map((s) => {
        const f = fresh.get(`${s.kind}:${canonicalId(s.id)}`);
        return f ? { ...f, id: s.id } : s;
      });
    }
    const gen = generation;
    await showFindings(subjects, () => gen === generation && !stopped);
  }

  function observe(target: Node | null) {
    if (!target || target === observed) return;
    observer?.disconnect();
    observed = target;
    observer = new MutationObserver((mutations) => {
      if (mutations.every(isOwnMutation)) return;
      schedule();
    });
    // Text and link targets too: frameworks re-render a row in place (new id in its href and text).
    observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href'] });
    // An app that swaps the live root element itself (not just its content) is seen from its parent's child
    // list alone: still not the whole document. Without a live root the body subtree is watched (openSIS swaps
    // `#content` by AJAX, the URL unchanged); a body replaced as a whole is seen from <html>'s child list.
    if (target.parentNode) observer.observe(target.parentNode, { childList: true });
  }

  /** Debounced, but a page that keeps changing is still read once `maxWaitMs` has passed. */
  function schedule() {
    if (stopped) return;
    const now = Date.now();
    if (!timer) firstPending = now;
    clearTimeout(timer);
    const wait = Math.max(0, Math.min(deps.settleMs ?? 60, firstPending + (deps.maxWaitMs ?? 1000) - now));
    timer = setTimeout(() => {
      timer = undefined;
      void read();
    }, wait);
  }

  const onPop = () => schedule();
  const onClaim = (e: Event) => {
    if (alive()) e.preventDefault();
    else stop();
  };
  doc.defaultView?.addEventListener('popstate', onPop);
  doc.addEventListener(CLAIM_EVENT, onClaim);

  function stop() {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    observer?.disconnect();
    doc.defaultView?.removeEventListener('popstate', onPop);
    doc.removeEventListener(CLAIM_EVENT, onClaim);
    removeMarkers(doc, new Set());
    html.removeAttribute(ACTIVE_ATTR);
  }

  return {
    read,
    refresh() {
      last = null;
      return read();
    },
    records: () => (stopped ? 0 : records),
    update,
    stop,
  };
}

/** Sends a page's Snapshot, in parts when it is big, and joins the worker's answers into one. */
async function sendInParts(send: PageControllerDeps['send'], snapshot: Snapshot, size: number): Promise<Reply> {
  // Splitting a big page is a task of its own, not one more step of the read's.
  if (size > PART_BUDGET_CHARS) await new Promise((r) => setTimeout(r));
  const parts = splitSnapshot(snapshot, PART_BUDGET_CHARS, size);
  const subjects: Subjects = [];
  for (const [index, part] of parts.entries()) {
    const reply = await send({ type: 'page/snapshot', snapshot: part, ...(parts.length > 1 ? { part: { index, count: parts.length } } : {}) });
    if (!reply.ok || !('subjects' in reply)) return reply;
    subjects.push(...reply.subjects);
  }
  return { ok: true, subjects };
}

function isOwnMutation(r: MutationRecord): boolean {
  if (r.type !== 'childList') return false;
  const nodes = [...r.addedNodes, ...r.removedNodes];
  const own = (n: Node) => isMarker(n) || (n.nodeType === 1 && (n as Element).hasAttribute(UI_ATTR));
  return (nodes.length > 0 && nodes.every(own)) || (r.target.nodeType === 1 && !!(r.target as Element).closest?.(`[${UI_ATTR}]`));
}

/** Records handled per task on big pages: between chunks the page gets its main thread back (and can render). */
const CHUNK = 300;

/** Runs `each` over `items`, yielding to the page between chunks; false when a newer read made this one moot. */
async function inChunks<T>(items: T[], current: () => boolean, each: (item: T) => void): Promise<boolean> {
  for (let i = 0; i < items.length; i += CHUNK) {
    if (i > 0) {
      await new Promise((r) => setTimeout(r));
      if (!current()) return false;
    }
    for (let k = i; k < Math.min(i + CHUNK, items.length); k++) each(items[k]);
  }
  return true;
}

/** Puts one marker per anchor, reusing a marker already in place, and removes markers no longer anchored. */
async function placeMarkers(doc: Document, anchors: Anchor[], onCompose: ((studentId: string) => void) | undefined, current: () => boolean) {
  const keep = new Set<Element>();
  const placed = await inChunks(anchors, current, (a) => {
    const existing = a.inside
      ? a.element.querySelector(`:scope > [${MARKER_ATTR}]`)
      : a.element.nextElementSibling;
    let marker =
      existing && created.has(existing) && existing.getAttribute(`data-liaison-${a.kind}`) === a.id
        ? (existing as HTMLElement)
        : null;
    if (!marker) {
      marker = createMarker(doc, a.kind, a.id, onCompose);
      created.add(marker);
      if (a.inside) a.element.append(marker);
      else a.element.after(marker);
    }
    keep.add(marker);
  });
  if (placed) removeMarkers(doc, keep);
  return placed;
}

function removeMarkers(doc: Document, keep: Set<Element>) {
  for (const m of doc.querySelectorAll(`[${MARKER_ATTR}]`)) if (!keep.has(m)) m.remove();
}
