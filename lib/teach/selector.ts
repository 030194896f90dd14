import { findLabeledValues, type LabeledValue } from '../adapters/generic/labels';
import { elementText, labelKey } from '../adapters/generic/text';
import type { FieldLocator } from '../adapters/profile';

/**
 * Turns an element the user picked in teach mode into a locator that finds it again on the next page of the
 * same kind: the label shown beside it when there is one (labels survive layout changes and differ per field),
 * else a short CSS selector built from stable hooks (ids, data-* attributes, form names), and only as a last
 * resort a structural path, with :nth-of-type only where siblings are otherwise alike.
 */

/** Ids and classes that frameworks generate per render or per record, useless for the next page. */
const GENERATED = /^(ember\d|ext-|react|yui_|gwt-|ng-|mui-|css-|jss\d|sc-|_)|:|[0-9a-f]{8,}|\d{5,}$/i;
const STATE_CLASS = /^(active|selected|hover|focus|open|hidden|visible|is-|has-|js-)/i;
const MAX_ATTR = 60;

export function cssEscape(value: string): string {
  return value.replace(/^(\d)/, '\\3$1 ').replace(/[^\w-]/g, (c) => `\\${c}`);
}

const quote = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;

function firstMatch(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

function count(root: ParentNode, selector: string): number {
  try {
    return root.querySelectorAll(selector).length;
  } catch {
    return Infinity;
  }
}

/** A selector that names `el` alone: its id, a data-* attribute or a form control's name. */
function ownHook(el: Element, root: ParentNode): string | null {
  const tag = el.tagName.toLowerCase();
  const candidates: string[] = [];
  if (el.id && !GENERATED.test(el.id)) candidates.push(`#${cssEscape(el.id)}`);
  for (const a of Array.from(el.attributes)) {
    if (
      a.name.startsWith('data-') &&
      !a.name.startsWith('data-liaison') &&
      a.value &&
      a.value.length <= MAX_ATTR &&
      !GENERATED.test(a.value)
    )
      candidates.push(`${tag}[${a.name}=${quote(a.value)}]`);
  }
  const name = el.getAttribute('name');
  if (name && name.length <= MAX_ATTR) candidates.push(`${tag}[name=${quote(name)}]`);
  return candidates.find((s) => count(root, s) === 1 && firstMatch(root, s) === el) ?? null;
}

function stableClasses(el: Element): string[] {
  return Array.from(el.classList)
    .filter((c) => !GENERATED.test(c) && !STATE_CLASS.test(c))
    .slice(0, 2);
}

/** `tag.class` for one step, with :nth-of-type only when a sibling would match the same. */
function step(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const base =
    tag +
    stableClasses(el)
      .map((c) => `.${cssEscape(c)}`)
      .join('');
  const parent = el.parentElement;
  if (!parent) return base;
  const alike = Array.from(parent.children).filter((c) => c.tagName === el.tagName && c.matches(base));
  return alike.length > 1
    ? `${base}:nth-of-type(${
        Array.from(parent.children)
          .filter((c) => c.tagName === el.tagName)
          .indexOf(el) + 1
      })`
    : base;
}

/** A CSS selector whose first match in `root` is `el`. */
export function cssSelectorFor(el: Element, root: ParentNode = el.ownerDocument): string {
  const own = ownHook(el, root);
  if (own) return own;
  // Up to the nearest ancestor with a hook, then the shortest descent from it that still names `el` first.
  const path: Element[] = [];
  let anchor: string | null = null;
  for (
    let cur: Element | null = el;
    cur && cur !== root && cur.tagName !== 'BODY' && cur.tagName !== 'HTML';
    cur = cur.parentElement
  ) {
    if (cur !== el && (anchor = ownHook(cur, root))) break;
    path.unshift(cur);
    if (path.length > 8) break;
  }
  const tail = step(el);
  const loose = anchor ? `${anchor} ${tail}` : tail;
  if (firstMatch(root, loose) === el && count(root, loose) === 1) return loose;
  const chain = path.map(step).join(' > ');
  const complete = path[0]?.parentElement?.tagName === 'BODY';
  return anchor ? `${anchor} > ${chain}` : complete ? `body > ${chain}` : chain;
}

/** Where the reader looks for labels: the body (contentRoot), as the profile reader does. */
const labelRoot = (el: Element, root?: ParentNode): ParentNode => root ?? el.ownerDocument.body ?? el.ownerDocument;

/**
 * The labeled value the element is (or sits in, or labels), when the reader finds its label and the label is
 * unique on the page. Labels in running text ("Case Manager: Priya Patel") have no element of their own: the
 * picked element then must show that value, alone or after its label.
 */
export function labelFor(el: Element, root?: ParentNode): LabeledValue | null {
  const labels = findLabeledValues(labelRoot(el, root));
  const hits = labels.filter((l) => {
    const v = l.value.element;
    return (
      (v && (v === el || v.contains(el))) || (l.labelElement && (l.labelElement === el || l.labelElement.contains(el)))
    );
  });
  // The innermost value wins (a row inside a larger labeled block).
  hits.sort((a, b) => depth(b.value.element) - depth(a.value.element));
  const hit = hits[0] ?? textPairFor(el, labels);
  if (!hit) return null;
  // The profile reader takes the first label with this text: it must be this one.
  return labels.find((l) => labelKey(l.label) === labelKey(hit.label)) === hit ? hit : null;
}

/** A "Label: value" pair of running text that the picked element shows, when exactly one fits. */
function textPairFor(el: Element, labels: LabeledValue[]): LabeledValue | null {
  const shown = elementText(el);
  if (!shown) return null;
  const key = labelKey(shown);
  const fits = labels.filter((l) => {
    if (l.how !== 'text' || !l.value.text) return false;
    const value = labelKey(l.value.text);
    if (!value) return false;
    // The value alone (a <span> after the label), or the label and its value in one element.
    return (
      key === value ||
      (key.includes(labelKey(l.label)) &&
        key.includes(value) &&
        shown.length <= l.label.length + l.value.text.length + 40)
    );
  });
  return fits.length === 1 ? fits[0]! : null;
}

function depth(el: Element | null): number {
  let d = 0;
  for (let cur = el; cur; cur = cur.parentElement) d++;
  return d;
}

/** Where a picked field's value lives: its label when it has one, else a selector. */
export function locatorFor(el: Element, root?: ParentNode): FieldLocator {
  const label = labelFor(el, root);
  return label ? { label: label.label } : { selector: cssSelectorFor(el, root ?? el.ownerDocument) };
}
