import type { Anchor, SiteAdapter } from '../adapters/types';
import type { Snapshot, SubjectKind } from '../domain';
import type { ContentMessage, PageFindingsReply, Reply } from '../messaging/protocol';
import { createMarker, isMarker, MARKER_ATTR, updateMarker } from '../../components/marker';
import { canonicalId } from '../domain/ids';
import { insideOwn, isOwn } from './own';
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
 * Fired by a starting copy of the content script: a copy whose extension context is gone (the extension was
 * updated; its script may live in another isolated world) stops and removes its markers. A live copy ignores it,
 * so a page that fires or cancels it changes nothing.
 */
const CLAIM_EVENT = 'liaison:claim-page';
/**
 * The controller running on each document, kept in the isolated world's global (shared by every injection of
 * this extension's script, out of the page's reach): a second injection finds the page taken, and takes it over
 * from a copy whose context is gone.
 */
const RUNNING_KEY = '__liaisonControllers';
const running = ((globalThis as { [RUNNING_KEY]?: WeakMap<Document, { alive: () => boolean; stop: () => void }> })[
  RUNNING_KEY
] ??= new WeakMap());
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
  const before = running.get(doc);
  if (before?.alive()) return null;
  before?.stop();
  doc.dispatchEvent(new CustomEvent(CLAIM_EVENT));
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
  /** The markers this controller placed and still keeps: the only ones it updates or removes. */
  let placed = new Set<HTMLElement>();

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
      placed = removeMarkers(placed, new Set());
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
      const answer = known ? null : sendInParts(retrying(deps.send, alive), page.snapshot, key.length);
      if (!known) last = { key, subjects: null };
      answer?.catch(() => undefined); // awaited below; not "unhandled" while markers are placed
      const kept = await placeMarkers(doc, page.anchors, placed, deps.onCompose, current);
      if (!kept) return;
      placed = kept;
      if (known) return void (await showFindings(known, current));
      reply = await answer!;
    } catch (err) {
      if (!alive()) return stop();
      if (err instanceof NotDelivered) {
        // Never a silent miss: the markers keep saying "checking", and the page is read again in a while.
        last = null;
        timer ??= setTimeout(() => ((timer = undefined), void read()), REREAD_UNDELIVERED_MS);
        return;
      }
      // An adapter that throws is isolated: the page keeps working, and the log carries no page data.
      console.warn('Liaison: could not read this page', err instanceof Error ? err.name : typeof err);
      return;
    }
    if (!current() || !reply.ok || !('subjects' in reply)) return;
    if (last) last.subjects = reply.subjects;
    await showFindings(reply.subjects, current);
  }

  async function showFindings(subjects: Subjects, current: () => boolean) {
    // Canonical ids: the worker may name "00017" as "17" (lib/domain/ids); the marker keeps what the page shows.
    const byKey = new Map(subjects.map((s) => [`${s.kind}:${canonicalId(s.id)}`, s]));
    const markers = Array.from(placed).filter((m) => m.isConnected);
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
    observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['href'],
    });
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
  const onClaim = () => {
    if (!alive()) stop();
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
    placed = removeMarkers(placed, new Set());
    html.removeAttribute(ACTIVE_ATTR);
    if (running.get(doc)?.stop === stop) running.delete(doc);
  }
  running.set(doc, { alive, stop });

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

const REREAD_UNDELIVERED_MS = 5000;

/** The worker took none of the tries: the page is read again later rather than left waiting. */
class NotDelivered extends Error {
  override name = 'NotDelivered';
}

/** Pauses before each new try of a message the worker did not take (milliseconds; about 6 s in all). */
const RETRY_MS = [100, 250, 500, 1000, 1500, 2500];

/**
 * A send that tries again when the message did not reach the worker: the first page after the browser starts can
 * be read before the worker listens ("Receiving end does not exist"), and then its badges would wait for an answer
 * that never comes. A reply (even a refusal) is an answer and is not retried; a script whose extension is gone stops.
 */
function retrying(send: PageControllerDeps['send'], alive: () => boolean): PageControllerDeps['send'] {
  return async (msg) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send(msg);
      } catch (err) {
        const pause = RETRY_MS[attempt];
        if (!alive()) throw err;
        if (pause === undefined) throw new NotDelivered();
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  };
}

/** Sends a page's Snapshot, in parts when it is big, and joins the worker's answers into one. */
async function sendInParts(send: PageControllerDeps['send'], snapshot: Snapshot, size: number): Promise<Reply> {
  // Splitting a big page is a task of its own, not one more step of the read's.
  if (size > PART_BUDGET_CHARS) await new Promise((r) => setTimeout(r));
  const parts = splitSnapshot(snapshot, PART_BUDGET_CHARS, size);
  const subjects: Subjects = [];
  for (const [index, part] of parts.entries()) {
    const reply = await send({
      type: 'page/snapshot',
      snapshot: part,
      ...(parts.length > 1 ? { part: { index, count: parts.length } } : {}),
    });
    if (!reply.ok || !('subjects' in reply)) return reply;
    subjects.push(...reply.subjects);
  }
  return { ok: true, subjects };
}

function isOwnMutation(r: MutationRecord): boolean {
  if (r.type !== 'childList') return false;
  const nodes = [...r.addedNodes, ...r.removedNodes];
  // Liaison's own nodes by identity (lib/page/own): the page can copy their attributes, not their identity. An
  // empty copy of a marker (innerHTML drops its shadow root) holds no page data either.
  return (nodes.length > 0 && nodes.every((n) => isOwn(n) || isEmptyMarkerCopy(n))) || insideOwn(r.target);
}

/** Records handled per task on big pages: between chunks the page gets its main thread back (and can render). */
const CHUNK = 300;
/**
 * Markers go in by the thousand: each batch relays out the SIS's whole table (a 2,000-row table takes about as long
 * as the page's own layout), so small batches cost one full layout each; creating a marker is cheap by comparison.
 */
const PLACE_CHUNK = 2500;

/** Runs `each` over `items`, yielding to the page between chunks; false when a newer read made this one moot. */
async function inChunks<T>(
  items: T[],
  current: () => boolean,
  each: (item: T) => void,
  chunk = CHUNK,
): Promise<boolean> {
  for (let i = 0; i < items.length; i += chunk) {
    if (i > 0) {
      await new Promise((r) => setTimeout(r));
      if (!current()) return false;
    }
    for (let k = i; k < Math.min(i + chunk, items.length); k++) each(items[k]);
  }
  return true;
}

/**
 * Puts one marker per anchor, reusing one of its own already in place, and removes its markers no longer anchored;
 * returns the markers it keeps, or null when a newer read made this one moot. An element the page made with
 * Liaison's attributes (forged, or copied by innerHTML, which drops the shadow root) is never reused nor removed.
 */
async function placeMarkers(
  doc: Document,
  anchors: Anchor[],
  before: Set<HTMLElement>,
  onCompose: ((studentId: string) => void) | undefined,
  current: () => boolean,
): Promise<Set<HTMLElement> | null> {
  const keep = new Set<HTMLElement>();
  const placed = await inChunks(
    anchors,
    current,
    (a) => {
      const existing = a.inside ? Array.from(a.element.children).find(isMarker) : a.element.nextElementSibling;
      let marker =
        existing && isMarker(existing) && existing.getAttribute(`data-liaison-${a.kind}`) === a.id ? existing : null;
      if (!marker) {
        marker = createMarker(doc, a.kind, a.id, onCompose);
        if (a.inside) a.element.append(marker);
        else a.element.after(marker);
      }
      keep.add(marker);
    },
    PLACE_CHUNK,
  );
  if (!placed) return null;
  for (const m of doc.querySelectorAll(`[${MARKER_ATTR}]`)) if (isEmptyMarkerCopy(m)) m.remove();
  return removeMarkers(before, keep);
}

/**
 * An element with Liaison's marker attribute that Liaison did not make and that holds nothing: what a page's
 * innerHTML copy of a row leaves of a marker (stale attributes, no badge). Removed; a forged element with content
 * (text, or a wrapper around the page's table) is page content and left alone.
 */
function isEmptyMarkerCopy(n: Node): boolean {
  return n.nodeType === 1 && !isOwn(n) && !n.firstChild && (n as Element).hasAttribute(MARKER_ATTR);
}

/** Removes the markers of `before` that are not kept; returns the kept ones. */
function removeMarkers(before: Set<HTMLElement>, keep: Set<HTMLElement>): Set<HTMLElement> {
  for (const m of before) if (!keep.has(m)) m.remove();
  return keep;
}
