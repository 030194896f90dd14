/**
 * The quiet "not recognized — teach Liaison" chip shown on an unrecognized page of an enabled site: small, in a
 * corner, dismissable for the rest of the page's life. Plain DOM in a shadow root, like the markers.
 */
import { SHADOW_MODE, userEvent } from '../../lib/build';
import { markOwn } from '../../lib/page/own';

export const CHIP_ATTR = 'data-liaison-chip';

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483646; right: 12px; bottom: 12px;
  font: 12px/1.3 system-ui, sans-serif; }
.chip { display: flex; gap: 6px; align-items: center; background: #fff; color: #333; border: 1px solid #999;
  border-radius: 14px; padding: 3px 4px 3px 10px; box-shadow: 0 1px 4px rgba(0,0,0,.15); opacity: .85; }
.chip:hover, .chip:focus-within { opacity: 1; }
button { font: inherit; border: 0; background: none; cursor: pointer; padding: 2px 6px; border-radius: 10px; }
button.teach { color: #1f5fa8; text-decoration: underline; }
button:focus-visible { outline: 2px solid #000; }
`;

export interface Chip {
  /** Shows or hides the chip; once dismissed it stays hidden. */
  show(visible: boolean): void;
  remove(): void;
}

/**
 * `uiAttr` marks the host as Liaison's own UI so its insertion does not trigger a re-read. Only the user's own
 * clicks count (`trusted`, default `event.isTrusted`): a page script cannot start teach mode or dismiss the chip.
 */
export function createChip(
  doc: Document,
  onTeach: () => void,
  uiAttr: string,
  trusted: (e: Event) => boolean = userEvent,
  // Closed but in the test build (lib/build): the page's scripts cannot reach its buttons.
  shadowMode: ShadowRootMode = SHADOW_MODE,
): Chip {
  let host: HTMLElement | null = null;
  let dismissed = false;
  const build = () => {
    const el = markOwn(doc.createElement('div'));
    el.setAttribute(CHIP_ATTR, '');
    el.setAttribute(uiAttr, '');
    const root = el.attachShadow({ mode: shadowMode });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const box = doc.createElement('div');
    box.className = 'chip';
    box.setAttribute('role', 'status');
    const text = doc.createElement('span');
    text.textContent = 'Liaison: page not recognized —';
    const teach = doc.createElement('button');
    teach.type = 'button';
    teach.className = 'teach';
    teach.textContent = 'teach Liaison';
    teach.addEventListener('click', (e) => {
      if (trusted(e)) onTeach();
    });
    const close = doc.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Dismiss');
    close.addEventListener('click', (e) => {
      if (!trusted(e)) return;
      dismissed = true;
      chip.remove();
    });
    box.append(text, teach, close);
    root.append(style, box);
    return el;
  };
  const chip: Chip = {
    show(visible) {
      if (visible && !dismissed) {
        if (!host?.isConnected) doc.body?.append((host = build()));
      } else chip.remove();
    },
    remove() {
      host?.remove();
      host = null;
    },
  };
  return chip;
}
