import type { PageSubject } from '../messaging/protocol';
import type { SendToWorker } from '../messaging/send';
import { beginStage } from '../stage-timing';
import { MarkerLayer } from './markers';
import { liveRootOf, recognizePage, type PickAdapter } from './read';
import { NotDelivered, PageTransport } from './transport';
import { watchPage } from './watcher';

export interface PageControllerDeps {
  doc: Document;
  /** Current page URL (read each time: in-app navigation changes it without a load). */
  location: () => string;
  pick: PickAdapter;
  /** Messages to the worker, each answered with its own reply type (lib/messaging/send `workerSender`). */
  send: SendToWorker;
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
  update(subjects: readonly PageSubject[]): Promise<void>;
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

const REREAD_UNDELIVERED_MS = 5000;

/**
 * Reads the page with the adapter that recognizes it (lib/page/read), sends the Snapshot to the worker
 * (lib/page/transport) and puts a marker next to each recognized record (lib/page/markers). Re-reads after in-app
 * navigation and ignores the mutations its own markers cause (lib/page/watcher). A re-read that yields the same
 * Snapshot for the same URL sends nothing: markers recreated by a partial update get the findings already known.
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

  /** Aborted by stop(): the watcher and the claim listener end with it. */
  const life = new AbortController();
  const stopped = () => life.signal.aborted;
  let generation = 0;
  let records = 0;
  const markers = new MarkerLayer(doc, deps.onCompose);
  const transport = new PageTransport(deps.send, alive);
  const watcher = watchPage({
    doc,
    signal: life.signal,
    onChange: () => void read(),
    settleMs: deps.settleMs,
    maxWaitMs: deps.maxWaitMs,
  });

  async function read(): Promise<void> {
    if (stopped()) return;
    if (!alive()) return stop();
    const gen = ++generation;
    const reading = recognizePage(doc, new URL(deps.location()), deps.pick, deps.onRecognized);
    if (!reading.recognized) {
      records = 0;
      markers.clear();
      watcher.watch(doc.body);
      return transport.unrecognized(reading.url.href);
    }
    watcher.watch(liveRootOf(doc, reading.adapter));
    const current = () => gen === generation && !stopped();
    let reply: Awaited<ReturnType<PageTransport['sendPage']>>;
    try {
      const endRead = beginStage('read');
      const { page, records: found, key } = reading.read();
      endRead();
      records = found;
      const known = transport.known(key);
      // The worker checks while the markers go in.
      const endWait = known ? null : beginStage('wait');
      const answer = known ? null : transport.sendPage(page.snapshot, key).finally(endWait);
      answer?.catch(() => undefined); // awaited below; not "unhandled" while markers are placed
      const endPlace = beginStage('place');
      if (!(await markers.place(page.anchors, current))) return;
      endPlace();
      if (known) return void (await markers.show(known, current));
      reply = await answer!;
    } catch (err) {
      if (!alive()) return stop();
      if (err instanceof NotDelivered) {
        // Never a silent miss: the markers keep saying "checking", and the page is read again in a while.
        transport.forget();
        watcher.retryIn(REREAD_UNDELIVERED_MS);
        return;
      }
      // An adapter that throws is isolated: the page keeps working, and the log carries no page data.
      console.warn('Liaison: could not read this page', err instanceof Error ? err.name : typeof err);
      return;
    }
    if (!current() || !reply.ok) return;
    transport.answered(reply.subjects);
    const endShow = beginStage('show');
    await markers.show(reply.subjects, current);
    endShow();
  }

  /** Findings the worker re-checked after another page: shown on this page's markers, and kept for re-reads. */
  async function update(subjects: readonly PageSubject[]): Promise<void> {
    if (stopped() || !subjects.length) return;
    transport.merge(subjects);
    const gen = generation;
    await markers.show(subjects, () => gen === generation && !stopped());
  }

  doc.addEventListener(
    CLAIM_EVENT,
    () => {
      if (!alive()) stop();
    },
    { signal: life.signal },
  );

  function stop() {
    if (stopped()) return;
    life.abort();
    markers.clear();
    html.removeAttribute(ACTIVE_ATTR);
    if (running.get(doc)?.stop === stop) running.delete(doc);
  }
  running.set(doc, { alive, stop });

  return {
    read,
    refresh() {
      transport.forget();
      return read();
    },
    records: () => (stopped() ? 0 : records),
    update,
    stop,
  };
}
