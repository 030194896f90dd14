import { toCsv } from '../csv';
import { z } from 'zod';
import type { LiaisonDb } from '../db/database';

/**
 * The record of access (FERPA 34 CFR 99.32 style): which student records were viewed and whose notes were
 * read, on this computer. Rows hold no names and no content: the subject is the site and the student id.
 */
export type AccessAction = 'view' | 'read-notes';
export interface AccessEntry {
  seq?: number;
  at: number;
  site: string;
  action: string;
  subject: string;
  /** The student id exactly as stored (rows from before it was kept separately have only `subject`). */
  studentId?: string;
}

export const RETENTION_KEY = 'access:retentionDays';
export const DEFAULT_RETENTION_DAYS = 365;
export const RetentionDays = z.number().int().min(1).max(3650);
/** The same subject and action are logged at most once in this window: a page re-read is not a new access. */
export const THROTTLE_MS = 60_000;

export const subjectOf = (site: string, studentId: string) => `${site}|${studentId}`;

/**
 * Logs each student's access unless the same action on them was logged within THROTTLE_MS. Runs outside any
 * caller's transaction or live query (a read-only query must still be able to log that it read notes).
 */
export async function logAccess(
  db: LiaisonDb,
  site: string,
  studentIds: Iterable<string>,
  action: AccessAction,
  now = Date.now(),
): Promise<number> {
  const ids = new Map([...studentIds].map((id) => [subjectOf(site, id), id]));
  const subjects = new Set(ids.keys());
  if (!subjects.size) return 0;
  const write = () =>
    db.transaction('rw', db.accessLog, async () => {
      const recent = await db.accessLog
        .where('at')
        .above(now - THROTTLE_MS)
        .toArray();
      for (const e of recent) if (e.action === action) subjects.delete(e.subject);
      await db.accessLog.bulkAdd(
        [...subjects].map((subject) => ({ at: now, site, action, subject, studentId: ids.get(subject)! })),
      );
      return subjects.size;
    });
  // Callers may be live queries, which Dexie forbids to write (and would re-run on the write): the write starts
  // from a timer, outside the caller's zone and transaction, and is still awaited.
  return new Promise<number>((resolve, reject) => setTimeout(() => write().then(resolve, reject)));
}

export async function loadAccessLogRetentionDays(db: LiaisonDb): Promise<number> {
  const parsed = RetentionDays.safeParse((await db.settings.get(RETENTION_KEY))?.value);
  return parsed.success ? parsed.data : DEFAULT_RETENTION_DAYS;
}

export async function saveAccessLogRetentionDays(db: LiaisonDb, days: number): Promise<void> {
  await db.settings.put({ key: RETENTION_KEY, value: RetentionDays.parse(days), updatedAt: Date.now() });
}

/** Deletes entries older than the retention period; returns how many. */
export async function purgeAccessLog(db: LiaisonDb, now = Date.now()): Promise<number> {
  const days = await loadAccessLogRetentionDays(db);
  return db.accessLog
    .where('at')
    .below(now - days * 86_400_000)
    .delete();
}

export async function accessEntries(db: LiaisonDb): Promise<AccessEntry[]> {
  return db.accessLog.orderBy('at').reverse().toArray();
}

/** The id of an entry written before `studentId` was kept: the subject after its own site (an id may hold `|`). */
const idOf = (e: AccessEntry) => (e.subject.startsWith(`${e.site}|`) ? e.subject.slice(e.site.length + 1) : e.subject);

/** CSV for the district's records: one row per access, UTC time, site, student id, action. */
export function accessLogCsv(entries: readonly AccessEntry[]): string {
  const data = entries.map((e) => [new Date(e.at).toISOString(), e.site, e.studentId ?? idOf(e), e.action]);
  return toCsv(['Time (UTC)', 'Site', 'Student ID', 'Action'], data);
}
