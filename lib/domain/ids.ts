import type { Staff, Student } from './records';
import type { Snapshot } from './snapshot';

/**
 * A record id as Liaison keeps it within a site: an all-digit id without its leading zeros ("00017" is "17": SIS
 * lists pad ids that their URLs do not), any other id exactly as shown. Pages keep showing their own form.
 */
export function canonicalId(id: string): string;
export function canonicalId(id: string | null | undefined): string | null | undefined;
export function canonicalId(id: string | null | undefined): string | null | undefined {
  return id && /^\d+$/.test(id) ? id.replace(/^0+(?=\d)/, '') : id;
}

/**
 * The school part of a student's key within a site (lib/db/database `StudentRow`): the school as the SIS names it,
 * case, width and spacing aside; '' when the page does not say.
 */
export function schoolKey(school: string | null | undefined): string {
  return school ? school.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim() : '';
}

/** Two ids of one site name the same record. */
export const sameId = (a: string, b: string) => canonicalId(a) === canonicalId(b);

/** A student with its id and staff references in canonical form. */
export function canonicalStudent<T extends Student>(s: T): T {
  return {
    ...s,
    id: canonicalId(s.id),
    ...(s.caseManager ? { caseManager: { ...s.caseManager, staffId: canonicalId(s.caseManager.staffId) } } : {}),
    ...(s.services
      ? { services: s.services.map((v) => ({ ...v, providerStaffId: canonicalId(v.providerStaffId) })) }
      : {}),
  };
}

export const canonicalStaff = <T extends Staff>(t: T): T => ({ ...t, id: canonicalId(t.id) });

/** A snapshot with every record id and staff reference in canonical form (the worker stores and checks these). */
export function canonicalSnapshot(snap: Snapshot): Snapshot {
  return {
    ...snap,
    focus: snap.focus ? { ...snap.focus, id: canonicalId(snap.focus.id) } : snap.focus,
    students: snap.students.map(canonicalStudent),
    staff: snap.staff.map(canonicalStaff),
  };
}
