import { schoolKey } from '../domain/ids';
import { staffFindingsKey, storedWithIds, studentFindingsKey, studentKey } from './student-rows';
import { z } from 'zod';
import type { LiaisonDb } from './database';

/**
 * Freshness and privacy: cached SIS records are a copy, kept only as long as they are useful. Records not seen
 * for the retention period are dropped, with their findings; a user can forget one student or clear it all.
 */
export const DEFAULT_RETENTION_DAYS = 30;
const RETENTION_KEY = 'retention.days';
const LAST_RUN_KEY = 'retention.lastRun';
const DAY_MS = 86_400_000;

const Days = z.number().int().min(1).max(3650);

/** The retention period: district policy wins, then the user's setting, then 30 days. */
export async function retentionDays(db: LiaisonDb, policyDays?: number | null): Promise<number> {
  if (Days.safeParse(policyDays).success) return policyDays!;
  const saved = Days.safeParse((await db.settings.get(RETENTION_KEY))?.value);
  return saved.success ? saved.data : DEFAULT_RETENTION_DAYS;
}

export async function saveRecordRetentionDays(db: LiaisonDb, days: number, now = Date.now()): Promise<void> {
  await db.settings.put({ key: RETENTION_KEY, value: Days.parse(days), updatedAt: now });
}

/** Drops students and staff last seen before `now - days`, their findings rows and tab rows as old. */
export async function dropExpired(
  db: LiaisonDb,
  days: number,
  now = Date.now(),
): Promise<{ students: number; staff: number }> {
  const cutoff = now - days * DAY_MS;
  return db.transaction('rw', [db.students, db.staff, db.findings, db.pages], async () => {
    const students = await db.students.filter((r) => r.seenAt < cutoff).primaryKeys();
    const staff = await db.staff.filter((r) => r.seenAt < cutoff).primaryKeys();
    await db.students.bulkDelete(students);
    await db.staff.bulkDelete(staff);
    await db.findings.bulkDelete([
      ...students.map(([site, school, id]) => studentFindingsKey({ site, school, id })),
      ...staff.map(([site, id]) => staffFindingsKey(site, id)),
    ]);
    await db.pages.where('at').below(cutoff).delete();
    return { students: students.length, staff: staff.length };
  });
}

/**
 * Drops what closed tabs showed. A tab's row goes when the tab closes (tabs.onRemoved), but not when the browser
 * quits or crashes with it open; tab ids start again after a restart, so a stale row would show an old page's
 * students as the page of a new tab. The worker runs this at start-up with the tabs that are open.
 */
export async function dropClosedTabPages(db: LiaisonDb, openTabIds: Iterable<number>): Promise<number> {
  const open = new Set(openTabIds);
  return db.pages.filter((p) => !open.has(p.tabId)).delete();
}

/**
 * Runs `dropExpired` at most once a day (the worker calls it at start-up and on each page it reads). Returns
 * null when it was not due.
 */
export async function dropExpiredDaily(
  db: LiaisonDb,
  opts: { policyDays?: number | null; now?: number } = {},
): Promise<{ students: number; staff: number } | null> {
  const now = opts.now ?? Date.now();
  const last = (await db.settings.get(LAST_RUN_KEY))?.value;
  if (typeof last === 'number' && now - last < DAY_MS && last <= now) return null;
  await db.settings.put({ key: LAST_RUN_KEY, value: now, updatedAt: now });
  return dropExpired(db, await retentionDays(db, opts.policyDays), now);
}

/**
 * Forgets one student: the cached record, its findings and its name in what tabs showed. Liaison notes stay:
 * they are the user's own record of contacts, deleted from the notes view. Every school's student with the id
 * goes unless `school` says which: a view that knows no school asks by the id it shows.
 */
export async function forgetStudent(db: LiaisonDb, site: string, id: string, school?: string): Promise<void> {
  await db.transaction('rw', [db.students, db.findings, db.pages], async () => {
    const all = await storedWithIds(db, site, [id]);
    const rows = school === undefined ? all : all.filter((r) => r.school === schoolKey(school));
    await db.students.bulkDelete(rows.map(studentKey));
    await db.findings.bulkDelete(rows.map(studentFindingsKey));
    await db.pages.toCollection().modify((p) => {
      if (p.site !== site) return;
      p.subjects = p.subjects.filter((s) => !(s.kind === 'student' && s.id === id));
      if (p.focus?.kind === 'student' && p.focus.id === id) p.focus = null;
    });
  });
}

/** Clears every record and note Liaison holds; settings and taught site profiles stay. */
export async function clearAll(db: LiaisonDb): Promise<void> {
  const tables = [db.students, db.staff, db.findings, db.pages, db.notes, db.drafts, db.accessLog];
  await db.transaction('rw', tables, () => Promise.all(tables.map((t) => t.clear())));
}
