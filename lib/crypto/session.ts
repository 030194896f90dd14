/**
 * The notes key, held in this page's memory only: never stored, never posted to another context. It is
 * dropped after `idleMs` without activity (checked on use too, as timers in background pages get throttled)
 * and on "Lock now". Each extension page has its own session; the worker never has one.
 */
export class LockedError extends Error {
  override name = 'LockedError';
  constructor() {
    super('Notes are locked');
  }
}

export const DEFAULT_IDLE_MINUTES = 15;

let key: CryptoKey | null = null;
let lastActive = 0;
let idleMs = DEFAULT_IDLE_MINUTES * 60_000;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function arm() {
  clearTimeout(timer);
  if (key) timer = setTimeout(() => (expired() ? lock() : arm()), Math.max(1000, lastActive + idleMs - Date.now()));
}

const expired = () => key !== null && Date.now() - lastActive >= idleMs;
const emit = () => listeners.forEach((fn) => fn());

export function unlockSession(k: CryptoKey) {
  key = k;
  lastActive = Date.now();
  arm();
  emit();
}

export function lock() {
  if (!key) return;
  key = null;
  clearTimeout(timer);
  emit();
}

export function isUnlocked(): boolean {
  if (expired()) lock();
  return key !== null;
}

/** The key, or LockedError: callers that decrypt or encrypt never fall back to plaintext. */
export function sessionKey(): CryptoKey {
  if (!isUnlocked()) throw new LockedError();
  return key!;
}

/** User activity: pushes the idle lock back. */
export function touch() {
  if (!isUnlocked()) return;
  lastActive = Date.now();
  arm();
}

export function setIdleMinutes(minutes: number) {
  idleMs = Math.max(1, minutes) * 60_000;
  if (isUnlocked()) arm();
}

export function onLockChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
