import { todayIso } from '../../lib/dates';
import { expect, findingsOf, test } from './fixtures';
import { unlockNotes } from './support/notes';

test("teacher role: the student's card shows the accommodations and the case manager, no disability or credential finding, and records the reading", async ({
  page,
  sisUrl,
  openPanel,
}) => {
  // Caleb Foster (1034): his case manager's credential has expired, so the checks find a credential problem.
  await page.goto(`${sisUrl}/staff/T107`);
  await findingsOf(page, 'staff', 'T107');
  await page.goto(`${sisUrl}/students/1034`);
  expect(await findingsOf(page, 'student', '1034')).toContain('CM_NOT_AUTHORIZED');

  let panel = await openPanel();
  await panel.getByRole('tab', { name: 'Notes' }).click();
  await unlockNotes(panel);
  await panel.getByText('Note settings').click();
  await panel.getByLabel('Your role').selectOption('teacher');
  await expect(panel.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await panel.close();

  panel = await openPanel();
  await panel.getByRole('tab', { name: 'Checks' }).click();
  const card = panel.getByTestId('teacher-card');
  await expect(card).toBeVisible();
  await expect(card.locator('[data-group="accommodations"] li')).toHaveText([
    'Notes provided before lectures',
    'Use of a calculator',
  ]);
  await expect(card.locator('[data-group="testingAccommodations"] li')).toHaveText(['Extended time (1.5x)']);
  // The case manager and how to reach them.
  await expect(card.locator('.cm-card')).toContainText('Lucy Brown');
  const href = (await card.locator('.cm-card a[href^="mailto:"]').getAttribute('href'))!;
  const email = decodeURIComponent(href.slice('mailto:'.length).split('?')[0]!);
  expect(email).toMatch(/^\S+@svusd\.example\.org$/);
  // Never the disability, never a finding (the credential one exists: the badge showed it).
  const main = panel.locator('main, body').first();
  await expect(main).not.toContainText(/Specific Learning|SLD|\b290\b|disabilit/i);
  await expect(main).not.toContainText(/credential|authoriz/i);
  await expect(panel.locator('li.finding')).toHaveCount(0);

  // "I have read these": the date is recorded here, and the confirmation e-mail is built for the mail client.
  await card.getByRole('button', { name: 'I have read these' }).click();
  await expect(card.getByTestId('read-date')).toHaveText(`You confirmed reading these on ${todayIso()}.`);
  await expect(card.getByRole('button', { name: 'I have read these' })).toHaveCount(0);
  const mail = await card.getByTestId('confirm-mail').getAttribute('href');
  expect(decodeURIComponent(mail!.slice('mailto:'.length).split('?')[0]!)).toBe(email); // to the case manager
  const body = new URL(mail!).searchParams.get('body')!;
  expect(body).toBe(
    `I have read the accommodations, testing accommodations for Caleb F. (SIS id 1034) on ${todayIso()}.`,
  );

  // Kept across panels (stored locally), and shown in Notes too.
  await panel.close();
  panel = await openPanel();
  await expect(panel.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByTestId('teacher-card').getByTestId('read-date')).toHaveText(
    `You confirmed reading these on ${todayIso()}.`,
  );

  // The case manager logs the confirmation in her contact log, and her view shows which teachers confirmed.
  await unlockNotes(panel);
  await panel.getByText('Note settings').click();
  await panel.getByLabel('Your role').selectOption('case-manager');
  // A case manager's panel opens on Checks: back to Notes.
  await expect(panel.getByRole('tab', { name: 'Checks' })).toHaveAttribute('aria-selected', 'true');
  await panel.getByRole('tab', { name: 'Notes' }).click();
  await expect(panel.getByTestId('read-confirmations')).toContainText('None logged yet');
  await panel.getByRole('button', { name: 'Add note' }).click();
  const form = panel.locator('form.note-form');
  await form.getByLabel('Type').selectOption('accommodations-read');
  await form.getByLabel('With', { exact: true }).selectOption('teacher');
  await form.getByLabel('Name (optional)').fill('Mr. Park');
  await form.getByLabel('What was said').fill('Confirmed by e-mail.');
  await form.getByRole('button', { name: 'Save note' }).click();
  await expect(panel.getByTestId('read-confirmations').locator('li')).toHaveCount(1);
  await expect(panel.getByTestId('read-confirmations').locator('li')).toContainText('Mr. Park');
});
