import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { ingestSnapshot } from '../../../lib/db/page-read';
import {
  addNote,
  amendNote,
  completeFollowUp,
  deleteNote,
  fromRow,
  getNote,
  loadDraft,
  notesForStudent,
  notesWithFollowUpBy,
  purgeDeleted,
  PURGE_AFTER_MS,
  saveDraft,
  toRow,
  undoDelete,
} from '../../../lib/notes/repo';
import { current } from '../../../lib/notes/schema';
import { loadNoteSettings, saveNoteSettings } from '../../../lib/notes/settings';
import { searchNotes } from '../../../lib/notes/search';
import { content, SITE } from './helpers';
import { unlockForTests } from '../crypto/session-key';

// Notes are sealed with the session key (lib/crypto): these tests run unlocked.
beforeAll(unlockForTests);

let db: LiaisonDb;
let k = 0;
beforeEach(() => {
  db = new LiaisonDb(`notes-test-${k++}`);
});
afterEach(async () => {
  await db.delete();
});

const where = { site: SITE, studentId: '1001' };

describe('notes repository', () => {
  it('stores a note and reads it back through the row codec', async () => {
    const saved = await addNote(db, where, content(), 'Ms. Case', 1000);
    const row = await db.notes.get(saved.id);
    expect(row).toMatchObject({ id: saved.id, site: SITE, studentId: '1001', followUp: null, deletedAt: null });
    expect(await getNote(db, saved.id)).toEqual(saved);
    expect(await fromRow(await toRow(saved))).toEqual(saved);
  });

  it('skips a row whose payload does not match its index fields', async () => {
    const saved = await addNote(db, where, content(), 'Ms. Case');
    const row = await toRow(saved);
    expect(await fromRow({ ...row, studentId: '9999' })).toBeNull();
    expect(await fromRow({ ...row, payload: { junk: true } })).toBeNull();
  });

  it('keeps every version when a note is amended, and adds none when nothing changed', async () => {
    const saved = await addNote(db, where, content({ text: 'first' }), 'Ms. Case', 1000);
    await amendNote(db, saved.id, content({ text: 'second' }), 'Mr. Aide', 2000);
    const same = await amendNote(db, saved.id, content({ text: 'second' }), 'Mr. Aide', 3000);
    expect(same.versions).toHaveLength(2);
    const n = (await getNote(db, saved.id))!;
    expect(n.versions.map((v) => [v.text, v.by, v.savedAt])).toEqual([
      ['first', 'Ms. Case', 1000],
      ['second', 'Mr. Aide', 2000],
    ]);
    expect(current(n).text).toBe('second');
  });

  it('soft-deletes, undoes, and purges only after the undo window', async () => {
    const saved = await addNote(db, where, content({ followUp: '2026-11-22' }), 'Ms. Case');
    await deleteNote(db, saved.id, 10_000);
    expect((await getNote(db, saved.id))!.deletedAt).toBe(10_000);
    expect(await notesWithFollowUpBy(db, '2026-12-31')).toEqual([]);
    await undoDelete(db, saved.id);
    expect((await getNote(db, saved.id))!.deletedAt).toBeNull();
    expect(await notesWithFollowUpBy(db, '2026-12-31')).toHaveLength(1);

    await deleteNote(db, saved.id, 10_000);
    expect(await purgeDeleted(db, 10_000 + PURGE_AFTER_MS - 1)).toBe(0);
    expect(await purgeDeleted(db, 10_000 + PURGE_AFTER_MS + 1)).toBe(1);
    expect(await notesForStudent(db, SITE, '1001')).toEqual([]);
  });

  it('indexes only open, shared follow-ups, scoped by site and student', async () => {
    const a = await addNote(db, where, content({ followUp: '2026-11-20' }), 'x');
    await addNote(db, where, content({ followUp: '2026-11-20', private: true }), 'x');
    await addNote(db, { site: 'https://other.example', studentId: '1001' }, content({ followUp: '2026-11-20' }), 'x');
    await addNote(db, where, content({ followUp: '2026-12-20' }), 'x');
    expect(
      (await notesWithFollowUpBy(db, '2026-11-22', { site: SITE, studentIds: ['1001'] })).map((n) => n.id),
    ).toEqual([a.id]);
    await completeFollowUp(db, a.id);
    expect(await notesWithFollowUpBy(db, '2026-11-22', { site: SITE })).toEqual([]);
  });

  it('keeps drafts across database connections (panel closed, worker restarted)', async () => {
    await saveDraft(db, {
      site: SITE,
      studentId: '1001',
      noteId: null,
      fields: { ...content(), followUp: '', text: 'half a thou' },
      savedAt: 5,
    });
    const reopened = new LiaisonDb(db.name);
    expect((await loadDraft(reopened, SITE, '1001', null))?.fields.text).toBe('half a thou');
    expect(await loadDraft(reopened, SITE, '1002', null)).toBeNull();
    reopened.close();
  });

  it('settings fall back to defaults field by field', async () => {
    expect(await loadNoteSettings(db)).toMatchObject({
      authorName: 'Case manager',
      role: 'case-manager',
      leadDays: 0,
      notify: false,
    });
    await db.settings.put({
      key: 'notes',
      value: { authorName: 'Ms. Case', role: 'janitor', leadDays: -4 },
      updatedAt: 0,
    });
    expect(await loadNoteSettings(db)).toMatchObject({ authorName: 'Ms. Case', role: 'case-manager', leadDays: 0 });
    expect((await saveNoteSettings(db, { role: 'teacher' })).role).toBe('teacher');
  });

  it('search finds notes by every word, ignoring case and accents', async () => {
    const a = await addNote(db, where, content({ text: 'Called about the IEP; mamá agreed' }), 'x');
    await addNote(db, where, content({ text: 'Reading log' }), 'x');
    const notes = await notesForStudent(db, SITE, '1001');
    expect(searchNotes(notes, 'MAMA iep').map((n) => n.id)).toEqual([a.id]);
    expect(searchNotes(notes, '  ')).toEqual([]);
  });

  it('the worker answer for a page carries the follow-up findings of its students', async () => {
    await addNote(db, where, content({ followUp: '2026-11-21' }), 'x');
    const subjects = await ingestSnapshot(
      db,
      {
        url: `${SITE}/students/1001`,
        profile: 't',
        pageType: 'student',
        students: [{ id: '1001', name: 'A B' }],
        staff: [],
        diagnostics: [],
      },
      { site: SITE, tabId: 1, asOf: '2026-11-22' },
    );
    expect(subjects[0]!.findings.map((f) => f.code)).toContain('NOTE_FOLLOWUP_OVERDUE');
  });
});
