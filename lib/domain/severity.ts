/** Severity ranking without the schemas, so the content script can rank findings without bundling zod. */
export type SeverityLevel = 'error' | 'warning' | 'info';

/** A finding's code and severity: what a list is sorted and labelled by, without the finding's text. */
export interface GradedFinding {
  code: string;
  severity: SeverityLevel;
}

const rank: Record<SeverityLevel | 'none', number> = { none: 0, info: 1, warning: 2, error: 3 };

/** A severity's place in the ranking (none 0 … error 3), for sorting by it. */
export function severityRank(severity: SeverityLevel | 'none'): number {
  return rank[severity];
}

/** The highest severity among findings, or `none`. */
export function worstSeverity(findings: readonly { severity: SeverityLevel }[]): SeverityLevel | 'none' {
  let worst: SeverityLevel | 'none' = 'none';
  for (const f of findings) if (rank[f.severity] > rank[worst]) worst = f.severity;
  return worst;
}
