#!/usr/bin/env bash
# `npm run package`: what the stores and district IT take, from the store build (no host permissions at install).
#   .output/liaison-<version>-chrome.zip   Chrome Web Store (and Edge Add-ons) upload
#   .output/liaison-<version>-firefox.zip  addons.mozilla.org upload (Firefox MV3)
#   .output/liaison-<version>-sources.zip  the sources AMO asks for: rebuild with `npm ci && npm run build:firefox`
# LIAISON_OUT_DIR puts all of it elsewhere (the package test builds into a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
# The store build, never the test or store-local builds (their manifests grant loopback hosts).
export LIAISON_BUILD=
wxt zip -b chrome
wxt zip -b firefox --mv3
out=${LIAISON_OUT_DIR:-.output}
ls -1 "$out"/*.zip
