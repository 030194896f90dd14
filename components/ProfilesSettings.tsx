import { useEffect, useState } from 'preact/hooks';
import type { SiteProfile } from '../lib/adapters/profile';
import type { LiaisonDb } from '../lib/db/database';
import type { Policy } from '../lib/policy/schema';
import { exportProfiles, planImport, type ImportPlan } from '../lib/teach/profile-io';
import {
  damagedProfileKeys,
  deleteProfile,
  deleteProfileRows,
  listProfiles,
  policyProfiles,
  saveProfiles,
} from '../lib/teach/store';
import { downloadText, safePart } from './notes/download';
import { reportWrite } from './notes/saveError';
import { useLiveQuery } from './useLiveQuery';

interface Props {
  db: LiaisonDb;
  /** District policy (managed storage); its profiles are listed read-only. */
  loadPolicy: () => Promise<Policy>;
  /** Saves a file; injected for tests. */
  download?: (filename: string, text: string) => void;
}

const save = (filename: string, text: string) => downloadText(filename, text, 'application/json');
const hosts = (p: SiteProfile) => p.hostPatterns.join(', ');

/**
 * Site profiles: the ones taught or imported on this browser (export, delete), the district's (read-only), and
 * an import that validates the file and shows what it will add before writing anything.
 */
export function ProfilesSettings({ db, loadPolicy, download = save }: Props) {
  const { value: profiles } = useLiveQuery(() => listProfiles(db), [db]);
  const { value: damaged } = useLiveQuery(() => damagedProfileKeys(db), [db]);
  const [deployed, setDeployed] = useState<SiteProfile[]>([]);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [message, setMessage] = useState('');
  useEffect(
    () =>
      void loadPolicy().then(
        (p) => setDeployed(policyProfiles(p)),
        () => setDeployed([]),
      ),
    [],
  );

  const onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMessage('');
    setPlan(
      planImport(
        await file.text(),
        (profiles ?? []).map((p) => p.id),
      ),
    );
  };
  const confirm = async () => {
    if (!plan) return;
    const n = plan.items.length;
    const ok = await reportWrite(
      () =>
        saveProfiles(
          db,
          plan.items.map((i) => i.profile),
        ),
      setMessage,
      `Imported ${n} profile${n === 1 ? '' : 's'}. Reload open SIS pages to use them.`,
    );
    if (ok) setPlan(null);
  };

  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Site profiles</h2>
      <p>
        How Liaison reads pages it does not know by itself: taught on a page (side panel → Teach this page) or imported.
      </p>
      {!profiles ? (
        <p aria-busy="true">Loading…</p>
      ) : profiles.length ? (
        <ul class="profiles">
          {profiles.map((p) => (
            <li key={p.id} data-profile={p.id}>
              <strong>{p.label}</strong>{' '}
              <span class="muted">
                ({p.id} · {hosts(p)} · {p.pages.length} page type{p.pages.length === 1 ? '' : 's'}
                {p.verified ? '' : ' · unverified'})
              </span>{' '}
              <button
                type="button"
                onClick={() => download(`liaison-profile-${safePart(p.id)}.json`, exportProfiles([p]))}
              >
                Export
              </button>{' '}
              <button
                type="button"
                aria-label={`Delete ${p.label}`}
                onClick={() => void reportWrite(() => deleteProfile(db, p.id), setMessage, `Deleted ${p.label}.`)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No profile yet.</p>
      )}
      {!!damaged?.length && (
        <p class="warning" data-damaged-profiles={damaged.length}>
          {damaged.length === 1 ? 'One stored profile is' : `${damaged.length} stored profiles are`} damaged and read
          nothing.{' '}
          <button
            type="button"
            onClick={() =>
              void reportWrite(() => deleteProfileRows(db, damaged), setMessage, 'Deleted the damaged profiles.')
            }
          >
            Delete {damaged.length === 1 ? 'it' : 'them'}
          </button>
        </p>
      )}
      {!!profiles?.length && (
        <p>
          <button type="button" onClick={() => download('liaison-profiles.json', exportProfiles(profiles))}>
            Export all profiles
          </button>
        </p>
      )}
      {!!deployed.length && (
        <>
          <h3>Deployed by your district</h3>
          <ul class="profiles">
            {deployed.map((p) => (
              <li key={p.id}>
                {p.label}{' '}
                <span class="muted">
                  ({p.id} · {hosts(p)})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <label for="profile-import">Import profiles (JSON)</label>{' '}
        <input id="profile-import" type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
      </p>
      {plan && (
        <div class="import-plan" aria-live="polite">
          <h3>This import will</h3>
          <ul>
            {plan.items.map(({ profile, replaces }) => (
              <li key={profile.id}>
                {replaces ? 'Replace' : 'Add'} {profile.label}{' '}
                <span class="muted">
                  ({profile.id} · {hosts(profile)})
                </span>
              </li>
            ))}
            {plan.errors.map((e) => (
              <li key={e} class="error">
                Skip: {e}
              </li>
            ))}
          </ul>
          <button type="button" disabled={!plan.items.length} onClick={() => void confirm()}>
            Import {plan.items.length} profile{plan.items.length === 1 ? '' : 's'}
          </button>{' '}
          <button type="button" onClick={() => setPlan(null)}>
            Cancel
          </button>
        </div>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
