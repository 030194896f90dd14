import { logAccess } from '../access/log';
import { isSealed, sealJson, unsealJson } from '../crypto/aead';
import { sessionKey } from '../crypto/session';
import type { LiaisonDb } from '../db/database';
import { amend, createNote, markFollowUpDone, openFollowUp, restore, softDelete } from './model';
import { current, Note, NoteDraft, NoteRow, type NoteContent } from './schema';

/**
 * The only module that reads or writes `db.notes` and note drafts. Every note goes to storage through
 * `toRow` and comes back through `fromRow`; the payload passes `seal`/`unseal`: AES-GCM with the session key
 * (lib/crypto). Locked, both throw LockedError: nothing is ever written or read as plaintext.
 */

/** Binds a sealed payload to its row: a payload moved onto another note or student does not decrypt. */
const noteAad = (r: { id: string; site: string; studentId: string }) => `note|${r.id}|${r.site}|${r.studentId}`;

async function seal(value: unknown, aad: string): Promise<unknown> {
  return sealJson(sessionKey(), value, aad);
}

/**
 * Decrypts a payload; null when it does not decrypt (wrong key, tampered) or is in the clear on a row the upgrade
 * from version 1 did not mark (`legacyClear`): Liaison never writes plaintext, so such a row is not a genuine note.
 * A marked row is still readable while unlocked, and sealed by `sealLegacyRows`.
 */
async function unseal(stored: unknown, aad: string, legacyClear: boolean): Promise<unknown> {
  const key = sessionKey();
  if (!isSealed(stored)) return legacyClear ? stored : null;
  try {
    return await unsealJson(key, stored, aad);
  } catch {
    return null;
  }
}

export async function toRow(note: Note, now = Date.now()): Promise<NoteRow> {
  const v = current(note);
  return {
    id: note.id,
    site: note.site,
    studentId: note.studentId,
    // Only open, shared follow-ups are indexed: the worker reads just those to put findings on badges.
    followUp: v.private ? null : openFollowUp(note),
    updatedAt: now,
    deletedAt: note.deletedAt,
    payload: await seal(Note.parse(note), noteAad(note)),
  };
}

/** Null for a row that does not decode: one damaged note must not hide the others. */
export async function fromRow(raw: unknown): Promise<Note | null> {
  const row = NoteRow.safeParse(raw);
  if (!row.success) return null;
  const note = Note.safeParse(await unseal(row.data.payload, noteAad(row.data), row.data.legacyClear === true));
  // The clear index fields must agree with the payload, or the row was tampered with or half-written.
  if (!note.success || note.data.id !== row.data.id || note.data.studentId !== row.data.studentId) return null;
  return note.data;
}

async function decodeAll(rows: unknown[]): Promise<Note[]> {
  const notes = await Promise.all(rows.map(fromRow));
  return notes.filter((n): n is Note => n !== null);
}

async function put(db: LiaisonDb, note: Note): Promise<Note> {
  await db.notes.put(await toRow(note));
  return note;
}

export async function getNote(db: LiaisonDb, id: string): Promise<Note | null> {
  const row = await db.notes.get(id);
  return row ? fromRow(row) : null;
}

/** Decrypting notes for display is an access to the record: logged per student (lib/access). */
async function readForDisplay(db: LiaisonDb, site: string, rows: NoteRow[]): Promise<Note[]> {
  const notes = await decodeAll(rows);
  await logAccess(db, site, new Set(notes.map((n) => n.studentId)), 'read-notes');
  return notes;
}

/** A student's notes, deleted ones included (the UI shows them apart, with Undo). */
export async function notesForStudent(db: LiaisonDb, site: string, studentId: string): Promise<Note[]> {
  return readForDisplay(db, site, await db.notes.where('[site+studentId]').equals([site, studentId]).toArray());
}

export async function notesForSite(db: LiaisonDb, site: string): Promise<Note[]> {
  return readForDisplay(db, site, await db.notes.where('site').equals(site).toArray());
}

export async function allNotes(db: LiaisonDb): Promise<Note[]> {
  return decodeAll(await db.notes.toArray());
}

/** Notes with an open shared follow-up on or before `horizon` (the index keeps this cheap on every page read). */
export async function notesWithFollowUpBy(
  db: LiaisonDb,
  horizon: string,
  scope?: { site: string; studentIds?: readonly string[] },
): Promise<Note[]> {
  const entries = await openFollowUpsBy(db, horizon, scope);
  return decodeAll(await db.notes.bulkGet(entries.map((e) => e.noteId)));
}

/** An open shared follow-up, from the clear index fields alone: badges show it while notes are locked. */
export interface FollowUpEntry {
  noteId: string;
  site: string;
  studentId: string;
  date: string;
}

/** Open shared follow-ups on or before `horizon`, without decrypting anything (the worker has no key). */
export async function openFollowUpsBy(
  db: LiaisonDb,
  horizon: string,
  scope?: { site: string; studentIds?: readonly string[] },
): Promise<FollowUpEntry[]> {
  const rows = await db.notes.where('followUp').belowOrEqual(horizon).toArray();
  const ids = scope?.studentIds && new Set(scope.studentIds);
  return rows
    .filter(
      (r) => r.followUp && r.deletedAt === null && (!scope || r.site === scope.site) && (!ids || ids.has(r.studentId)),
    )
    .map((r) => ({ noteId: r.id, site: r.site, studentId: r.studentId, date: r.followUp! }));
}

export function newNoteId(): string {
  return crypto.randomUUID();
}

export async function addNote(
  db: LiaisonDb,
  where: { site: string; studentId: string },
  content: NoteContent,
  by: string,
  now = Date.now(),
): Promise<Note> {
  return put(db, createNote({ id: newNoteId(), ...where }, content, by, now));
}

/** Same stored state: a sealed payload's IV is fresh on every write, so it tells writes apart. */
const sameRow = (a: NoteRow, b: NoteRow) =>
  a.updatedAt === b.updatedAt && (isSealed(a.payload) && isSealed(b.payload) ? a.payload.iv === b.payload.iv : true);

/**
 * Reads, changes and writes one note so two panels cannot lose each other's amendment. Awaiting Web Crypto
 * ends an IndexedDB transaction, so decrypting and encrypting happen outside it; the transaction only checks
 * that the row is still the one read (else it starts over from the newer row) and writes.
 */
async function change(db: LiaisonDb, id: string, fn: (n: Note) => Note): Promise<Note> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await db.notes.get(id);
    const note = before && (await fromRow(before));
    if (!before || !note) throw new Error('note not found');
    const next = fn(note);
    if (next === note) return note;
    const row = await toRow(next);
    const written = await db.transaction('rw', db.notes, async () => {
      const now = await db.notes.get(id);
      if (!now || !sameRow(now, before)) return false;
      await db.notes.put(row);
      return true;
    });
    if (written) return next;
  }
  throw new Error('note kept changing; try again');
}

export const amendNote = (db: LiaisonDb, id: string, content: NoteContent, by: string, now = Date.now()) =>
  change(db, id, (n) => amend(n, content, by, now));
export const deleteNote = (db: LiaisonDb, id: string, now = Date.now()) => change(db, id, (n) => softDelete(n, now));
export const undoDelete = (db: LiaisonDb, id: string) => change(db, id, restore);
export const completeFollowUp = (db: LiaisonDb, id: string, now = Date.now()) =>
  change(db, id, (n) => markFollowUpDone(n, now));

/** How long a deleted note can be restored before it is purged. */
export const PURGE_AFTER_MS = 7 * 24 * 3600_000;

/** Removes notes deleted more than `PURGE_AFTER_MS` ago; returns how many. */
export async function purgeDeleted(db: LiaisonDb, now = Date.now()): Promise<number> {
  return db.notes.filter((r) => typeof r.deletedAt === 'number' && r.deletedAt < now - PURGE_AFTER_MS).delete();
}

// Drafts: the form as typed, keyed by student and note, sealed like notes (they hold the same text).

export const draftKey = (site: string, studentId: string, noteId: string | null) =>
  `note:${site}|${studentId}|${noteId ?? 'new'}`;

export async function saveDraft(db: LiaisonDb, draft: NoteDraft): Promise<void> {
  const key = draftKey(draft.site, draft.studentId, draft.noteId);
  await db.drafts.put({ key, value: await seal(NoteDraft.parse(draft), key), updatedAt: draft.savedAt });
}

export async function loadDraft(
  db: LiaisonDb,
  site: string,
  studentId: string,
  noteId: string | null,
): Promise<NoteDraft | null> {
  const key = draftKey(site, studentId, noteId);
  const row = await db.drafts.get(key);
  if (!row) return null;
  const parsed = NoteDraft.safeParse(await unseal(row.value, key, row.legacyClear === true));
  return parsed.success ? parsed.data : null;
}

export async function deleteDraft(db: LiaisonDb, site: string, studentId: string, noteId: string | null) {
  await db.drafts.delete(draftKey(site, studentId, noteId));
}

/**
 * Seals the notes and drafts version 1 wrote in the clear (marked `legacyClear` by the upgrade), once a key is at hand.
 * A clear row without the mark is left as it is: unreadable, never blessed as a genuine note by sealing it.
 * Each row is encrypted outside the transaction, then written only if it is still the plain row that was read.
 */
export async function sealLegacyRows(db: LiaisonDb): Promise<number> {
  let sealed = 0;
  for (const row of await db.notes.filter((r) => r.legacyClear === true && !isSealed(r.payload)).toArray()) {
    const note = await fromRow(row);
    if (!note) continue; // unreadable already: left as it is rather than lost
    const next = await toRow(note, row.updatedAt);
    sealed += await db.transaction('rw', db.notes, async () => {
      const now = await db.notes.get(row.id);
      if (!now || isSealed(now.payload)) return 0;
      await db.notes.put(next);
      return 1;
    });
  }
  for (const row of await db.drafts.filter((r) => r.legacyClear === true && !isSealed(r.value)).toArray()) {
    const value = await seal(row.value, row.key);
    sealed += await db.transaction('rw', db.drafts, async () => {
      const now = await db.drafts.get(row.key);
      if (!now || isSealed(now.value)) return 0;
      const { legacyClear: _, ...rest } = row;
      await db.drafts.put({ ...rest, value });
      return 1;
    });
  }
  return sealed;
}
