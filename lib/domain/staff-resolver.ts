import { personNameKey } from './names';

/**
 * The one way a staff reference (an id, a name, or both, as a student record gives its case manager or a
 * service's provider) is resolved to a staff record: the checks, the district view and the notes all use it,
 * so a person is attributed the same way everywhere (RULES.md):
 * - an id names the staff member with that id; an id with no record matches nobody (not a same-named person);
 * - without an id, a name matches only when exactly one staff member has that name key (lib/domain/names.ts):
 *   a name two people share is ambiguous and matches nobody;
 * - without an id, a "name" that is no one's name but is a staff id matches that id (exports often put the staff
 *   id in the "Case Manager" or "Provider" column).
 */
export type StaffMatch<T> =
  | { hit: T }
  | {
      hit: null;
      /** The reference as written: the name, else the id. */
      label: string;
      id: string | null;
      nameKey: string;
      /** Two or more staff members have the name. */
      ambiguous: boolean;
    };

export interface StaffResolver<T> {
  readonly byId: ReadonlyMap<string, T>;
  /** What the reference names, or null when it gives neither an id nor a name. */
  resolve(id: string | null | undefined, name: string | null | undefined): StaffMatch<T> | null;
}

/** Indexes staff by id and by name key once, so each lookup is O(1). */
export function staffResolver<T>(
  staff: Iterable<T>,
  idOf: (s: T) => string,
  nameKeyOf: (s: T) => string,
): StaffResolver<T> {
  const byId = new Map<string, T>();
  const byName = new Map<string, T | typeof AMBIGUOUS>();
  for (const s of staff) {
    byId.set(idOf(s), s);
    const key = nameKeyOf(s);
    if (key) byName.set(key, byName.has(key) ? AMBIGUOUS : s);
  }
  const resolve = (id: string | null | undefined, name: string | null | undefined): StaffMatch<T> | null => {
    const rid = id?.trim() || null;
    const rname = name?.trim() || '';
    if (!rid && !rname) return null;
    if (rid) {
      const hit = byId.get(rid);
      if (hit) return { hit };
    }
    const nameKey = personNameKey(rname);
    const byKey = nameKey ? byName.get(nameKey) : undefined;
    if (byKey !== undefined && byKey !== AMBIGUOUS && !rid) return { hit: byKey };
    const idInName = !rid && byKey === undefined ? byId.get(rname) : undefined;
    if (idInName) return { hit: idInName };
    return { hit: null, label: rname || rid!, id: rid, nameKey, ambiguous: byKey === AMBIGUOUS };
  };
  return { byId, resolve };
}

const AMBIGUOUS = Symbol('ambiguous');
