import type { LiaisonDb } from '../db/database';
import type { Finding, SubjectKind } from '../domain';
import type { GradedFinding } from '../domain/severity';
import { dueHorizon, followUpFindingsFromIndex } from './followups';
import { openFollowUpsBy } from './repo';
import { loadNoteSettings } from './settings';

/**
 * A subject with its findings, whole or as codes and severities (a page's list); null findings: not checked yet,
 * which a follow-up does not change.
 */
type Subject = { kind: SubjectKind; id: string; findings: readonly GradedFinding[] | null };

/**
 * Adds follow-up findings to subjects' findings, so the badge and the side panel show them; the rules' findings
 * come first. A subject not checked yet (findings null) stays so.
 */
export function mergeFollowUps<S extends Subject>(subjects: S[], followUps: readonly Finding[]): S[] {
  if (!followUps.length) return subjects;
  return subjects.map((s) => {
    if (s.kind !== 'student' || !s.findings) return s;
    const extra = followUps.filter((f) => f.subject.id === s.id);
    return extra.length ? { ...s, findings: [...s.findings, ...extra] } : s;
  });
}

/** Reads the subjects' students' open follow-ups and merges their findings in (mergeFollowUps). */
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
