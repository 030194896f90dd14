import type { LiaisonDb } from '../db/database';
import { amend, createNote, markFollowUpDone, openFollowUp, restore, softDelete } from './model';
import { current, Note, NoteDraft, NoteRow, type NoteContent } from './schema';

/**
 * The only module that reads or writes `db.notes` and note drafts. Every note goes to storage through
 * `toRow` and comes back through `fromRow`; the payload passes `seal`/`unseal`, the one place where
 * encryption at rest (AES-GCM) will go. Both are async already so that change stays inside this file.
 */

/** Identity for now: the hook for encryption at rest. */
async function seal(value: unknown): Promise<unknown> {
  return value;
}
async function unseal(stored: unknown): Promise<unknown> {
  return stored;
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
    payload: await seal(Note.parse(note)),
  };
}

/** Null for a row that does not decode: one damaged note must not hide the others. */
export async function fromRow(raw: unknown): Promise<Note | null> {
  const row = NoteRow.safeParse(raw);
  if (!row.success) return null;
  const note = Note.safeParse(await unseal(row.data.payload));
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

/** A student's notes, deleted ones included (the UI shows them apart, with Undo). */
export async function notesForStudent(db: LiaisonDb, site: string, studentId: string): Promise<Note[]> {
  return decodeAll(await db.notes.where('[site+studentId]').equals([site, studentId]).toArray());
}

export async function notesForSite(db: LiaisonDb, site: string): Promise<Note[]> {
  return decodeAll(await db.notes.where('site').equals(site).toArray());
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
  const rows = await db.notes.where('followUp').belowOrEqual(horizon).toArray();
  const ids = scope?.studentIds && new Set(scope.studentIds);
  return decodeAll(rows.filter((r) => (!scope || r.site === scope.site) && (!ids || ids.has(r.studentId))));
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

/**
 * Reads, changes and writes one note in a transaction, so two panels cannot lose each other's amendment.
 * (With WebCrypto in seal/unseal, an await on it ends an IndexedDB transaction: decrypt and encrypt outside,
 * and check `updatedAt` inside, when encryption arrives.)
 */
async function change(db: LiaisonDb, id: string, fn: (n: Note) => Note): Promise<Note> {
  return db.transaction('rw', db.notes, async () => {
    const note = await getNote(db, id);
    if (!note) throw new Error('note not found');
    const next = fn(note);
    return next === note ? note : put(db, next);
  });
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
  await db.drafts.put({ key, value: await seal(NoteDraft.parse(draft)), updatedAt: draft.savedAt });
}

export async function loadDraft(
  db: LiaisonDb,
  site: string,
  studentId: string,
  noteId: string | null,
): Promise<NoteDraft | null> {
  const row = await db.drafts.get(draftKey(site, studentId, noteId));
  if (!row) return null;
  const parsed = NoteDraft.safeParse(await unseal(row.value));
  return parsed.success ? parsed.data : null;
}

export async function deleteDraft(db: LiaisonDb, site: string, studentId: string, noteId: string | null) {
  await db.drafts.delete(draftKey(site, studentId, noteId));
}
