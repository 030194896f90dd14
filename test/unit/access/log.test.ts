import { liveQuery } from 'dexie';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  accessEntries,
  accessLogCsv,
  logAccess,
  purgeAccessLog,
  saveAccessLogRetentionDays,
} from '../../../lib/access/log';
import { LiaisonDb } from '../../../lib/db/database';
import { handleContentMessage } from '../../../lib/messaging/handler';
import { addNote, notesForSite, notesForStudent } from '../../../lib/notes/repo';
import { unlockForTests } from '../crypto/session-key';
import { content, SITE } from '../notes/helpers';
import { rawDump } from '../crypto/raw-idb';

beforeAll(unlockForTests);
let db: LiaisonDb;
let k = 0;
beforeEach(() => {
  db = new LiaisonDb(`access-${k++}`);
});
afterEach(async () => {
  await db.delete();
});

const view = (id: string, name: string) => ({
  type: 'page/snapshot',
  snapshot: {
    url: `${SITE}/students/${id}`,
    profile: 't',
    pageType: 'student',
    students: [{ id, name }],
    staff: [],
    diagnostics: [],
    focus: { kind: 'student', id },
  },
});
const ctx = () => ({ db, asOf: () => '2026-11-22', enabledSites: async () => [`${SITE}/*`] });
const actions = async () => (await accessEntries(db)).map((e) => [e.action, e.subject]).sort();

describe('access log', () => {
  it('the worker logs a view of a student page, once a minute per student, with no name', async () => {
    await handleContentMessage(ctx(), view('1001', 'Jordan Rivera'), { tabId: 1, url: `${SITE}/students/1001` });
    await handleContentMessage(ctx(), view('1001', 'Jordan Rivera'), { tabId: 1, url: `${SITE}/students/1001` });
    await handleContentMessage(ctx(), view('1002', 'Ana Lopez'), { tabId: 1, url: `${SITE}/students/1002` });
    expect(await actions()).toEqual([
      ['view', `${SITE}|1001`],
      ['view', `${SITE}|1002`],
    ]);
    expect(await rawDump(db.name)).toContain('Jordan Rivera'); // the student record itself is cached…
    expect(JSON.stringify(await db.accessLog.toArray())).not.toMatch(/Jordan|Ana/); // …the log holds no names
  });

  it('logs only what the page showed: an id named by the address or heading alone is no view (issue 12)', async () => {
    const named = { type: 'page/snapshot', snapshot: { ...view('1003', 'x').snapshot, students: [] } };
    await handleContentMessage(ctx(), named, { tabId: 1, url: `${SITE}/students/1003` });
    const other = {
      type: 'page/snapshot',
      snapshot: { ...view('1004', 'Bo Baker').snapshot, focus: { kind: 'student', id: '1005' } },
    };
    await handleContentMessage(ctx(), other, { tabId: 1, url: `${SITE}/students/1005` });
    expect(await actions()).toEqual([]);
  });

  it('a message from a site that is not enabled logs nothing', async () => {
    await handleContentMessage(ctx(), view('1001', 'Jordan Rivera'), {
      tabId: 1,
      url: 'https://evil.example/students/1001',
    });
    expect(await db.accessLog.count()).toBe(0);
  });

  it('keeps ids intact, also one holding the separator', async () => {
    await logAccess(db, SITE, ['A|17'], 'view', Date.UTC(2026, 10, 22, 8));
    expect(accessLogCsv(await accessEntries(db))).toBe(
      `Time (UTC),Site,Student ID,Action\r\n2026-11-22T08:00:00.000Z,${SITE},A|17,view`,
    );
    // Rows written before the id was kept apart still export their whole id.
    expect(accessLogCsv([{ at: 0, site: SITE, action: 'view', subject: `${SITE}|B|18` }])).toContain(
      `,${SITE},B|18,view`,
    );
  });

  it('throttles by the minute and logs again after it', async () => {
    expect(await logAccess(db, SITE, ['1'], 'view', 1_000_000)).toBe(1);
    expect(await logAccess(db, SITE, ['1'], 'view', 1_000_000 + 59_000)).toBe(0);
    expect(await logAccess(db, SITE, ['1'], 'read-notes', 1_000_000 + 59_000)).toBe(1);
    expect(await logAccess(db, SITE, ['1'], 'view', 1_000_000 + 61_000)).toBe(1);
  });

  it("the repository logs read-notes when a student's notes are decrypted, also from a live query", async () => {
    await addNote(db, { site: SITE, studentId: '1001' }, content(), 'Ms. Case');
    await addNote(db, { site: SITE, studentId: '1002' }, content(), 'Ms. Case');
    expect(await db.accessLog.count()).toBe(0); // writing is not reading
    const seen = await new Promise<number>((resolve, reject) => {
      const sub = liveQuery(() => notesForStudent(db, SITE, '1001')).subscribe({
        next: (v) => (sub.unsubscribe(), resolve(v.length)),
        error: reject,
      });
    });
    expect(seen).toBe(1);
    expect(await actions()).toEqual([['read-notes', `${SITE}|1001`]]);
    await notesForSite(db, SITE);
    expect(await actions()).toEqual([
      ['read-notes', `${SITE}|1001`],
      ['read-notes', `${SITE}|1002`],
    ]);
  });

  it('purges entries older than the retention period (default a year)', async () => {
    const now = Date.UTC(2026, 10, 22);
    await logAccess(db, SITE, ['old'], 'view', now - 366 * 86_400_000);
    await logAccess(db, SITE, ['recent'], 'view', now - 300 * 86_400_000);
    expect(await purgeAccessLog(db, now)).toBe(1);
    await saveAccessLogRetentionDays(db, 30);
    expect(await purgeAccessLog(db, now)).toBe(1);
    expect(await db.accessLog.count()).toBe(0);
  });

  it('exports as CSV, neutralizing formula-like ids', async () => {
    await logAccess(db, SITE, ['=HYPERLINK("x")'], 'view', Date.UTC(2026, 10, 22, 8));
    expect(accessLogCsv(await accessEntries(db))).toBe(
      `Time (UTC),Site,Student ID,Action\r\n2026-11-22T08:00:00.000Z,${SITE},"'=HYPERLINK(""x"")",view`,
    );
  });
});
