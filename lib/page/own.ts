/**
 * The nodes Liaison put into the page (markers, the "not recognized" chip, teach mode). Liaison's attributes
 * (`data-liaison-marker`, `data-liaison-ui`) are only labels: a page can write them on its own elements, so
 * whether a node is Liaison's own is decided here, never by an attribute. A forged marker or "UI" wrapper is then
 * page content like any other: its changes are read, and Liaison never removes it.
 *
 * The set lives on the global object of the content scripts' isolated world, so every Liaison bundle in the frame
 * (the content script, teach mode injected later) shares it, and the page's own scripts cannot reach it.
 */
const KEY = '__liaisonOwnNodes';
const holder = globalThis as { [KEY]?: WeakSet<Node> };
const own = (holder[KEY] ??= new WeakSet<Node>());

export function markOwn<T extends Node>(node: T): T {
  own.add(node);
  return node;
}

export function isOwn(node: Node): boolean {
  return own.has(node);
}

/** Whether the node is inside one of Liaison's own nodes (or is one), across shadow roots. */
export function insideOwn(node: Node | null): boolean {
  for (let n = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (own.has(n)) return true;
  return false;
}
