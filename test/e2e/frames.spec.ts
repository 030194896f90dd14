import { startDemoSis } from '../../demo-sis/serve';
import { expect, test as base } from './fixtures';
import { liaisonErrors } from './support/errors';
import { startFrameHolder } from './support/frame-holder';
import { findingsIn, markerIn } from './support/markers';

/**
 * SIS pages inside frames (openSIS shows every page in `<iframe name="body">`), with the demo SIS as the framed
 * SIS: what needs no product-specific reading. The content script runs in every frame of an enabled site, reads
 * the frame that holds the records, and the tab's "this page" is that frame's, not the empty top's.
 */
type Holder = Awaited<ReturnType<typeof startFrameHolder>>;
type Other = Awaited<ReturnType<typeof startDemoSis>>;

const test = base.extend<object, { holder: Holder; otherSite: Other }>({
  holder: [
    async ({}, use) => {
      const h = await startFrameHolder();
      await use(h);
      await h.close();
    },
    { scope: 'worker' },
  ],
  // The demo SIS again on 127.0.0.2: loopback, but a host the test build is not enabled on (only 127.0.0.1 and localhost).
  otherSite: [
    async ({}, use) => {
      const sis = await startDemoSis({ port: 0, host: '127.0.0.2' });
      await use(sis);
      await sis.close();
    },
    { scope: 'worker' },
  ],
});

const active = (scope: { locator(s: string): import('@playwright/test').Locator }) =>
  scope.locator('html[data-liaison-active]');

test.describe('SIS pages in frames', () => {
  test('a frame of the site is read in the frame; a frame of a site not enabled is not; the empty top shows no chip', async ({
    page,
    holder,
    sisUrl,
    otherSite,
  }) => {
    const errors = liaisonErrors(page);
    await page.goto(holder.holding([`${sisUrl}/students/1009`, `${otherSite.url}/students/1009`]));
    const same = page.frame({ name: 'f0' })!;
    const other = page.frame({ name: 'f1' })!;
    await findingsIn(same, 'student', '1009');
    await expect(markerIn(same, 'student', '1009')).toHaveCount(1);
    // The top holds only frames: nothing of it is read, no marker, and no "not recognized" chip over the SIS.
    await expect(active(page)).toHaveCount(1);
    await expect(page.locator('[data-liaison-marker]')).toHaveCount(0);
    await expect(page.locator('[data-liaison-chip]')).toHaveCount(0);
    // The other site's frame got no script at all.
    await other.waitForLoadState();
    await expect(other.locator('body')).not.toBeEmpty();
    await expect(active(other)).toHaveCount(0);
    await expect(other.locator('[data-liaison-marker], [data-liaison-chip]')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the side panel shows the frame’s record, though the empty top reports after it; the frame’s next page replaces it', async ({
    page,
    holder,
    sisUrl,
    openPanel,
  }) => {
    await page.goto(`${sisUrl}/staff`);
    await findingsIn(page, 'staff', 'T100');
    // The top's parser waits 2.5 s on a script after the frame: the frame is read first, the top after.
    await page.goto(holder.holding([`${sisUrl}/students/1009`], { slowMs: 2500 }), { waitUntil: 'commit' });
    await expect.poll(() => page.frame({ name: 'f0' })).toBeTruthy();
    const frame = page.frame({ name: 'f0' })!;
    await findingsIn(frame, 'student', '1009');
    expect(
      await active(page).count(),
      'the top was read before its frame: the race this test is about did not happen',
    ).toBe(0);
    await expect(active(page)).toHaveCount(1);
    // The top has reported "not recognized" by now (its read starts with the attribute); the worker asked the frame.
    await page.waitForTimeout(1000);
    const panel = await openPanel();
    await expect(panel.locator('#subject-heading')).toContainText('Isabella Davis');

    await page.bringToFront();
    await frame.goto(`${sisUrl}/students`);
    await expect(frame.locator('[data-liaison-student]').first()).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'This page' })).toBeVisible();
    await expect(panel.locator('[data-subject="student:1009"]')).toBeVisible();
  });
});
