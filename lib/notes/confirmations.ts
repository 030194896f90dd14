import { current, type Note } from './schema';

/** A teacher's confirmation that they read the student's accommodations, as the case manager logged it. */
export interface ReadConfirmation {
  /** Who confirmed (the note's "with" name), or null when the note names no one. */
  who: string | null;
  /** When (the contact's date and time as logged). */
  at: string;
  noteId: string;
}

/**
 * The teachers who confirmed reading the accommodations (34 CFR 300.323(d)): the case manager's contact-log notes
 * of type "Teacher confirmed reading the accommodations", newest first, deleted ones left out.
 */
export function readConfirmations(notes: readonly Note[]): ReadConfirmation[] {
  return notes
    .filter((n) => n.deletedAt === null && current(n).type === 'accommodations-read')
    .map((n) => ({ who: current(n).withName.trim() || null, at: current(n).at, noteId: n.id }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
