import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Each test starts its own Chromium with a fresh profile; two at a time fit this 2-core machine.
  workers: 2,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.PW_REPORTERS === 'json' ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]] : 'list',
  use: { trace: 'off' },
});
