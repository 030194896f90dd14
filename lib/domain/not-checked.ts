import type { GradedFinding as Graded } from './severity';

/**
 * RULES.md check 8, "Not checked yet": findings that say Liaison has not seen someone's credentials (or has no
 * staff record for them), which is not a fault of the assignment. No zod here: the content script imports it.
 */
export const NOT_CHECKED_CODES: ReadonlySet<string> = new Set([
  'CM_NOT_CHECKED',
  'PROVIDER_NOT_CHECKED',
  'PROVIDER_UNKNOWN_STAFF',
  // Not RULES.md's: the page named an id two schools' students share, so Liaison checked neither (lib/db/student-rows).
  'STUDENT_ID_AMBIGUOUS',
]);

/** One of the not-checked codes, or `STAFF_NO_CREDENTIALS` as info (never-read credentials; read-and-empty is a warning). */
export function isNotCheckedFinding(f: Graded): boolean {
  return NOT_CHECKED_CODES.has(f.code) || (f.code === 'STAFF_NO_CREDENTIALS' && f.severity === 'info');
}

/**
 * A subject reads "Not checked", never "OK", when it has a not-checked finding and no warning or error (RULES.md:
 * other info findings beside it do not change that).
 */
export function isOnlyNotChecked(findings: readonly Graded[]): boolean {
  let notChecked = false;
  for (const f of findings) {
    if (f.severity !== 'info') return false;
    if (isNotCheckedFinding(f)) notChecked = true;
  }
  return notChecked;
}
