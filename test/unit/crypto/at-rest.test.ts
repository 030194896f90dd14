import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSealed } from '../../../lib/crypto/aead';
import { KeyParams, MIN_ITERATIONS } from '../../../lib/crypto/kdf';
import { isUnlocked, lock, LockedError, setIdleMinutes, touch } from '../../../lib/crypto/session';
import { KEY_PARAMS_KEY, loadKeyParams, setPassphrase, unlock } from '../../../lib/crypto/store';
import { LiaisonDb } from '../../../lib/db/database';
import {
  addNote,
  amendNote,
  fromRow,
  loadDraft,
  notesForStudent,
  openFollowUpsBy,
  saveDraft,
  sealLegacyRows,
  toRow,
} from '../../../lib/notes/repo';
import { content, SITE } from '../notes/helpers';
import { rawDump } from './raw-idb';

const PASS = 'correct horse battery';
const SECRET = 'Mother said the IEP goals are too low';
const SECRET2 = 'Grandfather Bartholomew called about bus';
const NAME = 'Ms. Quentina Rowe';
const where = { site: SITE, studentId: '1001' };

let db: LiaisonDb;
let k = 0;
beforeEach(async () => {
  lock();
  setIdleMinutes(15);
  db = new LiaisonDb(`at-rest-${k++}`);
});
afterEach(async () => {
  lock();
  await db.delete();
});

describe('notes at rest', () => {
  it('never writes note text, names or drafts in the clear, through writes, edits and drafts', async () => {
    await setPassphrase(db, PASS);
    const n = await addNote(db, where, content({ text: SECRET, withName: NAME, followUp: '2026-12-01' }), 'Ms. Case');
    await amendNote(db, n.id, content({ text: SECRET2, withName: NAME, followUp: '2026-12-01' }), 'Ms. Case');
    await saveDraft(db, {
      ...where,
      noteId: null,
      fields: { ...content({ text: 'Draft about Bartholomew' }), followUp: '' },
      savedAt: 1,
    });

    const raw = await rawDump(db.name);
    for (const plain of [SECRET, SECRET2, NAME, 'Bartholomew', 'Ms. Case', 'parent', PASS])
      expect(raw).not.toContain(plain);
    // The indexed fields the repository needs stay readable, and nothing else.
    const row = (await db.notes.get(n.id))!;
    expect(Object.keys(row).sort()).toEqual([
      'deletedAt',
      'followUp',
      'id',
      'payload',
      'site',
      'studentId',
      'updatedAt',
    ]);
    expect(row.followUp).toBe('2026-12-01');
    expect(row.payload).toMatchObject({ alg: 'A256GCM' });
    // And it all reads back.
    expect((await notesForStudent(db, SITE, '1001'))[0]!.versions.map((v) => v.text)).toEqual([SECRET, SECRET2]);
    expect((await loadDraft(db, SITE, '1001', null))!.fields.text).toBe('Draft about Bartholomew');
  });

  it('stores salt, iteration count and check value, never the key; refuses weak parameters', async () => {
    await setPassphrase(db, PASS);
    const params = (await loadKeyParams(db))!;
    expect(params.iterations).toBeGreaterThanOrEqual(600_000);
    expect(Object.keys(params).sort()).toEqual(['check', 'iterations', 'kdf', 'salt', 'v']);
    expect(KeyParams.safeParse({ ...params, iterations: MIN_ITERATIONS - 1 }).success).toBe(false);
    await expect(setPassphrase(db, 'another one')).rejects.toThrow(/already/);
    await expect(setPassphrase(new LiaisonDb('short'), 'short')).rejects.toThrow(/at least/);
  });

  it('unlocks with the right passphrase only', async () => {
    await setPassphrase(db, PASS);
    await addNote(db, where, content({ text: SECRET }), 'Ms. Case');
    lock();
    expect(await unlock(db, 'wrong passphrase')).toBe(false);
    expect(isUnlocked()).toBe(false);
    expect(await unlock(db, PASS)).toBe(true);
    expect((await notesForStudent(db, SITE, '1001'))[0]!.versions[0]!.text).toBe(SECRET);
  });

  it('locked: reading and writing notes fail, nothing is written, follow-up dates still work', async () => {
    await setPassphrase(db, PASS);
    await addNote(db, where, content({ text: SECRET, followUp: '2026-11-20' }), 'Ms. Case');
    lock();
    await expect(notesForStudent(db, SITE, '1001')).rejects.toBeInstanceOf(LockedError);
    await expect(addNote(db, where, content({ text: 'while locked' }), 'Ms. Case')).rejects.toBeInstanceOf(LockedError);
    await expect(
      saveDraft(db, {
        ...where,
        noteId: null,
        fields: { ...content({ text: 'locked draft' }), followUp: '' },
        savedAt: 1,
      }),
    ).rejects.toBeInstanceOf(LockedError);
    expect(await db.notes.count()).toBe(1);
    expect(await db.drafts.count()).toBe(0);
    expect((await openFollowUpsBy(db, '2026-11-22', { site: SITE })).map((e) => [e.studentId, e.date])).toEqual([
      ['1001', '2026-11-20'],
    ]);
  });

  it('locks after the idle period, and activity pushes it back', async () => {
    const t0 = Date.now();
    const clock = { now: t0 };
    const realNow = Date.now;
    Date.now = () => clock.now;
    try {
      setIdleMinutes(15);
      await setPassphrase(db, PASS);
      clock.now = t0 + 14 * 60_000;
      touch();
      clock.now = t0 + 28 * 60_000;
      expect(isUnlocked()).toBe(true);
      clock.now = t0 + 29 * 60_000 + 1;
      expect(isUnlocked()).toBe(false);
    } finally {
      Date.now = realNow;
    }
  });

  it('a payload moved onto another row does not decrypt', async () => {
    await setPassphrase(db, PASS);
    const a = await addNote(db, where, content({ text: SECRET }), 'Ms. Case');
    const row = await toRow(a);
    expect(await fromRow({ ...row, studentId: '1002' })).toBeNull();
    expect(await fromRow({ ...row, id: 'other' })).toBeNull();
    // Only the sealed binding catches a move to another site (the payload's own fields are not compared to it).
    expect(await fromRow({ ...row, site: 'https://other.example' })).toBeNull();
    expect(await fromRow(row)).toEqual(a);
  });

  const plainNote = {
    id: 'old1',
    ...where,
    versions: [{ ...content({ text: SECRET }), by: 'Ms. Case', savedAt: 5 }],
    followUpDoneAt: null,
    deletedAt: null,
  };
  const plainDraft = { ...where, noteId: null, fields: { ...content({ text: SECRET2 }), followUp: '' }, savedAt: 6 };

  it('seals the notes and drafts version 1 held in the clear (marked by the upgrade), keeping them readable', async () => {
    await db.notes.put({
      id: 'old1',
      ...where,
      followUp: null,
      updatedAt: 5,
      deletedAt: null,
      payload: plainNote,
      legacyClear: true,
    });
    await db.drafts.put({ key: `note:${SITE}|1001|new`, value: plainDraft, updatedAt: 6, legacyClear: true });
    await setPassphrase(db, PASS);
    expect(await sealLegacyRows(db)).toBe(2);
    const raw = await rawDump(db.name);
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain(SECRET2);
    expect((await notesForStudent(db, SITE, '1001'))[0]).toEqual(plainNote);
    expect((await loadDraft(db, SITE, '1001', null))!.fields.text).toBe(SECRET2);
    expect(await sealLegacyRows(db)).toBe(0);
  });

  it('refuses a note or draft row in the clear that the upgrade did not mark, and never seals it as genuine (issue 12)', async () => {
    await setPassphrase(db, PASS);
    const genuine = await addNote(db, where, content({ text: 'genuine' }), 'Ms. Case');
    await db.notes.put({
      id: 'forged',
      ...where,
      followUp: null,
      updatedAt: 5,
      deletedAt: null,
      payload: { ...plainNote, id: 'forged' },
    });
    await db.drafts.put({ key: `note:${SITE}|1001|new`, value: plainDraft, updatedAt: 6 });
    expect(await notesForStudent(db, SITE, '1001')).toEqual([genuine]);
    expect(await loadDraft(db, SITE, '1001', null)).toBeNull();
    expect(await sealLegacyRows(db)).toBe(0);
    expect(await notesForStudent(db, SITE, '1001')).toEqual([genuine]);
    expect(isSealed((await db.notes.get('forged'))!.payload)).toBe(false);
  });

  it('damaged key parameters are reported, not replaced', async () => {
    await db.settings.put({ key: KEY_PARAMS_KEY, value: { v: 1, salt: 'x' }, updatedAt: 1 });
    await expect(loadKeyParams(db)).rejects.toThrow(/damaged/);
    await expect(setPassphrase(db, PASS)).rejects.toThrow();
  });
});
