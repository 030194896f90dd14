import { existsSync } from 'node:fs';

/** Where Chromium usually lives, after CHROMIUM_PATH. Playwright's own browser downloads are never used. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const NO_CHROMIUM =
  'No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to its binary.';

export function findChromium(): string | null {
  const env = process.env.CHROMIUM_PATH;
  if (env) return existsSync(env) ? env : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function requireChromium(): string {
  const found = findChromium();
  if (!found) {
    const env = process.env.CHROMIUM_PATH;
    throw new Error(env ? `CHROMIUM_PATH is set to ${env}, which does not exist. ${NO_CHROMIUM}` : NO_CHROMIUM);
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findChromium();
  if (found) console.log(found);
  else {
    console.error(NO_CHROMIUM);
    process.exit(1);
  }
}
