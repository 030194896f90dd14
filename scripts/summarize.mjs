// Adds up what every runner reported into one line, "N passed, N failed"; exits non-zero when anything failed
// or when a runner left no report (a crash must not read as success).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const missing = [];

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

/** A vitest JSON report (the unit tests, and the Firefox runner's test-results/firefox.json). */
function addVitest(file, name) {
  const vitest = read(file);
  if (!vitest) return missing.push(name);
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numRuntimeErrorTestSuites ?? 0);
  // A suite file that fails to load, or whose beforeAll throws (its tests then read "skipped"), failed with no
  // failed test: it must count.
  failed += (vitest.testResults ?? []).filter(
    (r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed'),
  ).length;
}
addVitest('test-results/vitest.json', 'unit tests');
addVitest('test-results/firefox.json', 'Firefox tests');

const pw = read('test-results/playwright.json');
if (pw) {
  passed += pw.stats.expected + (pw.stats.flaky ?? 0);
  failed += pw.stats.unexpected + (pw.errors?.length ?? 0);
} else if (
  existsSync('test-results/checks.txt') &&
  !readFileSync('test-results/checks.txt', 'utf8').includes('browser tests')
) {
  missing.push('browser tests');
}

if (existsSync('test-results/checks.txt')) {
  for (const line of readFileSync('test-results/checks.txt', 'utf8').split('\n').filter(Boolean)) {
    if (line.startsWith('pass ')) passed++;
    else failed++;
  }
}
for (const m of missing) {
  console.log(`No report from the ${m}: counted as a failure.`);
  failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
