/**
 * The pages' `graded` (PageRow subjects): each subject's findings as codes and severities, so the side panel sorts
 * and labels a long list from the page row alone and reads a subject's findings only when they are shown.
 */
import type { Finding, SubjectKind } from '../domain';
import { canonicalId } from '../domain/ids';
import type { GradedFinding } from '../domain/severity';
import type { LiaisonDb, PageRow } from './database';
import { sameJson } from './ingest';

export const gradedOf = (findings: readonly Finding[]): GradedFinding[] =>
  findings.map(({ code, severity }) => ({ code, severity }));

/** A subject's key within a site: staff and students a page named without a school have school ''. */
export const subjectKey = (kind: SubjectKind, id: string, school = '') => `${kind}:${school}:${id}`;

/** Findings rows written for a site: a subject (its stored school, '' for staff) and its new findings. */
export interface Regraded {
  kind: SubjectKind;
  id: string;
  school: string;
  findings: readonly Finding[];
}

/**
 * Brings the `graded` of every page of `site` showing one of these subjects in step with their new findings (in the
 * caller's transaction, with its findings rows). Pages already in step are not written.
 */
export async function regradePages(db: LiaisonDb, site: string, rows: readonly Regraded[]): Promise<void> {
  if (!rows.length) return;
  const byKey = new Map(rows.map((r) => [subjectKey(r.kind, r.id, r.school), r.findings]));
  const changed: PageRow[] = [];
  for (const page of await db.pages.toArray()) {
    if (page.site !== site || !page.recognized) continue;
    let dirty = false;
    const subjects = page.subjects.map((s) => {
      const findings = s.ambiguous ? undefined : byKey.get(subjectKey(s.kind, canonicalId(s.id), s.school));
      if (!findings) return s;
      const graded = gradedOf(findings);
      if (sameJson(graded, s.graded)) return s;
      dirty = true;
      return { ...s, graded };
    });
    if (dirty) changed.push({ ...page, subjects });
  }
  await db.pages.bulkPut(changed);
}
