import { current, original, type Note, type NoteContent } from './schema';

/**
 * Pure changes to a note. A note is a record: an edit appends a version (the earlier ones stay readable),
 * and a delete is a mark that Undo clears until the repository purges it.
 */

export function createNote(
  init: { id: string; site: string; studentId: string },
  content: NoteContent,
  by: string,
  now: number,
): Note {
  return { ...init, versions: [{ ...content, by, savedAt: now }], followUpDoneAt: null, deletedAt: null };
}

/** Appends a version; an amendment that changes nothing is not a version. */
export function amend(note: Note, content: NoteContent, by: string, now: number): Note {
  const { by: _b, savedAt: _s, ...was } = current(note);
  if (sameContent(was, content)) return note;
  // A new follow-up date re-opens the follow-up; keeping the old date keeps it done.
  const followUpDoneAt = content.followUp !== was.followUp ? null : note.followUpDoneAt;
  return { ...note, versions: [...note.versions, { ...content, by, savedAt: now }], followUpDoneAt };
}

export const softDelete = (note: Note, now: number): Note => ({ ...note, deletedAt: now });
export const restore = (note: Note): Note => ({ ...note, deletedAt: null });
export const markFollowUpDone = (note: Note, now: number): Note => ({ ...note, followUpDoneAt: now });

/** The follow-up date still open on a note, or null. */
export function openFollowUp(note: Note): string | null {
  const v = current(note);
  return note.deletedAt === null && note.followUpDoneAt === null ? v.followUp : null;
}

function sameContent(a: NoteContent, b: NoteContent): boolean {
  return (Object.keys(b) as (keyof NoteContent)[]).every((k) => a[k] === b[k]);
}

/** Newest contact first (by when it happened, then by when it was written). */
export function byNewest(a: Note, b: Note): number {
  const ca = current(a);
  const cb = current(b);
  return cb.at.localeCompare(ca.at) || original(b).savedAt - original(a).savedAt;
}
