import { useEffect, useState } from 'preact/hooks';
import { isSitePattern, siteLabel, siteToEnable } from '../lib/sites/patterns';

/** The permissions API as the options page uses it; injected for tests and to keep the component browser-agnostic. */
export interface PermissionsApi {
  getAll(): Promise<{ origins?: string[] }>;
  request(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
}

/** Lists the SIS sites Liaison runs on and lets the user add (by address) or remove one. */
export function SitesSettings({ permissions, required = [] }: { permissions: PermissionsApi; required?: string[] }) {
  const [sites, setSites] = useState<string[] | null>(null);
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState('');

  const refresh = async () => {
    const { origins = [] } = await permissions.getAll();
    setSites(origins.filter((o) => isSitePattern(o) && !required.includes(o)).sort());
  };
  useEffect(() => void refresh(), []);

  const add = async (e: Event) => {
    e.preventDefault();
    const site = siteToEnable(address);
    if ('refused' in site) {
      setMessage(site.refused);
      return;
    }
    const { pattern } = site;
    // Must run straight from the click: browsers allow a permission prompt only in a user gesture.
    const granted = await permissions.request({ origins: [pattern] });
    setMessage(granted ? `Liaison is now on for ${siteLabel(pattern)}. Reload its open pages.` : 'Permission was not granted; nothing changed.');
    if (granted) setAddress('');
    await refresh();
  };

  const remove = async (pattern: string) => {
    await permissions.remove({ origins: [pattern] });
    setMessage(`Liaison is off for ${siteLabel(pattern)}.`);
    await refresh();
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p>Liaison reads pages only on the SIS sites listed here. It asks the browser for each site separately.</p>
      {sites === null ? (
        <p aria-busy="true">Loading…</p>
      ) : sites.length ? (
        <ul class="sites">
          {sites.map((s) => (
            <li key={s}>
              {siteLabel(s)}{' '}
              <button type="button" onClick={() => remove(s)} aria-label={`Turn Liaison off for ${siteLabel(s)}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No site yet.</p>
      )}
      <form onSubmit={add}>
        <label for="site-address">SIS address</label>{' '}
        <input
          id="site-address"
          type="text"
          inputMode="url"
          placeholder="https://sis.yourdistrict.org"
          value={address}
          onInput={(e) => setAddress((e.target as HTMLInputElement).value)}
          required
        />{' '}
        <button type="submit">Enable Liaison on this site</button>
      </form>
      <p role="status">{message}</p>
    </section>
  );
}
