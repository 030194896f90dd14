/**
 * Reading label/value blocks and header-keyed tables. Pure DOM reads on the element given; no globals, so it
 * works on an injected Document (happy-dom in tests, the page in the content script).
 */
import { CELL_ITEM, FIELD, FIELD_LABEL, FIELD_VALUE, HEADER_CELL, TABLE } from './selectors';

/** Visible text: `&nbsp;` as a space, runs of whitespace collapsed, trimmed. */
export function cleanText(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** How labels and headers are compared: "Birth&nbsp;Date:" equals "birth date". */
export function labelKey(s: string | null | undefined): string {
  return cleanText(s).replace(/\s*:$/, '').toLowerCase();
}

export interface Field {
  /** The label as shown (cleaned), for provenance. */
  label: string;
  value: Element;
}

/** Label → value element of every field block under root. The first of duplicate labels wins. */
export function collectFields(root: ParentNode): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const block of Array.from(root.querySelectorAll(FIELD))) {
    const labelEl = block.querySelector(FIELD_LABEL);
    const value = block.querySelector(FIELD_VALUE);
    if (!labelEl || !value) continue;
    const key = labelKey(labelEl.textContent);
    if (key && !out.has(key)) out.set(key, { label: cleanText(labelEl.textContent).replace(/\s*:$/, ''), value });
  }
  return out;
}

/** A value element's text; empty controls (a select on its empty option, a blank input) read as null. */
export function valueText(el: Element): string | null {
  const tag = el.tagName.toLowerCase();
  if (tag === 'select') {
    const opt = Array.from(el.querySelectorAll('option')).find((o) => o.hasAttribute('selected') || (o as HTMLOptionElement).selected);
    return opt && opt.getAttribute('value') ? cleanText(opt.textContent) || null : null;
  }
  if (tag === 'input' || tag === 'textarea') return cleanText((el as HTMLInputElement).value ?? el.getAttribute('value')) || null;
  return cleanText(el.textContent) || null;
}

/** The texts of the items in a cell (list items), or the whole cell as one item. */
export function cellItems(cell: Element): string[] {
  const items = Array.from(cell.querySelectorAll(CELL_ITEM));
  if (!items.length) return cleanText(cell.textContent) ? [cleanText(cell.textContent)] : [];
  return items.map((li) => cleanText(li.textContent));
}

export interface HeaderTable {
  table: Element;
  /** Header key → column index. */
  columns: Map<string, number>;
  /** Header key → header text as shown. */
  headerText: Map<string, string>;
  /** Data rows (rows without header cells, and not a single "empty" cell spanning the table). */
  rows: Element[];
}

/** The first table under root whose header row holds every required header text. */
export function findTable(root: ParentNode, required: readonly string[]): HeaderTable | null {
  const want = required.map(labelKey);
  for (const table of Array.from(root.querySelectorAll(TABLE))) {
    const headerRow = Array.from(table.querySelectorAll('tr')).find((tr) => tr.querySelector(HEADER_CELL));
    if (!headerRow) continue;
    const columns = new Map<string, number>();
    const headerText = new Map<string, string>();
    Array.from(headerRow.children).forEach((cell, i) => {
      const key = labelKey(cell.textContent);
      if (key && !columns.has(key)) {
        columns.set(key, i);
        headerText.set(key, cleanText(cell.textContent));
      }
    });
    if (!want.every((k) => columns.has(k))) continue;
    const rows = Array.from(table.querySelectorAll('tr')).filter(
      (tr) => tr !== headerRow && !tr.querySelector(HEADER_CELL) && !(tr.children.length === 1 && columns.size > 1),
    );
    return { table, columns, headerText, rows };
  }
  return null;
}

/** The cell of a row under a header, if the table has that column. */
export function cellAt(t: HeaderTable, row: Element, header: string): Element | null {
  const i = t.columns.get(labelKey(header));
  return i === undefined ? null : (row.children[i] ?? null);
}
