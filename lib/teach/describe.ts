import type { FieldLocator, IdLocator } from '../adapters/profile';
import { isList, listField, type TeachDraft, type TeachKey } from './draft';

/**
 * Every saved locator in words, as the teach toolbar shows it: a user checks "the value next to ‘Case Manager’"
 * or "from the address (sid = P-4411)", never a CSS selector. The selector itself is only a tooltip.
 */
export interface LocatorWords {
  text: string;
  /** The raw selector, for a tooltip, when the place is one. */
  selector?: string;
}

const q = (s: string) => `“${s}”`;

/** "the heading", "a table cell": what kind of element a selector names on this page, in words. */
function elementWords(selector: string, doc?: Document): string {
  let el: Element | null = null;
  try {
    el = doc?.querySelector(selector) ?? null;
  } catch {
    el = null;
  }
  const tag = el?.tagName ?? '';
  if (/^H[1-6]$/.test(tag)) return 'the heading';
  if (tag === 'TD' || tag === 'TH') return 'a table cell';
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return 'a form field';
  if (tag === 'LI') return 'a list item';
  if (!el) return 'an element not on this page';
  return 'the element';
}

const firstLabel = (label: string | string[]) => (Array.isArray(label) ? (label[0] ?? '') : label);

export function fieldLocatorWords(loc: FieldLocator, doc?: Document): LocatorWords {
  if ('label' in loc) return { text: `the value next to ${q(firstLabel(loc.label))}` };
  return {
    text: `${elementWords(loc.selector, doc)} at its place on the page (no label beside it)`,
    selector: loc.selector,
  };
}

export function idLocatorWords(loc: IdLocator, url?: URL, doc?: Document): LocatorWords {
  switch (loc.from) {
    case 'url': {
      const value = url
        ? [...url.searchParams].find(([k]) => k.toLowerCase() === loc.param.toLowerCase())?.[1]
        : undefined;
      return { text: `from the address (${loc.param} = ${value ?? 'its value'})` };
    }
    case 'label':
      return { text: `the value next to ${q(loc.label)}` };
    case 'heading':
      return { text: `${elementWords(loc.selector, doc)} reading “name - id”`, selector: loc.selector };
    case 'selector':
      return {
        text: `${elementWords(loc.selector, doc)} at its place on the page (no label beside it)`,
        selector: loc.selector,
      };
  }
}

/** Where the draft finds one field, in words; "not mapped" when nowhere yet. */
export function describeLocator(draft: TeachDraft, key: TeachKey, url?: URL, doc?: Document): LocatorWords {
  if (isList(draft.kind)) {
    const header = draft.list?.columns[listField(draft.kind, key)];
    return { text: header ? `the ${q(header)} column` : 'not mapped' };
  }
  if (key === 'id') return draft.id ? idLocatorWords(draft.id, url, doc) : { text: 'not mapped' };
  const loc = draft.fields[key];
  return loc ? fieldLocatorWords(loc, doc) : { text: 'not mapped' };
}
