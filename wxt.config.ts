import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { zodJitless } from './scripts/zod-jitless';
import { noInnerHtml } from './scripts/no-inner-html';

/** The test build (npm run build:test) runs Liaison on local demo and fixture servers without a prompt. */
const testBuild = process.env.LIAISON_BUILD === 'test';
/**
 * `npm run build:store-local`: the store build exactly (production mode: closed shadow roots, the store marker
 * attributes, the store CSP), but enabled on loopback without a prompt, so tests see what a page can learn from
 * what users install. Only the manifest differs: loopback host permissions and the SIS script declared for them.
 */
const storeLocal = process.env.LIAISON_BUILD === 'store-local';
export const LOCAL_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];
/** The SIS content script as the store build registers it at run time (lib/sites/registration SIS_SCRIPT_FILE). */
const SIS_SCRIPT_FILE = 'content-scripts/sis.js';
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // LIAISON_OUT_DIR: the manifest test builds into a temporary folder, leaving .output alone.
  outDir: process.env.LIAISON_OUT_DIR ?? (testBuild ? '.output/test' : storeLocal ? '.output/store-local' : '.output'),
  // The same folder name in every mode, so the test build is .output/test/chrome-mv3.
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}',
  vite: () => ({ plugins: [preact(), zodJitless(), noInnerHtml()] }),
  // The AMO sources zip (npm run package): the project's files, without what .gitignore leaves out of the repository
  // (WXT already leaves out node_modules and hidden folders such as .output).
  zip: {
    excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**', 'bench/results.json', '**/*.log'],
  },
  hooks: {
    // WXT adds a runtime-registered content script's `matches` to host_permissions. The store build asks for no
    // host at install: sites are optional permissions the user grants one by one (lib/sites/registration).
    'build:manifestGenerated': (_wxt, manifest) => {
      if (storeLocal) {
        // As if the user had enabled both loopback sites (lib/sites/registration registers the same script).
        manifest.host_permissions = LOCAL_ORIGINS;
        manifest.content_scripts = [
          { matches: LOCAL_ORIGINS, js: [SIS_SCRIPT_FILE], all_frames: true, run_at: 'document_idle' },
        ];
      } else if (!testBuild) delete manifest.host_permissions;
    },
  },
  manifest: ({ browser }) => ({
    name: 'Liaison',
    description:
      'Special-education credential and assignment checks, caseloads and liaison notes, on the SIS pages you already use.',
    permissions: ['storage', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: testBuild ? LOCAL_ORIGINS : [],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Asked for only when the user turns on follow-up notifications (Notes settings).
    optional_permissions: ['notifications'],
    // Rendered from assets/icon.svg by scripts/icons.ts.
    icons: ICONS,
    action: { default_title: 'Liaison', default_icon: ICONS },
    // District policy (enabled sites, profiles, retention…) arrives through managed storage.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'liaison@liaison.invalid',
              // 140: the oldest Firefox ESR still supported, and the first that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Mozilla's data-consent key: Liaison collects and transmits nothing (README "Privacy").
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'self'; connect-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
    },
  }),
});
