import { describe, expect, it } from 'vitest';
import { isSitePattern, sitePatternFor, siteLabel, siteToEnable } from '../../../lib/sites/patterns';
import { SIS_SCRIPT_ID, syncSiteScripts, type ScriptingApi } from '../../../lib/sites/registration';

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

describe('enabling a site (issue 12): https, http only on loopback, never a wildcard', () => {
  it('enables an https SIS, a bare host meaning https, and http on this computer', () => {
    expect(siteToEnable('sis.district.org')).toEqual({ pattern: 'https://sis.district.org/*' });
    expect(siteToEnable(' https://sis.district.org:8443/Home?x=1 ')).toEqual({ pattern: 'https://sis.district.org/*' });
    for (const local of ['http://127.0.0.1:5173/', 'http://localhost:8080', 'http://[::1]:3000/x', 'http://127.1.2.3/'])
      expect(siteToEnable(local), local).toHaveProperty('pattern');
  });

  it('refuses http on a real host, wildcards and what is not a web address, saying why', () => {
    expect(siteToEnable('http://sis.district.org')).toEqual({ refused: expect.stringContaining('https://') });
    for (const wild of [
      '*.district.org',
      'https://*.district.org',
      'https://*/',
      '*://sis.district.org/*',
      '<all_urls>',
    ])
      expect(siteToEnable(wild), wild).toHaveProperty('refused');
    for (const bad of [
      'ftp://sis.district.org',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'chrome://extensions',
      '',
    ])
      expect(siteToEnable(bad), bad).toEqual({ refused: expect.stringContaining('not a web address') });
  });

  it('an http grant on a real host is not an enabled site, whoever granted it', () => {
    expect(isSitePattern('http://sis.district.org/*')).toBe(false);
    expect(isSitePattern('http://127.0.0.1/*')).toBe(true);
    expect(isSitePattern('http://localhost/*')).toBe(true);
    expect(isSitePattern('http://127.0.0.1.evil.example/*')).toBe(false);
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
      for (const s of scripts)
        Object.assign(
          registered.find((r) => r.id === s.id)!,
          { matches: s.matches, allFrames: s.allFrames },
        );
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
    expect(f.registered()).toEqual([
      { id: SIS_SCRIPT_ID, matches: ['https://a.example/*', 'https://b.example/*'], allFrames: true },
    ]);
  });
  it('updates when a site is added or removed, and does nothing when unchanged', async () => {
    const f = fakeScripting();
    await syncSiteScripts(f.api, ['https://a.example/*']);
    await syncSiteScripts(f.api, ['https://a.example/*']);
    await syncSiteScripts(f.api, ['https://a.example/*', 'https://c.example/*']);
    expect(f.calls).toEqual(['register', 'update']);
    expect(f.registered()[0]!.matches).toEqual(['https://a.example/*', 'https://c.example/*']);
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
