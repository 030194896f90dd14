import type { PageType, Snapshot, SubjectKind } from '../../domain';
import type { Anchor, PageRead } from '../types';
import { sameId } from '../../domain/ids';
import { Diagnostics } from './diagnostics';
import { ID_FIELDS, STAFF_SPED_FIELDS, STUDENT_SPED_FIELDS, type FieldKey, fieldKind } from './fields';
import { type FoundId, idFromHeading, idFromUrl, isUsableId } from './ids';
import { type LabeledValue, findLabeledValues } from './labels';
import { readListRecords } from './list';
import { type FieldEntry, buildStaff, buildStudent } from './record';
import { contentElements } from './scope';
import { fieldsByValue } from './by-value';
import { recordTableEntries } from './record-tables';
import { type ReadTable, readPageTable } from './table';
import { cleanText } from './text';

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

/** "Selected Student : Gabriel Jovanovic", "Staff: Renata Alvarez": a heading that names the record it shows. */
const SELECTED = /^(?:(?:selected|current)\s+)?(?:student|staff|teacher|employee|user)(?:\s+name)?\s*:\s*(.+)$/i;
const NAME_HEADINGS = [...HEADINGS, 'h4', 'h5', 'h6', '.panel-title'];

/** The record's name and the heading that shows it, when a heading names it without an id. */
export function recordHeadingName(root: Element): { name: string; element: Element } | null {
  for (const selector of NAME_HEADINGS) {
    for (const el of contentElements(root, selector)) {
      const m = SELECTED.exec(cleanText(el.textContent) ?? '');
      if (m && cleanText(m[1])) return { name: cleanText(m[1])!, element: el };
    }
  }
  return null;
}

const NAME_FIELDS: ReadonlySet<FieldKey> = new Set(['name', 'firstName', 'lastName']);

type Who = FoundId & { name?: string; element?: Element };

/**
 * The record id of a record page. The content's own places (the record form's action, a "Name - id" heading)
 * win over the URL: in-app navigation and a session-held selection leave the URL naming another record
 * (openSIS ignores a URL's student_id while a student is selected). Forms must agree on one id.
 */
export function recordIdentity(root: Element, url: URL | string, diagnostics?: Diagnostics): Who | null {
  const actions = contentElements(root, 'form[action]')
    .map((f) => idFromUrl(f.getAttribute('action'), url))
    .filter((f): f is FoundId => !!f);
  const formId = actions[0] && actions.every((a) => a.id === actions[0]!.id) ? actions[0] : null;
  let heading: Who | null = null;
  // One simple selector at a time: a long selector list is slow on pages with 10,000-row tables.
  for (const selector of HEADINGS) {
    for (const el of contentElements(root, selector)) {
      const h = idFromHeading(el.textContent);
      if (h) {
        heading = { kind: null, id: h.id, source: 'heading', name: h.name, element: el };
        break;
      }
    }
    if (heading) break;
  }
  const fromUrl = idFromUrl(url);
  const content: Who | null = formId
    ? { ...formId, source: `form action ${formId.source.slice(4)}`, kind: formId.kind ?? heading?.kind ?? null }
    : heading;
  if (content && fromUrl && !sameId(content.id, fromUrl.id))
    diagnostics?.add('warning', "the URL and the page content name different records; the content's id was used", 'id');
  const chosen = content ?? fromUrl;
  if (!chosen) return null;
  const kind = chosen.kind ?? (fromUrl && sameId(fromUrl.id, chosen.id) ? fromUrl.kind : null);
  const named = heading && sameId(heading.id, chosen.id) ? heading : null;
  return { ...chosen, kind, name: named?.name, element: named?.element };
}

interface RecordPlan {
  type: 'student' | 'staff';
  who: Who;
  labeled: LabeledValue[];
  tables: FieldEntry[];
}
interface ListPlan {
  type: 'student-list' | 'staff-list';
  tables: ReadTable[];
}

/** The record's own id field ("Student ID: 1004"), when nothing better names the record: its label says whose. */
function idFromField(labeled: readonly LabeledValue[]): Who | null {
  for (const l of labeled) {
    const kind = l.field === 'studentId' ? 'student' : l.field === 'staffId' ? 'staff' : null;
    const id = l.value.text;
    if (kind && isUsableId(id) && /\d/.test(id)) return { kind, id, source: `label "${l.label}"` };
  }
  return null;
}

function planRecord(root: Element, url: URL | string, diagnostics?: Diagnostics): RecordPlan | null {
  let all: LabeledValue[] | null = null;
  const who = recordIdentity(root, url, diagnostics) ?? idFromField((all = findLabeledValues(root)));
  if (!who) return null;
  all ??= findLabeledValues(root);
  const named = all.filter((l) => l.field);
  const kind = who.kind ?? kindOfFields(named.map((l) => l.field));
  if (!kind) return null;
  const labeled = [...named, ...fieldsByValue(all, kind, diagnostics ?? new Diagnostics())];
  const tables = recordTableEntries(root, kind, url);
  const sped = kind === 'student' ? STUDENT_SPED_FIELDS : STAFF_SPED_FIELDS;
  const fields = [...labeled, ...tables];
  if (fields.some((l) => sped.has(l.field!))) return { type: kind, who, labeled, tables };
  // A record whose id the URL or its form names by kind (student_id, staff_id) is read for what it shows (name,
  // grade, position…) even without special-education fields: the checks match people by it.
  // A name is needed too: an id and a job title alone are no record to check (and a teachable page stays so).
  const own = fields.some((l) => !ID_FIELDS.has(l.field!) && fieldKind(l.field!) === kind);
  const hasName =
    !!who.name || labeled.some((l) => NAME_FIELDS.has(l.field!) && l.value.text) || !!recordHeadingName(root);
  return who.kind && own && hasName ? { type: kind, who, labeled, tables } : null;
}

/** The kind of record a link in the table's first rows names (its id parameter or path says whose). */
function linkedKind(table: ReadTable, base: URL | string): SubjectKind | null {
  for (const r of table.rows.slice(0, 50))
    for (const cell of Object.values(r.cells))
      for (const a of cell.links) {
        const found = idFromUrl(a.getAttribute('href'), base);
        if (found?.kind) return found.kind;
      }
  return null;
}

/**
 * Whose list a table is: its special-education columns say, else its id column ("Student ID", "Staff ID"), else
 * the records its rows link to. A list of names and ids is a list too: it identifies people for the checks.
 */
function listKind(table: ReadTable, base: URL | string): SubjectKind | null {
  const fields = table.columns.map((c) => c.field);
  const byIdColumn = fields.includes('studentId') ? 'student' : fields.includes('staffId') ? 'staff' : null;
  const linked = linkedKind(table, base);
  const kind = kindOfFields(fields) ?? byIdColumn ?? linked;
  if (!kind) return null;
  const idColumn = fields.some((f) => f && ID_FIELDS.has(f));
  const linkedOk =
    linked === kind ||
    table.rows
      .slice(0, 50)
      .some((r) =>
        Object.values(r.cells).some((c) =>
          c.links.some((a) => idFromUrl(a.getAttribute('href'), base, kind)?.kind === null),
        ),
      );
  return idColumn || linkedOk ? kind : null;
}

function tablesByKind(root: Element, url: URL | string): Record<SubjectKind, ReadTable[]> {
  const byKind: Record<SubjectKind, ReadTable[]> = { student: [], staff: [] };
  for (const el of contentElements(root, 'table')) {
    if (el.querySelector('table')) continue; // layout tables hold the list; the list itself is innermost
    const table = readPageTable(el);
    const kind = table.rows.length ? listKind(table, url) : null;
    if (kind) byKind[kind].push(table);
  }
  return byKind;
}

/** The list tables of one kind under `root` (for profiles that say the page is a list but not which table). */
export function listTables(root: Element, url: URL | string, kind: SubjectKind): ReadTable[] {
  return tablesByKind(root, url)[kind];
}

function planList(root: Element, url: URL | string): ListPlan | null {
  const byKind = tablesByKind(root, url);
  if (byKind.student.length) return { type: 'student-list', tables: byKind.student };
  if (byKind.staff.length) return { type: 'staff-list', tables: byKind.staff };
  return null;
}

/** What the generic reader makes of a page, or null when it finds no identifiable special-ed record. */
export function planGenericPage(
  doc: Document,
  url: URL | string,
  diagnostics?: Diagnostics,
): RecordPlan | ListPlan | null {
  const root = contentRoot(doc);
  if (!root) return null;
  return planRecord(root, url, diagnostics) ?? planList(root, url);
}

/** A record page's labeled values as entries for the record builder: the other kind's fields and ids left out. */
export function labeledEntries(labeled: readonly LabeledValue[], kind: SubjectKind): FieldEntry[] {
  return labeled
    .filter(
      (l) => l.field && !ID_FIELDS.has(l.field) && fieldKind(l.field) !== (kind === 'student' ? 'staff' : 'student'),
    )
    .map((l) => ({
      field: l.field!,
      value: l.value,
      source: l.how === 'value' ? `value pattern (label "${l.label}")` : `label "${l.label}"`,
    }));
}

/** A "Student ID" (or "Staff ID") field that names another record than the one read is reported, never used. */
export function checkIdField(
  labeled: readonly LabeledValue[],
  id: string,
  kind: SubjectKind,
  diagnostics: Diagnostics,
): void {
  const own = kind === 'student' ? 'studentId' : 'staffId';
  const shown = labeled.find((l) => l.field === own && l.value.text)?.value.text;
  if (shown && !sameId(shown, id))
    diagnostics.add(
      'warning',
      "the page's id field names another record than its address and heading; it was not used",
      'id',
    );
}

/** A table's services or credentials replace what labels say of the same field (a title's "Credential:" is no label). */
export function withTables(labeled: readonly FieldEntry[], tables: readonly FieldEntry[]): FieldEntry[] {
  const fromTables = new Set(tables.map((t) => t.field));
  return [...labeled.filter((e) => !fromTables.has(e.field)), ...tables];
}

/** Reads a page the generic way; an unrecognized page gives an `unknown` snapshot with a diagnostic. */
export function readGenericPage(doc: Document, url: URL | string, profile = 'generic'): PageRead {
  const diagnostics = new Diagnostics();
  const snapshot = emptySnapshot(url, profile);
  const anchors: Anchor[] = [];
  let plan: ReturnType<typeof planGenericPage> = null;
  try {
    plan = planGenericPage(doc, url, diagnostics);
  } catch {
    diagnostics.add('error', 'the page could not be read');
  }
  if (!plan) {
    if (!diagnostics.list.length)
      diagnostics.add('info', 'no record with an id and special-education fields was recognized');
    return { snapshot: { ...snapshot, diagnostics: diagnostics.done() }, anchors };
  }
  snapshot.pageType = plan.type;
  if (plan.type === 'student' || plan.type === 'staff') {
    const kind = plan.type;
    const root = contentRoot(doc)!;
    checkIdField(plan.labeled, plan.who.id, kind, diagnostics);
    const entries = withTables(labeledEntries(plan.labeled, kind), plan.tables);
    const titled = plan.who.name ? null : recordHeadingName(root);
    const who = {
      id: plan.who.id,
      idSource: plan.who.source,
      name: plan.who.name ?? titled?.name ?? null,
      nameSource: titled ? 'heading "Selected …"' : 'heading',
    };
    if (kind === 'student') snapshot.students.push(buildStudent(who, entries, diagnostics));
    else snapshot.staff.push(buildStaff(who, entries, diagnostics));
    snapshot.focus = { kind, id: plan.who.id };
    const at = plan.who.element ?? titled?.element ?? contentElements(root, 'h1,h2')[0] ?? root;
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
