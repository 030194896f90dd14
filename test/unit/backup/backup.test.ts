import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lock } from '../../../lib/crypto/session';
import { setPassphrase, unlock } from '../../../lib/crypto/store';
import { LiaisonDb } from '../../../lib/db/database';
import {
  applyImport,
  exportBackup,
  NOTES_NOT_ALLOWED,
  OTHER_PASSPHRASE_DRAFTS,
  planImport,
  RestoreRefused,
} from '../../../lib/backup/backup';
import { KEY_PARAMS_KEY } from '../../../lib/crypto/store';
import { blankFields } from '../../../lib/notes/form';
import { ROLE_DEFAULTS } from '../../../lib/notes/settings';
import { addNote, amendNote, getNote, notesForStudent, saveDraft } from '../../../lib/notes/repo';
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
  await addNote(
    target,
    { site: SITE, studentId: '1001' },
    content({ text: SECRET, followUp: '2026-12-01' }),
    'Ms. Case',
    1000,
  );
  await addNote(
    target,
    { site: SITE, studentId: '1002' },
    content({ text: 'Private aid', private: true }),
    'Ms. Case',
    2000,
  );
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
    expect(plan.notes).toEqual({ added: 2, replaced: 0, kept: 0 });
    expect(plan.profiles).toEqual({ added: 1, replaced: 0 });
    await applyImport(db, plan);
    expect(await exportBackup(db, { notesAllowed: true, now: 0 })).toEqual(first);
    // And the notes open with the same passphrase.
    expect(await unlock(db, PASS)).toBe(true);
    expect((await notesForStudent(db, SITE, '1001'))[0]!.versions[0]!.text).toBe(SECRET);
  });

  it('reports what restoring over the same data would do: notes kept (same version), nothing else changed', async () => {
    await seed(db);
    const plan = await planImport(db, JSON.stringify(await exportBackup(db, { notesAllowed: true })));
    expect(plan).toMatchObject({
      ok: true,
      notes: { added: 0, replaced: 0, kept: 2 },
      profiles: { added: 0, replaced: 1 },
      settings: { added: 0, replaced: 0 },
      settingChanges: [],
      keyChange: false,
    });
  });

  it('validates everything before writing anything', async () => {
    await seed(db);
    const good = await exportBackup(db, { notesAllowed: true });
    const before = await rawDump(db.name);
    const bad: unknown[] = [
      'not json',
      { ...good, version: 2 },
      { ...good, profiles: [{ key: 'x', value: { id: 'NOT VALID' }, updatedAt: 1 }] },
      // A valid profile under another key could never be deleted by its id once restored (issue 12).
      { ...good, profiles: [{ key: 'another-key', value: profile, updatedAt: 1 }] },
      // A note in the clear is refused: a backup never brings plaintext in.
      {
        ...good,
        notes: { ...good.notes, rows: [{ ...(good.notes as { rows: object[] }).rows[0], payload: { text: 'plain' } }] },
      },
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
    expect(plan).toMatchObject({
      ok: true,
      notesOmitted: NOTES_NOT_ALLOWED,
      notes: { added: 0, replaced: 0, kept: 0 },
    });
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

  describe('restore loses nothing (issue 12)', () => {
    it('merges note by note: an older backup never replaces a newer version here; a newer one in the file does', async () => {
      await seed(db);
      const older = await exportBackup(db, { notesAllowed: true });
      const [n1] = await notesForStudent(db, SITE, '1001');
      await new Promise((r) => setTimeout(r, 5));
      await amendNote(db, n1!.id, content({ text: 'Amended after the backup' }), 'Ms. Case');

      const plan = await planImport(db, JSON.stringify(older));
      if (!plan.ok) throw new Error(plan.errors.join('; '));
      expect(plan.notes).toEqual({ added: 0, replaced: 0, kept: 2 });
      await applyImport(db, plan);
      const kept = (await getNote(db, n1!.id))!;
      expect(kept.versions).toHaveLength(2);
      expect(kept.versions[1]!.text).toBe('Amended after the backup');

      // A file whose version of the note is newer (by the row's clear updatedAt) replaces it, note by note.
      const rows = (older.notes as { rows: { id: string; updatedAt: number }[] }).rows;
      const newer = {
        ...older,
        notes: {
          ...older.notes,
          rows: rows.map((r) => (r.id === n1!.id ? { ...r, updatedAt: Date.now() + 60_000 } : r)),
        },
      };
      const plan2 = await planImport(db, JSON.stringify(newer));
      if (!plan2.ok) throw new Error(plan2.errors.join('; '));
      expect(plan2.notes).toEqual({ added: 0, replaced: 1, kept: 1 });
      await applyImport(db, plan2);
      expect((await getNote(db, n1!.id))!.versions.map((v) => v.text)).toEqual([SECRET]);
    });

    it('refuses another passphrase while this browser has sealed drafts, and says so; also if a draft appears after the plan', async () => {
      const other = fresh();
      await seed(other);
      const file = JSON.stringify(await exportBackup(other, { notesAllowed: true }));
      lock();
      await setPassphrase(db, 'this browser passphrase');
      const draft = {
        site: SITE,
        studentId: '1001',
        noteId: null,
        fields: blankFields(ROLE_DEFAULTS['case-manager'], 0),
        savedAt: 1,
      };

      // Planned before any draft: a key change is allowed (nothing here to lose) …
      const plan = await planImport(db, file);
      if (!plan.ok) throw new Error(plan.errors.join('; '));
      expect(plan.keyChange).toBe(true);
      // … but a draft typed before confirming stops it, and nothing is written.
      await saveDraft(db, { ...draft, fields: { ...draft.fields, text: 'half-written note' } });
      const params = (await db.settings.get(KEY_PARAMS_KEY))!.value;
      await expect(applyImport(db, plan)).rejects.toThrow(new RestoreRefused(OTHER_PASSPHRASE_DRAFTS));
      await expect(applyImport(db, plan)).rejects.toBeInstanceOf(RestoreRefused);
      expect((await db.settings.get(KEY_PARAMS_KEY))!.value).toEqual(params);
      expect(await db.notes.count()).toBe(0);

      // Planned with the draft there: refused up front, with the reason.
      expect(await planImport(db, file)).toEqual({ ok: false, errors: [OTHER_PASSPHRASE_DRAFTS] });
      expect(OTHER_PASSPHRASE_DRAFTS).toMatch(/drafts/);
      await other.delete();
    });

    it('shows every setting it will change, field by field, before writing', async () => {
      await seed(db);
      const other = fresh();
      await saveNoteSettings(other, { authorName: 'Mr. Other', leadDays: 7 });
      await other.settings.put({ key: 'retention.days', value: 30, updatedAt: 1 });
      const file = JSON.stringify(await exportBackup(other, { notesAllowed: false }));
      const plan = await planImport(db, file);
      if (!plan.ok) throw new Error(plan.errors.join('; '));
      expect(plan.settingChanges).toEqual([
        { key: 'notes', changes: ['authorName: "Ms. Case" → "Mr. Other"', 'leadDays: 3 → 7'] },
        { key: 'retention.days', changes: ['(not set) → 30'] },
      ]);
      expect(plan.settings).toEqual({ added: 1, replaced: 1 });
      await other.delete();
    });
  });
});
