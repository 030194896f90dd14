import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from './zip';

/** `npm run package` (scripts/package.sh) into a temporary folder: the three zips a store or district takes. */
let out: string;
let zips: string[];
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'liaison-package-'));
  execFileSync('bash', ['scripts/package.sh'], { env: { ...process.env, LIAISON_OUT_DIR: out }, stdio: 'pipe' });
  zips = readdirSync(out)
    .filter((f) => f.endsWith('.zip'))
    .sort();
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;

describe('npm run package', () => {
  it('writes the Chrome zip, the Firefox zip and the sources zip', () => {
    expect(zips).toEqual([
      `liaison-${version}-chrome.zip`,
      `liaison-${version}-firefox.zip`,
      `liaison-${version}-sources.zip`,
    ]);
  });

  it('the Chrome zip is the store build: no host at install, icons at every size, the README CSP', () => {
    const files = readZip(readFileSync(join(out, `liaison-${version}-chrome.zip`)));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    for (const size of ['16', '32', '48', '128']) {
      const icon = manifest.icons[size] as string;
      expect(manifest.action.default_icon[size]).toBe(icon);
      const png = files.get(icon);
      expect(png, `icon ${size}`).toBeDefined();
      expect([png!.readUInt32BE(16), png!.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
    expect(manifest.content_security_policy.extension_pages).toBe(
      "script-src 'self'; object-src 'self'; connect-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
    );
    expect(manifest.storage.managed_schema).toBe('managed_schema.json');
    expect(files.has('managed_schema.json')).toBe(true);
  });

  it('the Firefox zip declares its gecko id and collects no data; the sources zip rebuilds it', () => {
    const ff = readZip(readFileSync(join(out, `liaison-${version}-firefox.zip`)));
    const manifest = JSON.parse(ff.get('manifest.json')!.toString('utf8'));
    expect(manifest.browser_specific_settings.gecko.id).toBe('liaison@liaison.invalid');
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(manifest.host_permissions ?? []).toEqual([]);
    const sources = [...readZip(readFileSync(join(out, `liaison-${version}-sources.zip`))).keys()];
    for (const f of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'entrypoints/background.ts',
      'assets/icon.svg',
    ]) {
      expect(sources, f).toContain(f);
    }
    // Nothing .gitignore keeps out of the repository (results of local runs, dependencies, builds).
    expect(
      sources.filter((f) =>
        /^(node_modules|\.output|\.wxt|test-results|demo-output|playwright-report)\/|\.log$|^bench\/results\.json$/.test(
          f,
        ),
      ),
    ).toEqual([]);
  });
});
