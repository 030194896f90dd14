/**
 * Teach mode's element picker: while active, the element under the pointer is outlined, and a click maps it
 * instead of reaching the page (no navigation, no SIS handler). Escape cancels. Clicks inside Liaison's own
 * toolbar (`host`) pass through untouched.
 */
export interface Picker {
  start(onPick: (el: Element) => void, onCancel: () => void): void;
  stop(): void;
  readonly active: boolean;
}

const BLOCKED = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'auxclick', 'contextmenu'] as const;

export function createPicker(doc: Document, host: Element, outline: HTMLElement): Picker {
  const win = doc.defaultView!;
  let pick: ((el: Element) => void) | null = null;
  let cancel: (() => void) | null = null;
  const ours = (t: EventTarget | null) => t instanceof win.Node && (t === host || host.contains(t as Node));

  const show = (el: Element | null) => {
    if (!el) return void (outline.hidden = true);
    const r = el.getBoundingClientRect();
    Object.assign(outline.style, { top: `${r.top}px`, left: `${r.left}px`, width: `${r.width}px`, height: `${r.height}px` });
    outline.hidden = false;
  };
  const onMove = (e: Event) => show(ours(e.target) ? null : (e.target as Element));
  const swallow = (e: Event) => {
    if (ours(e.target)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const onClick = (e: Event) => {
    if (ours(e.target)) return;
    swallow(e);
    const done = pick;
    picker.stop();
    if (e.target instanceof win.Element) done?.(e.target);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const done = cancel;
    picker.stop();
    done?.();
  };

  const picker: Picker = {
    get active() {
      return !!pick;
    },
    start(onPick, onCancel) {
      picker.stop();
      pick = onPick;
      cancel = onCancel;
      // Capture phase on the window: before any handler of the page sees the event.
      win.addEventListener('mouseover', onMove, true);
      win.addEventListener('click', onClick, true);
      for (const t of BLOCKED) win.addEventListener(t, swallow, true);
      win.addEventListener('keydown', onKey, true);
    },
    stop() {
      pick = cancel = null;
      show(null);
      win.removeEventListener('mouseover', onMove, true);
      win.removeEventListener('click', onClick, true);
      for (const t of BLOCKED) win.removeEventListener(t, swallow, true);
      win.removeEventListener('keydown', onKey, true);
    },
  };
  return picker;
}
