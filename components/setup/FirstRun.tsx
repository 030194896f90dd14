import { useEffect, useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { recentSite } from '../../lib/district/load';
import type { Role } from '../../lib/notes/schema';
import { loadNoteSettings } from '../../lib/notes/settings';
import type { Policy } from '../../lib/policy/schema';
import {
  firstRunDefaults,
  firstRunDone,
  peopleOf,
  personLabel,
  pickPerson,
  saveFirstRun,
  skipFirstRun,
  type Person,
} from '../../lib/setup/first-run';
import { siteLabel, siteToEnable } from '../../lib/sites/patterns';
import { readManagedPolicy } from '../../lib/teach/store';
import type { PermissionsApi } from '../SitesSettings';
import { useLiveQuery } from '../useLiveQuery';

const ROLES: { value: Role; label: string }[] = [
  { value: 'case-manager', label: 'Case manager (or service provider)' },
  { value: 'administrator', label: 'Administrator' },
  { value: 'teacher', label: 'Teacher' },
];

/** The district policy from managed storage (tests pass their own). */
const managedPolicy = async (): Promise<Policy> => readManagedPolicy(browser.storage?.managed as never);

/**
 * The first open of the side panel asks once, in one place: who you are (pick yourself among the staff Liaison
 * has seen, or type your name), your role, and your SIS address (enabled from here), with what Liaison does and
 * never sends. District policy presets the role (`defaultRole`) and the address (`enabledSites`). Answered or
 * skipped, it does not ask again; each answer can be changed later where it lives (Note settings, My caseload,
 * Options → Sites).
 */
export function FirstRun({
  db,
  loadPolicy = managedPolicy,
  permissions,
}: {
  db: LiaisonDb;
  loadPolicy?: () => Promise<Policy>;
  permissions?: PermissionsApi;
}) {
  const { value: done } = useLiveQuery(() => firstRunDone(db), [db]);
  const { value: people = [] } = useLiveQuery(async () => peopleOf(db, await recentSite(db)), [db]);
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [who, setWho] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [address, setAddress] = useState<string | null>(null);
  const [siteMessage, setSiteMessage] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    void loadPolicy().then(setPolicy, () => setPolicy({}));
  }, []);
  useEffect(() => {
    if (!policy || role !== null) return;
    void loadNoteSettings(db).then((s) => {
      const d = firstRunDefaults(policy, s);
      setRole(d.role);
      setAddress((a) => a ?? d.site);
    });
  }, [policy]);
  if (done !== false || !policy || role === null) return null;
  const api = permissions ?? (browser.permissions as unknown as PermissionsApi);
  const picked = pickPerson(who, people);

  const enable = async () => {
    const site = siteToEnable(address ?? '');
    if ('refused' in site) {
      setSiteMessage(site.refused);
      return;
    }
    const { pattern } = site;
    // Straight from the click: a browser shows a permission prompt only in a user gesture.
    const granted = await api.request({ origins: [pattern] }).catch(() => false);
    setSiteMessage(
      granted
        ? `Liaison is on for ${siteLabel(pattern)}. Reload its open pages.`
        : 'Permission was not granted; nothing changed.',
    );
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    try {
      await saveFirstRun(db, { who, role }, people);
    } catch {
      setError('Liaison could not save this. Try again.');
    }
  };

  return (
    <section class="first-run" aria-labelledby="first-run-heading" data-testid="first-run">
      <h2 id="first-run-heading">Set up Liaison</h2>
      <p>
        Liaison checks case-manager and provider assignments against California credential rules on the SIS pages you
        open, and keeps notes. Everything stays in this browser: it never sends anything anywhere.
      </p>
      <form onSubmit={save}>
        <p>
          <label for="first-run-who">Your name</label>{' '}
          <input
            id="first-run-who"
            type="text"
            list="first-run-people"
            autoComplete="name"
            value={who}
            aria-describedby="first-run-who-hint"
            onInput={(e) => setWho((e.currentTarget as HTMLInputElement).value)}
          />
          <datalist id="first-run-people">
            {people.map((p: Person) => (
              <option key={`${p.site}|${p.staffId}`} value={personLabel(p)} />
            ))}
          </datalist>
          <br />
          <span id="first-run-who-hint" class="meta">
            {people.length
              ? `Pick yourself from the ${people.length} staff Liaison has seen, or type your name.`
              : 'Type your name. Once Liaison has seen your SIS staff list, you can pick yourself under Caseload, "I am".'}
            {picked ? ` My caseload will show ${picked.name}'s students.` : ''}
          </span>
        </p>
        <fieldset>
          <legend>Role</legend>
          {ROLES.map((r) => (
            <label key={r.value} class="choice">
              <input
                type="radio"
                name="first-run-role"
                value={r.value}
                checked={role === r.value}
                onChange={() => setRole(r.value)}
              />{' '}
              {r.label}
            </label>
          ))}
          {policy.defaultRole && <p class="meta">Your district suggests this role.</p>}
        </fieldset>
        <p>
          <label for="first-run-site">SIS address</label>{' '}
          <input
            id="first-run-site"
            type="text"
            inputMode="url"
            placeholder="https://sis.yourdistrict.org"
            value={address ?? ''}
            onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)}
          />{' '}
          <button type="button" onClick={() => void enable()}>
            Enable Liaison on this site
          </button>
          <span role="status" class="meta" data-testid="first-run-site-status">
            {siteMessage}
          </span>
        </p>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <p class="status-line">
          <button type="submit" class="primary">
            Save and start
          </button>
          <button type="button" onClick={() => void skipFirstRun(db)}>
            Not now
          </button>
        </p>
      </form>
    </section>
  );
}
