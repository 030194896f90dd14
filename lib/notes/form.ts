import { format } from 'date-fns';
import { current, NoteContent, type DraftFields, type Note } from './schema';
import type { RoleDefaults } from './settings';

/** The form's starting values: the role's usual counterpart and mode, and now as the time. */
export function blankFields(defaults: Pick<RoleDefaults, 'with' | 'mode'>, now: number): DraftFields {
  return {
    type: 'contact',
    with: defaults.with,
    withName: '',
    mode: defaults.mode,
    outcome: 'reached',
    at: format(now, "yyyy-MM-dd'T'HH:mm"),
    text: '',
    followUp: '',
    private: false,
  };
}

/** The form for amending a note starts from the note as it stands. */
export function fieldsFromNote(note: Note): DraftFields {
  const { by: _b, savedAt: _s, ...v } = current(note);
  return { ...v, followUp: v.followUp ?? '' };
}

export type FieldErrors = Partial<Record<keyof DraftFields, string>>;

/** Validates the form; errors are keyed by field so each can be shown next to its control. */
export function contentFromFields(
  f: DraftFields,
): { ok: true; content: NoteContent } | { ok: false; errors: FieldErrors } {
  const parsed = NoteContent.safeParse({ ...f, followUp: f.followUp.trim() || null });
  if (parsed.success) return { ok: true, content: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof DraftFields;
    errors[key] ??= MESSAGES[key] ?? issue.message;
  }
  return { ok: false, errors };
}

const MESSAGES: FieldErrors = {
  text: 'Write what was said.',
  at: 'Give the date and time of the contact.',
  followUp: 'Give the follow-up date as a date, or leave it empty.',
};
