import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Where the Firefox test build is (scripts/test.sh builds it): LIAISON_BUILD=test, firefox-mv3, --mode test. */
export const FIREFOX_TEST_BUILD = '.output/test-firefox/firefox-mv3';
export const GECKO_ID = 'liaison@liaison.invalid';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

/** FIREFOX_PATH when set, else Debian's firefox-esr. Throws (the tests fail) when there is none: never a silent skip. */
export function firefoxPath(): string {
  const looked = process.env.FIREFOX_PATH ? [process.env.FIREFOX_PATH] : CANDIDATES;
  const found = looked.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Firefox: install Debian's firefox-esr (sudo apt-get install firefox-esr; .ci/run does) or set FIREFOX_PATH. Looked in ${looked.join(', ')}.`,
    );
  }
  return found;
}

export interface FirefoxWithLiaison {
  browser: Browser;
  /** The add-on id Firefox installed (the manifest's gecko id). */
  id: string;
  /** moz-extension://<uuid> of the installed add-on (fixed in advance through the profile's uuid map). */
  origin: string;
  page: Page;
  close(): Promise<void>;
}

/** A fresh headless Firefox profile with Liaison's test build installed as a temporary add-on. */
export async function launchFirefoxWithLiaison(
  extensionDir = FIREFOX_TEST_BUILD,
  executablePath = firefoxPath(),
): Promise<FirefoxWithLiaison> {
  if (!existsSync(`${extensionDir}/manifest.json`))
    throw new Error(`No Firefox test build in ${extensionDir} (scripts/test.sh builds it)`);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // WebDriver BiDi refuses to navigate a tab to a moz-extension:// page unless system access is allowed; the
    // side panel's page (Firefox's sidebar_action panel) is opened in a tab that way, as the Chromium tests do.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // The add-on's moz-extension:// origin, known in advance so the test can open its pages.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Firefox MV3 treats host_permissions as grantable, not granted: an add-on installed over WebDriver BiDi
      // (a temporary add-on, no install prompt) gets none of the test build's loopback hosts, so no content
      // script runs (measured on firefox-esr 153: every marker wait times out without this pref). This pref
      // grants an MV3 add-on's host_permissions at install, as the user's "Allow" in the install prompt would.
      'extensions.originControls.grantByDefault': true,
      // No first-run pages or update pings from the browser itself.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
    },
  });
  try {
    // WebDriver BiDi takes an absolute path.
    const id = await browser.installExtension(resolve(extensionDir));
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    return { browser, id, origin: `moz-extension://${uuid}`, page, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * Waits until `page` shows a loaded moz-extension:// document. Polled by hand: puppeteer's waitForFunction fails as a
 * whole when one poll lands in the document being replaced (Firefox's remote agent throws "right-hand side of 'in'
 * should be an object" then), which is the navigation under way, not an answer; such a poll is tried again.
 */
export async function waitForExtensionPage(page: Page, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      if (await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete'))
        return;
    } catch {
      // The document is being replaced; poll again.
    }
    if (Date.now() > until) throw new Error(`no loaded moz-extension:// page within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The findings of one record's marker once the worker answered (DESIGN.md "Inline markers", test build). */
export async function findingsOf(
  page: Page,
  kind: 'student' | 'staff',
  id: string,
  timeout = 20_000,
): Promise<string[]> {
  const sel = `[data-liaison-${kind}="${id}"]`;
  const handle = await page.waitForFunction(
    (s: string) => {
      const m = document.querySelector(s);
      const button = m?.shadowRoot?.querySelector('button');
      if (!m || !m.hasAttribute('data-liaison-findings') || !button || button.textContent === 'Liaison…') return null;
      return m.getAttribute('data-liaison-findings');
    },
    { timeout },
    sel,
  );
  const codes = (await handle.jsonValue()) as string;
  return codes.split(' ').filter(Boolean).sort();
}

/**
 * A Firefox whose `distribution/policies.json` is `policies` (Firefox reads enterprise policy from the folder
 * beside its binary; release builds ignore any other path outside automation). Debian's install is left alone:
 * the returned folder mirrors it with hard links (symbolic links where that fails) and its own distribution/.
 * Returns the path of its binary and a cleanup.
 */
export function firefoxWithPolicies(policies: unknown): { executablePath: string; cleanup(): void } {
  const real = realpathSync(firefoxPath());
  const installDir = dirname(real);
  const dir = mkdtempSync(join(tmpdir(), 'liaison-firefox-policies-'));
  for (const name of readdirSync(installDir)) {
    if (name === 'distribution') continue;
    const from = join(installDir, name);
    const to = join(dir, name);
    if (lstatSync(from).isSymbolicLink()) {
      symlinkSync(readlinkSync(from), to);
      continue;
    }
    try {
      execFileSync('cp', ['-al', from, to]);
    } catch {
      // Another filesystem: the binary itself must live here (Firefox finds its install from its own path).
      if (name === basename(real)) copyFileSync(from, to);
      else symlinkSync(from, to);
    }
  }
  mkdirSync(join(dir, 'distribution'));
  writeFileSync(join(dir, 'distribution/policies.json'), JSON.stringify({ policies }, null, 2));
  return { executablePath: join(dir, basename(real)), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
