import type { PageRead } from '../adapters/types';
import { browserCheckSettings, runAllChecks } from '../checks';
import { todayIso } from '../dates';
import type { Finding, SnapshotStaff, SnapshotStudent, Staff, Student } from '../domain';
import {
  fieldLabel,
  hasId,
  isList,
  recordKind,
  TEACH_FIELDS,
  type TeachDraft,
  type TeachKey,
  type TeachKind,
} from './draft';

export interface PreviewFinding {
  code: string;
  severity: Finding['severity'];
  title: string;
  /** Whose finding, on a list ("student P-1"). */
  subject: string;
}

export interface Preview {
  /** "Student P-4411: Jamie Ortiz", "2 students read", or why nothing was read. */
  title: string;
  /** How many records the mapping reads on this page: Save needs at least one. */
  records: number;
  rows: [label: string, value: string][];
  /** Record pages: what each mapped field reads now ("" when it reads nothing); lists: from the first row. */
  values: Partial<Record<TeachKey, string>>;
  /** Diagnostics the read reported (messages only; they carry no page data). */
  notes: string[];
  /** What the checks find on the records read, with this page alone (see `findingsNote`). */
  findings: PreviewFinding[];
  findingsNote: string;
}

const join = (xs: (string | null | undefined)[], sep = ', ') => xs.filter(Boolean).join(sep);
const yesNo = (b: boolean | null | undefined) => (b == null ? '' : b ? 'yes' : 'no');

/** What one record's fields read, keyed as teach mode offers them. */
export function studentValues(s: SnapshotStudent): Partial<Record<TeachKey, string>> {
  const services = s.services ?? [];
  return {
    id: s.id,
    name: s.name,
    grade: s.grade ?? '',
    birthDate: s.birthDate ?? '',
    primaryDisability: s.primaryDisability ?? '',
    secondaryDisability: s.secondaryDisability ?? '',
    severe: yesNo(s.severe),
    supportLevel: s.supportLevel ?? '',
    program: s.program ?? '',
    alternatePlacement: yesNo(s.alternatePlacement),
    caseManager: join([s.caseManager?.name, s.caseManager?.staffId && `staff ${s.caseManager.staffId}`]),
    // The SIS's wording of the role, where the reader keeps it (the checks normalize it), else the role itself.
    caseManagerRole:
      (s.caseManager as { roleText?: string | null } | null | undefined)?.roleText ?? s.caseManager?.role ?? '',
    services: join(
      services.map((v) => {
        const provider = join([v.providerName, v.providerStaffId && `staff ${v.providerStaffId}`]);
        return `${join([v.code, v.name], ' ')}${provider ? ` (provider: ${provider})` : ''}`;
      }),
      '; ',
    ),
    serviceProvider: join(services.map((v) => v.providerName ?? v.providerStaffId)),
    iepLastMeeting: s.iep?.lastMeeting ?? '',
    iepNextAnnual: s.iep?.nextAnnual ?? '',
    iepNextTriennial: s.iep?.nextTriennial ?? '',
    entryDate: s.entryDate ?? '',
    transferredWithIep: yesNo(s.transferredWithIep),
    plan504Review: s.plan504Review ?? '',
    accommodations: join(s.accommodations ?? [], '; '),
    modifications: join(s.modifications ?? [], '; '),
    supports: join(s.supports ?? [], '; '),
    testingAccommodations: join(s.testingAccommodations ?? [], '; '),
  };
}

export function staffValues(s: SnapshotStaff): Partial<Record<TeachKey, string>> {
  const creds = s.credentials ?? [];
  return {
    id: s.id,
    name: s.name,
    position: s.position ?? '',
    credentials: join(
      creds.map((c) => c.title),
      '; ',
    ),
    credentialAuthorizations: join(creds.flatMap((c) => c.authorizations ?? [])),
    credentialKind: join(creds.map((c) => c.kind)),
    credentialIssued: join(creds.map((c) => c.issued)),
    credentialExpires: join(creds.map((c) => c.expires)),
  };
}

const strip = <T extends { provenance?: unknown }>(r: T): Omit<T, 'provenance'> => {
  const { provenance: _p, ...rest } = r;
  return rest;
};

/** Lists can be long: the preview checks the first rows only, and says so. */
const CHECKED_ROWS = 200;

/**
 * The checks' findings on what the mapping reads (lib/checks, the same pure functions the worker runs), with this
 * page's records only and the browser's default settings: people Liaison has seen on other pages, and the
 * user's own settings, come in once the profile is saved.
 */
export function previewFindings(read: PageRead, asOf: string): { findings: PreviewFinding[]; note: string } {
  const students = read.snapshot.students.slice(0, CHECKED_ROWS).map(strip) as Student[];
  const staff = read.snapshot.staff.slice(0, CHECKED_ROWS).map(strip) as Staff[];
  if (!students.length && !staff.length) return { findings: [], note: 'Findings appear once a record is read.' };
  let found: Finding[];
  try {
    // As the worker checks pages: staff learned page by page, so what Liaison has not seen is "not checked".
    found = runAllChecks({ students, staff }, { asOf, settings: browserCheckSettings() });
  } catch {
    return { findings: [], note: 'Findings will appear on the page after saving.' };
  }
  const more = read.snapshot.students.length + read.snapshot.staff.length > students.length + staff.length;
  return {
    findings: found.map((f) => ({
      code: f.code,
      severity: f.severity,
      title: f.title,
      subject: `${f.subject.kind} ${f.subject.id}`,
    })),
    note: `From this page alone${more ? ` (its first ${CHECKED_ROWS} rows)` : ''}: people Liaison has seen on other pages are added after saving.`,
  };
}

/** What Liaison reads with the mapping so far, as the teach toolbar shows it. */
export function previewOf(read: PageRead, kind: TeachKind, asOf = todayIso()): Preview {
  const notes = read.snapshot.diagnostics.filter((d) => d.level !== 'info').map((d) => d.message);
  const { findings, note } = previewFindings(read, asOf);
  if (isList(kind)) return { ...listPreview(read, kind, notes), findings, findingsNote: note };
  const student = kind === 'student';
  const record = student ? read.snapshot.students[0] : read.snapshot.staff[0];
  const empty = { records: 0, rows: [], values: {}, notes, findings, findingsNote: note };
  if (!record)
    return { ...empty, title: `Nothing read yet: Liaison needs the ${student ? 'student' : 'staff member'}’s id.` };
  const values = student ? studentValues(record as SnapshotStudent) : staffValues(record as SnapshotStaff);
  const rows = TEACH_FIELDS[recordKind(kind)]
    // The services row names their providers already.
    .filter((f) => f.key !== 'id' && f.key !== 'name' && f.key !== 'serviceProvider' && values[f.key])
    .map((f): [string, string] => [f.label, values[f.key]!]);
  return {
    title: `${student ? 'Student' : 'Staff'} ${record.id}${record.name ? `: ${record.name}` : ''}`,
    records: 1,
    rows,
    values,
    notes,
    findings,
    findingsNote: note,
  };
}

/** Lists: how many records were read, and the first few as "id: name · primary disability". */
function listPreview(read: PageRead, kind: TeachKind, notes: string[]): Omit<Preview, 'findings' | 'findingsNote'> {
  const student = recordKind(kind) === 'student';
  const records: (SnapshotStudent | SnapshotStaff)[] = student ? read.snapshot.students : read.snapshot.staff;
  const noun = student ? 'student' : 'staff member';
  if (!records.length)
    return { title: 'Nothing read yet: pick a cell of the id column first.', records: 0, rows: [], values: {}, notes };
  const rows = records
    .slice(0, 5)
    .map((r): [string, string] => [
      r.id,
      join([r.name, student ? (r as SnapshotStudent).primaryDisability : (r as SnapshotStaff).position]),
    ]);
  const values = student ? studentValues(records[0] as SnapshotStudent) : staffValues(records[0] as SnapshotStaff);
  return {
    title: `${records.length} ${noun}${records.length === 1 ? '' : 's'} read`,
    records: records.length,
    rows,
    values,
    notes,
  };
}

/**
 * Why the draft cannot be saved yet, in words (null when it can): a profile that reads no record on the very
 * page it was taught on would only hide the "not recognized" notice and read nothing.
 */
export function saveBlocker(draft: TeachDraft, preview: Preview, url: URL): string | null {
  if (preview.records > 0) return null;
  const who = recordKind(draft.kind) === 'student' ? 'student' : 'staff member';
  const idLabel = fieldLabel(draft.kind, 'id');
  if (isList(draft.kind))
    return hasId(draft)
      ? `Save is off: this mapping reads no row of the list. Pick a cell of the ${idLabel} column in a row that shows one.`
      : `Save is off: Liaison reads no ${who} yet. Pick a cell of the ${idLabel} column.`;
  if (!hasId(draft)) {
    const inAddress = url.search.length > 1;
    return `Save is off: Liaison reads no ${who} on this page yet. Say where the ${idLabel} is: pick it on the page${
      inAddress ? ', or choose it from the address' : ''
    }.`;
  }
  return `Save is off: the ${idLabel} chosen does not read as an id on this page, so no ${who} is read. Pick the ${idLabel} again${
    url.search.length > 1 ? ' or choose it from the address' : ''
  }.`;
}
