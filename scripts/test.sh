#!/usr/bin/env bash
# Every test: type check and lint (`npm run check`), unit tests (vitest), the Firefox MV3 builds, the Firefox tests (firefox-esr, addons-linter),
# then the browser tests (Playwright in real Chromium with the built extension). Ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p test-results
rm -f test-results/*.json test-results/checks.txt

check() { # name, command…: a build or type check counted as one test
  local name=$1; shift
  echo "── $name"
  if "$@"; then echo "pass $name" >> test-results/checks.txt; else echo "fail $name" >> test-results/checks.txt; fi
}

check "type check" tsc --noEmit
check "lint (eslint)" eslint .
check "format (prettier, 120 columns)" prettier --check .
echo "── unit tests"
vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
check "Firefox MV3 build" wxt build -b firefox --mv3
check "extension test build" env LIAISON_BUILD=test wxt build --mode test
check "Firefox MV3 test build" env LIAISON_BUILD=test LIAISON_OUT_DIR=.output/test-firefox wxt build -b firefox --mv3 --mode test
# Real Firefox (Debian's firefox-esr over WebDriver BiDi) and Mozilla's validator; without a Firefox its tests
# fail and say how to install one (test/firefox/firefox.ts).
echo "── Firefox tests (${FIREFOX_PATH:-$(command -v firefox-esr || echo 'no firefox-esr')})"
vitest run --config test/firefox/vitest.config.ts --reporter=default --reporter=json --outputFile.json=test-results/firefox.json
if chromium_path=$(tsx scripts/chromium.ts); then
  echo "── browser tests (Chromium: $chromium_path)"
  CHROMIUM_PATH="$chromium_path" PW_REPORTERS=json playwright test
else
  echo "fail browser tests: no Chromium (see above)" >> test-results/checks.txt
fi
node scripts/summarize.mjs
