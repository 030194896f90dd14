import type { Page } from '@playwright/test';
import { expect, findingsOf, test } from './fixtures';
import { PASSPHRASE } from './support/notes';

/** What has the keyboard focus: tag, role, text and whether it sits inside a tab panel. */
const focused = (panel: Page) =>
  panel.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const inPanel = el.closest('[role="tabpanel"]')?.id ?? '';
    return `${el.tagName.toLowerCase()}|${el.getAttribute('role') ?? ''}|${el.textContent?.trim() ?? ''}|${inPanel}`;
  });

test.describe('side panel tabs by keyboard (WAI-ARIA tabs)', () => {
  test('arrows, Home and End move between every tab and never into the panel; Tab enters the panel', async ({
    page,
    sisUrl,
    openPanel,
  }) => {
    await page.goto(`${sisUrl}/students/1009`);
    await findingsOf(page, 'student', '1009');
    // A passphrase set in this profile: the next panel shows the unlock form, whose field takes the focus on open.
    let panel = await openPanel();
    await panel.getByRole('tab', { name: 'Notes' }).click();
    await panel.getByLabel(/New passphrase/).fill(PASSPHRASE);
    await panel.getByLabel('Same passphrase again').fill(PASSPHRASE);
    await panel.getByRole('button', { name: 'Set passphrase' }).click();
    await expect(panel.getByRole('button', { name: 'Lock now' })).toBeVisible();
    await panel.close();
    panel = await openPanel();
    await expect(panel.getByRole('tab', { name: 'Checks' })).toHaveAttribute('aria-selected', 'true');
    await expect(panel.locator('#subject-heading')).toBeVisible();

    for (let i = 0; i < 20 && !/^button\|tab\|Checks/.test(await focused(panel)); i++)
      await panel.keyboard.press('Tab');
    expect(await focused(panel)).toMatch(/^button\|tab\|Checks\|$/);

    /** Presses a key, waits for the tab's panel to show its content, and checks the focus stayed on that tab. */
    const press = async (key: string, tab: RegExp, content: RegExp) => {
      await panel.keyboard.press(key);
      const t = panel.getByRole('tab', { name: tab });
      await expect(t).toHaveAttribute('aria-selected', 'true');
      const id = await t.getAttribute('aria-controls');
      await expect(panel.locator(`#${id}`)).toContainText(content);
      // Give a mounting panel the chance to pull the focus in (the bug was an effect after render).
      await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      await expect(t).toBeFocused();
      expect(await panel.getByRole('tab', { selected: true }).count()).toBe(1);
    };
    const locked = /Notes are locked/;
    await press('ArrowRight', /^Notes/, locked);
    await press('ArrowRight', /^Follow-ups/, locked);
    await press('ArrowRight', /^Caseload/, /./);
    await press('ArrowRight', /^This week/, /./);
    await press('ArrowRight', /^Checks/, /./); // wraps around
    await press('ArrowLeft', /^This week/, /./); // and back
    await press('ArrowLeft', /^Caseload/, /./);
    await press('ArrowLeft', /^Follow-ups/, locked);
    await press('Home', /^Checks/, /./);
    await press('End', /^This week/, /./);
    await press('Home', /^Checks/, /./);
    await press('ArrowRight', /^Notes/, locked);

    // Only the selected tab is in the Tab order: Tab leaves the tabs for the Notes panel, then its field.
    await panel.keyboard.press('Tab');
    expect(await focused(panel)).toMatch(/\|panel-notes$/);
    for (
      let i = 0;
      i < 5 && !(await panel.getByLabel('Passphrase', { exact: true }).evaluate((e) => e === document.activeElement));
      i++
    ) {
      await panel.keyboard.press('Tab');
    }
    await expect(panel.getByLabel('Passphrase', { exact: true })).toBeFocused();
    // Shift+Tab goes back to the selected tab, not to another one.
    for (let i = 0; i < 5 && !/^button\|tab\|/.test(await focused(panel)); i++) await panel.keyboard.press('Shift+Tab');
    expect(await focused(panel)).toMatch(/^button\|tab\|Notes\|$/);
  });
});
