import { createNote } from '../../../lib/notes/model';
import type { Note, NoteContent } from '../../../lib/notes/schema';

export const SITE = 'https://sis.example.org';

export const content = (over: Partial<NoteContent> = {}): NoteContent => ({
  type: 'contact',
  with: 'parent',
  withName: '',
  mode: 'phone',
  outcome: 'reached',
  at: '2026-11-20T09:30',
  text: 'Talked about reading goals.',
  followUp: null,
  private: false,
  ...over,
});

let n = 0;
export const note = (over: Partial<NoteContent> = {}, studentId = '1001'): Note =>
  createNote({ id: `n${n++}`, site: SITE, studentId }, content(over), 'Ms. Case', Date.UTC(2026, 10, 20, 18));
