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

/**
 * Runs a write the user asked for and says how it went: `done` when it is stored, else why not
 * (`saveErrorMessage`). Every settings, delete and import button goes through it, so no failure is silent.
 */
export async function reportWrite(
  write: () => Promise<unknown>,
  show: (message: string) => void,
  done: string,
): Promise<boolean> {
  try {
    await write();
    show(done);
    return true;
  } catch (err) {
    show(saveErrorMessage(err));
    return false;
  }
}
