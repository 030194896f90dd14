/**
 * What to tell the user when a write fails. Storage-full gets its own words (the browser refuses, Dexie
 * wraps it as QuotaExceededError with the DOMException inside); nothing here names note content.
 */
export function saveErrorMessage(err: unknown): string {
  const names = [errName(err), errName((err as { inner?: unknown } | null)?.inner)];
  if (names.includes('QuotaExceededError'))
    return 'Not saved: the browser’s storage for Liaison is full. Your text is still here. Free space (delete old notes or other site data), then save again.';
  if (names.includes('LockedError')) return 'Not saved: notes were locked. Unlock, then save again.';
  return `Not saved: the browser refused to store it (${names[0] || 'unknown error'}). Your text is still here; try again.`;
}

const errName = (e: unknown) => (e && typeof e === 'object' && 'name' in e && typeof e.name === 'string' ? e.name : '');
