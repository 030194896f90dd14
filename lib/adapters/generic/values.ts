import { parseDate } from '../../dates';
import { BLOCKS } from './lines';
import { NON_CONTENT, cleanText, elementText, tagOf } from './text';

/** What one field's value region holds, before it is typed for a field (record.ts). */
export interface FieldValue {
  /** Displayed text, or the control values joined with ", "; null when empty. */
  text: string | null;
  /** Separate selections of a multi-select or checkbox group (empty when the value is plain text). */
  values: string[];
  /** A date the markup states unambiguously (sortable comment, or month/day/year controls). */
  isoDate: string | null;
  /** The element that holds the value. */
  element: Element | null;
  /** Links inside the value (`a[href]`), gathered in the same walk: ids in their hrefs identify people. */
  links: Element[];
  /**
   * The value as the lines a reader sees (`<br>`, block elements, list items and new lines in a text box break
   * them): a services block holds one service per line. Absent when the value is one line.
   */
  lines?: string[];
}

export const EMPTY_VALUE: FieldValue = { text: null, values: [], isoDate: null, element: null, links: [] };

/** Text with line breaks → its non-empty lines, each whitespace-collapsed; undefined for a single line. */
function splitLines(text: string): string[] | undefined {
  const lines = text
    .split('\n')
    .map((l) => cleanText(l))
    .filter((l): l is string => !!l);
  return lines.length > 1 ? lines : undefined;
}

const SKIPPED_INPUTS = new Set(['hidden', 'button', 'submit', 'reset', 'image', 'file', 'password']);
/** Options that mean "nothing chosen". "None" reads as empty too: for disabilities it means no disability. */
const PLACEHOLDER = /^(n\/?a|none|\(none\)|-+|--.*--|select.*|choose.*|please (select|choose).*)$/i;

function isControl(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'SELECT' || tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && !SKIPPED_INPUTS.has((el.getAttribute('type') ?? 'text').toLowerCase());
}

function selectedOptions(select: Element): Element[] {
  const options = Array.from(select.querySelectorAll('option'));
  const chosen = options.filter((o) => (o as HTMLOptionElement).selected || o.hasAttribute('selected'));
  if (chosen.length || select.hasAttribute('multiple')) return chosen;
  return options.slice(0, 1); // a single select with nothing marked shows its first option
}

/** The values a form control currently holds; an unselected or placeholder option is no value. */
export function readControl(el: Element): string[] {
  const tag = tagOf(el);
  if (tag === 'SELECT') {
    return selectedOptions(el)
      .filter((o) => (o.getAttribute('value') ?? o.textContent) !== '')
      .map((o) => cleanText(o.textContent) ?? cleanText(o.getAttribute('value')) ?? '')
      .filter((t) => t && !PLACEHOLDER.test(t));
  }
  if (tag === 'TEXTAREA')
    return [cleanText((el as HTMLTextAreaElement).value ?? el.textContent)].filter(Boolean) as string[];
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'checkbox' || type === 'radio') {
    const input = el as HTMLInputElement;
    const checked = typeof input.checked === 'boolean' ? input.checked : el.hasAttribute('checked');
    if (!checked) return [];
    const label = el.closest('label');
    const text = (label ? elementText(label) : null) ?? cleanText(el.getAttribute('value'));
    return text ? [text] : [];
  }
  const value = cleanText((el as HTMLInputElement).value ?? el.getAttribute('value'));
  return value && !PLACEHOLDER.test(value) ? [value] : [];
}

/** Month/day/year selects (`month_…`, `day_…`, `year_…`) that together state one date. */
function dateFromControls(controls: Element[]): string | null {
  const part = (prefix: string) =>
    controls.find(
      (c) =>
        tagOf(c) === 'SELECT' &&
        /^(month|day|year)/i.test(c.getAttribute('name') ?? c.id) &&
        (c.getAttribute('name') ?? c.id).toLowerCase().startsWith(prefix),
    );
  const [m, d, y] = ['month', 'day', 'year'].map(part);
  if (!m || !d || !y) return null;
  const value = (s: Element) => selectedOptions(s)[0]?.getAttribute('value') ?? '';
  const [mm, dd, yy] = [value(m), value(d), value(y)];
  return /^\d{1,2}$/.test(mm) && /^\d{1,2}$/.test(dd) && /^\d{4}$/.test(yy) ? parseDate(`${yy}-${mm}-${dd}`) : null;
}

function within(node: Node, excluded: readonly Element[]): boolean {
  return excluded.some((e) => e === node || e.contains(node));
}

/** A sortable comment such as `<!-- 2027-04-16 -->` (RosarioSIS puts one before each displayed date). */
export function dateFromComment(comment: string | null | undefined): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})\b/.exec(comment ?? '');
  return m ? parseDate(m[1]) : null;
}

/**
 * Reads the value held in `container`, leaving out the label element(s) in `exclude`. Filled fields are text
 * (a sortable date comment wins over the displayed date); empty fields are often live form controls, whose
 * selected option or value is read instead.
 */
export function readValue(container: Element | null | undefined, exclude: readonly Element[] = []): FieldValue {
  if (!container) return EMPTY_VALUE;
  // One walk gathers text, date comments and controls: querySelectorAll per cell is what makes big lists slow.
  const parts: string[] = [];
  const controls: Element[] = isControl(container) ? [container] : [];
  const links: Element[] = [];
  let isoDate: string | null = null;
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (exclude.length && within(c, exclude)) continue;
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 8) isoDate ??= dateFromComment(c.nodeValue);
      else if (c.nodeType === 1) {
        const el = c as Element;
        if (NON_CONTENT.has(tagOf(el))) continue;
        if (isControl(el)) controls.push(el);
        else if (tagOf(el) === 'A' && el.hasAttribute('href')) links.push(el);
        const block = BLOCKS.has(tagOf(el)) || tagOf(el) === 'LI';
        if (block) parts.push('\n');
        if (tagOf(el) !== 'SELECT' && tagOf(el) !== 'TEXTAREA') walk(el);
        if (block) parts.push('\n');
      }
    }
  };
  if (!controls.length) walk(container);
  if (controls.length) {
    const date = dateFromControls(controls);
    const isDateGroup = controls.every((c) => /^(month|day|year)/i.test(c.getAttribute('name') ?? c.id));
    const values = isDateGroup ? [] : controls.flatMap(readControl);
    const box =
      controls.length === 1 && controls[0] && tagOf(controls[0]) === 'TEXTAREA'
        ? ((controls[0] as HTMLTextAreaElement).value ?? controls[0].textContent ?? '')
        : '';
    const lines = box ? splitLines(box) : undefined;
    const out: FieldValue = {
      text: date ?? (values.length ? values.join(', ') : null),
      values: lines ? [] : values,
      isoDate: date,
      element: container,
      links,
    };
    return lines ? { ...out, lines } : out;
  }
  const joined = parts.join('');
  const lines = splitLines(joined);
  const out: FieldValue = { text: cleanText(joined), values: [], isoDate, element: container, links };
  return lines ? { ...out, lines } : out;
}
