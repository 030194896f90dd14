import { z } from 'zod';
import { Sealed, sealJson, unsealJson } from './aead';
import { BASE64, fromBase64, toBase64 } from './base64';

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA-256. Stored parameters below it are refused, not used. */
export const MIN_ITERATIONS = 600_000;
export const MIN_PASSPHRASE = 8;

/**
 * What is stored to re-derive the key: salt, iteration count and a check value (a constant sealed with the key,
 * so a wrong passphrase is told apart from damaged notes). Never the key, never the passphrase.
 */
export const KeyParams = z.object({
  v: z.literal(1),
  kdf: z.literal('PBKDF2-SHA-256'),
  salt: z.string().regex(BASE64).length(24),
  iterations: z.number().int().min(MIN_ITERATIONS).max(10_000_000),
  check: Sealed,
});
export type KeyParams = z.infer<typeof KeyParams>;

const CHECK_TEXT = 'liaison-key-check';
const CHECK_AAD = 'key-check';

/** A non-extractable AES-GCM key: not even Liaison's own code can read it back out of Web Crypto. */
export async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function createKeyParams(passphrase: string): Promise<{ params: KeyParams; key: CryptoKey }> {
  if (passphrase.length < MIN_PASSPHRASE)
    throw new Error(`The passphrase needs at least ${MIN_PASSPHRASE} characters.`);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, MIN_ITERATIONS);
  const check = await sealJson(key, CHECK_TEXT, CHECK_AAD);
  return { params: { v: 1, kdf: 'PBKDF2-SHA-256', salt: toBase64(salt), iterations: MIN_ITERATIONS, check }, key };
}

/** The key for `passphrase`, or null when it is not the passphrase these parameters were made with. */
export async function keyFromPassphrase(passphrase: string, params: KeyParams): Promise<CryptoKey | null> {
  const key = await deriveKey(passphrase, fromBase64(params.salt), params.iterations);
  try {
    return (await unsealJson(key, params.check, CHECK_AAD)) === CHECK_TEXT ? key : null;
  } catch {
    return null;
  }
}
