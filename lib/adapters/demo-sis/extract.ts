/**
 * Reads a demo SIS page into a Snapshot. Fields are found by label text, table columns by header text and
 * record ids by URL path and link hrefs, never by position. Anything not understood becomes a diagnostic that
 * names the field, never the student's data; nothing here throws on odd markup.
 */
import type { CaseManagerRef, CaseManagerRole, Credential, Diagnostic, PageType, Service, SnapshotStaff, SnapshotStudent } from '../../domain';
import type { Anchor, PageRead } from '../types';
import { toIsoDate } from './dates';
import { fitToLimits } from './limits';
import { pageTypeFromUrl, idFromPath } from './detect';
import { cellAt, cellItems, cleanText, collectFields, findTable, labelKey, valueText, type Field, type HeaderTable } from './dom';
import { EMPTY_STATE, HEADERS, LABELS, LIVE_ROOT, NO_CREDENTIALS, RECORD_HEADING, RECORD_NAME, STAFF_LINK, STUDENT_LINK } from './selectors';

export const PROFILE = 'demo-sis';
const MAX_DIAGNOSTICS = 200;
const MAX_RECORDS = 20000;

type Provenance = Record<string, string>;

/** Collects diagnostics, once per message, within the Snapshot's limit. */
class Diagnostics {
  readonly list: Diagnostic[] = [];
  private seen = new Set<string>();
  add(level: Diagnostic['level'], field: string | undefined, message: string): void {
    const key = `${field}|${message}`;
    if (this.seen.has(key) || this.list.length >= MAX_DIAGNOSTICS) return;
    this.seen.add(key);
    this.list.push(field ? { level, field, message } : { level, message });
  }
}

/** Drops undefined properties, so a value the page did not show stays absent (unknown) rather than present. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const fromLabel = (f: Field) => `label:${f.label}`;
const fromHeader = (t: HeaderTable, h: string) => `header:${t.headerText.get(labelKey(h)) ?? h}`;

/** The record id a link points at, resolved against the page URL (hrefs may be relative or absolute). */
function linkedId(link: Element | null, base: URL, kind: 'students' | 'staff'): string | null {
  const href = link?.getAttribute('href');
  if (!href) return null;
  try {
    return idFromPath(new URL(href, base).pathname, kind);
  } catch {
    return null;
  }
}

// ---- value readers shared by list and record pages ----

const ROLES: ReadonlyArray<[RegExp, CaseManagerRole]> = [
  [/coordinat/i, 'coordination'],
  [/instruct|teacher of record/i, 'instruction'],
  [/service/i, 'service'],
];

/** RSP/SDC/GENED when the text says so; other program text passes through. */
function programCode(text: string): string {
  if (/\bRSP\b|resource specialist/i.test(text)) return 'RSP';
  if (/\bSDC\b|special day/i.test(text)) return 'SDC';
  if (/^gen(eral)?\.?\s*ed(ucation)?$|^GENED$/i.test(text)) return 'GENED';
  return text;
}

/** "330 - Specialized Academic Instruction" → code and name; a bare code or a bare name as they are. */
export function splitService(text: string): Pick<Service, 'code' | 'name'> {
  const m = /^(\d{3})(?:\s*[-–—:]\s*(.+))?$/.exec(text);
  return m ? compact({ code: m[1], name: m[2]?.trim() || undefined }) : { name: text };
}

/** A person cell or value: the linked staff id when there is one, and the name as shown. */
function personRef(el: Element, base: URL): { staffId?: string; name?: string } | null {
  const link = el.querySelector(STAFF_LINK);
  const staffId = linkedId(link, base, 'staff') ?? undefined;
  const name = cleanText((link ?? el).textContent) || undefined;
  return staffId || name ? compact({ staffId, name }) : null;
}

function splitAuthorizations(text: string): string[] | undefined {
  const list = text.split(/[,;]/).map((a) => a.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

// ---- pages ----

class PageReader {
  readonly diags = new Diagnostics();
  readonly anchors: Anchor[] = [];
  constructor(
    readonly root: ParentNode,
    readonly url: URL,
  ) {}

  date(text: string | null, field: string): string | null | undefined {
    if (!text) return null;
    const iso = toIsoDate(text);
    if (!iso) this.diags.add('warning', field, `${field}: date not understood`);
    return iso ?? undefined;
  }

  /** A record page's heading and name; null (with a diagnostic) when the page shows no record. */
  heading(kind: 'student' | 'staff'): { heading: Element; name: string } | null {
    const heading = this.root.querySelector(RECORD_HEADING);
    if (!heading) {
      this.diags.add('warning', 'name', `No ${kind} heading on this page (not found, or the layout changed)`);
      return null;
    }
    const name = cleanText((heading.querySelector(RECORD_NAME) ?? heading).textContent);
    return { heading, name };
  }

  /** The record id from the URL; the id field is a cross-check. */
  recordId(kind: 'students' | 'staff', fields: Map<string, Field>, label: string): string | null {
    const fromUrl = idFromPath(this.url.pathname, kind);
    const f = fields.get(labelKey(label));
    const shown = f ? valueText(f.value) : null;
    if (fromUrl && shown && shown !== fromUrl) this.diags.add('warning', 'id', `${label} differs from the id in the URL; using the URL`);
    return fromUrl ?? shown;
  }

  table(required: readonly string[], what: string): HeaderTable | null {
    const t = findTable(this.root, required);
    if (!t) this.diags.add('warning', what, `No table with headers ${required.join(', ')} found`);
    return t;
  }
}

function readStudentList(r: PageReader): SnapshotStudent[] {
  const H = HEADERS.studentList;
  const t = r.table([H.name], 'students');
  if (!t) return [];
  const out: SnapshotStudent[] = [];
  let unidentified = 0;
  for (const row of t.rows.slice(0, MAX_RECORDS)) {
    const nameCell = cellAt(t, row, H.name);
    const link = nameCell?.querySelector(STUDENT_LINK) ?? null;
    const idText = cleanText(cellAt(t, row, H.id)?.textContent) || null;
    const id = linkedId(link, r.url, 'students') ?? idText;
    if (!id || !nameCell) {
      unidentified++;
      continue;
    }
    if (idText && idText !== id) r.diags.add('warning', 'id', 'ID column differs from the student link; using the link');
    const provenance: Provenance = { id: link ? 'link:href' : fromHeader(t, H.id), name: fromHeader(t, H.name) };
    const text = (h: string, field: string) => {
      const cell = cellAt(t, row, h);
      if (!cell) return undefined;
      provenance[field] = fromHeader(t, h);
      return cleanText(cell.textContent) || null;
    };
    const program = text(H.program, 'program');
    const nextAnnualText = text(H.nextAnnual, 'iep.nextAnnual');
    const cmCell = cellAt(t, row, H.caseManager);
    if (cmCell) provenance.caseManager = fromHeader(t, H.caseManager);
    out.push(
      compact({
        id,
        name: cleanText((link ?? nameCell).textContent),
        grade: text(H.grade, 'grade'),
        program: program ? programCode(program) : program,
        primaryDisability: text(H.primaryDisability, 'primaryDisability'),
        caseManager: cmCell ? personRef(cmCell, r.url) : undefined,
        iep: nextAnnualText === undefined ? undefined : { nextAnnual: r.date(nextAnnualText, 'Next Annual IEP') },
        provenance,
      }),
    );
    r.anchors.push({ kind: 'student', id, element: link ?? nameCell, inside: !link });
  }
  if (unidentified) r.diags.add('warning', 'id', `${unidentified} row(s) without a student id were skipped`);
  return out;
}

function readStudentPage(r: PageReader): SnapshotStudent[] {
  const head = r.heading('student');
  if (!head) return [];
  const fields = collectFields(r.root);
  const id = r.recordId('students', fields, LABELS.studentId);
  if (!id) {
    r.diags.add('error', 'id', 'No student id in the URL or on the page');
    return [];
  }
  const provenance: Provenance = { id: 'url:path', name: `selector:${RECORD_HEADING}` };
  /** A labelled value: undefined when the page has no such field, null when it is empty. */
  const value = (label: string, field: string, expected = true): string | null | undefined => {
    const f = fields.get(labelKey(label));
    if (!f) {
      if (expected) r.diags.add('info', field, `Field "${label}" not found`);
      return undefined;
    }
    provenance[field] = fromLabel(f);
    return valueText(f.value);
  };

  const support = value(LABELS.supportLevel, 'supportLevel');
  const supportCode = support ? /\b(MMSN|ESN)\b/.exec(support)?.[1] : undefined;
  if (support && !supportCode) r.diags.add('warning', 'supportLevel', 'Degree of support not recognized; passed through');
  const program = value(LABELS.program, 'program');
  const alt = value(LABELS.alternatePlacement, 'alternatePlacement');
  const severity = value(LABELS.severity, 'severe', false);

  const student: SnapshotStudent = compact({
    id,
    name: head.name,
    grade: value(LABELS.grade, 'grade'),
    birthDate: r.date(value(LABELS.birthDate, 'birthDate') ?? null, 'birthDate') ?? undefined,
    school: value(LABELS.school, 'school'),
    primaryDisability: value(LABELS.primaryDisability, 'primaryDisability'),
    secondaryDisability: value(LABELS.secondaryDisability, 'secondaryDisability'),
    // Shown only when orthopedic impairment is involved; absent means the page did not say.
    severe: severity == null ? undefined : !/not|non|no\b/i.test(severity) && /severe/i.test(severity),
    supportLevel: support ? (supportCode ?? support) : support,
    program: program ? programCode(program) : program,
    alternatePlacement: yesNo(alt, r, 'alternatePlacement'),
    caseManager: readCaseManager(r, fields, provenance),
    services: readServices(r, provenance),
    iep: readIepDates(r, fields, provenance),
    provenance,
  });
  r.anchors.push({ kind: 'student', id, element: head.heading, inside: true });
  return [student];
}

function yesNo(text: string | null | undefined, r: PageReader, field: string): boolean | null | undefined {
  if (text === undefined || text === null) return text;
  if (/^(yes|y|true|x|✓|✔)$/i.test(text)) return true;
  if (/^(no|n|false)$/i.test(text)) return false;
  r.diags.add('warning', field, `${field}: value not understood`);
  return undefined;
}

function readCaseManager(r: PageReader, fields: Map<string, Field>, provenance: Provenance): CaseManagerRef | null | undefined {
  const f = fields.get(labelKey(LABELS.caseManager));
  if (!f) {
    r.diags.add('info', 'caseManager', `Field "${LABELS.caseManager}" not found`);
    return undefined;
  }
  provenance.caseManager = fromLabel(f);
  const ref = personRef(f.value, r.url);
  if (!ref) return null;
  const roleField = fields.get(labelKey(LABELS.caseManagerRole));
  const roleText = roleField ? valueText(roleField.value) : null;
  let role: CaseManagerRole | undefined;
  if (roleField && roleText) {
    provenance['caseManager.role'] = fromLabel(roleField);
    role = ROLES.find(([re]) => re.test(roleText))?.[1];
    if (!role) r.diags.add('warning', 'caseManager.role', 'Case manager role not recognized');
  }
  return compact({ ...ref, role });
}

function readServices(r: PageReader, provenance: Provenance): Service[] | undefined {
  const H = HEADERS.services;
  const t = r.table([H.service, H.provider], 'services');
  if (!t) return undefined;
  provenance.services = `${fromHeader(t, H.service)}, ${fromHeader(t, H.provider)}`;
  const out: Service[] = [];
  for (const row of t.rows) {
    const text = cleanText(cellAt(t, row, H.service)?.textContent);
    if (!text) {
      r.diags.add('warning', 'services', 'A service row without service text was skipped');
      continue;
    }
    const providerCell = cellAt(t, row, H.provider);
    const provider = providerCell ? personRef(providerCell, r.url) : null;
    out.push(compact({ ...splitService(text), providerStaffId: provider?.staffId, providerName: provider?.name }));
  }
  return out;
}

function readIepDates(r: PageReader, fields: Map<string, Field>, provenance: Provenance) {
  const iep: Record<string, string | null | undefined> = {};
  for (const key of ['lastMeeting', 'nextAnnual', 'nextTriennial'] as const) {
    const f = fields.get(labelKey(LABELS[key]));
    if (!f) continue;
    provenance[`iep.${key}`] = fromLabel(f);
    iep[key] = r.date(valueText(f.value), `iep.${key}`);
  }
  const read = compact(iep);
  if (!Object.keys(read).length) {
    r.diags.add('info', 'iep', 'No IEP date fields found');
    return undefined;
  }
  return read;
}

function readStaffList(r: PageReader): SnapshotStaff[] {
  const H = HEADERS.staffList;
  const t = r.table([H.name], 'staff');
  if (!t) return [];
  const hasCredentials = t.columns.has(labelKey(H.credentials));
  const out: SnapshotStaff[] = [];
  let unidentified = 0;
  for (const row of t.rows.slice(0, MAX_RECORDS)) {
    const nameCell = cellAt(t, row, H.name);
    const link = nameCell?.querySelector(STAFF_LINK) ?? null;
    const idText = cleanText(cellAt(t, row, H.id)?.textContent) || null;
    const id = linkedId(link, r.url, 'staff') ?? idText;
    if (!id || !nameCell) {
      unidentified++;
      continue;
    }
    if (idText && idText !== id) r.diags.add('warning', 'id', 'Staff ID column differs from the staff link; using the link');
    const provenance: Provenance = { id: link ? 'link:href' : fromHeader(t, H.id), name: fromHeader(t, H.name) };
    const positionCell = cellAt(t, row, H.position);
    if (positionCell) provenance.position = fromHeader(t, H.position);
    let credentials: Credential[] | undefined;
    if (hasCredentials) {
      provenance.credentials = fromHeader(t, H.credentials);
      credentials = listCredentials(r, t, row);
    }
    out.push(
      compact({
        id,
        name: cleanText((link ?? nameCell).textContent),
        position: positionCell ? cleanText(positionCell.textContent) || null : undefined,
        // No credentials column: unknown, so left out rather than [].
        credentials,
        provenance,
      }),
    );
    r.anchors.push({ kind: 'staff', id, element: link ?? nameCell, inside: !link });
  }
  if (unidentified) r.diags.add('warning', 'id', `${unidentified} row(s) without a staff id were skipped`);
  return out;
}

/** Credentials in a list row: titles in one cell, expirations in the same order in another. */
function listCredentials(r: PageReader, t: HeaderTable, row: Element): Credential[] | undefined {
  const H = HEADERS.staffList;
  const cell = cellAt(t, row, H.credentials);
  if (!cell) return undefined;
  if (cell.querySelector(EMPTY_STATE) || NO_CREDENTIALS.test(cleanText(cell.textContent))) return [];
  const titles = cellItems(cell);
  const expiresCell = cellAt(t, row, H.expires);
  const expires = expiresCell ? cellItems(expiresCell) : [];
  if (expiresCell && expires.length !== titles.length) r.diags.add('warning', 'credentials.expires', 'Expiration dates do not line up with credentials');
  return titles.map((title, i) =>
    compact({ title, expires: expires.length === titles.length ? r.date(expires[i] || null, 'credentials.expires') : undefined }),
  );
}

function readStaffPage(r: PageReader): SnapshotStaff[] {
  const head = r.heading('staff');
  if (!head) return [];
  const fields = collectFields(r.root);
  const id = r.recordId('staff', fields, LABELS.staffId);
  if (!id) {
    r.diags.add('error', 'id', 'No staff id in the URL or on the page');
    return [];
  }
  const provenance: Provenance = { id: 'url:path', name: `selector:${RECORD_HEADING}` };
  const value = (label: string, field: string) => {
    const f = fields.get(labelKey(label));
    if (!f) {
      r.diags.add('info', field, `Field "${label}" not found`);
      return undefined;
    }
    provenance[field] = fromLabel(f);
    return valueText(f.value);
  };
  const staff: SnapshotStaff = compact({
    id,
    name: head.name,
    position: value(LABELS.position, 'position'),
    email: value(LABELS.email, 'email'),
    phone: value(LABELS.phone, 'phone'),
    credentials: pageCredentials(r, provenance),
    provenance,
  });
  r.anchors.push({ kind: 'staff', id, element: head.heading, inside: true });
  return [staff];
}

function pageCredentials(r: PageReader, provenance: Provenance): Credential[] | undefined {
  const H = HEADERS.credentials;
  const t = findTable(r.root, [H.title]);
  if (!t) {
    const empty = Array.from(r.root.querySelectorAll(EMPTY_STATE)).find((e) => NO_CREDENTIALS.test(cleanText(e.textContent)));
    if (empty) {
      provenance.credentials = `text:${cleanText(empty.textContent)}`;
      return [];
    }
    r.diags.add('warning', 'credentials', 'No credentials table and no "No credentials on file" note; credentials unknown');
    return undefined;
  }
  provenance.credentials = fromHeader(t, H.title);
  const cellText = (row: Element, h: string) => {
    const c = cellAt(t, row, h);
    return c ? cleanText(c.textContent) || null : undefined;
  };
  return t.rows.map((row) => {
    const auth = cellText(row, H.authorizations);
    return compact({
      title: cellText(row, H.title),
      authorizations: auth ? splitAuthorizations(auth) : undefined,
      kind: cellText(row, H.kind),
      issued: r.date(cellText(row, H.issued) ?? null, 'credentials.issued') ?? undefined,
      expires: r.date(cellText(row, H.expires) ?? null, 'credentials.expires') ?? undefined,
    });
  });
}

const READERS: Record<Exclude<PageType, 'unknown'>, (r: PageReader) => { students?: SnapshotStudent[]; staff?: SnapshotStaff[] }> = {
  'student-list': (r) => ({ students: readStudentList(r) }),
  student: (r) => ({ students: readStudentPage(r) }),
  'staff-list': (r) => ({ staff: readStaffList(r) }),
  staff: (r) => ({ staff: readStaffPage(r) }),
};

export function read(doc: Document, url: URL): PageRead {
  const pageType = pageTypeFromUrl(url) ?? 'unknown';
  // Stay inside the swapped content: the top bar's links are not records.
  const root = doc.querySelector(LIVE_ROOT) ?? doc.body ?? doc;
  const r = new PageReader(root, url);
  if (!doc.querySelector(LIVE_ROOT)) r.diags.add('info', undefined, `No ${LIVE_ROOT} element; reading the whole page`);
  let students: SnapshotStudent[] = [];
  let staff: SnapshotStaff[] = [];
  if (pageType === 'unknown') {
    r.diags.add('info', undefined, 'Not a demo SIS student or staff page');
  } else {
    try {
      ({ students = [], staff = [] } = READERS[pageType](r));
    } catch (err) {
      // A reader bug must not break the content script; report it instead.
      r.diags.add('error', undefined, `Reader failed: ${err instanceof Error ? err.name : 'error'}`);
    }
  }
  // Over-limit values would make the worker reject the whole page: cut them here, with diagnostics.
  const fitted = fitToLimits(students, staff, r.anchors, (level, field, message) => r.diags.add(level, field, message));
  ({ students, staff } = fitted);
  const focusKind = pageType === 'student' ? 'student' : pageType === 'staff' ? 'staff' : null;
  const focusRecord = focusKind === 'student' ? students[0] : focusKind === 'staff' ? staff[0] : undefined;
  return {
    snapshot: {
      url: url.href.slice(0, 4000),
      profile: PROFILE,
      pageType,
      focus: focusKind && focusRecord ? { kind: focusKind, id: focusRecord.id } : null,
      students,
      staff,
      diagnostics: r.diags.list,
    },
    anchors: fitted.anchors,
  };
}
