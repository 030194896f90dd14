import { toCsv } from '../csv';
import type { Finding } from '../domain/finding';

/** Findings as CSV rows for spreadsheets (one column per field, citation flattened). */
export function findingsToCsv(findings: readonly Finding[]): string {
  return toCsv(
    ['severity', 'code', 'subject_kind', 'subject_id', 'title', 'detail', 'fix', 'citation', 'citation_url', 'pack'],
    findings.map((f) => [
      f.severity,
      f.code,
      f.subject.kind,
      f.subject.id,
      f.title,
      f.detail,
      f.fix,
      f.citation.source,
      f.citation.url,
      f.pack,
    ]),
  );
}

/** A plain-text table for terminals: one line per finding, its detail and fix indented beneath. */
export function findingsToTable(findings: readonly Finding[]): string {
  if (!findings.length) return 'No findings.\n';
  const rows = findings.map((f) => [f.severity.toUpperCase(), f.code, `${f.subject.kind} ${f.subject.id}`, f.title]);
  const head = ['SEVERITY', 'CODE', 'SUBJECT', 'TITLE'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c)).join('  ');
  const out = [line(head), line(widths.map((w) => '-'.repeat(w)))];
  findings.forEach((f, i) => {
    out.push(line(rows[i] ?? []));
    out.push(`    ${f.detail}`);
    if (f.fix) out.push(`    Fix: ${f.fix}`);
  });
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  out.push(
    '',
    `${findings.length} findings: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info.`,
  );
  return `${out.join('\n')}\n`;
}
