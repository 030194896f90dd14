import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { format } from 'date-fns';
import { expect, findingsOf, test } from './fixtures';

const STUDENT = '1009';
const PASS = 'trust spec passphrase';
const SECRET = 'Grandmother picks up on Tuesdays';
const today = () => format(new Date(), 'yyyy-MM-dd');

async function openStudent(page: Page, sisUrl: string) {
  await page.goto(`${sisUrl}/students/${STUDENT}`);
  return findingsOf(page, 'student', STUDENT);
}

async function notesTab(panel: Page) {
  await panel.getByRole('tab', { name: 'Notes' }).click();
}

async function setPassphrase(panel: Page) {
  await expect(
    panel.getByText('If you forget this passphrase, your notes cannot be recovered — not even by your district.'),
  ).toBeVisible();
  await panel.getByLabel(/New passphrase/).fill(PASS);
  await panel.getByLabel('Same passphrase again').fill(PASS);
  await panel.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(panel.getByRole('button', { name: 'Lock now' })).toBeVisible();
}

async function unlock(panel: Page, pass = PASS) {
  await panel.getByLabel('Passphrase', { exact: true }).fill(pass);
  await panel.getByRole('button', { name: 'Unlock' }).click();
}

/** Stops every service worker of the extension (Chrome's idle stop), from a session on an extension page. */
async function stopWorkers(context: BrowserContext, extensionPage: Page) {
  const cdp = await context.newCDPSession(extensionPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

test('a note saved as the worker is stopped is intact, sealed, and shows again after unlocking', async ({
  page,
  context,
  sisUrl,
  openPanel,
}) => {
  await openStudent(page, sisUrl);
  let panel = await openPanel();
  await notesTab(panel);
  await setPassphrase(panel);
  await panel.getByRole('button', { name: 'Add note' }).click();
  const form = panel.locator('form.note-form');
  await form.getByLabel('What was said').fill(SECRET);
  await form.getByLabel('Follow up on (optional)').fill(today());
  await form.getByRole('button', { name: 'Save note' }).click();
  await stopWorkers(context, panel); // at once, while the save may still be in flight
  await expect(panel.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();

  // The worker starts again on the next page read and, without any key, still flags the follow-up.
  await page.bringToFront();
  await page.reload();
  expect(await findingsOf(page, 'student', STUDENT)).toContain('NOTE_FOLLOWUP_DUE');

  // The stored row holds no plaintext: read raw from IndexedDB in the extension's origin.
  const raw = await panel.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('liaison');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('notes').objectStore('notes').getAll();
          req.onsuccess = () => resolve(JSON.stringify(req.result));
        };
      }),
  );
  expect(raw).toContain('A256GCM');
  expect(raw).not.toContain('Grandmother');

  await panel.close();
  panel = await openPanel();
  await notesTab(panel);
  await unlock(panel);
  await expect(panel.locator('li.note')).toContainText(SECRET);
});

test('locked: notes hidden behind an accessible unlock form; follow-ups still counted; Lock now', async ({
  page,
  sisUrl,
  openPanel,
}) => {
  await openStudent(page, sisUrl);
  let panel = await openPanel();
  await notesTab(panel);
  await setPassphrase(panel);
  await panel.getByRole('button', { name: 'Add note' }).click();
  await panel.getByLabel('What was said').fill(SECRET);
  await panel.getByLabel('Follow up on (optional)').fill(today());
  await panel.getByRole('button', { name: 'Save note' }).click();
  await expect(panel.locator('li.note')).toContainText(SECRET);

  await panel.getByRole('button', { name: 'Lock now' }).click();
  await expect(panel.getByRole('heading', { name: 'Notes are locked' })).toBeVisible();
  await expect(panel.getByText(SECRET)).toHaveCount(0);

  await panel.close();
  panel = await openPanel();
  await expect(panel.getByRole('tab', { name: /Follow-ups/ })).toContainText('(1)');
  await notesTab(panel);
  await expect(panel.getByLabel('Passphrase', { exact: true })).toBeFocused();
  const violations = (await new AxeBuilder({ page: panel }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(violations.map((v) => v.id)).toEqual([]);
  await unlock(panel, 'not the passphrase');
  await expect(panel.getByRole('alert')).toContainText('That passphrase is not right');
  await expect(panel.getByText(SECRET)).toHaveCount(0);
  await unlock(panel);
  await expect(panel.locator('li.note')).toContainText(SECRET);
});

test('options: access log, rejected messages, and a backup with notes still sealed', async ({
  page,
  context,
  sisUrl,
  openPanel,
  extensionId,
}) => {
  await openStudent(page, sisUrl);
  const panel = await openPanel();
  await notesTab(panel);
  await setPassphrase(panel);
  await panel.getByRole('button', { name: 'Add note' }).click();
  await panel.getByLabel('What was said').fill(SECRET);
  await panel.getByRole('button', { name: 'Save note' }).click();
  await expect(panel.locator('li.note')).toContainText(SECRET);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText('Rejected messages: 0')).toBeVisible();
  const log = options.locator('table.access-log');
  await expect(log).toContainText('Viewed record');
  await expect(log).toContainText('Read notes');
  await expect(log).toContainText(STUDENT);
  await expect(log).not.toContainText('Isabella');

  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8');
  const backup = JSON.parse(text);
  expect(backup).toMatchObject({ format: 'liaison-backup', version: 1, notes: { included: true } });
  expect(backup.notes.rows).toHaveLength(1);
  expect(text).not.toContain('Grandmother');

  // Restoring the same file reports what it would change before writing: notes merge note by note, and the
  // note here is the same version as the file's, so it is kept.
  await options.getByLabel('Restore from a backup file').setInputFiles((await download.path())!);
  await expect(options.locator('.import-plan')).toContainText('Notes: 0 added, 0 replaced');
  await expect(options.locator('.import-plan')).toContainText('1 kept');
  await options.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Restored.' })).toBeVisible();
});
