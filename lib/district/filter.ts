import type { Severity } from '../domain';
import type { StaffLine, StudentLine } from './types';

/** The district view's filters; an empty value means "any". */
export interface DistrictFilter {
  school?: string;
  /** `site|staffId` of a case manager. */
  caseManager?: string;
  code?: string;
  severity?: Severity | '';
  /** Only records with at least one finding (the default view: mismatches). */
  withFindings?: boolean;
}

type Line = Pick<StudentLine, 'findings'>;

function findingsMatch(line: Line, f: DistrictFilter): boolean {
  if (f.withFindings && !line.findings.length) return false;
  if (!f.code && !f.severity) return true;
  return line.findings.some((x) => (!f.code || x.code === f.code) && (!f.severity || x.severity === f.severity));
}

export function filterStudents(lines: readonly StudentLine[], f: DistrictFilter): StudentLine[] {
  return lines.filter(
    (l) =>
      (!f.school || l.school === f.school) &&
      (!f.caseManager || l.caseManagerKey === f.caseManager) &&
      findingsMatch(l, f),
  );
}

/** Staff have no school or case manager: those filters leave staff out entirely rather than guess. */
export function filterStaff(lines: readonly StaffLine[], f: DistrictFilter): StaffLine[] {
  if (f.school || f.caseManager) return [];
  return lines.filter((l) => findingsMatch(l, f));
}

/** One page of a long list: the page only ever renders this many rows. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { rows: items.slice(p * size, p * size + size), page: p, pages };
}
