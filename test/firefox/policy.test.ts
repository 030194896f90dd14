import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  firefoxWithPolicies,
  GECKO_ID,
  launchFirefoxWithLiaison,
  waitForExtensionPage,
  type FirefoxWithLiaison,
} from './firefox';

/**
 * Firefox's counterpart of Chrome's managed storage: the enterprise policy `3rdparty` → `Extensions` → the gecko
 * id (docs/deploy.md). The district policy of docs/policy-example.json, given to a real firefox-esr through its
 * policies.json, is what Liaison's pages read from browser.storage.managed.
 */
const example = JSON.parse(readFileSync('docs/policy-example.json', 'utf8'));

let install: ReturnType<typeof firefoxWithPolicies>;
let ff: FirefoxWithLiaison;
beforeAll(async () => {
  install = firefoxWithPolicies({ '3rdparty': { Extensions: { [GECKO_ID]: example } } });
  ff = await launchFirefoxWithLiaison(undefined, install.executablePath);
});
afterAll(async () => {
  await ff?.close();
  install?.cleanup();
});

describe('district policy in real Firefox (policies.json 3rdparty)', () => {
  it("reaches Liaison's managed storage as deployed, and the district's retention period holds on first start", async () => {
    const panel = await ff.browser.newPage();
    try {
      // As in demo-sis.test.ts: puppeteer never sees a moz-extension:// load end; wait for the page instead.
      void panel.goto(`${ff.origin}/options.html`, { timeout: 20_000 }).catch(() => undefined);
      await waitForExtensionPage(panel);
      const managed = await panel.evaluate(() =>
        (
          globalThis as unknown as { browser: { storage: { managed: { get(): Promise<unknown> } } } }
        ).browser.storage.managed.get(),
      );
      expect(managed).toEqual(example);
      // On first start, with no click: the retention period is the district's, and the user cannot change it.
      const retention = await panel.waitForSelector('section[aria-labelledby="privacy-heading"] input[type="number"]', {
        timeout: 15_000,
      });
      await panel.waitForFunction(
        (n: number) => {
          const input = document.querySelector<HTMLInputElement>(
            'section[aria-labelledby="privacy-heading"] input[type="number"]',
          );
          return input?.value === String(n) && input.disabled;
        },
        { timeout: 10_000 },
        example.retentionDays,
      );
      expect(await retention!.evaluate((i) => i.closest('p')?.textContent)).toContain('(set by your district)');
    } finally {
      await panel.close();
    }
  });
});
