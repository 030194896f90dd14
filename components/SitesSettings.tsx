import { useEffect, useState } from 'preact/hooks';
import { isSitePattern, siteLabel, siteToEnable } from '../lib/sites/patterns';

/** The permissions API as the options page uses it; injected for tests and to keep the component browser-agnostic. */
export interface PermissionsApi {
  getAll(): Promise<{ origins?: string[] }>;
  request(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
}

interface Props {
  permissions: PermissionsApi;
  /** Patterns the manifest grants itself (the test build's loopback): not the user's to list or remove. */
  required?: string[];
  /** The district policy's `enabledSites`: offered first, each enabled with one click (the browser asks once). */
  loadDistrictSites?: () => Promise<string[]>;
}

/**
 * Lists the SIS sites Liaison runs on and lets the user add (by address) or remove one. The sites the district's
 * policy names are offered at the top until enabled: a browser grants a site only when its user says so.
 */
export function SitesSettings({ permissions, required = [], loadDistrictSites = async () => [] }: Props) {
  const [sites, setSites] = useState<string[] | null>(null);
  const [district, setDistrict] = useState<string[]>([]);
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState('');

  const refresh = async () => {
    const { origins = [] } = await permissions.getAll();
    setSites(origins.filter((o) => isSitePattern(o) && !required.includes(o)).sort());
  };
  useEffect(() => void refresh(), []);
  useEffect(() => {
    void loadDistrictSites().then(
      (list) =>
        setDistrict([
          ...new Set(
            list.flatMap((a) => {
              const s = siteToEnable(a);
              return 'pattern' in s ? [s.pattern] : [];
            }),
          ),
        ]),
      () => setDistrict([]),
    );
  }, []);

  // Must run straight from the click: browsers allow a permission prompt only in a user gesture.
  const enable = async (pattern: string) => {
    const granted = await permissions.request({ origins: [pattern] });
    setMessage(
      granted
        ? `Liaison is now on for ${siteLabel(pattern)}. Reload its open pages.`
        : 'Permission was not granted; nothing changed.',
    );
    await refresh();
    return granted;
  };

  const add = async (e: Event) => {
    e.preventDefault();
    const site = siteToEnable(address);
    if ('refused' in site) {
      setMessage(site.refused);
      return;
    }
    if (await enable(site.pattern)) setAddress('');
  };
  const pending = sites ? district.filter((p) => !sites.includes(p)) : [];

  const remove = async (pattern: string) => {
    await permissions.remove({ origins: [pattern] });
    setMessage(`Liaison is off for ${siteLabel(pattern)}.`);
    await refresh();
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p>Liaison reads pages only on the SIS sites listed here. It asks the browser for each site separately.</p>
      {pending.length > 0 && (
        <div class="district-sites" aria-labelledby="district-sites-heading">
          <h3 id="district-sites-heading">Your district’s SIS</h3>
          <ul>
            {pending.map((p) => (
              <li key={p} data-district-site={p}>
                {siteLabel(p)}{' '}
                <button type="button" class="primary" onClick={() => void enable(p)}>
                  Enable Liaison on {siteLabel(p)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
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
