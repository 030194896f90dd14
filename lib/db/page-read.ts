/**
 * A page's read (issue 13): what it showed is stored (lib/db/ingest), its records and the caseloads they are linked
 * to are re-checked (lib/db/recheck), and the page is answered from the merged records once the findings rows and
 * the page row are stored too.
 */
import { nextDueDates, type DueDate } from '../compliance';
import type { Finding, Snapshot, Student, SubjectKind } from '../domain';
import { canonicalId } from '../domain/ids';
import { withNoteFollowUps } from '../notes/badge';
import type { CheckSettings } from '../checks';
import type { LiaisonDb, PageRow, StaffRow, StudentKey, StudentRow } from './database';
import { putChangedFindings, upsertStaff, upsertStudents } from './ingest';
import { gradedOf, regradePages, subjectKey } from './page-grades';
import { primaryKeysWithAny, rowsWithAny } from './lookup';
import { checkRows } from './recheck';
import { beginStage } from '../stage-timing';
import { ambiguousIdFinding, studentRowKey } from './student-rows';

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

/** A subject a read re-checked, with its stored record's school (StudentRow `school`; '' for staff). */
export type RecheckedSubject = SubjectFindings & { school: string };

/**
 * Stores what a page showed and re-checks the records it affects. Checks run on the page's records plus
 * everyone they are linked to through a case manager or provider (one hop each way), so caseloads and
 * credential findings are whole without re-checking the entire district on every page.
 *
 * The records go in one transaction (with the caseloads they link to read and checked there), the findings rows and
 * the page row in a second; both are stored before the answer, which is made from the same merged records.
 */
export async function ingestSnapshot(db: LiaisonDb, snap: Snapshot, opts: IngestOptions): Promise<SubjectFindings[]> {
  const { site, now = Date.now() } = opts;
  const frameId = opts.frameId ?? 0;
  // The bench's "store" is the whole transaction; its "check" part is timed inside.
  const endStore = beginStage('store');
  const read = await db.transaction('rw', [db.students, db.staff, db.findings, db.pages], async () => {
    const mentioned = await upsertStudents(db, site, snap.students, snap.url, now, 'page', snap.focus);
    const pageStudents = mentioned.filter((r): r is StudentRow => !!r);
    const pageStaff = await upsertStaff(db, site, snap.staff, snap.url, now, 'page', snap.focus);

    const firstRefs = new Set([...pageStaff.flatMap((r) => r.refs), ...pageStudents.flatMap((r) => r.staffRefs)]);
    const directStaff = await staffByRefs(db, firstRefs);
    const linkedStudents = await studentsOf(db, directStaff, pageStudents);
    const students = uniqueBy([...pageStudents, ...linkedStudents], studentRowKey);
    // The second hop asks only for the refs the first did not: the staff those name were read already.
    const secondRefs = new Set(students.flatMap((r) => r.staffRefs).filter((ref) => !firstRefs.has(ref)));
    const staff = uniqueBy([...directStaff, ...(await staffByRefs(db, secondRefs))], (r) => r.id);

    const endCheck = beginStage('check');
    const checked = checkRows(students, staff, { asOf: opts.asOf, settings: opts.settings });
    // Staff reached only through a second hop may have students Liaison did not load: their findings wait.
    const rechecked: RecheckedSubject[] = [
      ...students.map((r) => ({ kind: 'student' as const, id: r.id, school: r.school, findings: checked.student(r) })),
      ...directStaff.map((r) => ({ kind: 'staff' as const, id: r.id, school: '', findings: checked.staff(r) })),
    ];
    const staffById = new Map(pageStaff.map((r) => [r.id, r]));
    const answer = [
      ...snap.students.map((s, i): SubjectFindings => {
        const row = mentioned[i];
        if (!row) return { kind: 'student', id: s.id, findings: [ambiguousIdFinding(s.id)] };
        const due = soonestDue(row.record, opts);
        return { kind: 'student', id: s.id, findings: checked.student(row), ...(due ? { due } : {}) };
      }),
      ...snap.staff.map((s): SubjectFindings => {
        const row = staffById.get(canonicalId(s.id));
        return { kind: 'staff', id: s.id, findings: row ? checked.staff(row) : [] };
      }),
    ];
    endCheck();
    // In the same transaction: a page read lands whole or not at all, and before its answer (DESIGN.md: a worker
    // can be stopped mid-write).
    // `answer` is in the page's order: its students, then its staff.
    const subjects: PageRow['subjects'] = [
      ...snap.students.map((s, i) => {
        const row = mentioned[i];
        return {
          kind: 'student' as const,
          id: s.id,
          name: s.name,
          ...(!row ? { ambiguous: true as const } : row.school ? { school: row.school } : {}),
          graded: gradedOf(answer[i]!.findings),
        };
      }),
      ...snap.staff.map((s, i) => ({
        kind: 'staff' as const,
        id: s.id,
        name: s.name,
        graded: gradedOf(answer[snap.students.length + i]!.findings),
      })),
    ];
    await putChangedFindings(
      db,
      rechecked.map(({ kind, id, school, findings }) => ({ site, kind, school, id, findings, checkedAt: now })),
    );
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
    // Every page showing these subjects (another tab's, or this one's earlier part) lists them as they now stand.
    await regradePages(db, site, rechecked);
    return { rechecked, answer };
  });
  endStore();
  const { rechecked, answer } = read;
  opts.onRechecked?.(rechecked);
  // Note follow-ups are not stored with the checks' findings: they change with the notes, so they are read fresh.
  return withNoteFollowUps(db, site, opts.asOf, answer);
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

/** The staff any of these refs name, each once. */
async function staffByRefs(db: LiaisonDb, refs: ReadonlySet<string>): Promise<StaffRow[]> {
  return uniqueBy(await rowsWithAny(db.staff, 'refs', [...refs]), (r) => r.id);
}

/**
 * The students these staff have on their caseloads, in index order. Only their keys are read from the index; the
 * rows come from `known` (the page's, stored a moment ago) where they can, and the rest in one bulk read.
 */
async function studentsOf(
  db: LiaisonDb,
  staff: readonly StaffRow[],
  known: readonly StudentRow[],
): Promise<StudentRow[]> {
  const refs = [...new Set(staff.flatMap((r) => r.refs))];
  if (!refs.length) return [];
  const keys = await primaryKeysWithAny(db.students, 'staffRefs', refs);
  const have = new Map(known.map((r) => [studentRowKey(r), r]));
  const keyOf = ([site, school, id]: StudentKey) => studentRowKey({ site, school, id });
  const unique = [...new Map(keys.map((k) => [keyOf(k), k])).entries()];
  const missing = unique.filter(([k]) => !have.has(k)).map(([, key]) => key);
  const read = await db.students.bulkGet(missing);
  read.forEach((r) => r && have.set(studentRowKey(r), r));
  return unique.map(([k]) => have.get(k)).filter((r): r is StudentRow => !!r);
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const it of items) if (!seen.has(key(it))) seen.set(key(it), it);
  return [...seen.values()];
}
