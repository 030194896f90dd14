import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lock } from '../../../lib/crypto/session';
import { setPassphrase, unlock } from '../../../lib/crypto/store';
import { LiaisonDb } from '../../../lib/db/database';
import { applyImport, exportBackup, NOTES_NOT_ALLOWED, planImport } from '../../../lib/backup/backup';
import { addNote, notesForStudent } from '../../../lib/notes/repo';
import { saveNoteSettings } from '../../../lib/notes/settings';
import { content, SITE } from '../notes/helpers';
import { rawDump } from '../crypto/raw-idb';

const PASS = 'backup passphrase';
const SECRET = 'Spoke with the school psychologist about testing';
const profile = {
  id: 'district-sis',
  label: 'District SIS',
  hostPatterns: ['sis.example.org'],
  pages: [{ type: 'student', urlPatterns: ['/students/'], id: { from: 'url', param: 'id' } }],
};

let k = 0;
const fresh = () => new LiaisonDb(`backup-${k++}`);
let db: LiaisonDb;
beforeEach(() => {
  lock();
  db = fresh();
});
afterEach(async () => {
  lock();
  await db.delete();
});

async function seed(target: LiaisonDb) {
  await setPassphrase(target, PASS);
  await addNote(target, { site: SITE, studentId: '1001' }, content({ text: SECRET, followUp: '2026-12-01' }), 'Ms. Case', 1000);
  await addNote(target, { site: SITE, studentId: '1002' }, content({ text: 'Private aid', private: true }), 'Ms. Case', 2000);
  await saveNoteSettings(target, { authorName: 'Ms. Case', leadDays: 3 });
  await target.profiles.put({ key: 'district-sis', value: profile, updatedAt: 5 });
}

describe('backup and restore', () => {
  it('round-trips exactly: export → wipe → import → export', async () => {
    await seed(db);
    const first = await exportBackup(db, { notesAllowed: true, now: 0 });
    expect(JSON.stringify(first)).not.toContain(SECRET); // notes stay sealed in the file
    await db.delete();
    lock();
    db = fresh();
    const plan = await planImport(db, JSON.stringify(first));
    if (!plan.ok) throw new Error(plan.errors.join('; '));
    expect(plan.notes).toEqual({ added: 2, replaced: 0 });
    expect(plan.profiles).toEqual({ added: 1, replaced: 0 });
    await applyImport(db, plan);
    expect(await exportBackup(db, { notesAllowed: true, now: 0 })).toEqual(first);
    // And the notes open with the same passphrase.
    expect(await unlock(db, PASS)).toBe(true);
    expect((await notesForStudent(db, SITE, '1001'))[0].versions[0].text).toBe(SECRET);
  });

  it('reports replacements when restoring over the same data', async () => {
    await seed(db);
    const plan = await planImport(db, JSON.stringify(await exportBackup(db, { notesAllowed: true })));
    expect(plan).toMatchObject({ ok: true, notes: { added: 0, replaced: 2 }, profiles: { added: 0, replaced: 1 }, keyChange: false });
  });

  it('validates everything before writing anything', async () => {
    await seed(db);
    const good = await exportBackup(db, { notesAllowed: true });
    const before = await rawDump(db.name);
    const bad: unknown[] = [
      'not json',
      { ...good, version: 2 },
      { ...good, profiles: [{ key: 'x', value: { id: 'NOT VALID' }, updatedAt: 1 }] },
      // A note in the clear is refused: a backup never brings plaintext in.
      { ...good, notes: { ...good.notes, rows: [{ ...(good.notes as { rows: object[] }).rows[0], payload: { text: 'plain' } }] } },
      { ...good, settings: [...good.settings, { key: 'k', value: () => 1, updatedAt: 1 }] },
      { ...good, extra: true },
    ];
    for (const b of bad) {
      const plan = await planImport(db, typeof b === 'string' ? b : JSON.stringify(b));
      expect(plan.ok).toBe(false);
    }
    expect(await rawDump(db.name)).toBe(before);
  });

  it('refuses notes sealed with another passphrase when this browser has notes', async () => {
    await seed(db);
    const other = fresh();
    lock();
    await seed(other);
    const plan = await planImport(db, JSON.stringify(await exportBackup(other, { notesAllowed: true })));
    expect(plan).toMatchObject({ ok: false, errors: [expect.stringMatching(/another passphrase/)] });
    await other.delete();
  });

  it('leaves notes out when policy forbids exporting them, and says so', async () => {
    await seed(db);
    const b = await exportBackup(db, { notesAllowed: false });
    expect(b.notes).toEqual({ included: false, reason: NOTES_NOT_ALLOWED });
    expect(JSON.stringify(b)).not.toContain('A256GCM');
    const plan = await planImport(fresh(), JSON.stringify(b));
    expect(plan).toMatchObject({ ok: true, notesOmitted: NOTES_NOT_ALLOWED, notes: { added: 0, replaced: 0 } });
  });

  it('writes all or nothing', async () => {
    await seed(db);
    const backup = await exportBackup(db, { notesAllowed: true });
    const target = fresh();
    const plan = await planImport(target, JSON.stringify(backup));
    if (!plan.ok) throw new Error('plan failed');
    const put = target.notes.bulkPut.bind(target.notes);
    target.notes.bulkPut = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as never;
    await expect(applyImport(target, plan)).rejects.toThrow();
    target.notes.bulkPut = put;
    expect(await target.settings.count()).toBe(0);
    expect(await target.profiles.count()).toBe(0);
    await target.delete();
  });
});
