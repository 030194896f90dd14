import type { PageRead } from '../adapters/types';
import type { SnapshotStaff, SnapshotStudent } from '../domain';
import { isList, recordKind, type TeachKind } from './draft';

export interface Preview {
  /** "Student P-4411: Jamie Ortiz", or why nothing was read. */
  title: string;
  rows: [label: string, value: string][];
  /** Diagnostics the read reported (messages only; they carry no page data). */
  notes: string[];
}

const join = (xs: (string | null | undefined)[]) => xs.filter(Boolean).join(', ');

function studentRows(s: SnapshotStudent): Preview['rows'] {
  return [
    ['Primary disability', s.primaryDisability ?? ''],
    ['Secondary disability', s.secondaryDisability ?? ''],
    ['Case manager', join([s.caseManager?.name, s.caseManager?.staffId])],
    ['Services', join((s.services ?? []).map((v) => join([v.code, v.name])))],
    ['Grade', s.grade ?? ''],
    ['Program', s.program ?? ''],
    ['Next annual IEP', s.iep?.nextAnnual ?? ''],
    ['Next triennial', s.iep?.nextTriennial ?? ''],
  ];
}

function staffRows(s: SnapshotStaff): Preview['rows'] {
  return [
    ['Position', s.position ?? ''],
    ['Credential', join((s.credentials ?? []).map((c) => c.title))],
    ['Expires', join((s.credentials ?? []).map((c) => c.expires))],
  ];
}

/** What Liaison reads with the mapping so far, as the teach toolbar shows it. */
export function previewOf(read: PageRead, kind: TeachKind): Preview {
  const notes = read.snapshot.diagnostics.filter((d) => d.level !== 'info').map((d) => d.message);
  if (isList(kind)) return listPreview(read, kind, notes);
  const record = kind === 'student' ? read.snapshot.students[0] : read.snapshot.staff[0];
  if (!record) return { title: 'Nothing read yet: pick the record’s id first.', rows: [], notes };
  const rows = kind === 'student' ? studentRows(record as SnapshotStudent) : staffRows(record as SnapshotStaff);
  return {
    title: `${kind === 'student' ? 'Student' : 'Staff'} ${record.id}${record.name ? `: ${record.name}` : ''}`,
    rows: rows.filter(([, v]) => v),
    notes,
  };
}

/** Lists: how many records were read, and the first few as "id: name · primary disability". */
function listPreview(read: PageRead, kind: TeachKind, notes: string[]): Preview {
  const student = recordKind(kind) === 'student';
  const records: (SnapshotStudent | SnapshotStaff)[] = student ? read.snapshot.students : read.snapshot.staff;
  const noun = student ? 'student' : 'staff member';
  if (!records.length) return { title: 'Nothing read yet: pick a cell of the id column first.', rows: [], notes };
  const rows = records.slice(0, 5).map((r): [string, string] => [
    r.id,
    join([r.name, student ? (r as SnapshotStudent).primaryDisability : (r as SnapshotStaff).position]),
  ]);
  return { title: `${records.length} ${noun}${records.length === 1 ? '' : 's'} read`, rows, notes };
}
