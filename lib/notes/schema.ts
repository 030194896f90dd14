import { z } from 'zod';
import { IsoDate } from '../domain';

/**
 * Liaison notes: what the case manager (or a teacher) recorded about a contact. Every type here is inferred
 * from its schema, and every record is parsed on read (lib/notes/repo), so a bad row cannot reach the UI.
 */

export const NoteType = z.enum(['contact', 'concern', 'accommodation', 'accommodations-read', 'crisis', 'iep-prep']);
export type NoteType = z.infer<typeof NoteType>;

/** Who the contact was with. `case-manager` is the teacher view's counterpart. */
export const Counterpart = z.enum(['teacher', 'parent', 'provider', 'student', 'administrator', 'case-manager']);
export type Counterpart = z.infer<typeof Counterpart>;

export const ContactMode = z.enum(['in-person', 'phone', 'email', 'meeting', 'message']);
export type ContactMode = z.infer<typeof ContactMode>;

/** Whether the person was reached: unanswered attempts count for due diligence before an IEP meeting. */
export const Outcome = z.enum(['reached', 'attempted']);
export type Outcome = z.infer<typeof Outcome>;

/** A local date and time as a datetime-local input gives it (YYYY-MM-DDTHH:mm): a school-day time, not an instant. */
export const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected a date and time');

/** What the user writes: everything an amendment may change. */
export const NoteContent = z.object({
  type: NoteType,
  with: Counterpart,
  withName: z.string().trim().max(200),
  mode: ContactMode,
  outcome: Outcome,
  at: LocalDateTime,
  text: z.string().trim().min(1, 'Write what was said.').max(20_000),
  followUp: IsoDate.nullable(),
  /** A private memory aid: kept apart, never exported with records, never shown on a badge. */
  private: z.boolean(),
});
export type NoteContent = z.infer<typeof NoteContent>;

/** One saved state of a note; amendments append a version, never replace one. */
export const NoteVersion = NoteContent.extend({
  by: z.string().trim().min(1).max(200),
  savedAt: z.number().int().nonnegative(),
});
export type NoteVersion = z.infer<typeof NoteVersion>;

export const Note = z.object({
  id: z.string().min(1).max(100),
  site: z.string().min(1).max(500),
  studentId: z.string().min(1).max(200),
  /** Oldest first; the last one is the note as it stands. */
  versions: z.array(NoteVersion).min(1),
  /** Set when the follow-up was marked done: it stops surfacing as a finding. */
  followUpDoneAt: z.number().int().nullable(),
  /** Soft delete: undoable until purged. */
  deletedAt: z.number().int().nullable(),
});
export type Note = z.infer<typeof Note>;

/**
 * A stored row. Index fields stay in the clear (the table's indexes need them); everything else is `payload`,
 * which repo.ts alone encodes and decodes, so encryption at rest changes one pair of functions.
 */
export const NoteRow = z.object({
  id: z.string(),
  site: z.string(),
  studentId: z.string(),
  /** The open follow-up date: null when there is none, it is done, or the note is deleted or private. */
  followUp: IsoDate.nullable(),
  updatedAt: z.number(),
  deletedAt: z.number().nullable(),
  payload: z.unknown(),
  /** Set only by the upgrade from version 1 on a note it wrote in the clear (lib/db/database): readable once. */
  legacyClear: z.literal(true).optional(),
});
export type NoteRow = z.infer<typeof NoteRow>;

/** The form as typed, saved while typing: strings may still be empty or half-written. */
export const DraftFields = z.object({
  type: NoteType,
  with: Counterpart,
  withName: z.string().max(200),
  mode: ContactMode,
  outcome: Outcome,
  at: z.string().max(40),
  text: z.string().max(20_000),
  followUp: z.string().max(40),
  private: z.boolean(),
});
export type DraftFields = z.infer<typeof DraftFields>;

export const NoteDraft = z.object({
  site: z.string().min(1),
  studentId: z.string().min(1),
  /** The note being amended, or null for a new note. */
  noteId: z.string().nullable(),
  fields: DraftFields,
  savedAt: z.number(),
});
export type NoteDraft = z.infer<typeof NoteDraft>;

export const Role = z.enum(['case-manager', 'administrator', 'teacher']);
export type Role = z.infer<typeof Role>;

/** Note settings; each field falls back to its default, so one bad value cannot break the panel. */
export const NoteSettings = z.object({
  authorName: z.string().trim().min(1).max(200).catch('Case manager'),
  role: Role.catch('case-manager'),
  /** Days before a follow-up date that it starts to show as due. */
  leadDays: z.number().int().min(0).max(60).catch(0),
  /** Browser notification on the due day; needs the optional `notifications` permission. */
  notify: z.boolean().catch(false),
  /** The last day a notification went out, so it goes out once a day. */
  notifiedOn: IsoDate.nullable().catch(null),
});
export type NoteSettings = z.infer<typeof NoteSettings>;

export const NOTE_TYPE_LABEL: Record<NoteType, string> = {
  contact: 'Contact',
  concern: 'Concern',
  accommodation: 'Accommodation check-in',
  'accommodations-read': 'Teacher confirmed reading the accommodations',
  crisis: 'Crisis / referral',
  'iep-prep': 'IEP meeting prep',
};
export const COUNTERPART_LABEL: Record<Counterpart, string> = {
  teacher: 'Teacher',
  parent: 'Parent/guardian',
  provider: 'Provider',
  student: 'Student',
  administrator: 'Administrator',
  'case-manager': 'Case manager',
};
export const MODE_LABEL: Record<ContactMode, string> = {
  'in-person': 'In person',
  phone: 'Phone',
  email: 'Email',
  meeting: 'Meeting',
  message: 'Message',
};
export const OUTCOME_LABEL: Record<Outcome, string> = { reached: 'Reached', attempted: 'Attempt, no answer' };
export const ROLE_LABEL: Record<Role, string> = {
  'case-manager': 'Case manager',
  administrator: 'Administrator',
  teacher: 'Teacher',
};

/** The note as it stands. */
// A note has at least one version (`Note` parses `versions` with min(1)).
export const current = (n: Note): NoteVersion => n.versions[n.versions.length - 1]!;
/** The note as first recorded. */
export const original = (n: Note): NoteVersion => n.versions[0]!;
