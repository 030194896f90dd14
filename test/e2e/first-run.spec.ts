import AxeBuilder from '@axe-core/playwright';
import { expect, findingsOf, test } from './fixtures';

test.describe('first-run set-up', () => {
  test('a fresh profile asks once: who you are (picked), the role, the SIS address enabled', async ({
    page,
    sisUrl,
    openPanel,
  }) => {
    await page.goto(`${sisUrl}/staff`);
    await findingsOf(page, 'staff', 'T101');
    let panel = await openPanel();
    const setup = panel.getByTestId('first-run');
    await expect(setup.getByRole('heading', { name: 'Set up Liaison' })).toBeVisible();
    await expect(setup).toContainText('never sends anything anywhere');
    const serious = async () =>
      (await new AxeBuilder({ page: panel }).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help}`);
    expect(await serious()).toEqual([]);

    // Who you are: the staff Liaison has seen are offered; picking one says whose caseload will show.
    await expect(setup.locator('#first-run-people option[value="Maria Gonzalez (T101)"]')).toHaveCount(1);
    await setup.getByLabel('Your name').fill('Maria Gonzalez (T101)');
    await expect(setup).toContainText("My caseload will show Maria Gonzalez's students.");
    // The role, by keyboard as well as by click.
    await expect(setup.getByRole('radio', { name: /^Case manager/ })).toBeChecked();
    await setup.getByRole('radio', { name: 'Administrator' }).check();
    // The SIS address, enabled from here.
    await setup.getByLabel('SIS address').fill(sisUrl);
    await setup.getByRole('button', { name: 'Enable Liaison on this site' }).click();
    await expect(setup.getByTestId('first-run-site-status')).toHaveText(/^Liaison is on for 127\.0\.0\.1/);
    await setup.getByRole('button', { name: 'Save and start' }).click();
    await expect(setup).toHaveCount(0);

    // Asked once: the next panel goes straight to the tabs, with the answers in place.
    await panel.close();
    panel = await openPanel();
    await expect(panel.getByRole('tab', { name: 'Checks' })).toBeVisible();
    await expect(panel.getByTestId('first-run')).toHaveCount(0);
    await panel.getByRole('tab', { name: 'Caseload' }).click();
    await expect(panel.getByLabel('I am')).toHaveValue(`${sisUrl}|T101`);
    await expect(panel.getByRole('heading', { name: 'My caseload' })).toBeVisible();
    // The role is the one chosen (Note settings, behind the notes lock).
    await panel.getByRole('tab', { name: 'Notes' }).click();
    await panel.getByLabel(/New passphrase/).fill('a long test passphrase');
    await panel.getByLabel('Same passphrase again').fill('a long test passphrase');
    await panel.getByRole('button', { name: 'Set passphrase' }).click();
    await panel.getByText('Note settings').click();
    await expect(panel.getByLabel('Your role')).toHaveValue('administrator');
  });

  test('"Not now" does not ask again', async ({ page, sisUrl, openPanel }) => {
    await page.goto(`${sisUrl}/students`);
    await findingsOf(page, 'student', '1001');
    let panel = await openPanel();
    await panel.getByTestId('first-run').getByRole('button', { name: 'Not now' }).click();
    await expect(panel.getByTestId('first-run')).toHaveCount(0);
    await panel.close();
    panel = await openPanel();
    await expect(panel.getByRole('tab', { name: 'Checks' })).toBeVisible();
    await expect(panel.getByTestId('first-run')).toHaveCount(0);
  });
});
