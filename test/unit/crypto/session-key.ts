import { unlockSession } from '../../../lib/crypto/session';

/** Unlocks the notes session with a random key (no 600,000-round KDF per test file). */
export async function unlockForTests(): Promise<CryptoKey> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  unlockSession(key);
  return key;
}
