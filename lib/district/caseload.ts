import { studentRowKey } from '../db/student-rows';
import type { FindingRow, StaffRow, StudentRow } from '../db/database';
import { nextDueDates, type ComplianceSettings, type DueDate } from '../compliance';
import { daysBetween } from '../compliance/days';
import { severityRank, worstSeverity, type Finding, type Severity } from '../domain';
import { current, type Note } from '../notes/schema';
import { openFollowUp } from '../notes/model';
import { toCsv } from '../csv';
import { StaffRowIndex, staffKey } from './staff-index';

/** One student of a caseload: dates, services, findings and contact, with how fresh and where from. */
export interface CaseloadRow {
  site: string;
  id: string;
  /** The stored student's key (lib/db/student-rows `studentRowKey`): two schools' students may share `id`. */
  rowKey: string;
  name: string;
  grade: string;
  school: string;
  caseManagerKey: string | null;
  caseManagerName: string;
  /** The record names no case manager at all (neither id nor name): the student who needs one most. */
  noCaseManager: boolean;
  nextAnnual: string;
  nextTriennial: string;
  /** The soonest compliance date, as the badge shows it. */
  due: DueDate | null;
  services: { service: string; provider: string }[];
  findings: Finding[];
  severity: Severity | 'none';
  lastContact: string | null;
  nextFollowUp: string | null;
  seenAt: number;
  /** Whole days since Liaison last saw the record. */
  seenDays: number;
  /** The page URL it was read from, or "import: file.csv". */
  source: string;
}

/** Imported records carry `import:<file name>` where page records carry their URL. */
export const IMPORT_PREFIX = 'import:';
export const sourceLabel = (url: string) =>
  url.startsWith(IMPORT_PREFIX) ? `import: ${url.slice(IMPORT_PREFIX.length)}` : url;

export interface CaseloadInput {
  students: readonly StudentRow[];
  staff: readonly StaffRow[];
  findings: readonly FindingRow[];
  notes: readonly Note[];
}

export interface CaseloadOptions {
  asOf: string;
  now: number;
  /** `site|staffId` of "me"; absent: every student, with or without a case manager. */
  me?: string | null;
  compliance?: Partial<ComplianceSettings>;
}

/** Last contact and next open follow-up per student; private and deleted notes do not count. */
function contacts(notes: readonly Note[]): Map<string, { last: string | null; next: string | null }> {
  const out = new Map<string, { last: string | null; next: string | null }>();
  for (const n of notes) {
    const v = current(n);
    if (n.deletedAt !== null || v.private) continue;
    const key = staffKey(n.site, n.studentId);
    const e = out.get(key) ?? { last: null, next: null };
    const at = v.at.slice(0, 10);
    if (!e.last || at > e.last) e.last = at;
    const fu = openFollowUp(n);
    if (fu && (!e.next || fu < e.next)) e.next = fu;
    out.set(key, e);
  }
  return out;
}

const serviceText = (s: { code?: string | null; name?: string | null }) => [s.code, s.name].filter(Boolean).join(' - ');

export function caseloadRows(input: CaseloadInput, opts: CaseloadOptions): CaseloadRow[] {
  const index = new StaffRowIndex(input.staff);
  const findings = new Map(
    input.findings.filter((r) => r.kind === 'student').map((r) => [studentRowKey(r), r.findings]),
  );
  const notes = contacts(input.notes);
  const rows: CaseloadRow[] = [];
  for (const row of input.students) {
    const s = row.record;
    const noCaseManager = !s.caseManager?.staffId && !s.caseManager?.name;
    if (noCaseManager && opts.me) continue;
    const cm = s.caseManager && !noCaseManager ? index.caseManager(row.site, s.caseManager) : null;
    const cmKey = cm ? staffKey(cm.site, cm.id) : null;
    if (opts.me && cmKey !== opts.me) continue;
    const f = findings.get(studentRowKey(row)) ?? [];
    const c = notes.get(staffKey(row.site, row.id));
    rows.push({
      site: row.site,
      id: row.id,
      rowKey: studentRowKey(row),
      name: s.name,
      grade: s.grade ?? '',
      school: s.school ?? '',
      caseManagerKey: cmKey,
      caseManagerName: cm?.record.name ?? s.caseManager?.name ?? s.caseManager?.staffId ?? '',
      noCaseManager,
      nextAnnual: s.iep?.nextAnnual ?? '',
      nextTriennial: s.iep?.nextTriennial ?? '',
      due: nextDueDates(s, { asOf: opts.asOf, settings: opts.compliance })[0] ?? null,
      services: (s.services ?? []).map((sv) => ({
        service: serviceText(sv),
        provider: index.provider(row.site, sv)?.record.name ?? sv.providerName ?? sv.providerStaffId ?? '',
      })),
      findings: f,
      severity: worstSeverity(f),
      lastContact: c?.last ?? null,
      nextFollowUp: c?.next ?? null,
      seenAt: row.seenAt,
      seenDays: Math.max(0, Math.floor((opts.now - row.seenAt) / 86_400_000)),
      source: sourceLabel(row.url),
    });
  }
  return rows;
}

export type CaseloadSortKey =
  'name' | 'nextAnnual' | 'nextTriennial' | 'due' | 'findings' | 'lastContact' | 'nextFollowUp' | 'seen';

// Empty dates sort last whatever the direction: an unknown date is never "soonest".
const dateKey = (d: string | null | undefined) => d || '\uffff';
const KEYS: Record<CaseloadSortKey, (r: CaseloadRow) => string | number> = {
  name: (r) => r.name.toLowerCase(),
  nextAnnual: (r) => dateKey(r.nextAnnual),
  nextTriennial: (r) => dateKey(r.nextTriennial),
  due: (r) => dateKey(r.due?.due),
  findings: (r) => -(severityRank(r.severity) * 1000 + r.findings.length),
  lastContact: (r) => dateKey(r.lastContact),
  nextFollowUp: (r) => dateKey(r.nextFollowUp),
  seen: (r) => -r.seenAt,
};

export function sortCaseload(
  rows: readonly CaseloadRow[],
  key: CaseloadSortKey,
  dir: 'asc' | 'desc' = 'asc',
): CaseloadRow[] {
  const k = KEYS[key];
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = k(a);
    const y = k(b);
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.name.localeCompare(b.name);
  });
}

export interface CaseloadFilter {
  text?: string;
  withFindings?: boolean;
  /** Only students with a compliance date within this many days (or overdue). */
  dueWithinDays?: number | null;
}

export function filterCaseload(rows: readonly CaseloadRow[], f: CaseloadFilter, asOf: string): CaseloadRow[] {
  const q = f.text?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!q || r.name.toLowerCase().includes(q) || r.id.toLowerCase().includes(q)) &&
      (!f.withFindings || r.findings.length > 0) &&
      (f.dueWithinDays == null || (r.due !== null && daysBetween(asOf, r.due.due) <= f.dueWithinDays)),
  );
}

export const NO_CASE_MANAGER = 'No case manager';

export interface CaseManagerGroup {
  key: string;
  name: string;
  /** The group of students whose record names no case manager. */
  none: boolean;
  rows: CaseloadRow[];
}

/**
 * Rows grouped by case manager (name order), for the "everyone" view; students with no case manager come first,
 * in a group of their own: nobody else is watching their dates.
 */
export function groupByCaseManager(rows: readonly CaseloadRow[]): CaseManagerGroup[] {
  const groups = new Map<string, CaseManagerGroup>();
  for (const r of rows) {
    const key = r.noCaseManager ? '' : (r.caseManagerKey ?? `?${r.caseManagerName}`);
    const name = r.noCaseManager ? NO_CASE_MANAGER : r.caseManagerName || 'Unknown case manager';
    const g = groups.get(key) ?? groups.set(key, { key, name, none: r.noCaseManager, rows: [] }).get(key)!;
    g.rows.push(r);
  }
  return [...groups.values()].sort((a, b) => Number(b.none) - Number(a.none) || a.name.localeCompare(b.name));
}

export function caseloadCsv(rows: readonly CaseloadRow[]): string {
  return toCsv(
    [
      'Site',
      'Student ID',
      'Student',
      'Grade',
      'School',
      'Case manager',
      'Next annual',
      'Next triennial',
      'Soonest due',
      'Services',
      'Providers',
      'Finding codes',
      'Last contact',
      'Next follow-up',
      'Seen (days ago)',
      'Source',
    ],
    rows.map((r) => [
      r.site,
      r.id,
      r.name,
      r.grade,
      r.school,
      r.caseManagerName,
      r.nextAnnual,
      r.nextTriennial,
      r.due?.label ?? '',
      r.services.map((s) => s.service).join('; '),
      r.services.map((s) => s.provider).join('; '),
      r.findings.map((f) => f.code).join(' '),
      r.lastContact ?? '',
      r.nextFollowUp ?? '',
      r.seenDays,
      r.source,
    ]),
  );
}
