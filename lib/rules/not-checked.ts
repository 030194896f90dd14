/**
 * RULES.md check 8, "Not checked yet": findings that say Liaison has not seen someone (no staff record, or
 * credentials never read), which is not a fault of the assignment. No imports: the content script can take this
 * file without the rule pack or zod.
 */
export const NOT_CHECKED_CODES: ReadonlySet<string> = new Set(['CM_NOT_CHECKED', 'PROVIDER_NOT_CHECKED', 'PROVIDER_UNKNOWN_STAFF']);

type Graded = { code: string; severity: 'error' | 'warning' | 'info' };

/** A not-checked code, or STAFF_NO_CREDENTIALS as info (never read; read-and-empty is a warning). */
export function isNotCheckedFinding(f: Graded): boolean {
  return NOT_CHECKED_CODES.has(f.code) || (f.code === 'STAFF_NO_CREDENTIALS' && f.severity === 'info');
}

/** A subject whose findings include a not-checked one and no warning or error reads "Not checked", never "OK". */
export function isNotCheckedOnly(findings: readonly Graded[]): boolean {
  let notChecked = false;
  for (const f of findings) {
    if (f.severity !== 'info') return false;
    notChecked ||= isNotCheckedFinding(f);
  }
  return notChecked;
}
