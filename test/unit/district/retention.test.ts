import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import {
  clearAll,
  DEFAULT_RETENTION_DAYS,
  dropClosedTabPages,
  dropExpired,
  dropExpiredDaily,
  forgetStudent,
  retentionDays,
  saveRecordRetentionDays,
} from '../../../lib/db/retention';
import { finding, findingRow, NOW, SITE, staffRow, studentRow } from './helpers';

const DAY = 86_400_000;
let db: LiaisonDb;
let n = 0;

beforeEach(async () => {
  db = new LiaisonDb(`retention-${n++}`);
  await db.students.bulkPut([
    studentRow({ id: 'old' }, { seenAt: NOW - 31 * DAY }),
    studentRow({ id: 'new' }, { seenAt: NOW - 29 * DAY }),
  ]);
  await db.staff.bulkPut([staffRow({ id: 'T-old' }, { seenAt: NOW - 40 * DAY }), staffRow({ id: 'T-new' })]);
  await db.findings.bulkPut([
    findingRow('student', 'old', [finding('student', 'old', 'X')]),
    findingRow('student', 'new', []),
    findingRow('staff', 'T-old', []),
    findingRow('staff', 'T-new', []),
  ]);
  await db.pages.put({
    tabId: 1,
    site: SITE,
    url: `${SITE}/students/new`,
    profile: 'demo',
    pageType: 'student',
    recognized: true,
    at: NOW,
    focus: { kind: 'student', id: 'new' },
    subjects: [
      { kind: 'student', id: 'new', name: 'Student new' },
      { kind: 'staff', id: 'T-new', name: 'Staff' },
    ],
  });
});
afterEach(() => db.delete());

describe('retention', () => {
  it('defaults to 30 days; the user setting applies unless district policy sets one', async () => {
    expect(await retentionDays(db)).toBe(DEFAULT_RETENTION_DAYS);
    await saveRecordRetentionDays(db, 10);
    expect(await retentionDays(db)).toBe(10);
    expect(await retentionDays(db, 90)).toBe(90);
    expect(await retentionDays(db, -1)).toBe(10);
    await expect(saveRecordRetentionDays(db, 0)).rejects.toThrow();
  });

  it('drops records not seen within the period, with their findings', async () => {
    expect(await dropExpired(db, 30, NOW)).toEqual({ students: 1, staff: 1 });
    expect((await db.students.toArray()).map((r) => r.id)).toEqual(['new']);
    expect((await db.staff.toArray()).map((r) => r.id)).toEqual(['T-new']);
    expect((await db.findings.toArray()).map((r) => r.id).sort()).toEqual(['T-new', 'new']);
    expect(await db.pages.count()).toBe(1);
  });

  it('runs at most once a day', async () => {
    expect(await dropExpiredDaily(db, { now: NOW })).toEqual({ students: 1, staff: 1 });
    await db.students.put(studentRow({ id: 'stale' }, { seenAt: NOW - 100 * DAY }));
    expect(await dropExpiredDaily(db, { now: NOW + DAY / 2 })).toBeNull();
    // A day later, with a district policy of 5 days: the stale record and the one seen 29 days ago go.
    expect(await dropExpiredDaily(db, { now: NOW + DAY, policyDays: 5 })).toEqual({ students: 2, staff: 0 });
  });
});

describe('page rows do not outlive their tab (issue 12)', () => {
  it('drops the rows of tabs that are no longer open, keeping those that are', async () => {
    const page = (await db.pages.get(1))!;
    await db.pages.bulkPut([
      { ...page, tabId: 2 },
      { ...page, tabId: 3 },
    ]);
    expect(await dropClosedTabPages(db, [1, 3, 99])).toBe(1);
    expect((await db.pages.toArray()).map((p) => p.tabId).sort()).toEqual([1, 3]);
    expect(await dropClosedTabPages(db, [])).toBe(2);
  });
});

describe('forget and clear', () => {
  it('forgets one student: record, findings and the name the tab row showed', async () => {
    await forgetStudent(db, SITE, 'new');
    expect(await db.students.get([SITE, '', 'new'])).toBeUndefined();
    expect(await db.findings.get([SITE, 'student', '', 'new'])).toBeUndefined();
    const page = await db.pages.get(1);
    expect(page?.subjects.map((s) => s.id)).toEqual(['T-new']);
    expect(page?.focus).toBeNull();
    expect(await db.students.get([SITE, '', 'old'])).toBeDefined();
  });

  it('clears every record and note but keeps settings', async () => {
    await saveRecordRetentionDays(db, 12);
    // A stored row as the notes repo writes it (its payload may be sealed; clearing does not read it).
    await db.notes.put({
      id: 'n1',
      site: SITE,
      studentId: 'new',
      followUp: null,
      updatedAt: NOW,
      deletedAt: null,
      payload: {},
    });
    expect(await db.notes.count()).toBe(1);
    await clearAll(db);
    for (const t of [db.students, db.staff, db.findings, db.pages, db.notes]) expect(await t.count()).toBe(0);
    expect(await retentionDays(db)).toBe(12);
  });
});
