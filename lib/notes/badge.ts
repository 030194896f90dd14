import type { LiaisonDb } from '../db/database';
import type { Finding, SubjectKind } from '../domain';
import { dueHorizon, followUpFindingsFromIndex } from './followups';
import { openFollowUpsBy } from './repo';
import { loadNoteSettings } from './settings';

type Subject = { kind: SubjectKind; id: string; findings: Finding[] };

/** Adds follow-up findings to a page's answer, so the badge shows them; the rules' findings come first. */
export function mergeFollowUps<S extends Subject>(subjects: S[], followUps: readonly Finding[]): S[] {
  if (!followUps.length) return subjects;
  return subjects.map((s) => {
    const extra = s.kind === 'student' ? followUps.filter((f) => f.subject.id === s.id) : [];
    return extra.length ? { ...s, findings: [...s.findings, ...extra] } : s;
  });
}

/** Reads the page's students' open follow-ups and merges their findings into the worker's answer. */
export async function withNoteFollowUps<S extends Subject>(
  db: LiaisonDb,
  site: string,
  asOf: string,
  subjects: S[],
): Promise<S[]> {
  const studentIds = subjects.filter((s) => s.kind === 'student').map((s) => s.id);
  return mergeFollowUps(subjects, await followUpFindingsFor(db, site, asOf, studentIds));
}

/** Follow-up findings for some students of a site, with the user's lead time. */
export async function followUpFindingsFor(
  db: LiaisonDb,
  site: string,
  asOf: string,
  studentIds: readonly string[],
): Promise<Finding[]> {
  if (!studentIds.length) return [];
  const { leadDays } = await loadNoteSettings(db);
  // From the index alone: the worker holds no key, and badges must show follow-ups while notes are locked.
  return followUpFindingsFromIndex(
    await openFollowUpsBy(db, dueHorizon(asOf, leadDays), { site, studentIds }),
    asOf,
    leadDays,
  );
}
