import { personNameKey, type Staff, type Student } from '../domain';

/** Keys under which a staff member can be referred to, for the multi-entry indexes. */
export function staffRefKeys(site: string, staff: Pick<Staff, 'id' | 'name'>): string[] {
  const keys = [`${site}|id:${staff.id}`];
  const name = personNameKey(staff.name);
  if (name) keys.push(`${site}|name:${name}`);
  return keys;
}

/** Keys of every staff member a student refers to (case manager and providers), by id and by name. */
export function studentStaffRefs(site: string, s: Student): string[] {
  const keys = new Set<string>();
  const add = (id?: string | null, name?: string | null) => {
    if (id) keys.add(`${site}|id:${id}`);
    const n = personNameKey(name);
    if (n) keys.add(`${site}|name:${n}`);
  };
  add(s.caseManager?.staffId, s.caseManager?.name);
  for (const sv of s.services ?? []) add(sv.providerStaffId, sv.providerName);
  return [...keys];
}

/** Fields a page did not show (undefined) keep what an earlier page showed; fields it showed win. */
function overlay<T extends object>(old: T, next: T): T {
  const out = { ...old } as Record<string, unknown>;
  for (const [k, v] of Object.entries(next)) if (v !== undefined) out[k] = v;
  return out as T;
}

function samePerson(a: { staffId?: string | null; name?: string | null }, b: typeof a): boolean {
  if (a.staffId && b.staffId) return a.staffId === b.staffId;
  const an = personNameKey(a.name);
  const bn = personNameKey(b.name);
  return !an || !bn || an === bn;
}

/**
 * Merges what a page showed of a student into what Liaison knew. A list page that shows only the case
 * manager's name must not erase the id and role the student page showed, unless it names someone else.
 */
export function mergeStudent(old: Student | undefined, next: Student): Student {
  if (!old) return next;
  const merged = overlay(old, next);
  if (old.caseManager && next.caseManager && samePerson(old.caseManager, next.caseManager)) {
    merged.caseManager = overlay(old.caseManager, next.caseManager);
  }
  if (old.iep && next.iep) merged.iep = overlay(old.iep, next.iep);
  return merged;
}

/**
 * A staff list may show a credential's title and expiration while the staff page also shows its authorizations and
 * issue date: documents with the same title are merged so neither page erases what the other showed.
 */
export function mergeStaff(old: Staff | undefined, next: Staff): Staff {
  if (!old) return next;
  const merged = overlay(old, next);
  if (old.credentials?.length && next.credentials?.length) {
    const byTitle = new Map(old.credentials.map((c) => [titleKey(c.title), c]));
    merged.credentials = next.credentials.map((c) => {
      const before = byTitle.get(titleKey(c.title));
      return before && titleKey(c.title) ? overlay(before, c) : c;
    });
  }
  return merged;
}

/** Titles equal whatever their punctuation: a printable report that drops commas names the same document. */
const titleKey = (t: string | null | undefined) => (t ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
