import type { SnapshotStaff, SnapshotStudent, SubjectKind } from '../../domain';
import type { Anchor } from '../types';
import type { Diagnostics } from './diagnostics';
import { ID_FIELDS, type FieldKey, fieldKind } from './fields';
import { type FoundId, idFromUrl } from './ids';
import { fitsId } from './limits';
import { type FieldEntry, buildStaff, buildStudent } from './record';
import type { ReadTable, TableColumn, TableRow } from './table';
import { cleanText, labelKey } from './text';

export interface ListOptions {
  kind: SubjectKind;
  /** The page URL, to resolve relative links. */
  baseUrl: URL | string;
  /** Which field a column holds; defaults to the field its header names. */
  fieldOf?: (column: TableColumn) => FieldKey | null;
  /** Rows to leave out (e.g. parents in a users list). */
  skipRow?: (row: TableRow) => boolean;
}

export interface ListRead {
  students: SnapshotStudent[];
  staff: SnapshotStaff[];
  anchors: Anchor[];
}

/** Id columns in order of preference; a link's id parameter beats them all. */
const ID_COLUMNS: Record<SubjectKind, FieldKey[]> = {
  student: ['studentId', 'recordId', 'ssid', 'seisId'],
  staff: ['staffId', 'recordId'],
};

function rowId(row: TableRow, columns: TableColumn[], fields: (FieldKey | null)[], opts: ListOptions) {
  for (const cell of Object.values(row.cells)) {
    for (const a of cell.links) {
      const found: FoundId | null = idFromUrl(a.getAttribute('href'), opts.baseUrl, opts.kind);
      if (found && (found.kind === opts.kind || found.kind === null))
        return { ...found, source: `link ${found.source.slice(4)}`, link: a };
    }
  }
  for (const want of ID_COLUMNS[opts.kind]) {
    const column = columns[fields.indexOf(want)];
    const cell = column ? row.cellElements[column.header] : undefined;
    // A cell holding a control is a search or filter row ("Any" over a hidden input), not a record.
    const text = cell && !cell.querySelector('input,select,textarea') ? idText(cell) : null;
    if (text && !PLACEHOLDER_ID.test(text))
      return { kind: opts.kind, id: text, source: `column "${column!.header}"`, link: null };
  }
  return null;
}

/** "—", "n/a", "new": an id column's way of saying there is none. */
const PLACEHOLDER_ID = /^(?:-+|\u2014|\u2013|n\/?a|none|new|null|tbd|\?)$/i;

/**
 * An id column's text exactly as shown: only whitespace is collapsed, since ids that differ by a zero-width or
 * look-alike character are different records (an id column states the id; it is not guessed like a link's).
 */
function idText(cell: Element | undefined): string | null {
  const text = cell?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/** A users list's kind column ("Profile", "Role", "User Type", "Category") can say a row is not staff. */
const KIND_COLUMN = /^(profile|role|user type|type|category|account type)$/;
const NOT_STAFF = /^(parent|guardian|parent guardian|student)$/;

function notStaffRow(table: ReadTable): ((row: TableRow) => boolean) | null {
  const column = table.columns.find((c) => KIND_COLUMN.test(labelKey(c.header)));
  return column ? (row) => NOT_STAFF.test(labelKey(row.cells[column.header]?.text ?? '')) : null;
}

/**
 * Rows of a list table → records of one kind, one marker anchor per record (after the name link, else inside
 * the first cell). Ids come only from links' id parameters or id columns; a repeated id is reported and the
 * first row kept; rows without an id are skipped and counted.
 */
export function readListRecords(table: ReadTable, opts: ListOptions, diagnostics: Diagnostics): ListRead {
  const out: ListRead = { students: [], staff: [], anchors: [] };
  const fields = table.columns.map((c) => (opts.fieldOf ? opts.fieldOf(c) : c.field));
  const nameIndex = fields.indexOf('name');
  const seen = new Set<string>();
  let repeated = 0;
  let overlong = 0;
  let missing = 0;
  const notStaff = opts.kind === 'staff' ? notStaffRow(table) : null;
  for (const row of table.rows) {
    if (opts.skipRow?.(row) || notStaff?.(row)) continue;
    const found = rowId(row, table.columns, fields, opts);
    if (!found) {
      missing++;
      continue;
    }
    if (!fitsId(found.id)) {
      overlong++;
      continue;
    }
    const anchor: Anchor = found.link
      ? { kind: opts.kind, id: found.id, element: found.link }
      : { kind: opts.kind, id: found.id, element: row.element.querySelector('td,th') ?? row.element, inside: true };
    if (seen.has(found.id)) {
      // The same record again: one record read, and its marker on every row that shows it.
      repeated++;
      out.anchors.push(anchor);
      continue;
    }
    seen.add(found.id);
    const nameColumn = table.columns[nameIndex];
    const nameCell = nameColumn ? row.cells[nameColumn.header] : undefined;
    const name = nameCell?.text ?? cleanText(found.link?.textContent) ?? '';
    const entries: FieldEntry[] = [];
    table.columns.forEach((column, i) => {
      const field = fields[i];
      const value = row.cells[column.header];
      if (
        !field ||
        !value ||
        field === 'name' ||
        ID_FIELDS.has(field) ||
        fieldKind(field) === (opts.kind === 'student' ? 'staff' : 'student')
      )
        return;
      entries.push({ field, value, source: `column "${column.header}"` });
    });
    const who = {
      id: found.id,
      idSource: found.source,
      name,
      nameSource: nameColumn ? `column "${nameColumn.header}"` : 'link text',
    };
    if (opts.kind === 'student') out.students.push(buildStudent(who, entries, diagnostics));
    else out.staff.push(buildStaff(who, entries, diagnostics));
    out.anchors.push(anchor);
  }
  if (repeated)
    diagnostics.add(
      'warning',
      `${repeated} row(s) repeat an id already read on this page; the first row was kept`,
      'id',
    );
  if (overlong) diagnostics.add('warning', `${overlong} row(s) with an id longer than the limit were skipped`, 'id');
  if (missing) diagnostics.add('info', `${missing} row(s) without an id from a link or an id column were skipped`);
  return out;
}
