import { expect, findingsOf, test } from './fixtures';

/**
 * The side panel's "What Liaison read on this page": the worker keeps the last snapshot's fields, sources and
 * diagnostics per tab (session storage, not IndexedDB, not the SIS page) and answers the panel's typed message.
 */
test.describe('side panel: what Liaison read on this page', () => {
  test('shows the fields read on the page in view, with where each came from, in a table', async ({
    page,
    sisUrl,
    openPanel,
  }) => {
    await page.goto(`${sisUrl}/students/1004`);
    await findingsOf(page, 'student', '1004');
    const panel = await openPanel();
    const section = panel.getByTestId('read-summary');
    await expect(section.locator('summary')).toHaveText('What Liaison read on this page');
    // Collapsed at first, opened by keyboard.
    await expect(section.locator('table')).toHaveCount(0);
    await section.locator('summary').focus();
    await panel.keyboard.press('Enter');
    const table = section.locator('table');
    await expect(table).toBeVisible();
    await expect(table.locator('thead th')).toHaveText(['Field', 'Value', 'Where it came from']);
    const grade = table.locator('tbody tr', { has: panel.locator('th', { hasText: /^grade$/ }) });
    await expect(grade.locator('td').nth(1)).toContainText('Grade');
    await expect(section.getByRole('heading', { name: 'What Liaison did not understand' })).toBeVisible();

    // Nothing of it reaches the SIS page's DOM.
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('Where it came from'))).toBe(false);
  });
});
