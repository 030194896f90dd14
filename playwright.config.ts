import { defineConfig } from '@playwright/test';

// Lets tests see the service worker's own requests (the zero-network test records them).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Playwright empties its output folder on start: keep it apart from the other runners' reports.
  outputDir: 'test-results/e2e-artifacts',
  // Each test starts its own Chromium with a fresh profile; two at a time fit this 2-core machine.
  workers: 2,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter:
    process.env.PW_REPORTERS === 'json' ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]] : 'list',
  use: { trace: 'off' },
});
