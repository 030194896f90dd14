import { z } from 'zod';
import { Sealed } from '../crypto/aead';
import { KeyParams } from '../crypto/kdf';
import { SiteProfile } from '../adapters/profile';
import { IsoDate } from '../domain';

/**
 * The backup file: settings, site profiles and notes, with a format version. Notes stay sealed (AES-GCM),
 * with the key parameters (salt, iterations, check value) that open them with the same passphrase.
 * Every part is validated here before anything is written.
 */
export const BACKUP_FORMAT = 'liaison-backup';
export const BACKUP_VERSION = 1;

/** JSON values only (settings are small documents; each is parsed by its own schema where it is read). */
const Json: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string().max(100_000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(Json).max(10_000),
    z.record(z.string().max(200), Json),
  ]),
);

const Row = <T extends z.ZodType>(value: T) =>
  z.object({ key: z.string().min(1).max(500), value, updatedAt: z.number().int().nonnegative() }).strict();

export const BackupNote = z
  .object({
    id: z.string().min(1).max(100),
    site: z.string().min(1).max(500),
    studentId: z.string().min(1).max(200),
    followUp: IsoDate.nullable(),
    updatedAt: z.number(),
    deletedAt: z.number().nullable(),
    // Only sealed payloads: a backup never carries a note in the clear, nor brings one in.
    payload: Sealed,
  })
  .strict();

export const Backup = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.string().max(40),
    settings: z.array(Row(Json)).max(1000),
    // Profiles are checked against the profile schema, but kept as written so a round trip is exact.
    // Each under its own id, as Liaison stores it: a row under another key could not be deleted by the profile's id.
    profiles: z
      .array(
        Row(z.unknown().refine((v) => SiteProfile.safeParse(v).success, 'not a valid site profile')).refine(
          (r) => (r.value as { id?: unknown }).id === r.key,
          'a profile must be stored under its own id',
        ),
      )
      .max(500),
    notes: z
      .object({ included: z.literal(true), keyParams: KeyParams.nullable(), rows: z.array(BackupNote).max(200_000) })
      .strict()
      .or(z.object({ included: z.literal(false), reason: z.string().max(500) }).strict()),
  })
  .strict();
export type Backup = z.infer<typeof Backup>;
