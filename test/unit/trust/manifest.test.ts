import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Builds the store extension into a temporary folder and reads the manifest the browser would see. */
let out: string;
let manifest: Record<string, any>;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'liaison-manifest-'));
  const env = { ...process.env, LIAISON_OUT_DIR: out, LIAISON_BUILD: '' };
  execFileSync(join(process.cwd(), 'node_modules/.bin/wxt'), ['build'], { env, stdio: 'pipe' });
  manifest = JSON.parse(readFileSync(join(out, 'chrome-mv3/manifest.json'), 'utf8'));
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('store manifest: least privilege', () => {
  it('asks for no host at install and injects no content script from the manifest', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('asks only for the permissions the code uses', () => {
    expect([...manifest.permissions].sort()).toEqual(['scripting', 'sidePanel', 'storage']);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('extension pages may load only their own code and may connect nowhere', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/https?:|unsafe-eval|\*/);
  });
});

describe('store-local build (npm run build:store-local): the store build, enabled on loopback', () => {
  let local: Record<string, any>;
  let localOut: string;
  beforeAll(() => {
    localOut = mkdtempSync(join(tmpdir(), 'liaison-manifest-local-'));
    const env = { ...process.env, LIAISON_OUT_DIR: localOut, LIAISON_BUILD: 'store-local' };
    execFileSync(join(process.cwd(), 'node_modules/.bin/wxt'), ['build'], { env, stdio: 'pipe' });
    local = JSON.parse(readFileSync(join(localOut, 'chrome-mv3/manifest.json'), 'utf8'));
  }, 120_000);
  afterAll(() => rmSync(localOut, { recursive: true, force: true }));

  it('differs from the store manifest only by the loopback sites, as if the user had enabled them', () => {
    const loopback = ['http://127.0.0.1/*', 'http://localhost/*'];
    const { host_permissions, content_scripts, ...rest } = local;
    const { host_permissions: _h, content_scripts: _c, ...store } = manifest;
    expect(rest).toEqual(store); // same permissions, CSP, pages
    expect(host_permissions).toEqual(loopback);
    expect(content_scripts).toEqual([
      { matches: loopback, js: ['content-scripts/sis.js'], all_frames: true, run_at: 'document_idle' },
    ]);
  });
});
