import Papa from 'papaparse';
import type { Expiring, Load, StaffLine, StudentLine } from './types';

/**
 * CSV with a header row, RFC 4180 quoting, and cells a spreadsheet would run as a formula (=, +, -, @)
 * prefixed with a quote mark: names come from SIS pages, which the user does not control.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return Papa.unparse(
    { fields: [...header], data: rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)))) },
    { newline: '\r\n', escapeFormulae: true },
  );
}

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
    loads.map((l) => [l.site, l.staffId, l.name, l.position, l.role, l.count, l.cap, l.capSource, l.cap !== null && l.count > l.cap ? 'yes' : 'no']),
  );
}

export function expiringCsv(list: readonly Expiring[]): string {
  return toCsv(
    ['Site', 'Staff ID', 'Name', 'Credential', 'Expires', 'Days left'],
    list.map((e) => [e.site, e.staffId, e.name, e.title, e.expires, e.days]),
  );
}
