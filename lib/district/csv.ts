import { toCsv } from '../csv';
import type { Expiring, Load, StaffLine, StudentLine } from './types';

const codes = (l: { findings: { code: string }[] }) => [...new Set(l.findings.map((f) => f.code))].join(' ');
const titles = (l: { findings: { title: string }[] }) => l.findings.map((f) => f.title).join('; ');

export function studentsCsv(lines: readonly StudentLine[]): string {
  return toCsv(
    ['Site', 'Student ID', 'Student', 'School', 'Grade', 'Case manager', 'Severity', 'Finding codes', 'Findings'],
    lines.map((l) => [l.site, l.id, l.name, l.school, l.grade, l.caseManagerName, l.severity, codes(l), titles(l)]),
  );
}

export function staffCsv(lines: readonly StaffLine[]): string {
  return toCsv(
    ['Site', 'Staff ID', 'Name', 'Position', 'Severity', 'Finding codes', 'Findings'],
    lines.map((l) => [l.site, l.id, l.name, l.position, l.severity, codes(l), titles(l)]),
  );
}

export function loadsCsv(loads: readonly Load[]): string {
  return toCsv(
    ['Site', 'Staff ID', 'Name', 'Position', 'Role', 'Students', 'Cap', 'Cap source', 'Over cap'],
    loads.map((l) => [
      l.site,
      l.staffId,
      l.name,
      l.position,
      l.role,
      l.count,
      l.cap,
      l.capSource,
      l.cap !== null && l.count > l.cap ? 'yes' : 'no',
    ]),
  );
}

export function expiringCsv(list: readonly Expiring[]): string {
  return toCsv(
    ['Site', 'Staff ID', 'Name', 'Credential', 'Expires', 'Days left'],
    list.map((e) => [e.site, e.staffId, e.name, e.title, e.expires, e.days]),
  );
}
