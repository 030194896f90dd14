import { describe, expect, it } from 'vitest';
import { isSitePattern, sitePatternFor, siteLabel } from '../../lib/sites/patterns';
import { SIS_SCRIPT_ID, syncSiteScripts, type ScriptingApi } from '../../lib/sites/registration';

describe('site patterns', () => {
  it('enable one host, any port, http(s) only', () => {
    expect(sitePatternFor('https://sis.example.org:8443/Modules.php?x=1')).toBe('https://sis.example.org/*');
    expect(sitePatternFor('http://127.0.0.1:5173/students')).toBe('http://127.0.0.1/*');
    expect(sitePatternFor('chrome://extensions')).toBeNull();
    expect(sitePatternFor('file:///tmp/x.html')).toBeNull();
    expect(sitePatternFor('not a url')).toBeNull();
  });
  it('never treat broad patterns as a site', () => {
    expect(isSitePattern('https://sis.example.org/*')).toBe(true);
    expect(isSitePattern('*://*/*')).toBe(false);
    expect(isSitePattern('https://*/*')).toBe(false);
    expect(isSitePattern('<all_urls>')).toBe(false);
    expect(siteLabel('https://sis.example.org/*')).toBe('sis.example.org');
  });
});

function fakeScripting(initial: { id: string; matches: string[]; allFrames?: boolean }[] = []) {
  let registered = initial;
  const calls: string[] = [];
  const api: ScriptingApi = {
    async getRegisteredContentScripts({ ids } = {}) {
      return registered.filter((s) => !ids || ids.includes(s.id));
    },
    async registerContentScripts(scripts) {
      calls.push('register');
      registered.push(...scripts.map((s) => ({ id: s.id, matches: s.matches, allFrames: s.allFrames })));
    },
    async updateContentScripts(scripts) {
      calls.push('update');
      for (const s of scripts) Object.assign(registered.find((r) => r.id === s.id)!, { matches: s.matches, allFrames: s.allFrames });
    },
    async unregisterContentScripts({ ids } = {}) {
      calls.push('unregister');
      registered = registered.filter((s) => ids && !ids.includes(s.id));
    },
  };
  return { api, calls, registered: () => registered };
}

describe('syncSiteScripts', () => {
  it('registers the SIS script for granted sites only, ignoring broad grants', async () => {
    const f = fakeScripting();
    await syncSiteScripts(f.api, ['https://b.example/*', '*://*/*', 'https://a.example/*']);
    expect(f.registered()).toEqual([{ id: SIS_SCRIPT_ID, matches: ['https://a.example/*', 'https://b.example/*'], allFrames: true }]);
  });
  it('updates when a site is added or removed, and does nothing when unchanged', async () => {
    const f = fakeScripting();
    await syncSiteScripts(f.api, ['https://a.example/*']);
    await syncSiteScripts(f.api, ['https://a.example/*']);
    await syncSiteScripts(f.api, ['https://a.example/*', 'https://c.example/*']);
    expect(f.calls).toEqual(['register', 'update']);
    expect(f.registered()[0].matches).toEqual(['https://a.example/*', 'https://c.example/*']);
  });
  it('runs in every frame of the enabled sites (openSIS shows its pages in an iframe), and upgrades a top-frame-only registration', async () => {
    const f = fakeScripting([{ id: SIS_SCRIPT_ID, matches: ['https://a.example/*'], allFrames: false }]);
    await syncSiteScripts(f.api, ['https://a.example/*']);
    expect(f.calls).toEqual(['update']);
    expect(f.registered()).toEqual([{ id: SIS_SCRIPT_ID, matches: ['https://a.example/*'], allFrames: true }]);
    await syncSiteScripts(f.api, ['https://a.example/*']);
    expect(f.calls).toEqual(['update']);
  });
  it('unregisters when no site is left', async () => {
    const f = fakeScripting();
    await syncSiteScripts(f.api, ['https://a.example/*']);
    await syncSiteScripts(f.api, []);
    expect(f.registered()).toEqual([]);
  });
});
