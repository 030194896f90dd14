import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { requireChromium } from './chromium';

/** The unpacked test build; LIAISON_TEST_BUILD_DIR points elsewhere (a second build beside a running suite). */
export const TEST_BUILD_DIR =
  process.env.LIAISON_TEST_BUILD_DIR ?? resolve(import.meta.dirname, '../.output/test/chrome-mv3');

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Starts Chromium with the unpacked test build loaded (the recipe in shared/notes/e2e-recipe.md): a persistent
 * context, and --disable-extensions-except, without which Playwright's defaults silently keep it out.
 */
export async function launchWithExtension(
  opts: {
    headless?: boolean;
    dir?: string;
    /** A browser profile to start again (kept on close), as a user's browser restarts; else a fresh one. */
    profile?: string;
  } = {},
): Promise<LoadedExtension> {
  const dir = opts.dir ?? TEST_BUILD_DIR;
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'liaison-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireChromium(),
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      if (!opts.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
