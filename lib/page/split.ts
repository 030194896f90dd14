import type { Snapshot } from '../domain';

/** Records per message: a 2,000-row list goes in two or so, each well under the worker's size limit. */
export const RECORDS_PER_PART = 1500;

/**
 * Splits a big page's Snapshot into parts the worker takes one at a time: a 10,000-row list is still read
 * whole, no message nears the size limit, and no single check or serialization blocks for long.
 */
export function splitSnapshot(snap: Snapshot, max = RECORDS_PER_PART): Snapshot[] {
  if (snap.students.length + snap.staff.length <= max) return [snap];
  const parts: Snapshot[] = [];
  const push = (students: Snapshot['students'], staff: Snapshot['staff']) =>
    parts.push({ ...snap, students, staff, diagnostics: parts.length ? [] : snap.diagnostics });
  for (let i = 0; i < snap.students.length; i += max) push(snap.students.slice(i, i + max), []);
  for (let i = 0; i < snap.staff.length; i += max) push([], snap.staff.slice(i, i + max));
  return parts;
}
