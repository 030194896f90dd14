// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SitesSettings, type PermissionsApi } from '../../../components/SitesSettings';

function fakePermissions() {
  const asked: string[][] = [];
  const granted: string[] = [];
  const api: PermissionsApi = {
    getAll: async () => ({ origins: [...granted] }),
    request: async ({ origins }) => (asked.push(origins), granted.push(...origins), true),
    remove: async () => true,
  };
  return { api, asked };
}

describe('the Sites setting', () => {
  const root = document.createElement('div');
  document.body.append(root);
  afterEach(() => render(null, root));

  async function enable(address: string) {
    const perms = fakePermissions();
    await act(() => render(<SitesSettings permissions={perms.api} />, root));
    const input = root.querySelector<HTMLInputElement>('#site-address')!;
    await act(() => {
      input.value = address;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    return { asked: perms.asked, status: root.querySelector('[role="status"]')!.textContent };
  }

  it('asks the browser for exactly the typed https site', async () => {
    const r = await enable('sis.district.org');
    expect(r.asked).toEqual([['https://sis.district.org/*']]);
    expect(r.status).toContain('now on for sis.district.org');
  });

  it('never asks for an http site on a real host or a wildcard, and says why', async () => {
    for (const address of ['http://sis.district.org', '*.district.org']) {
      const r = await enable(address);
      expect(r.asked, address).toEqual([]);
      expect(r.status, address).toMatch(/https:\/\/|without \*/);
    }
  });

  it('offers the sites the district policy names (enabledSites), each enabled with one click, until enabled', async () => {
    const perms = fakePermissions();
    const policySites = async () => [
      'https://sis.district.org',
      'http://insecure.district.org',
      '*.district.org',
      'sis.district.org',
    ];
    await act(() => render(<SitesSettings permissions={perms.api} loadDistrictSites={policySites} />, root));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    const offered = [...root.querySelectorAll('[data-district-site]')].map((li) =>
      li.getAttribute('data-district-site'),
    );
    expect(offered).toEqual(['https://sis.district.org/*']); // one https site; http and wildcards are never offered
    await act(async () => root.querySelector<HTMLButtonElement>('[data-district-site] button')!.click());
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(perms.asked).toEqual([['https://sis.district.org/*']]);
    expect(root.querySelector('[data-district-site]')).toBeNull();
    expect(root.querySelector('.sites')?.textContent).toContain('sis.district.org');
  });
});
