import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'lib/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    // A busy machine is slow, not wrong: no test fails for taking long (timings are `npm run bench`'s).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
