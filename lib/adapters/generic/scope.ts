/**
 * Parts of a page that are never the record itself: menus and navigation can show another record (RosarioSIS's
 * menu shows the previously selected student), so readers never take labels, values or ids from them.
 */
export const OUTSIDE_CONTENT = 'aside,nav,[role="navigation"],script,style,template,noscript';

/** True when `el` sits in navigation or a menu below `root` (root itself may be anything). */
export function isOutsideContent(el: Element, root: ParentNode): boolean {
  const hit = el.closest(OUTSIDE_CONTENT);
  return !!hit && hit !== root && (root as Node).contains(hit);
}

/** Elements of `root` matching `selector`, menus and navigation left out. */
export function contentElements(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter((el) => !isOutsideContent(el, root));
}
