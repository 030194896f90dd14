/**
 * Fits what was read into the Snapshot schema's limits before it is sent. The worker rejects a whole snapshot
 * when one value is over a limit, so without this one 1 MB name or a row of 10,000 services would leave every
 * record on the page unchecked. Long texts are cut, long lists shortened, each with a diagnostic naming the
 * field; a record whose id is over the limit is dropped (a cut id would be another student's id), and its
 * marker anchor with it (fitsId).
 */
import type { SnapshotStaff, SnapshotStudent } from '../../domain';
import type { Diagnostics } from './diagnostics';

/** The limits of lib/domain/records.ts and snapshot.ts. */
export const LIMITS = { text: 2000, provenance: 300, services: 100, credentials: 200, authorizations: 100 } as const;

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  // Do not leave half a surrogate pair at the end.
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
}

/** Cuts every string property of a flat object in place; nested objects are handled by the callers. */
function cutStrings(o: Record<string, unknown>, prefix: string, d: Diagnostics): void {
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string' && v.length > LIMITS.text) {
      o[k] = cut(v, LIMITS.text);
      d.add('warning', `${prefix}${k}: longer than ${LIMITS.text} characters; cut`, `${prefix}${k}`);
    }
  }
}

/** Shortens o[key] in place when it is a list over `max`; a missing list stays missing (unknown, not empty). */
function capList<K extends string>(
  o: Partial<Record<K, unknown[]>>,
  key: K,
  max: number,
  field: string,
  d: Diagnostics,
): void {
  const list = o[key];
  if (!list || list.length <= max) return;
  d.add('warning', `${field}: more than ${max} entries; only the first ${max} were read`, field);
  o[key] = list.slice(0, max);
}

function fitProvenance(p: Record<string, string> | undefined): void {
  if (p) for (const [k, v] of Object.entries(p)) if (v.length > LIMITS.provenance) p[k] = cut(v, LIMITS.provenance);
}

/** Fits a student into the limits; each cut is reported to `d` (messages name fields, never values). */
export function fitStudent(s: SnapshotStudent, d: Diagnostics): void {
  cutStrings(s as Record<string, unknown>, '', d);
  if (s.caseManager) cutStrings(s.caseManager as Record<string, unknown>, 'caseManager.', d);
  capList(s, 'services', LIMITS.services, 'services', d);
  for (const v of s.services ?? []) cutStrings(v as Record<string, unknown>, 'services.', d);
  fitProvenance(s.provenance);
}

export function fitStaff(t: SnapshotStaff, d: Diagnostics): void {
  cutStrings(t as Record<string, unknown>, '', d);
  capList(t, 'credentials', LIMITS.credentials, 'credentials', d);
  for (const c of t.credentials ?? []) {
    cutStrings(c as Record<string, unknown>, 'credentials.', d);
    capList(c, 'authorizations', LIMITS.authorizations, 'credentials.authorizations', d);
    if (c.authorizations?.some((a) => a.length > LIMITS.text))
      c.authorizations = c.authorizations.map((a) => cut(a, LIMITS.text));
  }
  fitProvenance(t.provenance);
}

/** An id the schema accepts whole: a cut id would be another record's id, so a longer one is no id. */
export const fitsId = (id: string) => id.length > 0 && id.length <= LIMITS.text;
