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

/**
 * Which page (URL) last gave each field of a stored record its value: `name`, `grade`, `iep.nextAnnual`,
 * `caseManager.staffId`… Kept beside the record (StudentRow/StaffRow `sources`) so a thinner page cannot erase
 * what another page showed. Rows stored before sources existed count every field as the row's `url`'s.
 */
export type FieldSources = Record<string, string>;

/** The page a merge comes from, and what is known of where the stored fields came from. */
export interface MergeFrom {
  url: string;
  /** The stored row's sources; absent for rows stored before they were kept. */
  sources?: FieldSources;
  /** The stored row's `url`: stands for the source of every field `sources` does not name. */
  rowUrl?: string;
}

/** What a merge returns: the record and, for the row, each field's source after it. */
export interface Merged<T> {
  record: T;
  sources: FieldSources;
}

/** Blank: shown, but shown empty (null, '', []). Undefined is "not shown" and never reaches here. */
const blank = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * A name too thin to be one: no two letters ("x", "1001", "-", "?"). Such a name never replaces a stored one,
 * whatever the page: a SIS that shows a student shows their name.
 */
export const placeholderName = (name: string | null | undefined) => !/\p{L}[^\p{L}]*\p{L}/u.test(name ?? '');

class Merge {
  readonly out: FieldSources;
  constructor(readonly from: MergeFrom | undefined) {
    this.out = { ...(from?.sources ?? {}) };
  }
  /** The page that gave `key` its stored value, as far as Liaison knows. */
  source(key: string): string | undefined {
    return this.from?.sources?.[key] ?? this.from?.rowUrl;
  }
  /**
   * Whether the page's value for `key` replaces the stored one. Not shown (undefined): never. A value: yes (a page
   * adds what it shows). Blank over a stored value (the erasure a thin or forged page would make): only when the
   * stored value came from this same URL, which now shows it empty; otherwise the other page's value is kept.
   * Without a page (imports, tests: `from` absent) blanks are taken as before.
   */
  takes(key: string, before: unknown, next: unknown): boolean {
    if (next === undefined) return false;
    if (!blank(next) || before === undefined || blank(before) || !this.from) return this.mark(key);
    return this.source(key) === this.from.url ? this.mark(key) : false;
  }
  /** A nested object taken whole (a new record, someone else's case manager): its fields are this page's now. */
  markFields(prefix: string, obj: object | null | undefined): void {
    if (obj) for (const [k, v] of Object.entries(obj)) if (v !== undefined) this.mark(prefix + k);
  }
  private mark(key: string): true {
    if (this.from) this.out[key] = this.from.url;
    return true;
  }
  overlay<T extends object>(old: T, next: T, prefix = '', skip: readonly string[] = []): T {
    const out = { ...old } as Record<string, unknown>;
    const before = old as Record<string, unknown>;
    for (const [k, v] of Object.entries(next)) {
      if (skip.includes(k)) continue;
      if (this.takes(prefix + k, before[k], v)) out[k] = v;
    }
    return out as T;
  }
  /**
   * Renaming. A stored name is replaced only by a real name (not `placeholderName`) from a page that may speak for
   * the whole record: the page that stored the name, or one that shows at least every field the stored record
   * has. A list or a forged page that names an id with some other name ("1001 / x") adds nothing to the name.
   */
  name<T extends { name: string }>(merged: T, old: T, next: T): void {
    if (next.name === old.name || placeholderName(next.name)) return;
    const sameSource = !this.from || this.source('name') === this.from.url || placeholderName(old.name);
    const whole = Object.entries(old).every(
      ([k, v]) => v === undefined || blank(v) || (next as Record<string, unknown>)[k] !== undefined,
    );
    if (sameSource || whole) {
      merged.name = next.name;
      if (this.from) this.out.name = this.from.url;
    }
  }
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
 * A thinner page adds what it shows: it neither erases (`Merge.takes`) nor renames (`Merge.name`).
 */
export function mergeStudent(old: Student | undefined, next: Student, from?: MergeFrom): Student {
  return mergeStudentFrom(old, next, from).record;
}

export function mergeStudentFrom(old: Student | undefined, next: Student, from?: MergeFrom): Merged<Student> {
  const m = new Merge(from);
  if (!old) {
    m.overlay({} as Student, next);
    m.markFields('caseManager.', next.caseManager);
    m.markFields('iep.', next.iep);
    return { record: next, sources: m.out };
  }
  const merged = m.overlay(old, next, '', ['name', 'caseManager', 'iep']);
  m.name(merged, old, next);
  if (old.caseManager && next.caseManager && samePerson(old.caseManager, next.caseManager)) {
    merged.caseManager = m.overlay(old.caseManager, next.caseManager, 'caseManager.');
  } else if (m.takes('caseManager', old.caseManager, next.caseManager)) {
    merged.caseManager = next.caseManager;
    m.markFields('caseManager.', next.caseManager);
  }
  if (old.iep && next.iep) merged.iep = m.overlay(old.iep, next.iep, 'iep.');
  else if (m.takes('iep', old.iep, next.iep)) {
    merged.iep = next.iep;
    m.markFields('iep.', next.iep);
  }
  return { record: merged, sources: m.out };
}

/**
 * A staff list may show a credential's title and expiration while the staff page also shows its authorizations and
 * issue date: documents with the same title are merged so neither page erases what the other showed.
 */
export function mergeStaff(old: Staff | undefined, next: Staff, from?: MergeFrom): Staff {
  return mergeStaffFrom(old, next, from).record;
}

export function mergeStaffFrom(old: Staff | undefined, next: Staff, from?: MergeFrom): Merged<Staff> {
  const m = new Merge(from);
  if (!old) {
    m.overlay({} as Staff, next);
    return { record: next, sources: m.out };
  }
  const merged = m.overlay(old, next, '', ['name', 'credentials']);
  m.name(merged, old, next);
  if (old.credentials?.length && next.credentials?.length) {
    m.takes('credentials', old.credentials, next.credentials);
    const byTitle = new Map(old.credentials.map((c) => [titleKey(c.title), c]));
    merged.credentials = next.credentials.map((c) => {
      const before = byTitle.get(titleKey(c.title));
      return before && titleKey(c.title) ? overlayShown(before, c) : c;
    });
  } else if (m.takes('credentials', old.credentials, next.credentials)) merged.credentials = next.credentials;
  return { record: merged, sources: m.out };
}

/** Fields a page did not show (undefined) keep what an earlier page showed; fields it showed win. */
function overlayShown<T extends object>(old: T, next: T): T {
  const out = { ...old } as Record<string, unknown>;
  for (const [k, v] of Object.entries(next)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Titles equal whatever their punctuation: a printable report that drops commas names the same document. */
const titleKey = (t: string | null | undefined) =>
  (t ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
