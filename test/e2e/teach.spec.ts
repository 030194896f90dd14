import type { Locator, Page } from '@playwright/test';
import { expect, findingsOf, marker, test as base } from './fixtures';
import { startCustomSis } from './support/custom-sis';
import { liaisonErrors } from './support/errors';

type Sis = Awaited<ReturnType<typeof startCustomSis>>;

const test = base.extend<object, { customSis: Sis }>({
  customSis: [
    async ({}, use) => {
      const sis = await startCustomSis();
      await use(sis);
      await sis.close();
    },
    { scope: 'worker' },
  ],
});

const toolbar = (page: Page) => page.locator('[data-liaison-teach]');

/** Pick mode for one field, then a click on the page element that shows it. */
async function pick(page: Page, field: string, target: Locator) {
  await toolbar(page).getByRole('button', { name: `Pick ${field}` }).click();
  await expect(toolbar(page).getByRole('status')).toContainText(`shows ${field}`);
  await target.click();
}

test('teach mode: an unrecognized page is taught by clicking, saved, and read after a reload', async ({ page, customSis, openPanel }) => {
  const errors = liaisonErrors(page);
  const pupilUrl = `${customSis.url}/pupil?sid=P-4411&tab=sped`;
  await page.goto(pupilUrl);
  // Not recognized: a quiet chip on the page, nothing marked, and the side panel says so.
  await expect(page.locator('[data-liaison-chip]')).toBeVisible();
  await expect(page.locator('[data-liaison-marker]')).toHaveCount(0);
  const panel = await openPanel();
  await expect(panel.getByRole('heading', { name: 'This page is not recognized' })).toBeVisible();
  await panel.getByRole('button', { name: 'Not recognized — teach Liaison' }).click();
  await expect(panel.getByText('Teach mode is open on the page')).toBeVisible();

  await page.bringToFront();
  await expect(toolbar(page).getByRole('heading', { name: 'Teach Liaison this page' })).toBeVisible();
  await expect(toolbar(page).getByRole('button', { name: 'Save profile' })).toBeDisabled();

  await pick(page, 'Student ID', page.locator('[data-key="pupil-no"]'));
  await expect(toolbar(page).locator('tr[data-field="id"]')).toContainText('URL parameter sid');
  await pick(page, 'Name', page.locator('h1.pupil-name'));
  await expect(toolbar(page).locator('[data-preview]')).toContainText('Student P-4411: Jamie Ortiz');

  // A wrong pick, undone.
  await pick(page, 'Primary disability', page.locator('h1.pupil-name'));
  await expect(toolbar(page).locator('[data-preview]')).toContainText('Primary disabilityJamie Ortiz');
  await toolbar(page).getByRole('button', { name: 'Undo' }).click();
  await expect(toolbar(page).locator('tr[data-field="primaryDisability"]')).toContainText('not mapped');

  // Escape cancels a pick; the page's click was never delivered.
  await toolbar(page).getByRole('button', { name: 'Pick Services' }).click();
  await page.keyboard.press('Escape');
  await expect(toolbar(page).getByRole('status')).toHaveText('Picking cancelled.');

  await pick(page, 'Primary disability', page.locator('table.facts td.v').first());
  await pick(page, 'Services', page.locator('span.svc'));
  await pick(page, 'Case manager', page.locator('dl.team dd'));
  await expect(toolbar(page).locator('tr[data-field="caseManager"]')).toContainText('label “Case Carrier”');
  await pick(page, 'Next annual IEP', page.locator('td.plan-date'));

  const preview = toolbar(page).locator('[data-preview]');
  await expect(preview).toContainText('320 - Autism');
  await expect(preview).toContainText('Priya Patel');
  await expect(preview).toContainText('Specialized Academic Instruction');
  await expect(preview).toContainText('2027-03-01');
  expect(new URL(page.url()).href).toBe(pupilUrl); // no pick navigated

  await toolbar(page).getByRole('button', { name: 'Save profile' }).click();
  await expect(toolbar(page).getByRole('status')).toContainText('Saved');
  // Read at once with the new profile, before any reload.
  await expect(marker(page, 'student', 'P-4411')).toHaveCount(1);

  await page.reload();
  await expect(toolbar(page)).toHaveCount(0);
  await expect(marker(page, 'student', 'P-4411')).toHaveCount(1);
  // The case manager was read by name and is not a staff member Liaison has seen.
  expect(await findingsOf(page, 'student', 'P-4411')).toContain('CM_UNKNOWN_STAFF');
  await expect(page.locator('[data-liaison-chip]')).toHaveCount(0);
  await expect(panel.locator('#subject-heading')).toContainText('Jamie Ortiz');
  await expect(panel.locator('#subject-heading')).toContainText('student P-4411');

  // The profile fits every page of this kind, not just the one taught.
  await page.goto(`${customSis.url}/pupil?sid=P-5120&tab=sped`);
  await findingsOf(page, 'student', 'P-5120');
  await expect(panel.locator('#subject-heading')).toContainText('Robin Lee');
  expect(errors).toEqual([]);
});

test('teach mode starts from the page’s “not recognized” chip', async ({ page, customSis }) => {
  await page.goto(`${customSis.url}/pupil?sid=P-5120&tab=sped`);
  const chip = page.locator('[data-liaison-chip]');
  await chip.getByRole('button', { name: 'teach Liaison' }).click();
  await expect(toolbar(page).getByRole('heading', { name: 'Teach Liaison this page' })).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Close teach mode' }).click();
  await expect(toolbar(page)).toHaveCount(0);
  // Dismissable: gone for the rest of this page's life.
  await chip.getByRole('button', { name: 'Dismiss' }).click();
  await expect(chip).toHaveCount(0);
});

test('“Teach this page” in the Checks view opens teach mode on a recognized page too', async ({ page, sisUrl, openPanel }) => {
  await page.goto(`${sisUrl}/students/1009`);
  await findingsOf(page, 'student', '1009');
  const panel = await openPanel();
  await expect(panel.locator('#subject-heading')).toBeVisible();
  await panel.getByRole('button', { name: 'Teach this page' }).click();
  await expect(toolbar(page).getByRole('heading', { name: 'Teach Liaison this page' })).toBeVisible();
  // Asked twice, it still opens once.
  await panel.getByRole('button', { name: 'Teach this page' }).click();
  await expect(panel.getByText('Teach mode is open on the page')).toBeVisible();
  await expect(toolbar(page)).toHaveCount(1);
});

test('profiles import on the options page: validated, previewed, then written; and exported', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Site profiles' })).toBeVisible();
  await expect(options.getByText('No profile yet.')).toBeVisible();
  const file = {
    format: 'liaison-site-profiles',
    profiles: [
      { id: 'district-pupils', label: 'District pupils', hostPatterns: ['sis.district.example'], pages: [{ type: 'student', urlPatterns: ['^/pupil'], id: { from: 'url', param: 'sid' } }] },
      { id: 'Bad Id', label: 'x', hostPatterns: ['h'], pages: [] },
    ],
  };
  await options.getByLabel('Import profiles (JSON)').setInputFiles({ name: 'profiles.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(options.getByText('Add District pupils')).toBeVisible();
  await expect(options.getByText('Skip: Profile 2 is not a valid site profile')).toBeVisible();
  await expect(options.locator('[data-profile]')).toHaveCount(0); // nothing written before confirming
  await options.getByRole('button', { name: 'Import 1 profile' }).click();
  await expect(options.locator('[data-profile="district-pupils"]')).toContainText('sis.district.example');
  const download = options.waitForEvent('download');
  await options.locator('[data-profile="district-pupils"]').getByRole('button', { name: 'Export' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('liaison-profile-district-pupils.json');
});

test('teach mode on a list: each field picked from a cell of its column, every row read after saving', async ({ page, customSis, openPanel }) => {
  const errors = liaisonErrors(page);
  await page.goto(`${customSis.url}/pupils?tab=sped`);
  await page.locator('[data-liaison-chip]').getByRole('button', { name: 'teach Liaison' }).click();
  await toolbar(page).getByTitle('Page type').selectOption('student-list');
  await pick(page, 'Student ID', page.locator('table.roster tbody td').first());
  await expect(toolbar(page).locator('tr[data-field="id"]')).toContainText('column “Pupil no.”');
  await pick(page, 'Name', page.locator('table.roster tbody tr').nth(1).locator('td').nth(1));
  await pick(page, 'Primary disability', page.locator('table.roster thead th').nth(2));
  await pick(page, 'Case manager', page.locator('table.roster tbody td').nth(3));
  const preview = toolbar(page).locator('[data-preview]');
  await expect(preview).toContainText('2 students read');
  await expect(preview).toContainText('Robin Lee, 240 - Speech or Language Impairment');
  expect(new URL(page.url()).pathname).toBe('/pupils'); // the picked link did not navigate
  await toolbar(page).getByRole('button', { name: 'Save profile' }).click();
  await expect(toolbar(page).getByRole('status')).toContainText('Saved');

  await page.reload();
  await expect(page.locator('[data-liaison-student]')).toHaveCount(2);
  expect(await findingsOf(page, 'student', 'P-4411')).toContain('CM_UNKNOWN_STAFF');
  await findingsOf(page, 'student', 'P-5120');
  const panel = await openPanel();
  await expect(panel.getByRole('heading', { name: 'This page' })).toBeVisible();
  await expect(panel.getByText('2 students, 0 staff')).toBeVisible();
  expect(errors).toEqual([]);
});
