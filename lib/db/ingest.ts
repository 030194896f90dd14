/**
 * Storage of what pages and imports show (issue 14): students and staff merged onto their stored rows, and findings
 * rows, each written only when it changed. The page-read flow is lib/db/page-read; the re-check is lib/db/recheck.
 */
import type { Staff, Student, SubjectKind } from '../domain';
import { canonicalId, canonicalStaff, canonicalStudent } from '../domain/ids';
import type { FindingKey, FindingRow, LiaisonDb, StaffRow, StudentRow } from './database';
import { resolveStudent, storedWithIds, studentFindingsKey, studentKey } from './student-rows';
import { mergeStaffFrom, mergeStudentFrom, staffRefKeys, studentStaffRefs } from './merge';

/**
 * How a write merges (lib/db/merge): `page`, the default, is a page's report, which may add but not erase or
 * rename what another page showed; `import` is a file the user chose, whose blanks and names are taken as given.
 */
export type UpsertFrom = 'page' | 'import';

/** The record's own page: this page when its focus is the record, else what was known before. */
function recordUrlOf(
  kind: SubjectKind,
  id: string,
  url: string,
  focus: Focus,
  before: string | undefined,
): string | undefined {
  return focus && focus.kind === kind && canonicalId(focus.id) === id ? url : before;
}

type Focus = { kind: SubjectKind; id: string } | null | undefined;

/**
 * Stores the students a page or an import shows, each merged onto the stored student it names
 * (lib/db/student-rows `resolveStudent`). Returns each one's stored row, in order; null for a mention that names no
 * school while two students of the site share its id: it is stored nowhere, since it could be either.
 */
export async function upsertStudents(
  db: LiaisonDb,
  site: string,
  given: Student[],
  url: string,
  now: number,
  from: UpsertFrom = 'page',
  focus?: Focus,
): Promise<(StudentRow | null)[]> {
  const list = given.map(canonicalStudent); // imports too: "00017" and "17" are one student of a site
  const candidates = await storedWithIds(
    db,
    site,
    list.map((s) => s.id),
  );
  const stored = new Set(candidates);
  const moved: StudentRow[] = [];
  const prior = new Map<StudentRow, StudentRow>();
  const out = list.map((s): StudentRow | null => {
    const resolved = resolveStudent(candidates, s);
    if (resolved === 'ambiguous') return null;
    const before = resolved.row;
    const { record, sources } = mergeStudentFrom(
      before?.record,
      stripProvenance(s),
      from === 'page' ? { url, sources: before?.sources, rowUrl: before?.url } : undefined,
    );
    const recordUrl = recordUrlOf('student', s.id, url, from === 'page' ? focus : null, before?.recordUrl);
    const row: StudentRow = {
      site,
      school: resolved.school,
      id: s.id,
      record,
      staffRefs: studentStaffRefs(site, record),
      seenAt: now,
      url,
      sources,
      ...(recordUrl ? { recordUrl } : {}),
    };
    if (before && stored.has(before)) {
      if (before.school === row.school) prior.set(row, before);
      else moved.push(before);
    }
    // Later mentions in the batch see this row in place of the one it merged onto.
    if (before) candidates.splice(candidates.indexOf(before), 1, row);
    else candidates.push(row);
    return row;
  });
  // A student stored without a school moves to the school a page showed: its old key and findings row go.
  await db.students.bulkDelete(moved.map(studentKey));
  await db.findings.bulkDelete(moved.map(studentFindingsKey));
  const rows = out.filter((r): r is StudentRow => !!r);
  await db.students.bulkPut(
    changedRows(
      rows,
      rows.map((r) => prior.get(r)),
      now,
    ),
  );
  return out;
}

export async function upsertStaff(
  db: LiaisonDb,
  site: string,
  given: Staff[],
  url: string,
  now: number,
  from: UpsertFrom = 'page',
  focus?: Focus,
) {
  const list = given.map(canonicalStaff);
  const old = await db.staff.bulkGet(list.map((s) => [site, s.id] as [string, string]));
  const rows: StaffRow[] = list.map((s, i) => {
    const before = old[i];
    const { record, sources } = mergeStaffFrom(
      before?.record,
      stripProvenance(s),
      from === 'page' ? { url, sources: before?.sources, rowUrl: before?.url } : undefined,
    );
    const recordUrl = recordUrlOf('staff', s.id, url, from === 'page' ? focus : null, before?.recordUrl);
    return {
      site,
      id: s.id,
      record,
      refs: staffRefKeys(site, record),
      seenAt: now,
      url,
      sources,
      ...(recordUrl ? { recordUrl } : {}),
    };
  });
  await db.staff.bulkPut(changedRows(rows, old, now));
  return rows;
}

/**
 * A record read again unchanged is not written again (a 2,000-row list read every morning rewrote 2,000 rows and
 * their indexes): only rows whose content changed, or whose `seenAt` is older than `SEEN_REFRESH_MS` (retention
 * counts days, so an hour-old `seenAt` is as good as now).
 */
export function changedRows<R extends { seenAt: number }>(rows: R[], before: (R | undefined)[], now: number): R[] {
  return rows.filter((r, i) => {
    const b = before[i];
    return !b || now - b.seenAt >= SEEN_REFRESH_MS || !sameRow(r, b);
  });
}

export const SEEN_REFRESH_MS = 60 * 60 * 1000;

function sameRow<R extends { seenAt: number }>(a: R, b: R): boolean {
  return sameJson({ ...a, seenAt: 0 }, { ...b, seenAt: 0 });
}

/** Findings rows whose findings are what is stored already are not written again (their `checkedAt` stays). */
export async function putChangedFindings(db: LiaisonDb, rows: FindingRow[]): Promise<void> {
  const before = await db.findings.bulkGet(rows.map((r) => [r.site, r.kind, r.school, r.id] as FindingKey));
  await db.findings.bulkPut(rows.filter((r, i) => !sameJson(before[i]?.findings, r.findings)));
}

/**
 * Whether two stored values (JSON-like: what IndexedDB gives back) say the same, as their JSON would: a property
 * whose value is undefined counts as absent. Stops at the first difference, and builds no strings: comparing
 * thousands of rows read again unchanged was a JSON.stringify of each, twice.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    defined++;
    if (!sameJson(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) defined--;
  return defined === 0;
}

/** Provenance serves diagnostics on the page; the stored record is the canonical one. */
function stripProvenance<T extends object>(r: T & { provenance?: unknown }): T {
  const { provenance: _p, ...rest } = r;
  return rest as T;
}
