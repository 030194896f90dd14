import type { FindingRow, StaffRow, StudentRow } from '../db/database';
import { daysBetween } from '../compliance/days';
import { worstSeverity, type Finding, type SubjectKind } from '../domain';
import { capFor } from './caps';
import { StaffRowIndex } from './staff-index';
import type { DistrictView, Expiring, Load, StaffLine, StudentLine } from './types';

export interface DistrictInput {
  students: readonly StudentRow[];
  staff: readonly StaffRow[];
  findings: readonly FindingRow[];
}

export interface DistrictOptions {
  asOf: string;
  /** Local caps by position (rule settings `caseloadCaps`). */
  caseloadCaps?: Readonly<Record<string, number>>;
  /** Credentials expiring within this many days are listed (expired ones too). */
  expiringDays?: number;
}

const NONE: Finding[] = [];

/**
 * How the district view ranks a finding. An expired credential is never below warning here: the rules call it
 * info when no assignment of the person is known (nothing it authorizes is at stake on the pages read), but an
 * administrator reading the district list must still act on it (renewal, HR), whatever caseload is known.
 */
export function districtFinding(f: Finding): Finding {
  return f.code === 'CREDENTIAL_EXPIRED' && f.severity === 'info' ? { ...f, severity: 'warning' } : f;
}

const forDistrict = (list: Finding[]) =>
  list.some((f) => districtFinding(f) !== f) ? list.map(districtFinding) : list;

/** A stored page address the view may link to: http or https only (never javascript: or an import's file name). */
export function linkable(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return /^https?:$/.test(new URL(url).protocol) ? url : null;
  } catch {
    return null;
  }
}

/** Findings rows by site, kind, school and id in nested maps: no key strings built per lookup. */
function findingsIndex(rows: readonly FindingRow[]) {
  const bySite = new Map<string, Record<SubjectKind, Map<string, Map<string, Finding[]>>>>();
  for (const r of rows) {
    let s = bySite.get(r.site);
    if (!s) bySite.set(r.site, (s = { student: new Map(), staff: new Map() }));
    const bySchool = s[r.kind].get(r.school) ?? s[r.kind].set(r.school, new Map()).get(r.school)!;
    bySchool.set(r.id, r.findings);
  }
  return (site: string, kind: SubjectKind, school: string, id: string) =>
    bySite.get(site)?.[kind].get(school)?.get(id) ?? NONE;
}

/**
 * Everything the district view shows, from the cached rows in one pass each: students and staff with their
 * stored findings, caseloads per case manager and per provider against caps, and expiring credentials.
 * Pure, so the 50,000-student bench times exactly what the page runs.
 */
export function buildDistrict(input: DistrictInput, opts: DistrictOptions): DistrictView {
  const findingsOf = findingsIndex(input.findings);
  const index = new StaffRowIndex(input.staff);
  const cmCounts = new Map<StaffRow, number>();
  const providerCounts = new Map<StaffRow, number>();
  const schools = new Set<string>();
  const codes = new Map<string, string>();
  const addCodes = (list: Finding[]) => {
    for (const x of list) if (!codes.has(x.code)) codes.set(x.code, x.title);
  };
  const providers: StaffRow[] = [];

  const students: StudentLine[] = input.students.map((row) => {
    const s = row.record;
    const cm = index.caseManager(row.site, s.caseManager);
    if (cm) cmCounts.set(cm, (cmCounts.get(cm) ?? 0) + 1);
    // Each provider counts a student once, however many services they give them.
    providers.length = 0;
    for (const sv of s.services ?? []) {
      const p = index.provider(row.site, sv);
      if (p && !providers.includes(p)) providers.push(p);
    }
    for (const p of providers) providerCounts.set(p, (providerCounts.get(p) ?? 0) + 1);
    const f = forDistrict(findingsOf(row.site, 'student', row.school, row.id));
    addCodes(f);
    if (s.school) schools.add(s.school);
    return {
      site: row.site,
      id: row.id,
      name: s.name,
      school: s.school ?? '',
      schoolKey: row.school,
      grade: s.grade ?? '',
      caseManagerKey: cm ? index.keyOf(cm) : null,
      caseManagerName: cm?.record.name ?? s.caseManager?.name ?? '',
      findings: f,
      severity: worstSeverity(f),
      seenAt: row.seenAt,
      url: row.url,
      recordUrl: linkable(row.recordUrl),
    };
  });

  const staff: StaffLine[] = input.staff.map((row) => {
    const f = forDistrict(findingsOf(row.site, 'staff', '', row.id));
    addCodes(f);
    return {
      site: row.site,
      id: row.id,
      name: row.record.name,
      position: row.record.position ?? '',
      findings: f,
      severity: worstSeverity(f),
      seenAt: row.seenAt,
      url: row.url,
      recordUrl: linkable(row.recordUrl),
    };
  });

  const loads = (counts: Map<StaffRow, number>, role: Load['role']): Load[] =>
    [...counts]
      .map(([r, count]) => {
        const cap = capFor(r.record, opts.caseloadCaps ?? {});
        return {
          key: index.keyOf(r),
          site: r.site,
          staffId: r.id,
          name: r.record.name,
          position: r.record.position ?? '',
          role,
          count,
          cap: cap?.max ?? null,
          capSource: cap?.source ?? null,
        };
      })
      .sort(byLoad);

  const caseManagers = loads(cmCounts, 'case-manager');
  return {
    students,
    staff,
    caseManagers,
    providers: loads(providerCounts, 'provider'),
    expiring: expiringCredentials(input.staff, opts.asOf, opts.expiringDays ?? 60),
    facets: {
      schools: [...schools].sort(),
      caseManagers: caseManagers
        .map((l) => ({ key: l.key, name: l.name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      codes: [...codes]
        .map(([code, title]) => ({ code, title }))
        .sort((a, b) => a.title.localeCompare(b.title) || a.code.localeCompare(b.code)),
    },
  };
}

/** Most over their cap first (by how far over), then the largest caseloads. */
function byLoad(a: Load, b: Load): number {
  const over = (l: Load) => (l.cap === null ? -Infinity : l.count - l.cap);
  return over(b) - over(a) || b.count - a.count || a.name.localeCompare(b.name);
}

export const isOverCap = (l: Load) => l.cap !== null && l.count > l.cap;

/** Credential documents that expired or expire within `days` of `asOf`, soonest first. */
export function expiringCredentials(staff: readonly StaffRow[], asOf: string, days: number): Expiring[] {
  const out: Expiring[] = [];
  for (const r of staff) {
    for (const c of r.record.credentials ?? []) {
      if (!c.expires) continue;
      const left = daysBetween(asOf, c.expires);
      if (left <= days)
        out.push({
          site: r.site,
          staffId: r.id,
          name: r.record.name,
          title: c.title ?? (c.authorizations ?? []).join(' '),
          expires: c.expires,
          days: left,
        });
    }
  }
  return out.sort((a, b) => a.days - b.days || a.name.localeCompare(b.name));
}
