import { defineConfig } from 'vitest/config';

/**
 * The Firefox runner (scripts/test.sh, after the Firefox builds): Liaison's Firefox MV3 test build in Debian's
 * firefox-esr over WebDriver BiDi, and Mozilla's validator on the Firefox store build. One file at a time: each
 * starts a browser or a validator on this small machine.
 */
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
