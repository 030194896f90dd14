/** Text helpers shared by every reader. */

/** Collapses whitespace (including &nbsp;) and trims; returns null for nothing. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const s = value.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  return s === '' ? null : s;
}

/** A label's comparison key: case, punctuation, a trailing colon, "#" and spacing do not matter. */
export function labelKey(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\u00a0/g, ' ')
    .replace(/#/g, ' # ')
    .replace(/[^a-z0-9# ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Limits text to what the domain schemas accept, so a hostile page cannot make a snapshot invalid. */
export function clip(value: string, max = 2000): string {
  return value.length > max ? value.slice(0, max) : value;
}

/** An element's tag in upper case: XHTML documents (application/xhtml+xml) report lower-case tag names. */
export function tagOf(el: Element | null | undefined): string {
  return el ? el.tagName.toUpperCase() : '';
}

/** Elements whose text is never page content. */
export const NON_CONTENT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Visible-ish text of an element: scripts, styles and templates skipped, whitespace collapsed. */
export function elementText(el: Element | null | undefined): string | null {
  if (!el) return null;
  if (!el.querySelector('script,style,template,noscript')) return cleanText(el.textContent);
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1 && !NON_CONTENT.has(tagOf(c as Element))) walk(c);
    }
  };
  walk(el);
  return cleanText(parts.join(''));
}
