import { cmp, type IndexableType, type Table } from 'dexie';

/**
 * What `table.where(index).anyOf(keys)` finds, without its cursor (issue 13): anyOf steps one cursor from key to key
 * and row to row, one request each, and Chrome cannot prefetch a cursor that jumps; a getAll per key is one request,
 * and all of them are in flight at once. In key order, as anyOf gives them. A row that a multi-entry index lists
 * under several of the keys comes once per key: callers keep the first.
 */
export async function rowsWithAny<R, K>(
  table: Table<R, K>,
  index: string,
  keys: readonly IndexableType[],
): Promise<R[]> {
  const lists = await Promise.all(sortedKeys(keys).map((k) => table.where(index).equals(k).toArray()));
  return lists.flat();
}

/** As `rowsWithAny`, the rows' primary keys only: nothing is read of the rows themselves. */
export async function primaryKeysWithAny<R, K>(
  table: Table<R, K>,
  index: string,
  keys: readonly IndexableType[],
): Promise<K[]> {
  const lists = await Promise.all(sortedKeys(keys).map((k) => table.where(index).equals(k).primaryKeys()));
  return lists.flat();
}

/** The keys once each, in IndexedDB's order. */
function sortedKeys(keys: readonly IndexableType[]): IndexableType[] {
  const sorted = [...keys].sort(cmp);
  return sorted.filter((k, i) => i === 0 || cmp(sorted[i - 1], k) !== 0);
}
