import { nextDueDates, type DueDate } from '../compliance';
import type { Finding, Snapshot, Staff, Student, SubjectKind } from '../domain';
import { canonicalId, canonicalStaff, canonicalStudent } from '../domain/ids';
import { withNoteFollowUps } from '../notes/badge';
import type { CheckSettings } from '../checks';
import type { FindingKey, FindingRow, LiaisonDb, PageRow, StaffRow, StudentRow } from './database';
import { checkRows } from './recheck';
import { ambiguousIdFinding, resolveStudent, storedWithIds, studentFindingsKey, studentKey } from './student-rows';
import { mergeStaffFrom, mergeStudentFrom, staffRefKeys, studentStaffRefs } from './merge';

export interface SubjectFindings {
  kind: SubjectKind;
  id: string;
  findings: Finding[];
  /** The soonest compliance date of a student, for the badge's secondary text. */
  due?: DueDate;
}

export interface IngestOptions {
  site: string;
  tabId: number;
  asOf: string;
  settings?: CheckSettings;
  now?: number;
  /** A later part of a big page (lib/page/split): its records are added to the page, not put in its place. */
  continuesPage?: boolean;
  /** The sender's frame (0, the default: the top document). */
  frameId?: number;
  /** False when another frame of the tab keeps the tab's page row (`mayWritePage`): records are stored all the same. */
  writePage?: boolean;
  /** Told every subject this read re-checked (its page's and those linked to them), with their new findings. */
  onRechecked?: (subjects: RecheckedSubject[]) => void;
}

/** Asks one frame of a tab how many records its page shows now; 0 when the frame is gone or does not answer. */
export type FrameRecords = (tabId: number, frameId: number) => Promise<number>;

/**
 * Which frame's page is the tab's "this page" (the side panel shows one per tab). Every frame of an enabled site
 * reports what it read, and the reports race: openSIS's top `index.php` (an iframe, nothing to read) may report
 * "not recognized" after its frame reported a student. A report replaces the row when it comes from the same
 * frame (its newer document or state), when it shows records, or when the row shows none. Otherwise, a frame
 * without records would take over from another frame that had some: that frame is asked (`ask`) and keeps the
 * row if it still shows records; when it is gone (the top navigated away) or shows none, the report replaces it.
 */
export function pageTakeover(
  current: Pick<PageRow, 'frameId' | 'recognized' | 'subjects'> | undefined,
  frameId: number,
  hasRecords: boolean,
): 'replace' | 'ask' {
  if (!current || (current.frameId ?? 0) === frameId || hasRecords) return 'replace';
  return current.recognized && current.subjects.length > 0 ? 'ask' : 'replace';
}

/**
 * Whether a report from `frameId` becomes the tab's page (its row here, and whatever else the worker keeps per tab
 * about "this page"): `pageTakeover`, asking the other frame when it says so. Without a way to ask, the row with
 * records stays. Called before the page's transaction: a message to another frame cannot wait inside one.
 */
export async function mayWritePage(
  db: LiaisonDb,
  tabId: number,
  frameId: number,
  hasRecords: boolean,
  frameRecords?: FrameRecords,
): Promise<boolean> {
  const current = await db.pages.get(tabId);
  if (pageTakeover(current, frameId, hasRecords) === 'replace') return true;
  if (!frameRecords) return false;
  return (await frameRecords(tabId, current!.frameId ?? 0).catch(() => 0)) === 0;
}

/** A subject's key within a site: staff and students a page named without a school have school ''. */
const subjectKey = (kind: SubjectKind, id: string, school = '') => `${kind}:${school}:${id}`;

/** A subject a read re-checked, with its stored record's school (StudentRow `school`; '' for staff). */
export type RecheckedSubject = SubjectFindings & { school: string };

/**
 * Stores what a page showed and re-checks the records it affects. Checks run on the page's records plus
 * everyone they are linked to through a case manager or provider (one hop each way), so caseloads and
 * credential findings are whole without re-checking the entire district on every page.
 */
export async function ingestSnapshot(db: LiaisonDb, snap: Snapshot, opts: IngestOptions): Promise<SubjectFindings[]> {
  const { site, now = Date.now() } = opts;
  const frameId = opts.frameId ?? 0;
  let rechecked: RecheckedSubject[] = [];
  const subjects = await db.transaction('rw', [db.students, db.staff, db.findings, db.pages], async () => {
    const mentioned = await upsertStudents(db, site, snap.students, snap.url, now, 'page', snap.focus);
    const pageStudents = mentioned.filter((r): r is StudentRow => !!r);
    const pageStaff = await upsertStaff(db, site, snap.staff, snap.url, now, 'page', snap.focus);

    const directStaff = await staffByRefs(db, [
      ...pageStaff.flatMap((r) => r.refs),
      ...pageStudents.flatMap((r) => r.staffRefs),
    ]);
    const linkedStudents = await db.students
      .where('staffRefs')
      .anyOf(directStaff.flatMap((r) => r.refs))
      .toArray();
    const students = uniqueBy([...pageStudents, ...linkedStudents], (r) => subjectKey('student', r.id, r.school));
    const staff = uniqueBy(
      [
        ...directStaff,
        ...(await staffByRefs(
          db,
          students.flatMap((r) => r.staffRefs),
        )),
      ],
      (r) => r.id,
    );

    const checked = checkRows(students, staff, { asOf: opts.asOf, settings: opts.settings });
    // Staff reached only through a second hop may have students Liaison did not load: their findings wait.
    rechecked = [
      ...students.map((r) => ({ kind: 'student' as const, id: r.id, school: r.school, findings: checked.student(r) })),
      ...directStaff.map((r) => ({ kind: 'staff' as const, id: r.id, school: '', findings: checked.staff(r) })),
    ];
    await putChangedFindings(
      db,
      rechecked.map(({ kind, id, school, findings }) => ({ site, kind, school, id, findings, checkedAt: now })),
    );

    const subjects: PageRow['subjects'] = [
      ...snap.students.map((s, i) => {
        const row = mentioned[i];
        return {
          kind: 'student' as const,
          id: s.id,
          name: s.name,
          ...(!row ? { ambiguous: true as const } : row.school ? { school: row.school } : {}),
        };
      }),
      ...snap.staff.map((s) => ({ kind: 'staff' as const, id: s.id, name: s.name })),
    ];
    if (opts.writePage !== false) {
      const before = opts.continuesPage ? await db.pages.get(opts.tabId) : undefined;
      const continues = before?.url === snap.url && (before.frameId ?? 0) === frameId;
      await db.pages.put({
        tabId: opts.tabId,
        site,
        url: snap.url,
        profile: snap.profile,
        pageType: snap.pageType,
        focus: snap.focus ?? null,
        subjects: continues ? [...before.subjects, ...subjects] : subjects,
        recognized: true,
        at: now,
        frameId,
      });
    }
    const staffById = new Map(pageStaff.map((r) => [r.id, r]));
    return subjects.map((s, i): SubjectFindings => {
      if (s.kind === 'staff') {
        const row = staffById.get(canonicalId(s.id));
        return { kind: s.kind, id: s.id, findings: row ? checked.staff(row) : [] };
      }
      const row = mentioned[i];
      if (!row) return { kind: s.kind, id: s.id, findings: [ambiguousIdFinding(s.id)] };
      const due = soonestDue(row.record, opts);
      return { kind: s.kind, id: s.id, findings: checked.student(row), ...(due ? { due } : {}) };
    });
  });
  opts.onRechecked?.(rechecked);
  // Note follow-ups are not stored with the checks' findings: they change with the notes, so they are read fresh.
  return withNoteFollowUps(db, site, opts.asOf, subjects);
}

/** Findings rows whose findings are what is stored already are not written again (their `checkedAt` stays). */
async function putChangedFindings(db: LiaisonDb, rows: FindingRow[]): Promise<void> {
  const before = await db.findings.bulkGet(rows.map((r) => [r.site, r.kind, r.school, r.id] as FindingKey));
  await db.findings.bulkPut(rows.filter((r, i) => JSON.stringify(before[i]?.findings) !== JSON.stringify(r.findings)));
}

/** Where re-checked findings must go: other tabs' pages of the site that show one of those subjects, each its own. */
export function pagesShowing(
  pages: readonly PageRow[],
  site: string,
  fromTabId: number,
  rechecked: readonly RecheckedSubject[],
) {
  const byKey = new Map(
    rechecked.map(({ school, ...s }) => [subjectKey(s.kind, s.id, school), s satisfies SubjectFindings]),
  );
  return pages
    .filter((p) => p.site === site && p.tabId !== fromTabId && p.recognized)
    .map((p) => ({
      tabId: p.tabId,
      frameId: p.frameId ?? 0,
      subjects: p.subjects
        .map((s) => byKey.get(subjectKey(s.kind, canonicalId(s.id), s.school)))
        .filter((s): s is SubjectFindings => !!s),
    }))
    .filter((t) => t.subjects.length > 0);
}

/** The merged record's soonest due date (most overdue first), whatever the lead times. */
function soonestDue(student: Student | undefined, opts: IngestOptions): DueDate | undefined {
  return student ? nextDueDates(student, { asOf: opts.asOf, settings: opts.settings?.compliance })[0] : undefined;
}

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
  return JSON.stringify({ ...a, seenAt: 0 }) === JSON.stringify({ ...b, seenAt: 0 });
}

function staffByRefs(db: LiaisonDb, refs: string[]): Promise<StaffRow[]> {
  return refs.length
    ? db.staff
        .where('refs')
        .anyOf([...new Set(refs)])
        .toArray()
    : Promise.resolve([]);
}

/** Provenance serves diagnostics on the page; the stored record is the canonical one. */
function stripProvenance<T extends object>(r: T & { provenance?: unknown }): T {
  const { provenance: _p, ...rest } = r;
  return rest as T;
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const it of items) if (!seen.has(key(it))) seen.set(key(it), it);
  return [...seen.values()];
}

/** Records that a tab shows a page no adapter understood, so the side panel can say so (see `mayWritePage` first). */
export async function recordUnrecognized(
  db: LiaisonDb,
  tabId: number,
  site: string,
  url: string,
  now = Date.now(),
  frameId = 0,
) {
  await db.pages.put({
    tabId,
    site,
    url,
    profile: null,
    pageType: 'unknown',
    focus: null,
    subjects: [],
    recognized: false,
    at: now,
    frameId,
  });
}
