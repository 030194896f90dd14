import type { FieldKey } from './fields';
import { matchField } from './match';
import { elementText, tagOf } from './text';
import { type FieldValue, readValue } from './values';

export interface TableColumn {
  /** Header text as shown (repeated headers get " (2)", " (3)"…). */
  header: string;
  field: FieldKey | null;
  /** The header cell, for site profiles that key on its class (RosarioSIS `th.list-column-*`). */
  element: Element;
}

export interface TableRow {
  element: Element;
  /** Header text → the cell's value. */
  cells: Record<string, FieldValue>;
  /** Header text → the cell element. */
  cellElements: Record<string, Element>;
}

export interface ReadTable {
  columns: TableColumn[];
  rows: TableRow[];
}

const cellsOf = (tr: Element) => Array.from(tr.children).filter((c) => tagOf(c) === 'TD' || tagOf(c) === 'TH');
const span = (cell: Element) => Math.max(1, Math.min(50, Number(cell.getAttribute('colspan')) || 1));

/** Rows of this table only (not of tables nested in its cells), in document order. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    if (tagOf(child) === 'TR') rows.push(child);
    else if (tagOf(child) === 'THEAD' || tagOf(child) === 'TBODY' || tagOf(child) === 'TFOOT')
      for (const tr of Array.from(child.children)) if (tagOf(tr) === 'TR') rows.push(tr);
  }
  return rows;
}

/**
 * A header row made of plain cells (printable reports): at least three cells and half of them name a field, and
 * none holds a link, a control or long text, which data cells do.
 */
function isHeaderLike(tr: Element): boolean {
  const cells = cellsOf(tr);
  // Two cells are a label and its value ("Credentials | No credentials on file"), not a list's headers.
  if (cells.length < 3 || cells.some((c) => tagOf(c) !== 'TD' || c.querySelector('a,input,select,textarea,table')))
    return false;
  const texts = cells.map((c) => elementText(c) ?? '');
  if (texts.some((t) => t.length > 40)) return false;
  const named = texts.filter((t) => matchField(t)).length;
  return named >= 2 && named * 2 >= cells.length;
}

/**
 * A table with a header row → its columns (header text and the field it names) and its body rows keyed by
 * header text. The header row is the `<thead>` row, the first row made only of `<th>`, or a first row of plain cells
 * that reads as headers (isHeaderLike). Colspans are honoured.
 * Tables without a header row give no columns and no rows.
 */
export function readPageTable(table: Element): ReadTable {
  const all = ownRows(table);
  let headIndex = all.findIndex(
    (tr) =>
      tagOf(tr.parentElement) === 'THEAD' || (cellsOf(tr).length > 0 && cellsOf(tr).every((c) => tagOf(c) === 'TH')),
  );
  if (headIndex < 0) headIndex = all.slice(0, 3).findIndex(isHeaderLike);
  if (headIndex < 0) return { columns: [], rows: [] };
  const columns: TableColumn[] = [];
  const slots: number[] = []; // slot → column index
  const seen = new Map<string, number>();
  for (const th of cellsOf(all[headIndex]!)) {
    const text = elementText(th) ?? `Column ${columns.length + 1}`;
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    for (let i = 0; i < span(th); i++) slots.push(columns.length);
    columns.push({ header: n > 1 ? `${text} (${n})` : text, field: matchField(text), element: th });
  }
  const rows: TableRow[] = [];
  for (const tr of all.slice(headIndex + 1)) {
    if (tagOf(tr.parentElement) === 'THEAD' || tagOf(tr.parentElement) === 'TFOOT') continue;
    // Another row of headers (a search form's second line of labels) is not a record.
    if (cellsOf(tr).every((c) => tagOf(c) === 'TH')) continue;
    const cells: Record<string, FieldValue> = {};
    const cellElements: Record<string, Element> = {};
    let slot = 0;
    for (const td of cellsOf(tr)) {
      const column = columns[slots[slot] ?? -1];
      slot += span(td);
      if (!column || column.header in cells) continue;
      cells[column.header] = readValue(td);
      cellElements[column.header] = td;
    }
    if (Object.keys(cells).length) rows.push({ element: tr, cells, cellElements });
  }
  return { columns, rows };
}
