import type { LiaisonDb } from '../../lib/db/database';
import { ambiguousIdFinding, staffFindingsKey, studentFindingsKey } from '../../lib/db/student-rows';
import { todayIso } from '../../lib/dates';
import type { Finding, SubjectKind } from '../../lib/domain';
import { withNoteFollowUps } from '../../lib/notes/badge';
import { FindingList } from '../FindingList';
import { useLiveQuery } from '../useLiveQuery';

/** A subject of a page (PageRow subjects). */
export interface PageSubject {
  kind: SubjectKind;
  id: string;
  school?: string;
  ambiguous?: true;
}

/**
 * One subject's findings in full with its note follow-ups, as the badge shows them; null: not checked yet. The
 * panel's list holds only codes and severities (PageRow `graded`), so a subject's findings are read when shown.
 */
export async function subjectFindings(db: LiaisonDb, site: string, s: PageSubject): Promise<Finding[] | null> {
  if (s.kind === 'student' && s.ambiguous) return [ambiguousIdFinding(s.id)];
  const row = await db.findings.get(
    s.kind === 'staff' ? staffFindingsKey(site, s.id) : studentFindingsKey({ site, id: s.id, school: s.school ?? '' }),
  );
  if (!row) return null;
  const [one] = await withNoteFollowUps(db, site, todayIso(), [{ kind: s.kind, id: s.id, findings: row.findings }]);
  return one!.findings;
}

/** A subject's findings, updating as the worker writes them. */
export function SubjectFindings({ db, site, subject }: { db: LiaisonDb; site: string; subject: PageSubject }) {
  const { kind, id, school, ambiguous } = subject;
  const { value, error } = useLiveQuery(
    () => subjectFindings(db, site, { kind, id, school, ambiguous }),
    [db, site, kind, id, school, ambiguous],
  );
  if (error) return <p role="alert">Liaison could not read these findings. Reload the panel.</p>;
  if (value === undefined) return <p aria-busy="true">Loading…</p>;
  return value ? <FindingList findings={value} /> : <p>Checking…</p>;
}
