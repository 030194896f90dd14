import type { Citation, Finding, Severity, SubjectKind } from '../domain/finding';
import { severityRank } from '../domain/severity';
import type { RuleCode } from './codes';
import { RULE_PACK_VERSION } from './settings';

/** Collects findings for one run; every finding carries the pack version. */
export class FindingSink {
  readonly items: Finding[] = [];

  add(
    code: RuleCode,
    severity: Severity,
    subject: { kind: SubjectKind; id: string },
    title: string,
    detail: string,
    citation: Citation,
    fix?: string,
  ): void {
    const f: Finding = { code, severity, subject, title, detail, citation, pack: RULE_PACK_VERSION };
    if (fix) f.fix = fix;
    this.items.push(f);
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Deterministic order: subject (kind, id), then severity (errors first), then code, then detail. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      cmp(a.subject.kind, b.subject.kind) ||
      cmp(a.subject.id, b.subject.id) ||
      severityRank(b.severity) - severityRank(a.severity) ||
      cmp(a.code, b.code) ||
      cmp(a.detail, b.detail),
  );
}
