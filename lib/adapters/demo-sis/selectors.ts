/**
 * Every selector, label and header text the demo SIS adapter relies on, in one module. Each CSS selector lists
 * the committed fixtures (test/fixtures/demo-sis) it must match and how many times; a test walks them, so a
 * markup change shows up as one failing selector instead of silently empty snapshots.
 * Fields are found by label text and tables by header text; CSS only finds the containers.
 */

export interface SelectorSpec {
  selector: string;
  /** Fixture file → number of matches expected in it. */
  fixtures: Readonly<Record<string, number>>;
}

export const SELECTORS = {
  /** The demo SIS's self-identification; required by detect. Absent from the XHR fragment. */
  generatorMeta: { selector: 'meta[name="generator"]', fixtures: { 'student-list.html': 1, 'student-1001.html': 1, 'staff-list.html': 1, 'staff-T101.html': 1, 'student-1030.fragment.html': 0 } },
  /** Swapped by in-app navigation; also the scope every read stays inside (the top bar has links too). */
  liveRoot: { selector: '#content', fixtures: { 'student-list.html': 1, 'student-1030.html': 1, 'student-1030.fragment.html': 1, 'staff-T111.html': 1 } },
  /** Label/value blocks on record pages. */
  field: { selector: '.field', fixtures: { 'student-1001.html': 14, 'student-1030.html': 15, 'student-1015.html': 13, 'staff-T101.html': 5 } },
  /** The label inside a field block (a <span> for filled fields, a <label> for empty controls). */
  fieldLabel: { selector: '.label', fixtures: { 'student-1001.html': 14, 'staff-T101.html': 5 } },
  /** The value inside a field block: text, or the edit control an empty field shows instead. */
  fieldValue: { selector: '.value, select, input, textarea', fixtures: { 'student-1001.html': 14, 'student-1011.html': 14 } },
  /** Tables: found by their header text, so the selector is deliberately broad. */
  table: { selector: 'table', fixtures: { 'student-list.html': 1, 'student-1001.html': 1, 'staff-list.html': 1, 'staff-T101.html': 1, 'staff-T111.html': 0 } },
  headerCell: { selector: 'th', fixtures: { 'student-list.html': 7, 'student-1001.html': 3, 'staff-list.html': 5, 'staff-list-basic.html': 3, 'staff-T101.html': 5 } },
  /** The record page heading: the marker goes inside it, after the name. */
  recordHeading: { selector: 'h1.record-title', fixtures: { 'student-1001.html': 1, 'staff-T111.html': 1, 'student-list.html': 0, 'student-not-found.html': 0 } },
  recordName: { selector: '.record-name', fixtures: { 'student-1001.html': 1, 'staff-T101.html': 1, 'student-1001-hostile.html': 1 } },
  /** Links whose href carries a record id (name cells, case managers, providers). Matched on the path by detect. */
  studentLink: { selector: 'a[href*="/students/"]', fixtures: { 'student-list.html': 40, 'student-1001.html': 0 } },
  staffLink: { selector: 'a[href*="/staff/"]', fixtures: { 'staff-list.html': 14, 'student-1011.html': 3, 'student-1016.html': 1, 'student-1031.html': 1, 'staff-T101.html': 0 } },
  /** Several values in one cell (a staff member's credentials on the list). */
  cellItem: { selector: 'li', fixtures: { 'staff-list-basic.html': 0 } },
  /** "No credentials on file" and similar explicit empty states. */
  emptyState: { selector: '.empty-state', fixtures: { 'staff-T111.html': 1, 'staff-T101.html': 0, 'staff-list.html': 1, 'staff-list-basic.html': 0 } },
} as const satisfies Record<string, SelectorSpec>;

export const GENERATOR_META = SELECTORS.generatorMeta.selector;
export const GENERATOR_CONTENT = 'Liaison Demo SIS';
export const LIVE_ROOT = SELECTORS.liveRoot.selector;
export const FIELD = SELECTORS.field.selector;
export const FIELD_LABEL = SELECTORS.fieldLabel.selector;
export const FIELD_VALUE = SELECTORS.fieldValue.selector;
export const TABLE = SELECTORS.table.selector;
export const HEADER_CELL = SELECTORS.headerCell.selector;
export const RECORD_HEADING = SELECTORS.recordHeading.selector;
export const RECORD_NAME = SELECTORS.recordName.selector;
export const STUDENT_LINK = SELECTORS.studentLink.selector;
export const STAFF_LINK = SELECTORS.staffLink.selector;
export const CELL_ITEM = SELECTORS.cellItem.selector;
export const EMPTY_STATE = SELECTORS.emptyState.selector;

/** Field labels, compared after trimming, collapsing `&nbsp;`/spaces, dropping a trailing colon, ignoring case. */
export const LABELS = {
  studentId: 'Student ID',
  grade: 'Grade',
  birthDate: 'Birth Date',
  school: 'School',
  primaryDisability: 'Primary Disability',
  secondaryDisability: 'Secondary Disability',
  severity: 'Orthopedic Impairment Severity',
  supportLevel: 'Degree of Support',
  program: 'Program',
  alternatePlacement: 'Alternate Placement',
  caseManager: 'Case Manager',
  caseManagerRole: 'Case Manager Role',
  lastMeeting: 'Last IEP Meeting',
  nextAnnual: 'Next Annual IEP',
  nextTriennial: 'Next Triennial',
  staffId: 'Staff ID',
  position: 'Position',
  email: 'Email',
  phone: 'Phone',
} as const;

/** Table header texts, compared like labels. */
export const HEADERS = {
  studentList: { name: 'Student', id: 'ID', grade: 'Grade', program: 'Program', primaryDisability: 'Primary Disability', caseManager: 'Case Manager', nextAnnual: 'Next Annual IEP' },
  services: { service: 'Service', provider: 'Provider', frequency: 'Frequency' },
  staffList: { name: 'Name', id: 'Staff ID', position: 'Position', credentials: 'Credentials', expires: 'Expires' },
  credentials: { title: 'Credential', authorizations: 'Authorizations', kind: 'Type', issued: 'Issued', expires: 'Expires' },
} as const;

/** The text of the explicit "nothing on file" state for credentials. */
export const NO_CREDENTIALS = /no credentials on file/i;
