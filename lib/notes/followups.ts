import { plusDays } from '../compliance/days';
import type { Finding } from '../domain';
import { openFollowUp } from './model';
import { current, NOTE_TYPE_LABEL, type Note } from './schema';

export const FOLLOWUP_DUE = 'NOTE_FOLLOWUP_DUE';
export const FOLLOWUP_OVERDUE = 'NOTE_FOLLOWUP_OVERDUE';
const CITATION = { source: 'Liaison note follow-up' };

/** The last follow-up date that counts as due on `asOf` with a lead time of `leadDays`. */
export function dueHorizon(asOf: string, leadDays: number): string {
  return plusDays(asOf, leadDays);
}

/**
 * Follow-ups of notes as findings, in the shape the checks use: overdue (before `asOf`) is an error, due (from
 * `asOf` to `asOf + leadDays`) a warning. Deleted, done and private notes give none: a badge is seen by
 * anyone at the screen, and a private memory aid stays out of shared views. Texts name no note content.
 */
export function followUpFindings(notes: readonly Note[], asOf: string, leadDays = 0): Finding[] {
  return followUpItems(notes, asOf, leadDays).map((i) => i.finding);
}

function followUpFinding(studentId: string, date: string, asOf: string, what: string): Finding {
  const overdue = date < asOf;
  return {
    code: overdue ? FOLLOWUP_OVERDUE : FOLLOWUP_DUE,
    severity: overdue ? 'error' : 'warning',
    subject: { kind: 'student', id: studentId },
    title: overdue ? 'Note follow-up overdue' : date === asOf ? 'Note follow-up due today' : 'Note follow-up due soon',
    detail: `${what} has a follow-up ${overdue ? 'that was due' : 'due'} on ${date}.`,
    citation: CITATION,
    fix: 'Follow up, then mark it done in the Liaison side panel (Follow-ups).',
  };
}

/**
 * The same findings from the notes' clear index (date and student only): the worker has no key, and badges
 * keep working while notes are locked. The index holds only open, shared, undeleted follow-ups.
 */
export function followUpFindingsFromIndex(
  entries: readonly { studentId: string; date: string }[],
  asOf: string,
  leadDays = 0,
): Finding[] {
  const horizon = dueHorizon(asOf, leadDays);
  return entries
    .filter((e) => e.date <= horizon)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => followUpFinding(e.studentId, e.date, asOf, 'A note'));
}

/** Each due or overdue follow-up with its note, oldest date first (the side panel's Follow-ups list). */
export function followUpItems(
  notes: readonly Note[],
  asOf: string,
  leadDays = 0,
  opts: { includePrivate?: boolean } = {},
): { note: Note; date: string; finding: Finding }[] {
  const horizon = dueHorizon(asOf, leadDays);
  const out: { note: Note; date: string; finding: Finding }[] = [];
  for (const n of notes) {
    const date = openFollowUp(n);
    const v = current(n);
    if (!date || (v.private && !opts.includePrivate) || date > horizon) continue;
    const what = `A ${NOTE_TYPE_LABEL[v.type].toLowerCase()} note from ${v.at.slice(0, 10)}`;
    out.push({ note: n, date, finding: followUpFinding(n.studentId, date, asOf, what) });
  }
  // Oldest date first, which puts overdue before due: the order the Follow-ups list shows.
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
