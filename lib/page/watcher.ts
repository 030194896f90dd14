import { isEmptyMarkerCopy } from './markers';
import { insideOwn, isOwn } from './own';

export interface WatcherOptions {
  doc: Document;
  /** Aborted when the page is given up: the observer, the timer and the listeners go. */
  signal: AbortSignal;
  /** Called when the page changed and has settled (or has changed for `maxWaitMs`), and after `retryIn`. */
  onChange: () => void;
  /**
   * Milliseconds to wait for the page to settle after a change before re-reading. Short (25) because a user who
   * navigated is waiting for the badges; an app that renders in several steps is simply read again after each.
   */
  settleMs?: number;
  /** A page that never stops changing is still re-read at least this often (milliseconds). */
  maxWaitMs?: number;
}

export interface PageWatcher {
  /** Watches this node's subtree (the adapter's live root, else the body) instead of the one watched before. */
  watch(target: Node | null): void;
  /** Debounced, but a page that keeps changing is still read once `maxWaitMs` has passed. */
  schedule(): void;
  /** Reads again in `ms` unless a read is already due sooner (a change, or an earlier retry). */
  retryIn(ms: number): void;
}

/**
 * Watches the page for what calls for a re-read: in-app navigation (content swapped under the watched node, the
 * history popped) and records re-rendered in place; the mutations Liaison's own nodes cause are ignored. Runs until
 * `signal` is aborted.
 */
export function watchPage({ doc, signal, onChange, settleMs = 25, maxWaitMs = 1000 }: WatcherOptions): PageWatcher {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  let observer: MutationObserver | undefined;
  let observed: Node | undefined;

  const fire = () => {
    timer = undefined;
    onChange();
  };

  function schedule() {
    if (signal.aborted) return;
    const now = Date.now();
    if (!timer) firstPending = now;
    clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(settleMs, firstPending + maxWaitMs - now)));
  }

  function watch(target: Node | null) {
    if (!target || target === observed || signal.aborted) return;
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

  const onPop = () => schedule();
  doc.defaultView?.addEventListener('popstate', onPop);
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      observer?.disconnect();
      doc.defaultView?.removeEventListener('popstate', onPop);
    },
    { once: true },
  );

  return {
    watch,
    schedule,
    retryIn(ms) {
      if (signal.aborted) return;
      timer ??= setTimeout(fire, ms);
    },
  };
}

function isOwnMutation(r: MutationRecord): boolean {
  if (r.type !== 'childList') return false;
  const nodes = [...r.addedNodes, ...r.removedNodes];
  // Liaison's own nodes by identity (lib/page/own): the page can copy their attributes, not their identity. An
  // empty copy of a marker (innerHTML drops its shadow root) holds no page data either.
  return (nodes.length > 0 && nodes.every((n) => isOwn(n) || isEmptyMarkerCopy(n))) || insideOwn(r.target);
}
