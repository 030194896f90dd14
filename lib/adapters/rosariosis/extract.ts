import type { SubjectKind } from '../../domain';
import { Diagnostics } from '../generic/diagnostics';
import { fieldsByValue } from '../generic/by-value';
import type { FieldKey } from '../generic/fields';
import { idFromHeading, idFromUrl } from '../generic/ids';
import { findLabeledValues } from '../generic/labels';
import { readListRecords } from '../generic/list';
import { contentRoot, emptySnapshot, labeledEntries, withTables } from '../generic/page';
import { recordTableEntries } from '../generic/record-tables';
import { type FieldEntry, buildStaff, buildStudent } from '../generic/record';
import { type TableColumn, type TableRow, readPageTable } from '../generic/table';
import { labelKey } from '../generic/text';
import type { Anchor, PageRead } from '../types';
import { detectRosario } from './detect';
import { SELECTORS } from './selectors';

export const PROFILE_ID = 'rosariosis';

/** `#body` in a full page; the fragment's own body when the AJAX response was parsed alone. */
function bodyOf(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.liveRoot.selector) ?? contentRoot(doc);
}

/**
 * The record's id from the content being read: the header cell "Name - 3" and the form action belong to the
 * same `#body` as the fields, so they win over the URL (which AJAX navigation updates separately). The menu is
 * never consulted: in raw HTML it still shows the previously selected student.
 */
function identify(root: Element, url: URL, kind: SubjectKind, d: Diagnostics) {
  const header = Array.from(root.querySelectorAll(SELECTORS.recordHeader.selector))
    .map((el) => ({ el, h: idFromHeading(el.textContent) }))
    .find((x) => x.h);
  const formSel = kind === 'student' ? SELECTORS.studentRecordForm.selector : SELECTORS.staffRecordForm.selector;
  const form = idFromUrl(root.querySelector(formSel)?.getAttribute('action'), url, kind);
  const fromUrl = idFromUrl(url, undefined, kind);
  const candidates = [
    header && { id: header.h!.id, source: 'header td.header2' },
    form?.kind === kind && { id: form.id, source: `form action ${form.source.slice(4)}` },
    fromUrl?.kind === kind && { id: fromUrl.id, source: fromUrl.source },
  ].filter(Boolean) as { id: string; source: string }[];
  if (new Set(candidates.map((c) => c.id)).size > 1)
    d.add('warning', "the URL and the page content name different records; the content's id was used");
  const chosen = candidates[0];
  return chosen ? { ...chosen, name: header?.h!.name ?? null, headerEl: header?.el ?? null } : null;
}

function readRecord(doc: Document, url: URL, kind: SubjectKind, d: Diagnostics): PageRead {
  const snapshot = emptySnapshot(url, 'rosariosis', kind);
  const root = bodyOf(doc);
  const who = root ? identify(root, url, kind, d) : null;
  if (!root || !who) {
    d.add('warning', 'record page without a recognizable id; nothing was read');
    return { snapshot: { ...snapshot, diagnostics: d.done() }, anchors: [] };
  }
  // The generic record reading, inside #body: every layout, values where a district's label is unknown, tables.
  const labeled = findLabeledValues(root);
  const entries: FieldEntry[] = withTables(
    labeledEntries([...labeled.filter((l) => l.field), ...fieldsByValue(labeled, kind, d)], kind),
    recordTableEntries(root, kind, url),
  );
  const identity = { id: who.id, idSource: who.source, name: who.name, nameSource: 'header td.header2' };
  if (kind === 'student') snapshot.students.push(buildStudent(identity, entries, d));
  else snapshot.staff.push(buildStaff(identity, entries, d));
  snapshot.focus = { kind, id: who.id };
  const at = who.headerEl ?? root.querySelector(SELECTORS.pageTitle.selector) ?? root;
  return {
    snapshot: { ...snapshot, diagnostics: d.done() },
    anchors: [{ kind, id: who.id, element: at, inside: true }],
  };
}

/** Columns keyed by RosarioSIS's stable column classes first, then by header text (custom columns). */
function fieldOf(column: TableColumn): FieldKey | null {
  const cls = column.element.className;
  if (/\blist-column-full-name\b/.test(cls)) return 'name';
  if (/\blist-column-(student|staff)-id\b/.test(cls)) return 'recordId';
  return column.field;
}

/** User lists hold parents too; only people whose profile is not "Parent" are staff. */
function isParentRow(table: ReturnType<typeof readPageTable>) {
  const profile = table.columns.find((c) => /\blist-column-profile\b/.test(c.element.className));
  return (row: TableRow) => !!profile && labelKey(row.cells[profile.header]?.text ?? '') === 'parent';
}

function readList(doc: Document, url: URL, kind: SubjectKind, d: Diagnostics): PageRead {
  const snapshot = emptySnapshot(url, 'rosariosis', kind === 'student' ? 'student-list' : 'staff-list');
  const anchors: Anchor[] = [];
  const root = bodyOf(doc);
  const tables = root ? Array.from(root.querySelectorAll(SELECTORS.listTable.selector)) : [];
  for (const el of tables) {
    if (!el.querySelector(SELECTORS.listNameHeader.selector.replace('table.list ', ''))) continue;
    const table = readPageTable(el);
    const read = readListRecords(
      table,
      { kind, baseUrl: url, fieldOf, skipRow: kind === 'staff' ? isParentRow(table) : undefined },
      d,
    );
    snapshot.students.push(...read.students);
    snapshot.staff.push(...read.staff);
    anchors.push(...read.anchors);
  }
  return { snapshot: { ...snapshot, diagnostics: d.done() }, anchors };
}

/** Reads a RosarioSIS page (full page, AJAX fragment, or the DOM after in-app navigation). Never throws. */
export function readRosario(doc: Document, url: URL | string): PageRead {
  const d = new Diagnostics();
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    d.add('error', 'the page URL could not be parsed');
    return { snapshot: { ...emptySnapshot(String(url), PROFILE_ID), diagnostics: d.done() }, anchors: [] };
  }
  try {
    const type = detectRosario(u, doc);
    if (type === 'student' || type === 'staff') return readRecord(doc, u, type, d);
    if (type === 'student-list') return readList(doc, u, 'student', d);
    if (type === 'staff-list') return readList(doc, u, 'staff', d);
    return { snapshot: { ...emptySnapshot(u, PROFILE_ID), diagnostics: d.done() }, anchors: [] };
  } catch {
    d.add('error', 'the page could not be read');
    return { snapshot: { ...emptySnapshot(u, PROFILE_ID), diagnostics: d.done() }, anchors: [] };
  }
}
