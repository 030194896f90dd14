import { KEY_PARAMS_KEY } from '../crypto/store';
import { lock } from '../crypto/session';
import type { KeyParams } from '../crypto/kdf';
import type { KeyValueRow, LiaisonDb } from '../db/database';
import { todayIso } from '../dates';
import { shorten } from '../domain/sentences';
import { REJECTED_KEY } from '../messaging/guard';
import { LAST_POLICY_KEY } from '../policy/last-known';
import type { z } from 'zod';
import { Backup, BACKUP_FORMAT, BACKUP_VERSION, BackupNote } from './format';

type BackupNoteRow = z.infer<typeof BackupNote>;

/**
 * Export and import of settings, site profiles and notes. Import is two steps: `planImport` validates the
 * whole file and says what would change, touching nothing; `applyImport` writes it all in one transaction.
 */

/** Settings that describe this browser, not the user's choices: never exported, never overwritten. */
const LOCAL_ONLY = new Set([KEY_PARAMS_KEY, REJECTED_KEY, LAST_POLICY_KEY]);

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
/** Notes merge note by note: a backup's version replaces this browser's only when it is newer. */
export interface NoteCounts extends Counts {
  /** Notes this browser has in the same or a newer version: kept as they are. */
  kept: number;
}
/** One setting a restore would change, shown before anything is written. */
export interface SettingChange {
  key: string;
  /** What changes, one line per field (`leadDays: 3 → 7`), or the whole value for a plain one. */
  changes: string[];
}
export type ImportPlan =
  | {
      ok: true;
      backup: Backup;
      settings: Counts;
      /** Every setting the restore would add or change, with its old and new values. */
      settingChanges: SettingChange[];
      profiles: Counts;
      notes: NoteCounts;
      notesOmitted: string | null;
      keyChange: boolean;
    }
  | { ok: false; errors: string[] };

export const OTHER_PASSPHRASE_NOTES =
  'The notes in this file were encrypted with another passphrase, and this browser has notes of its own. Nothing was imported.';
export const OTHER_PASSPHRASE_DRAFTS =
  'The notes in this file were encrypted with another passphrase, and this browser has unsaved note drafts sealed with its own: restoring would make them impossible to open. Save or discard the drafts first (Notes tab), then restore. Nothing was imported.';

/** A restore refused for a reason the user can act on (its message says what and why). */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

/**
 * Why a restore that brings another passphrase cannot go ahead, or null: notes or drafts sealed under this
 * browser's key could never be opened again (one passphrase opens everything).
 */
async function keyChangeBlocked(db: LiaisonDb): Promise<string | null> {
  if (!(await db.settings.get(KEY_PARAMS_KEY))) return null;
  if ((await db.notes.count()) > 0) return OTHER_PASSPHRASE_NOTES;
  if ((await db.drafts.count()) > 0) return OTHER_PASSPHRASE_DRAFTS;
  return null;
}

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
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`),
    };
  const backup = parsed.data;
  const localKey = (await db.settings.get(KEY_PARAMS_KEY))?.value as KeyParams | undefined;
  const notes = backup.notes.included ? backup.notes : null;
  const keyChange = Boolean(notes?.keyParams && notes.keyParams.salt !== localKey?.salt);
  // Notes and drafts sealed under two different keys cannot live together: one passphrase opens all notes.
  const blocked = keyChange ? await keyChangeBlocked(db) : null;
  if (blocked) return { ok: false, errors: [blocked] };
  if (notes?.rows.length && !notes.keyParams && !localKey)
    return { ok: false, errors: ['The file has notes but not the passphrase settings that open them.'] };
  const settings = restorableSettings(backup);
  const settingChanges = await changedSettings(db, settings);
  const added = settingChanges.filter((c) => c.added).length;
  return {
    ok: true,
    backup,
    settings: { added, replaced: settingChanges.length - added },
    settingChanges: settingChanges.map(({ key, changes }) => ({ key, changes })),
    profiles: await count(
      db.profiles,
      backup.profiles.map((r) => r.key),
    ),
    notes: notes ? await countNotes(db, notes.rows) : { added: 0, replaced: 0, kept: 0 },
    notesOmitted: backup.notes.included ? null : backup.notes.reason,
    keyChange,
  };
}

const restorableSettings = (backup: Backup) => backup.settings.filter((r) => !LOCAL_ONLY.has(r.key));

const show = (v: unknown) => {
  const s = v === undefined ? '(not set)' : JSON.stringify(v);
  return shorten(s, 120);
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The settings whose value the restore would change, field by field for a settings document. */
async function changedSettings(
  db: LiaisonDb,
  rows: Backup['settings'],
): Promise<(SettingChange & { added: boolean })[]> {
  const local = await db.settings.bulkGet(rows.map((r) => r.key));
  return rows.flatMap((r, i) => {
    const before = local[i]?.value;
    if (local[i] && same(before, r.value)) return [];
    const changes =
      isRecord(before) && isRecord(r.value)
        ? [...new Set([...Object.keys(before), ...Object.keys(r.value)])]
            .filter((f) => !same(before[f], (r.value as Record<string, unknown>)[f]))
            .map((f) => `${f}: ${show(before[f])} → ${show((r.value as Record<string, unknown>)[f])}`)
        : [`${show(before)} → ${show(r.value)}`];
    return [{ key: r.key, changes, added: !local[i] }];
  });
}

async function count(table: { bulkGet(keys: string[]): Promise<unknown[]> }, keys: string[]): Promise<Counts> {
  const found = (await table.bulkGet(keys)).filter(Boolean).length;
  return { added: keys.length - found, replaced: found };
}

/** The backup's notes that are new here or newer than this browser's version (by the row's updatedAt). */
async function newerNotes(
  db: LiaisonDb,
  rows: BackupNoteRow[],
): Promise<{ write: BackupNoteRow[]; added: number; kept: number }> {
  const local = await db.notes.bulkGet(rows.map((r) => r.id));
  const write: BackupNoteRow[] = [];
  let added = 0;
  rows.forEach((r, i) => {
    const mine = local[i];
    if (!mine) added++;
    // A tie keeps this browser's: the same version, or one the backup cannot be shown to supersede.
    if (!mine || r.updatedAt > mine.updatedAt) write.push(r);
  });
  return { write, added, kept: rows.length - write.length };
}

async function countNotes(db: LiaisonDb, rows: BackupNoteRow[]): Promise<NoteCounts> {
  const { write, added, kept } = await newerNotes(db, rows);
  return { added, replaced: write.length - added, kept };
}

/**
 * Writes a planned import in one transaction: all of it or, on any failure, none of it. Notes merge note by
 * note (a newer version here is never replaced by an older one from the file), decided again inside the
 * transaction; a key change is refused again if notes or drafts were written since the plan.
 */
export async function applyImport(db: LiaisonDb, plan: Extract<ImportPlan, { ok: true }>): Promise<void> {
  const { backup } = plan;
  await db.transaction('rw', [db.settings, db.profiles, db.notes, db.drafts], async () => {
    if (plan.keyChange) {
      const blocked = await keyChangeBlocked(db);
      if (blocked) throw new RestoreRefused(blocked);
    }
    await db.settings.bulkPut(restorableSettings(backup));
    await db.profiles.bulkPut(backup.profiles);
    if (backup.notes.included) {
      if (plan.keyChange && backup.notes.keyParams)
        await db.settings.put({ key: KEY_PARAMS_KEY, value: backup.notes.keyParams, updatedAt: Date.now() });
      await db.notes.bulkPut((await newerNotes(db, backup.notes.rows)).write);
    }
  });
  // A new key means the notes now open with the backup's passphrase: this session's key no longer fits.
  if (plan.keyChange) lock();
}

export const backupFileName = (now = new Date()) => `liaison-backup-${todayIso(now)}.json`;
