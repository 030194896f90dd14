import { storedStudent } from '../db/student-rows';
import type { LiaisonDb, StaffRow } from '../db/database';
import { personNameKey } from '../domain';
import { staffResolver } from '../domain/staff-resolver';
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
 * read; null when no page showed a case manager. The staff record is found as the checks find it
 * (lib/domain/staff-resolver.ts): by id, else by a name only one staff member has.
 */
export async function caseManagerContact(
  db: LiaisonDb,
  site: string,
  studentId: string,
): Promise<CaseManagerContact | null> {
  const student = await storedStudent(db, site, { id: studentId });
  const ref = student?.record.caseManager;
  if (!ref || (!ref.staffId && !ref.name)) return null;
  const staff = await findStaff(db, site, ref);
  return {
    name: staff?.record.name || ref.name || ref.staffId || '',
    email: mailAddress(staff?.record.email),
    unusableEmail: staff?.record.email && !mailAddress(staff.record.email) ? staff.record.email : null,
    phone: staff?.record.phone ?? null,
  };
}

/**
 * The staff row a reference names, resolved over just the rows that could match it (the id's row, two rows with
 * the name's key: enough to tell one from several, and the row whose id is the name), so the answer is the one
 * the resolver gives over the whole site without reading every staff row.
 */
async function findStaff(
  db: LiaisonDb,
  site: string,
  ref: { staffId?: string | null; name?: string | null },
): Promise<StaffRow | undefined> {
  const id = ref.staffId?.trim();
  const name = ref.name?.trim();
  const nameKey = personNameKey(name);
  const rows = [
    ...(id ? [await db.staff.get([site, id])] : []),
    ...(nameKey ? await db.staff.where('refs').equals(`${site}|name:${nameKey}`).limit(2).toArray() : []),
    ...(!id && name ? [await db.staff.get([site, name])] : []),
  ];
  const candidates = new Map(rows.filter((r) => r !== undefined).map((r) => [r.id, r]));
  const match = staffResolver(
    candidates.values(),
    (r) => r.id,
    (r) => personNameKey(r.record.name),
  ).resolve(id, name);
  return match?.hit ?? undefined;
}
