import { useState } from 'preact/hooks';
import {
  applyImport,
  backupFileName,
  exportBackup,
  NOTES_NOT_ALLOWED,
  planImport,
  RestoreRefused,
  type ImportPlan,
} from '../lib/backup/backup';
import type { LiaisonDb } from '../lib/db/database';
import { downloadText } from './notes/download';
import { saveErrorMessage } from './notes/saveError';

type Ready = Extract<ImportPlan, { ok: true }>;

/**
 * Backup and restore on the options page: one JSON file with settings, site profiles and (sealed) notes.
 * A restore is shown as counts first and written only on confirm.
 */
export function BackupSettings({ db, notesAllowed }: { db: LiaisonDb; notesAllowed: () => Promise<boolean> }) {
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [plan, setPlan] = useState<Ready | null>(null);

  const doExport = async () => {
    const allowed = await notesAllowed().catch(() => false);
    const backup = await exportBackup(db, { notesAllowed: allowed });
    downloadText(backupFileName(), JSON.stringify(backup, null, 1), 'application/json');
    setMessage(
      allowed
        ? `Backup saved: settings, site profiles and ${backup.notes.included ? backup.notes.rows.length : 0} notes (still encrypted; they open with your notes passphrase).`
        : `Backup saved: settings and site profiles. ${NOTES_NOT_ALLOWED}`,
    );
  };

  const choose = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    setPlan(null);
    setErrors([]);
    setMessage('');
    if (!file) return;
    const result = await planImport(db, await file.text());
    if (result.ok) setPlan(result);
    else setErrors(result.errors);
  };

  const confirm = async () => {
    if (!plan) return;
    try {
      await applyImport(db, plan);
      setPlan(null);
      setMessage(plan.keyChange ? 'Restored. Notes now open with the passphrase of the backup.' : 'Restored.');
    } catch (err) {
      // Refused (e.g. a draft was typed since the plan): the plan no longer holds. Any other failure may be retried.
      if (err instanceof RestoreRefused) setPlan(null);
      setErrors([err instanceof RestoreRefused ? err.message : `Nothing was restored. ${saveErrorMessage(err)}`]);
    }
  };

  const line = (what: string, c: { added: number; replaced: number }) =>
    `${what}: ${c.added} added, ${c.replaced} replaced`;
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p>
        One file with your settings, site profiles and notes. Notes stay encrypted in it: keep the file as safe as the
        notes, and remember the passphrase — without it the notes in a backup cannot be opened either.
      </p>
      <button type="button" onClick={() => void doExport()}>
        Export backup
      </button>
      <p>
        <label for="backup-file">Restore from a backup file</label>{' '}
        <input id="backup-file" type="file" accept="application/json,.json" onChange={(e) => void choose(e)} />
      </p>
      {errors.length > 0 && (
        <div role="alert" class="error">
          <p>This file cannot be restored; nothing was changed.</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {plan && (
        <div class="import-plan" aria-labelledby="plan-heading">
          <h3 id="plan-heading">Restoring will change</h3>
          <ul>
            <li>{line('Settings', plan.settings)}</li>
            <li>{line('Site profiles', plan.profiles)}</li>
            <li>
              {plan.notesOmitted
                ? `Notes: none in this file. ${plan.notesOmitted}`
                : `${line('Notes', plan.notes)} with the backup’s newer version, ${plan.notes.kept} kept (this browser’s version is the same or newer)`}
            </li>
            {plan.keyChange && <li>Notes will open with the passphrase used when this backup was made.</li>}
          </ul>
          {plan.settingChanges.length > 0 ? (
            <>
              <h4 id="plan-settings-heading">Settings that will change</h4>
              <ul aria-labelledby="plan-settings-heading" class="setting-changes">
                {plan.settingChanges.map((c) => (
                  <li key={c.key} data-setting={c.key}>
                    <code>{c.key}</code>: {c.changes.join('; ')}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>No setting changes: the file’s settings are the ones this browser has.</p>
          )}
          <button type="button" class="primary" onClick={() => void confirm()}>
            Restore
          </button>{' '}
          <button type="button" onClick={() => setPlan(null)}>
            Cancel
          </button>
        </div>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
