/**
 * npm run demo: builds the extension, serves the demo SIS and opens Chromium with Liaison loaded on it. With no
 * display (or --headless) it walks the demo pages itself, prints the findings it saw on each page and writes
 * screenshots of an overlaid page and of the side panel, and the store screenshots (1280×800, page and panel).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startDemoSis } from '../demo-sis/serve';
import { findChromium, NO_CHROMIUM } from './chromium';
import { launchWithExtension } from './launch';

const args = process.argv.slice(2);
const headless =
  args.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform === 'darwin');
const outDir = resolve(args.find((a) => a.startsWith('--out='))?.slice(6) ?? 'demo-output');

/** The walk a case manager would take: staff (credentials), the caseload list, then individual records. */
const WALK = [
  '/staff',
  '/students',
  '/students/1009',
  '/students/1005',
  '/students/1012',
  '/students/1015',
  '/staff/T107',
];

async function main() {
  if (!findChromium()) {
    console.error(NO_CHROMIUM);
    process.exit(1);
  }
  console.error('Building the extension…');
  const build = spawnSync('wxt', ['build', '--mode', 'test'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, LIAISON_BUILD: 'test' },
  });
  if (build.status !== 0) throw new Error('the extension build failed (see above)');

  const sis = await startDemoSis({ port: Number(process.env.DEMO_PORT ?? 0) });
  const ext = await launchWithExtension({ headless });
  console.error(`Demo SIS at ${sis.url} — Liaison loaded (extension id ${ext.extensionId}).`);
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());

  if (!headless) {
    await page.goto(`${sis.url}/students`);
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
    await page.bringToFront();
    console.error('Browse the demo SIS; the Liaison button opens the side panel. Close the browser to stop.');
    await new Promise((done) => ext.context.on('close', done));
    await sis.close();
    return;
  }

  for (const path of WALK) {
    await page.goto(sis.url + path);
    await settled(page);
    console.log(`\n${path}`);
    const seen = await page.evaluate(readMarkers);
    for (const m of seen) {
      console.log(`  ${m.kind} ${m.id}: ${m.findings.length ? '' : 'no findings'}`);
      for (const f of m.findings) console.log(`    ${f.code.padEnd(30)} ${f.title}`);
    }
  }

  mkdirSync(outDir, { recursive: true });
  await page.goto(`${sis.url}/students/1009`);
  await settled(page);
  await page.locator('[data-liaison-student="1009"] button').first().click();
  const pageShot = resolve(outDir, 'overlaid-page.png');
  await page.screenshot({ path: pageShot, fullPage: true });
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await panel.locator('li.finding').first().waitFor();
  const panelShot = resolve(outDir, 'side-panel.png');
  await panel.screenshot({ path: panelShot, fullPage: true });
  const storeShots = await storeScreenshots(page, panel, sis.url);
  console.log(`\nScreenshots written to ${outDir}:\n  ${[pageShot, panelShot, ...storeShots].join('\n  ')}`);
  await ext.close();
  await sis.close();
}

/**
 * The store screenshots (Chrome Web Store and addons.mozilla.org take 1280×800): the SIS page with Liaison's side
 * panel beside it, as a user sees them — the student list with its badges, then a student page with a badge open.
 */
async function storeScreenshots(page: Page, panel: Page, sisUrl: string): Promise<string[]> {
  const { default: sharp } = await import('sharp');
  const [W, H, PANEL] = [1280, 800, 400];
  await page.setViewportSize({ width: W - PANEL, height: H });
  await panel.setViewportSize({ width: PANEL, height: H });
  const shots: [string, string, (panel: Page) => Promise<unknown>][] = [
    ['/students', 'store-1-student-list.png', (p) => p.locator('[data-subject="student:1009"]').first().waitFor()],
    [
      '/students/1009',
      'store-2-student-page.png',
      (p) => p.locator('#subject-heading', { hasText: 'Isabella Davis' }).waitFor(),
    ],
  ];
  const written: string[] = [];
  for (const [path, file, panelReady] of shots) {
    await page.bringToFront();
    await page.goto(sisUrl + path);
    await settled(page);
    if (path !== '/students') await page.locator('[data-liaison-student="1009"] button').first().click();
    await panelReady(panel);
    const left = await page.screenshot();
    const right = await panel.screenshot();
    const out = resolve(outDir, file);
    await sharp({ create: { width: W, height: H, channels: 3, background: '#ffffff' } })
      .composite([
        { input: left, left: 0, top: 0 },
        { input: right, left: W - PANEL, top: 0 },
      ])
      .png()
      .toFile(out);
    written.push(out);
  }
  return written;
}

/** Waits until every marker on the page shows the worker's answer. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const ms = [...document.querySelectorAll('[data-liaison-marker]')];
    return ms.length > 0 && ms.every((m) => m.shadowRoot?.querySelector('button')?.textContent !== 'Liaison…');
  });
}

function readMarkers() {
  // Each badge is opened and closed again: its popover lists the findings once opened.
  return [...document.querySelectorAll<HTMLElement>('[data-liaison-marker]')].map((m) => {
    const badge = m.shadowRoot?.querySelector<HTMLButtonElement>('button.badge');
    badge?.click();
    const findings = [...(m.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => ({
      code: li.querySelector('.code')?.textContent?.trim() ?? '',
      title: li.querySelector('strong')?.textContent ?? '',
    }));
    badge?.click();
    return {
      kind: m.hasAttribute('data-liaison-student') ? 'student' : 'staff',
      id: m.getAttribute('data-liaison-student') ?? m.getAttribute('data-liaison-staff') ?? '',
      findings,
    };
  });
}

main().catch((err) => {
  console.error(`Demo failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
