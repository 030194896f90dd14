import type { LiaisonDb } from '../db/database';
import type { Student } from '../domain/records';
import { mailtoHref } from '../notes/mailto';

/**
 * What every teacher and provider of a student with an IEP must be told: the accommodations, modifications and
 * supports (34 CFR 300.323(d)). Only these lists, as the SIS shows them: never the disability category, never a
 * finding (credential findings are about staff, not for a teacher's card).
 */
export interface TeacherGroup {
  key: 'accommodations' | 'modifications' | 'supports' | 'testingAccommodations';
  label: string;
  items: string[];
}

const GROUPS: readonly Omit<TeacherGroup, 'items'>[] = [
  { key: 'accommodations', label: 'Accommodations' },
  { key: 'modifications', label: 'Modifications' },
  { key: 'supports', label: 'Supports' },
  { key: 'testingAccommodations', label: 'Testing accommodations' },
];

/** The groups the SIS showed for the student, in a fixed order; empty when it showed none. */
export function teacherGroups(student: Pick<Student, TeacherGroup['key']> | null | undefined): TeacherGroup[] {
  if (!student) return [];
  return GROUPS.map((g) => ({ ...g, items: student[g.key] ?? [] })).filter((g) => g.items.length);
}

/** A short fingerprint of the lists, so a changed list asks the teacher to read it again. */
export function groupsFingerprint(groups: readonly TeacherGroup[]): string {
  const text = groups.map((g) => `${g.key}:${g.items.join('\u0001')}`).join('\u0002');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export interface ReadConfirmation {
  /** The day the teacher said "I have read these" (YYYY-MM-DD). */
  date: string;
  /** `groupsFingerprint` of what they read. */
  fingerprint: string;
}

const readKey = (site: string, studentId: string) => `teacher-read:${site}|${studentId}`;

/** This browser's record that the user read the student's lists; null when never. Kept locally (the settings table). */
export async function loadReadConfirmation(
  db: LiaisonDb,
  site: string,
  studentId: string,
): Promise<ReadConfirmation | null> {
  const v = (await db.settings.get(readKey(site, studentId)))?.value as Partial<ReadConfirmation> | undefined;
  return v && typeof v.date === 'string' && typeof v.fingerprint === 'string'
    ? { date: v.date, fingerprint: v.fingerprint }
    : null;
}

export async function saveReadConfirmation(
  db: LiaisonDb,
  site: string,
  studentId: string,
  c: ReadConfirmation,
  now = Date.now(),
): Promise<void> {
  await db.settings.put({ key: readKey(site, studentId), value: c, updatedAt: now });
}

/**
 * The confirmation e-mail to the case manager, as a mailto: address for the user's own mail client (Liaison sends
 * nothing). It names the student as a calendar does (first name, last initial) with the SIS id, and what was read:
 * the group names, not the items, and nothing about a disability.
 */
export function confirmationMailto(
  to: string,
  student: { id: string; name: string },
  groups: readonly TeacherGroup[],
  date: string,
): string {
  const [first = '', ...rest] = student.name.trim().split(/\s+/);
  const last = rest.pop();
  const who = `${first}${last ? ` ${last[0]}.` : ''}`.trim() || 'the student';
  const what = groups.map((g) => g.label.toLowerCase()).join(', ');
  const subject = `Read: ${who} (${student.id}), ${what}`;
  const body = `I have read the ${what} for ${who} (SIS id ${student.id}) on ${date}.`;
  return mailtoHref(to, subject, body);
}
