import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import type { DistrictInput } from '../../lib/district/aggregate';
import { loadDistrictProgressively, type LoadProgress } from '../../lib/district/load';

/**
 * The district view's rows, read in chunks: the first page shows after the first chunk while the rest loads
 * with progress. Not a live query: re-reading 50,000 rows on every page the worker reads would cost more than
 * it shows, so the page reloads after its own changes (import, forget) and on request.
 */
export function useDistrictData(db: LiaisonDb, site: string | null, ready: boolean) {
  const [input, setInput] = useState<DistrictInput | null>(null);
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (!ready) return;
    let live = true;
    setError(null);
    loadDistrictProgressively(db, site, {
      onPartial: (p) => live && setInput(p),
      onProgress: (p) => live && setProgress(p),
    }).then(
      (all) => {
        if (!live) return;
        setInput(all);
        setProgress(null);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [db, site, ready, generation]);

  return { input, progress, error, reload };
}
