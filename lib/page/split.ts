import type { Snapshot } from '../domain';

/**
 * A part's budget, in characters of JSON: well under the worker's 5 MB message limit, which counts every
 * character as up to three bytes. A typical 2,000-row list goes in one message, a 10,000-row list in a few.
 */
export const PART_BUDGET_CHARS = 1_200_000;

/**
 * Splits a big page's Snapshot into parts the worker takes one at a time: a 10,000-row list, or rows with huge
 * fields, are still read whole, and no message nears the size limit.
 */
export function splitSnapshot(snap: Snapshot, budget = PART_BUDGET_CHARS, knownSize?: number): Snapshot[] {
  const size = (r: unknown) => JSON.stringify(r).length;
  // The caller often has the page's JSON already (to skip identical re-reads): no need to make it twice.
  if ((knownSize ?? size(snap)) <= budget) return [snap];
  const parts: Snapshot[] = [];
  let students: Snapshot['students'] = [];
  let staff: Snapshot['staff'] = [];
  let used = 0;
  const flush = () => {
    if (!students.length && !staff.length) return;
    parts.push({ ...snap, students, staff, diagnostics: parts.length ? [] : snap.diagnostics });
    students = [];
    staff = [];
    used = 0;
  };
  for (const s of snap.students) {
    const n = size(s);
    if (used + n > budget) flush();
    students.push(s);
    used += n;
  }
  for (const s of snap.staff) {
    const n = size(s);
    if (used + n > budget) flush();
    staff.push(s);
    used += n;
  }
  flush();
  return parts;
}
