#!/usr/bin/env bash
# Makes a fresh checkout runnable: installs the locked dependencies (which include Node 22, the version WXT,
# Vitest and Playwright support) when they are missing or older than package-lock.json.
# npm scripts put node_modules/.bin first on PATH, so every tool after this runs on that Node 22.
set -euo pipefail
cd "$(dirname "$0")/.."
quiet=0; [ "${1:-}" = "--quiet" ] && quiet=1
say() { [ $quiet = 1 ] || echo "$@" >&2; }

need_install=0
if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ]; then
  need_install=1
elif [ package-lock.json -nt node_modules/.package-lock.json ]; then
  need_install=1
fi
if [ $need_install = 1 ]; then
  say "Liaison: installing dependencies (npm ci, once)…"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
v=$(node_modules/.bin/node --version)
case "$v" in
  v22.*|v24.*|v2[6-9].*) ;;
  *) echo "Liaison: node_modules/.bin/node is $v, Node 22 or newer is needed. Run: npm ci" >&2; exit 1 ;;
esac
[ -d .wxt ] || node_modules/.bin/wxt prepare >/dev/null 2>&1 || true
