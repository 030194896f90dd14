import { z } from 'zod';
import { BASE64, fromBase64, toBase64 } from './base64';

/**
 * AES-256-GCM over JSON. Every call takes a fresh random 96-bit IV; `aad` binds the ciphertext to where it is
 * stored (a note's id, site and student), so a payload copied onto another row does not decrypt.
 */
export const Sealed = z.object({
  alg: z.literal('A256GCM'),
  iv: z.string().regex(BASE64).length(16),
  ct: z.string().regex(BASE64).min(24).max(40_000_000),
});
export type Sealed = z.infer<typeof Sealed>;

const enc = new TextEncoder();
const dec = new TextDecoder();

export function isSealed(value: unknown): value is Sealed {
  return Sealed.safeParse(value).success;
}

export async function sealJson(key: CryptoKey, value: unknown, aad: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: enc.encode(aad) },
    key,
    enc.encode(JSON.stringify(value)),
  );
  return { alg: 'A256GCM', iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Throws when the key is wrong or the ciphertext, IV or `aad` was changed (GCM authenticates all three). */
export async function unsealJson(key: CryptoKey, sealed: Sealed, aad: string): Promise<unknown> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: enc.encode(aad) },
    key,
    fromBase64(sealed.ct),
  );
  return JSON.parse(dec.decode(plain));
}
