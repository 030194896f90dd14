import type { Finding } from '../domain';
import { canonicalId, schoolKey } from '../domain/ids';
import type { LiaisonDb, StudentKey, StudentRow } from './database';
import { rowsWithAnyKey } from './lookup';

/** What a page, an import or a view says of a student: its id, and its school when it shows one. */
export interface StudentMention {
  id: string;
  school?: string | null;
}

/**
 * Which stored student a mention names (DESIGN.md "Identity": by site and school). `school` is the key part the
 * student has (or gets); `row` the stored record, absent when none is stored yet. `ambiguous`: the mention names no
 * school and two or more students of the site have the id, so it names none of them.
 */
export type ResolvedStudent = { school: string; row: StudentRow | undefined } | 'ambiguous';

/**
 * A mention with a school names the student stored at that school, else a student stored without one (a page
 * that did not show the school stored it: this is the first page that says where it belongs, and it moves there),
 * else a new student. A mention without a school names the only student of the site with the id, if there is one.
 * `candidates` are the stored rows of the mentioned ids; mentions resolved in order add to it (a batch may name a
 * student twice), so callers resolving a batch pass one list for all of it.
 */
export function resolveStudent(candidates: StudentRow[], mention: StudentMention): ResolvedStudent {
  const id = canonicalId(mention.id);
  const school = schoolKey(mention.school);
  const same = candidates.filter((r) => r.id === id);
  if (school) return { school, row: same.find((r) => r.school === school) ?? same.find((r) => r.school === '') };
  if (same.length > 1) return 'ambiguous';
  return { school: same[0]?.school ?? '', row: same[0] };
}

/** The stored rows of these ids at a site, at any school. */
export function storedWithIds(db: LiaisonDb, site: string, ids: readonly string[]): Promise<StudentRow[]> {
  const unique = [...new Set(ids.map((id) => canonicalId(id)))];
  return rowsWithAnyKey(
    db.students,
    '[site+id]',
    unique.map((id) => [site, id]),
    (r) => [r.site, r.id],
  );
}

/**
 * The stored record each mention names, or undefined (none stored, or an id two schools' students share while the
 * mention names no school): for views that show what Liaison knows of a student.
 */
export async function storedStudents(
  db: LiaisonDb,
  site: string,
  mentions: readonly StudentMention[],
): Promise<(StudentRow | undefined)[]> {
  const candidates = await storedWithIds(
    db,
    site,
    mentions.map((m) => m.id),
  );
  return mentions.map((m) => {
    const r = resolveStudent(candidates, m);
    return r === 'ambiguous' ? undefined : r.row;
  });
}

export async function storedStudent(db: LiaisonDb, site: string, mention: StudentMention) {
  return (await storedStudents(db, site, [mention]))[0];
}

export const studentKey = (r: Pick<StudentRow, 'site' | 'school' | 'id'>): StudentKey => [r.site, r.school, r.id];

/** The same key as one string, for maps of a site's students. */
export const studentRowKey = (r: Pick<StudentRow, 'site' | 'school' | 'id'>) => `${r.site}|${r.school}|${r.id}`;

/** Where a student's findings row is (FindingRow). */
export const studentFindingsKey = (r: Pick<StudentRow, 'site' | 'school' | 'id'>) =>
  [r.site, 'student', r.school, r.id] as [string, 'student', string, string];

/** Where a staff member's findings row is: staff are keyed by site and id alone (school ''). */
export const staffFindingsKey = (site: string, id: string) =>
  [site, 'staff', '', id] as [string, 'staff', string, string];

/**
 * What a badge says of an id two students of the site share when the page shows no school: Liaison cannot tell
 * whose record it is, so it checks neither (it reads "Not checked", lib/domain/not-checked).
 */
export function ambiguousIdFinding(id: string): Finding {
  return {
    code: 'STUDENT_ID_AMBIGUOUS',
    severity: 'info',
    subject: { kind: 'student', id },
    title: 'Not checked: two students have this id',
    detail:
      'Liaison has read two students with this id at different schools of this SIS, and this page does not show the school, so it cannot tell which one this is.',
    fix: "Open the student's own page, where the SIS shows the school: Liaison checks the student there.",
    citation: { source: 'Liaison matches students by id within a site and school (DESIGN.md, Identity)' },
  };
}
