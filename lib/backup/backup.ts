import { KEY_PARAMS_KEY } from '../crypto/store';
import { lock } from '../crypto/session';
import type { KeyParams } from '../crypto/kdf';
import type { KeyValueRow, LiaisonDb } from '../db/database';
import { REJECTED_KEY } from '../messaging/guard';
import { Backup, BACKUP_FORMAT, BACKUP_VERSION, BackupNote } from './format';

/**
 * Export and import of settings, site profiles and notes. Import is two steps: `planImport` validates the
 * whole file and says what would change, touching nothing; `applyImport` writes it all in one transaction.
 */

/** Settings that describe this browser, not the user's choices: never exported, never overwritten. */
const LOCAL_ONLY = new Set([KEY_PARAMS_KEY, REJECTED_KEY]);

export const NOTES_NOT_ALLOWED = 'Notes were left out: your district’s policy does not allow exporting notes.';

export async function exportBackup(db: LiaisonDb, opts: { notesAllowed: boolean; now?: number }): Promise<Backup> {
  return db.transaction('r', [db.settings, db.profiles, db.notes], async () => {
    const settings = (await db.settings.toArray()).filter((r) => !LOCAL_ONLY.has(r.key));
    const profiles = await db.profiles.toArray();
    const notes: Backup['notes'] = opts.notesAllowed
      ? {
          included: true,
          keyParams: ((await db.settings.get(KEY_PARAMS_KEY))?.value as KeyParams | undefined) ?? null,
          rows: (await db.notes.toArray()).map((r) => BackupNote.parse(r)),
        }
      : { included: false, reason: NOTES_NOT_ALLOWED };
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(opts.now ?? Date.now()).toISOString(),
      settings: settings.map(pick),
      profiles: profiles.map(pick),
      notes,
    } satisfies Backup;
  });
}

const pick = (r: KeyValueRow) => ({ key: r.key, value: r.value, updatedAt: r.updatedAt });

export interface Counts {
  added: number;
  replaced: number;
}
export type ImportPlan =
  | { ok: true; backup: Backup; settings: Counts; profiles: Counts; notes: Counts; notesOmitted: string | null; keyChange: boolean }
  | { ok: false; errors: string[] };

/** Validates a backup file's text and counts what importing it would add and replace. Writes nothing. */
export async function planImport(db: LiaisonDb, text: string): Promise<ImportPlan> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['The file is not JSON.'] };
  }
  const parsed = Backup.safeParse(json);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
  const backup = parsed.data;
  const localKey = (await db.settings.get(KEY_PARAMS_KEY))?.value as KeyParams | undefined;
  const notes = backup.notes.included ? backup.notes : null;
  const keyChange = Boolean(notes?.keyParams && notes.keyParams.salt !== localKey?.salt);
  // Notes sealed under two different keys cannot live together: one passphrase opens all notes.
  if (keyChange && localKey && (await db.notes.count()) > 0)
    return {
      ok: false,
      errors: ['The notes in this file were encrypted with another passphrase, and this browser has notes of its own. Nothing was imported.'],
    };
  if (notes?.rows.length && !notes.keyParams && !localKey)
    return { ok: false, errors: ['The file has notes but not the passphrase settings that open them.'] };
  return {
    ok: true,
    backup,
    settings: await count(db.settings, backup.settings.filter((r) => !LOCAL_ONLY.has(r.key)).map((r) => r.key)),
    profiles: await count(db.profiles, backup.profiles.map((r) => r.key)),
    notes: notes ? await count(db.notes, notes.rows.map((r) => r.id)) : { added: 0, replaced: 0 },
    notesOmitted: backup.notes.included ? null : backup.notes.reason,
    keyChange,
  };
}

async function count(table: { bulkGet(keys: string[]): Promise<unknown[]> }, keys: string[]): Promise<Counts> {
  const found = (await table.bulkGet(keys)).filter(Boolean).length;
  return { added: keys.length - found, replaced: found };
}

/** Writes a planned import in one transaction: all of it or, on any failure, none of it. */
export async function applyImport(db: LiaisonDb, plan: Extract<ImportPlan, { ok: true }>): Promise<void> {
  const { backup } = plan;
  await db.transaction('rw', [db.settings, db.profiles, db.notes], async () => {
    await db.settings.bulkPut(backup.settings.filter((r) => !LOCAL_ONLY.has(r.key)));
    await db.profiles.bulkPut(backup.profiles);
    if (backup.notes.included) {
      if (plan.keyChange && backup.notes.keyParams)
        await db.settings.put({ key: KEY_PARAMS_KEY, value: backup.notes.keyParams, updatedAt: Date.now() });
      await db.notes.bulkPut(backup.notes.rows);
    }
  });
  // A new key means the notes now open with the backup's passphrase: this session's key no longer fits.
  if (plan.keyChange) lock();
}

export const backupFileName = (now = new Date()) => `liaison-backup-${now.toISOString().slice(0, 10)}.json`;
