import { OUTSIDE_CONTENT } from '../../lib/adapters/generic/scope';
import { insideOwn } from '../../lib/page/own';

/**
 * Teach mode's element picker: while active, the element under the pointer is outlined, and a click maps it
 * instead of reaching the page (no navigation, no SIS handler). Without a pointer, the arrow keys move the
 * outline from one piece of page text to the next and Enter picks it. Escape cancels. Clicks inside Liaison's own
 * toolbar (`host`) pass through untouched.
 *
 * Only events the user made drive it: a page script's synthetic click or key (`isTrusted` false) never picks
 * nor cancels (a synthetic click is still kept from the page while picking, like any other).
 */
export interface Picker {
  start(onPick: (el: Element) => void, onCancel: () => void): void;
  stop(): void;
  readonly active: boolean;
}

export interface PickerOptions {
  /** Whether an event came from the user (default: `event.isTrusted`). Tests stand in for the user here. */
  trusted?: (e: Event) => boolean;
  /** The keyboard outline moved: the toolbar announces the element. */
  onHighlight?: (el: Element, index: number, total: number) => void;
}

const BLOCKED = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'auxclick', 'contextmenu'] as const;
const CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'OPTION']);
const MAX_CANDIDATES = 3000;

/** Elements a keyboard user can pick: those showing text of their own, and form fields, in page order. */
export function pickCandidates(doc: Document, host: Element): Element[] {
  const out: Element[] = [];
  const body = doc.body;
  if (!body) return out;
  const walker = doc.createTreeWalker(body, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n && out.length < MAX_CANDIDATES; n = walker.nextNode()) {
    const el = n as Element;
    if (el === host || host.contains(el) || SKIPPED.has(el.tagName) || el.closest('[hidden],[aria-hidden="true"]'))
      continue;
    // Liaison's own UI (markers, the chip) is never the page's data; an element that only carries its attributes is.
    if (el.closest(OUTSIDE_CONTENT) || insideOwn(el)) continue;
    if (CONTROLS.has(el.tagName) && (el as HTMLInputElement).type !== 'hidden') out.push(el);
    else if (Array.from(el.childNodes).some((c) => c.nodeType === 3 && /\S/.test(c.nodeValue ?? ''))) out.push(el);
  }
  return out;
}

export function createPicker(doc: Document, host: Element, outline: HTMLElement, options: PickerOptions = {}): Picker {
  const win = doc.defaultView!;
  const trusted = options.trusted ?? ((e: Event) => e.isTrusted);
  let pick: ((el: Element) => void) | null = null;
  let cancel: (() => void) | null = null;
  let candidates: Element[] | null = null;
  let index = -1;
  const ours = (t: EventTarget | null) => t instanceof win.Node && (t === host || host.contains(t as Node));

  const show = (el: Element | null) => {
    if (!el) return void (outline.hidden = true);
    const r = el.getBoundingClientRect();
    Object.assign(outline.style, {
      top: `${r.top}px`,
      left: `${r.left}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
    outline.hidden = false;
  };
  const onMove = (e: Event) => {
    if (!trusted(e)) return;
    show(ours(e.target) ? null : (e.target as Element));
  };
  const swallow = (e: Event) => {
    if (ours(e.target)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const finish = (el: Element) => {
    const done = pick;
    picker.stop();
    done?.(el);
  };
  const onClick = (e: Event) => {
    if (ours(e.target)) return;
    swallow(e);
    if (!trusted(e)) return; // the page's own synthetic click: kept from the page, never a pick
    if (e.target instanceof win.Element) finish(e.target);
  };
  const move = (step: number) => {
    candidates ??= pickCandidates(doc, host);
    if (!candidates.length) return;
    index = index < 0 ? (step > 0 ? 0 : candidates.length - 1) : (index + step + candidates.length) % candidates.length;
    const el = candidates[index];
    if (!el) return;
    (el as HTMLElement).scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    show(el);
    options.onHighlight?.(el, index, candidates.length);
  };
  const KEYS: Record<string, () => void> = {
    ArrowDown: () => move(1),
    ArrowRight: () => move(1),
    ArrowUp: () => move(-1),
    ArrowLeft: () => move(-1),
    Enter: () => {
      const el = candidates?.[index];
      if (el) finish(el);
    },
    Escape: () => {
      const done = cancel;
      picker.stop();
      done?.();
    },
  };
  const onKey = (e: KeyboardEvent) => {
    const act = KEYS[e.key];
    if (!act || !trusted(e) || e.altKey || e.ctrlKey || e.metaKey) return;
    // Enter with nothing outlined yet is the user's own (it may activate a toolbar button).
    if (e.key === 'Enter' && !candidates?.[index]) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    act();
  };

  const picker: Picker = {
    get active() {
      return !!pick;
    },
    start(onPick, onCancel) {
      picker.stop();
      pick = onPick;
      cancel = onCancel;
      candidates = null;
      index = -1;
      // Capture phase on the window: before any handler of the page sees the event.
      win.addEventListener('mouseover', onMove, true);
      win.addEventListener('click', onClick, true);
      for (const t of BLOCKED) win.addEventListener(t, swallow, true);
      win.addEventListener('keydown', onKey, true);
    },
    stop() {
      pick = cancel = null;
      candidates = null;
      index = -1;
      show(null);
      win.removeEventListener('mouseover', onMove, true);
      win.removeEventListener('click', onClick, true);
      for (const t of BLOCKED) win.removeEventListener(t, swallow, true);
      win.removeEventListener('keydown', onKey, true);
    },
  };
  return picker;
}
