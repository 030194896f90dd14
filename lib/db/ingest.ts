import { nextDueDates, type DueDate } from '../compliance';
import type { Finding, Snapshot, Staff, Student, SubjectKind } from '../domain';
import { canonicalId, canonicalStaff, canonicalStudent } from '../domain/ids';
import { withNoteFollowUps } from '../notes/badge';
import { browserCheckSettings, runAllChecks, type CheckSettings } from '../checks';
import type { FindingRow, LiaisonDb, PageRow, StaffRow, StudentRow } from './database';
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
  onRechecked?: (subjects: SubjectFindings[]) => void;
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

const subjectKey = (kind: SubjectKind, id: string) => `${kind}:${id}`;

/**
 * Stores what a page showed and re-checks the records it affects. Checks run on the page's records plus
 * everyone they are linked to through a case manager or provider (one hop each way), so caseloads and
 * credential findings are whole without re-checking the entire district on every page.
 */
export async function ingestSnapshot(db: LiaisonDb, snap: Snapshot, opts: IngestOptions): Promise<SubjectFindings[]> {
  const { site, now = Date.now() } = opts;
  const frameId = opts.frameId ?? 0;
  let rechecked: SubjectFindings[] = [];
  const subjects = await db.transaction('rw', [db.students, db.staff, db.findings, db.pages], async () => {
    const pageStudents = await upsertStudents(db, site, snap.students, snap.url, now, 'page', snap.focus);
    const pageStaff = await upsertStaff(db, site, snap.staff, snap.url, now, 'page', snap.focus);

    const directStaff = await staffByRefs(db, [
      ...pageStaff.flatMap((r) => r.refs),
      ...pageStudents.flatMap((r) => r.staffRefs),
    ]);
    const linkedStudents = await db.students
      .where('staffRefs')
      .anyOf(directStaff.flatMap((r) => r.refs))
      .toArray();
    const students = uniqueBy([...pageStudents, ...linkedStudents], (r) => r.id);
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

    const findings = runAllChecks(
      { students: students.map((r) => r.record), staff: staff.map((r) => r.record) },
      { asOf: opts.asOf, settings: browserCheckSettings(opts.settings) },
    );
    const bySubject = new Map<string, Finding[]>();
    for (const f of findings) {
      const key = subjectKey(f.subject.kind, f.subject.id);
      (bySubject.get(key) ?? bySubject.set(key, []).get(key)!).push(f);
    }
    // Staff reached only through a second hop may have students Liaison did not load: their findings wait.
    const complete = [
      ...students.map((r) => ({ kind: 'student' as const, id: r.id })),
      ...directStaff.map((r) => ({ kind: 'staff' as const, id: r.id })),
    ];
    await putChangedFindings(
      db,
      complete.map((s) => ({ site, ...s, findings: bySubject.get(subjectKey(s.kind, s.id)) ?? [], checkedAt: now })),
    );
    rechecked = complete.map((s) => ({ ...s, findings: bySubject.get(subjectKey(s.kind, s.id)) ?? [] }));

    const subjects = [
      ...snap.students.map((s) => ({ kind: 'student' as const, id: s.id, name: s.name })),
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
    const records = new Map(pageStudents.map((r) => [r.id, r.record]));
    return subjects.map((s) => {
      const due = s.kind === 'student' ? soonestDue(records.get(s.id), opts) : undefined;
      return {
        kind: s.kind,
        id: s.id,
        findings: bySubject.get(subjectKey(s.kind, s.id)) ?? [],
        ...(due ? { due } : {}),
      };
    });
  });
  opts.onRechecked?.(rechecked);
  // Note follow-ups are not stored with the checks' findings: they change with the notes, so they are read fresh.
  return withNoteFollowUps(db, site, opts.asOf, subjects);
}

/** Findings rows whose findings are what is stored already are not written again (their `checkedAt` stays). */
async function putChangedFindings(db: LiaisonDb, rows: FindingRow[]): Promise<void> {
  const before = await db.findings.bulkGet(rows.map((r) => [r.site, r.kind, r.id] as [string, string, string]));
  await db.findings.bulkPut(rows.filter((r, i) => JSON.stringify(before[i]?.findings) !== JSON.stringify(r.findings)));
}

/** Where re-checked findings must go: other tabs' pages of the site that show one of those subjects, each its own. */
export function pagesShowing(
  pages: readonly PageRow[],
  site: string,
  fromTabId: number,
  rechecked: readonly SubjectFindings[],
) {
  const byKey = new Map(rechecked.map((s) => [subjectKey(s.kind, s.id), s]));
  return pages
    .filter((p) => p.site === site && p.tabId !== fromTabId && p.recognized)
    .map((p) => ({
      tabId: p.tabId,
      frameId: p.frameId ?? 0,
      subjects: p.subjects.map((s) => byKey.get(subjectKey(s.kind, s.id))).filter((s): s is SubjectFindings => !!s),
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

export async function upsertStudents(
  db: LiaisonDb,
  site: string,
  given: Student[],
  url: string,
  now: number,
  from: UpsertFrom = 'page',
  focus?: Focus,
) {
  const list = given.map(canonicalStudent); // imports too: "00017" and "17" are one student of a site
  const old = await db.students.bulkGet(list.map((s) => [site, s.id] as [string, string]));
  const rows: StudentRow[] = list.map((s, i) => {
    const before = old[i];
    const { record, sources } = mergeStudentFrom(
      before?.record,
      stripProvenance(s),
      from === 'page' ? { url, sources: before?.sources, rowUrl: before?.url } : undefined,
    );
    const recordUrl = recordUrlOf('student', s.id, url, from === 'page' ? focus : null, before?.recordUrl);
    return {
      site,
      id: s.id,
      record,
      staffRefs: studentStaffRefs(site, record),
      seenAt: now,
      url,
      sources,
      ...(recordUrl ? { recordUrl } : {}),
    };
  });
  await db.students.bulkPut(changedRows(rows, old, now));
  return rows;
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
