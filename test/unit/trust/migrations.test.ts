import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { lock } from '../../../lib/crypto/session';
import { setPassphrase } from '../../../lib/crypto/store';
import { LiaisonDb } from '../../../lib/db/database';
import { loadDraft, notesForStudent, sealLegacyRows } from '../../../lib/notes/repo';
import { rawDump } from '../crypto/raw-idb';
import { content, SITE } from '../notes/helpers';

/**
 * Upgrades from the first released schema with real data: a database written by version 1 (its schema frozen
 * here, as shipped) is opened by today's LiaisonDb, and every row must still be there and readable.
 */
const V1_STORES = {
  students: '[site+id], site, *staffRefs',
  staff: '[site+id], site, *refs',
  findings: '[site+kind+id], site',
  pages: 'tabId, at',
  notes: 'id, [site+studentId], site, followUp, updatedAt',
  drafts: 'key',
  settings: 'key',
  profiles: 'key',
  accessLog: '++seq, at, site',
};

const NAME = 'migrate-from-v1';
const SECRET = 'Parent asked for the speech report';
const v1Note = {
  id: 'n-v1',
  site: SITE,
  studentId: '1001',
  versions: [{ ...content({ text: SECRET, followUp: '2026-11-20' }), by: 'Ms. Case', savedAt: 1000 }],
  followUpDoneAt: null,
  deletedAt: null,
};
const rows = {
  students: [
    {
      site: SITE,
      id: '1001',
      record: { id: '1001', name: 'Jordan Rivera', school: 'Lincoln  Elementary', services: [] },
      staffRefs: [`${SITE}|id:T1`],
      seenAt: 1,
      url: `${SITE}/students/1001`,
    },
  ],
  staff: [
    {
      site: SITE,
      id: 'T1',
      record: { id: 'T1', name: 'Priya Patel', credentials: [] },
      refs: [`${SITE}|id:T1`],
      seenAt: 1,
      url: `${SITE}/staff/T1`,
    },
  ],
  findings: [{ site: SITE, kind: 'student', id: '1001', findings: [], checkedAt: 1 }],
  pages: [
    {
      tabId: 4,
      site: SITE,
      url: `${SITE}/students/1001`,
      profile: 'demo',
      pageType: 'student',
      focus: { kind: 'student', id: '1001' },
      subjects: [],
      recognized: true,
      at: 2,
    },
  ],
  // Version 1 wrote notes and drafts in the clear (before encryption at rest).
  notes: [
    {
      id: 'n-v1',
      site: SITE,
      studentId: '1001',
      followUp: '2026-11-20',
      updatedAt: 1000,
      deletedAt: null,
      payload: v1Note,
    },
  ],
  drafts: [
    {
      key: `note:${SITE}|1001|new`,
      value: {
        site: SITE,
        studentId: '1001',
        noteId: null,
        fields: { ...content({ text: 'v1 draft' }), followUp: '' },
        savedAt: 5,
      },
      updatedAt: 5,
    },
  ],
  settings: [{ key: 'notes', value: { authorName: 'Ms. Case', leadDays: 2 }, updatedAt: 3 }],
  profiles: [{ key: 'district', value: { id: 'district' }, updatedAt: 4 }],
  accessLog: [{ seq: 1, at: 6, site: SITE, action: 'view', subject: `${SITE}|1001` }],
};

afterEach(async () => {
  lock();
  await Dexie.delete(NAME);
});

describe('schema migrations', () => {
  it('opens a version-1 database with every row intact, then seals its notes on first passphrase', async () => {
    const v1 = new Dexie(NAME);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    for (const [table, list] of Object.entries(rows)) await v1.table(table).bulkAdd(list);
    v1.close();

    const db = new LiaisonDb(NAME);
    await db.open();
    // Every row intact; the notes and drafts v1 held in the clear are marked as such by the upgrade to 2, and
    // students and their findings moved by the upgrade to 3 to stores keyed by school (the record's, as a key).
    const marked = (list: object[]) => list.map((r) => ({ ...r, legacyClear: true }));
    const moved: Record<string, [string, object[]]> = {
      students: ['studentsBySchool', rows.students.map((r) => ({ ...r, school: 'lincoln elementary' }))],
      findings: ['findingsBySchool', rows.findings.map((r) => ({ ...r, school: 'lincoln elementary' }))],
    };
    for (const [table, list] of Object.entries(rows)) {
      const [store, want] = moved[table] ?? [table, table === 'notes' || table === 'drafts' ? marked(list) : list];
      expect(await db.table(store).toArray(), table).toEqual(want);
    }
    expect(db.tables.map((t) => t.name)).not.toContain('students');
    expect(db.tables.map((t) => t.name)).not.toContain('findings');
    // The moved rows are found by the keys the code uses.
    expect((await db.students.get([SITE, 'lincoln elementary', '1001']))?.record.name).toBe('Jordan Rivera');
    expect(await db.findings.get([SITE, 'student', 'lincoln elementary', '1001'])).toBeDefined();
    expect(await db.staff.get([SITE, 'T1'])).toBeDefined();

    // The clear v1 notes become sealed ones once the user sets a passphrase, and read back the same.
    await setPassphrase(db, 'migration passphrase');
    expect(await sealLegacyRows(db)).toBe(2);
    const raw = await rawDump(NAME);
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain('v1 draft');
    expect(await notesForStudent(db, SITE, '1001')).toEqual([v1Note]);
    expect((await loadDraft(db, SITE, '1001', null))!.fields.text).toBe('v1 draft');
    expect(await db.notes.where('followUp').belowOrEqual('2026-11-22').count()).toBe(1);
    expect((await db.notes.toArray()).map((r) => r.legacyClear)).toEqual([undefined]);
    expect((await db.drafts.toArray()).map((r) => r.legacyClear)).toEqual([undefined]);
    db.close();
  });
});
