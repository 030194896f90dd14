import { cmp, type IndexableType, type Table } from 'dexie';

/**
 * What `table.where(index).anyOf(keys)` finds on a multi-entry index (a staff member's refs, a student's staffRefs),
 * without its cursor (issue 13): anyOf steps one cursor from key to key and row to row, and a cursor that jumps is
 * not prefetched; a getAll per key is one request, all in flight at once. With a few hundred keys and many rows each,
 * as a page's caseloads are, that is as fast or faster in Chromium and several times faster in fake-indexeddb. In key
 * order, as anyOf gives them. A row the index lists under several of the keys comes once per key: callers keep the
 * first.
 */
export function rowsWithAny<R, K>(table: Table<R, K>, index: string, keys: readonly IndexableType[]): Promise<R[]> {
  return perKey(keys, (k) => table.where(index).equals(k).toArray());
}

/** As `rowsWithAny`, the rows' primary keys only: nothing is read of the rows themselves. */
export function primaryKeysWithAny<R, K>(
  table: Table<R, K>,
  index: string,
  keys: readonly IndexableType[],
): Promise<K[]> {
  return perKey(keys, (k) => table.where(index).equals(k).primaryKeys());
}

/** One request per key, all in flight at once; their answers joined in key order. */
async function perKey<T>(keys: readonly IndexableType[], one: (key: IndexableType) => Promise<T[]>): Promise<T[]> {
  return (await Promise.all(sortedKeys(keys).map(one))).flat();
}

/** The keys once each, in IndexedDB's order. */
function sortedKeys(keys: readonly IndexableType[]): IndexableType[] {
  const sorted = [...keys].sort(cmp);
  return sorted.filter((k, i) => i === 0 || cmp(sorted[i - 1], k) !== 0);
}

/**
 * What `table.where(index).anyOf(keys)` finds on an index with one key per row (students' `[site+id]`), in the same
 * order. A page's ids are often one run of the site's ids (a roster of 2,000): when the keys' range holds few more
 * rows than keys, one count and one getAll of the range read them, filtered to the keys; otherwise anyOf's cursor,
 * which beats a getAll per key when each key has one row (measured in Chromium: 2,000 ids, 80–120 ms against 180–310).
 */
export async function rowsWithAnyKey<R, K>(
  table: Table<R, K>,
  index: string,
  keys: readonly IndexableType[],
  keyOf: (row: R) => IndexableType,
): Promise<R[]> {
  const sorted = sortedKeys(keys);
  if (!sorted.length) return [];
  const range = () => table.where(index).between(sorted[0], sorted[sorted.length - 1], true, true);
  if ((await range().count()) > 2 * sorted.length + 100) return table.where(index).anyOf(sorted).toArray();
  const wanted = new Set(sorted.map((k) => JSON.stringify(k)));
  return (await range().toArray()).filter((r) => wanted.has(JSON.stringify(keyOf(r))));
}
