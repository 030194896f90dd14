/** Every row of every object store of an IndexedDB database, read with the raw API (not through Dexie or the repo). */
export async function rawDump(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const stores = [...db.objectStoreNames];
    const tx = db.transaction(stores, 'readonly');
    const all = await Promise.all(
      stores.map(
        (s) =>
          new Promise<unknown[]>((resolve, reject) => {
            const req = tx.objectStore(s).getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          }),
      ),
    );
    return JSON.stringify(Object.fromEntries(stores.map((s, i) => [s, all[i]])));
  } finally {
    db.close();
  }
}
