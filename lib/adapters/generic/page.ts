import type { PageType, Snapshot, SubjectKind } from '../../domain';
import type { Anchor, PageRead } from '../types';
import { Diagnostics } from './diagnostics';
import { ID_FIELDS, STAFF_SPED_FIELDS, STUDENT_SPED_FIELDS, type FieldKey, fieldKind } from './fields';
import { type FoundId, idFromHeading, idFromUrl } from './ids';
import { type LabeledValue, findLabeledValues } from './labels';
import { readListRecords } from './list';
import { type FieldEntry, buildStaff, buildStudent } from './record';
import { contentElements } from './scope';
import { type ReadTable, readTable } from './table';

/** Headings that may state "Name - id". */
const HEADINGS = ['h1', 'h2', 'h3', '.header2', '.page-title', 'caption'];

const urlOf = (url: URL | string) => (typeof url === 'string' ? url : url.href);

/** The body of a document, or of an HTML fragment parsed into one. */
export function contentRoot(doc: Document): Element | null {
  return doc.body ?? doc.documentElement ?? null;
}

export function emptySnapshot(url: URL | string, profile: string, pageType: PageType = 'unknown'): Snapshot {
  return { url: urlOf(url).slice(0, 4000), profile, pageType, focus: null, students: [], staff: [], diagnostics: [] };
}

/** Which kind of record a set of fields describes; null when they do not say. */
export function kindOfFields(fields: Iterable<FieldKey | null>): SubjectKind | null {
  let student = 0;
  let staff = 0;
  for (const f of fields) {
    if (f && STUDENT_SPED_FIELDS.has(f)) student++;
    if (f && STAFF_SPED_FIELDS.has(f)) staff++;
  }
  return student > staff ? 'student' : staff > student ? 'staff' : null;
}

/** The record id of a record page: URL parameter, then form actions (one id only), then a "Name - id" heading. */
export function recordIdentity(root: Element, url: URL | string): (FoundId & { name?: string; element?: Element }) | null {
  const fromUrl = idFromUrl(url);
  if (fromUrl) return fromUrl;
  const actions = contentElements(root, 'form[action]')
    .map((f) => idFromUrl(f.getAttribute('action'), url))
    .filter((f): f is FoundId => !!f);
  if (actions.length && actions.every((a) => a.id === actions[0].id)) return { ...actions[0], source: `form action ${actions[0].source.slice(4)}` };
  // One simple selector at a time: a long selector list is slow on pages with 10,000-row tables.
  for (const selector of HEADINGS) {
    for (const el of contentElements(root, selector)) {
      const h = idFromHeading(el.textContent);
      if (h) return { kind: null, id: h.id, source: 'heading', name: h.name, element: el };
    }
  }
  return null;
}

interface RecordPlan {
  type: 'student' | 'staff';
  who: NonNullable<ReturnType<typeof recordIdentity>>;
  labeled: LabeledValue[];
}
interface ListPlan {
  type: 'student-list' | 'staff-list';
  tables: ReadTable[];
}

function planRecord(root: Element, url: URL | string): RecordPlan | null {
  const who = recordIdentity(root, url);
  if (!who) return null;
  const labeled = findLabeledValues(root).filter((l) => l.field);
  const kind = who.kind ?? kindOfFields(labeled.map((l) => l.field));
  if (!kind) return null;
  const sped = kind === 'student' ? STUDENT_SPED_FIELDS : STAFF_SPED_FIELDS;
  return labeled.some((l) => sped.has(l.field!)) ? { type: kind, who, labeled } : null;
}

function listKind(table: ReadTable, base: URL | string): SubjectKind | null {
  const kind = kindOfFields(table.columns.map((c) => c.field));
  if (!kind) return null;
  const idColumn = table.columns.some((c) => c.field && ID_FIELDS.has(c.field));
  const linked = table.rows.slice(0, 50).some((r) =>
    Object.values(r.cells).some((cell) =>
      cell.links.some((a) => {
        const found = idFromUrl(a.getAttribute('href'), base, kind);
        return !!found && (found.kind === kind || found.kind === null);
      }),
    ),
  );
  return idColumn || linked ? kind : null;
}

function planList(root: Element, url: URL | string): ListPlan | null {
  const byKind: Record<SubjectKind, ReadTable[]> = { student: [], staff: [] };
  for (const el of contentElements(root, 'table')) {
    if (el.querySelector('table')) continue; // layout tables hold the list; the list itself is innermost
    const table = readTable(el);
    const kind = table.rows.length ? listKind(table, url) : null;
    if (kind) byKind[kind].push(table);
  }
  if (byKind.student.length) return { type: 'student-list', tables: byKind.student };
  if (byKind.staff.length) return { type: 'staff-list', tables: byKind.staff };
  return null;
}

/** What the generic reader makes of a page, or null when it finds no identifiable special-ed record. */
export function planGenericPage(doc: Document, url: URL | string): RecordPlan | ListPlan | null {
  const root = contentRoot(doc);
  if (!root) return null;
  return planRecord(root, url) ?? planList(root, url);
}

/** Reads a page the generic way; an unrecognized page gives an `unknown` snapshot with a diagnostic. */
export function readGenericPage(doc: Document, url: URL | string, profile = 'generic'): PageRead {
  const diagnostics = new Diagnostics();
  const snapshot = emptySnapshot(url, profile);
  const anchors: Anchor[] = [];
  let plan: ReturnType<typeof planGenericPage> = null;
  try {
    plan = planGenericPage(doc, url);
  } catch {
    diagnostics.add('error', 'the page could not be read');
  }
  if (!plan) {
    if (!diagnostics.list.length) diagnostics.add('info', 'no record with an id and special-education fields was recognized');
    return { snapshot: { ...snapshot, diagnostics: diagnostics.done() }, anchors };
  }
  snapshot.pageType = plan.type;
  if (plan.type === 'student' || plan.type === 'staff') {
    const kind = plan.type;
    const entries: FieldEntry[] = plan.labeled
      .filter((l) => l.field && !ID_FIELDS.has(l.field) && fieldKind(l.field) !== (kind === 'student' ? 'staff' : 'student'))
      .map((l) => ({ field: l.field!, value: l.value, source: `label "${l.label}"` }));
    const who = { id: plan.who.id, idSource: plan.who.source, name: plan.who.name ?? null, nameSource: 'heading' };
    if (kind === 'student') snapshot.students.push(buildStudent(who, entries, diagnostics));
    else snapshot.staff.push(buildStaff(who, entries, diagnostics));
    snapshot.focus = { kind, id: plan.who.id };
    const root = contentRoot(doc)!;
    const at = plan.who.element ?? contentElements(root, 'h1,h2')[0] ?? root;
    anchors.push({ kind, id: plan.who.id, element: at, inside: true });
  } else if (plan.type === 'student-list' || plan.type === 'staff-list') {
    const kind = plan.type === 'student-list' ? 'student' : 'staff';
    for (const table of plan.tables) {
      const read = readListRecords(table, { kind, baseUrl: url }, diagnostics);
      snapshot.students.push(...read.students);
      snapshot.staff.push(...read.staff);
      anchors.push(...read.anchors);
    }
  }
  return { snapshot: { ...snapshot, diagnostics: diagnostics.done() }, anchors };
}
