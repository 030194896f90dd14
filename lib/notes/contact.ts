import { storedStudent } from '../db/student-rows';
import type { LiaisonDb } from '../db/database';
import { personNameKey } from '../domain';
import { mailAddress } from './mailto';

export interface CaseManagerContact {
  name: string;
  /** An address Liaison may offer as a link (lib/notes/mailto.ts), or null. */
  email: string | null;
  /** What the SIS showed as the e-mail when it is not a usable address, so the card can say so. */
  unusableEmail: string | null;
  phone: string | null;
}

/**
 * Who a student's case manager is and how to reach them, from the student and staff records Liaison has
 * read; null when no page showed a case manager. The staff record is found by id, else by name.
 */
export async function caseManagerContact(
  db: LiaisonDb,
  site: string,
  studentId: string,
): Promise<CaseManagerContact | null> {
  const student = await storedStudent(db, site, { id: studentId });
  const ref = student?.record.caseManager;
  if (!ref || (!ref.staffId && !ref.name)) return null;
  const nameKey = personNameKey(ref.name);
  const staff =
    (ref.staffId ? await db.staff.get([site, ref.staffId]) : undefined) ??
    (nameKey ? await db.staff.where('refs').equals(`${site}|name:${nameKey}`).first() : undefined);
  return {
    name: staff?.record.name || ref.name || ref.staffId || '',
    email: mailAddress(staff?.record.email),
    unusableEmail: staff?.record.email && !mailAddress(staff.record.email) ? staff.record.email : null,
    phone: staff?.record.phone ?? null,
  };
}
