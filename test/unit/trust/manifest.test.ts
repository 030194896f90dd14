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
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/https?:|unsafe-eval|\*/);
  });
});
