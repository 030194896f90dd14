import { expect, findingsOf, marker, test } from './fixtures';

/** Everything Liaison's pages, worker and content scripts may load: the SIS itself and the extension's own files. */
function leaving(urls: string[], sisOrigin: string): string[] {
  return urls.filter(
    (u) =>
      !u.startsWith(`${sisOrigin}/`) &&
      !u.startsWith('chrome-extension://') &&
      !u.startsWith('data:') &&
      !u.startsWith('blob:'),
  );
}

test('Liaison sends no request anywhere but the SIS page itself', async ({
  context,
  page,
  sisUrl,
  openPanel,
  extensionId,
}) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));

  await page.goto(`${sisUrl}/staff`);
  await findingsOf(page, 'staff', 'T100');
  await page.goto(`${sisUrl}/students`);
  await findingsOf(page, 'student', '1009');
  await marker(page, 'student', '1009').locator('button').click();
  await page.locator('a[href="/students/1012"]').first().click();
  await findingsOf(page, 'student', '1012');
  await page.goto(`${sisUrl}/staff/T107`);
  await findingsOf(page, 'staff', 'T107');

  const panel = await openPanel();
  await expect(panel.locator('main')).not.toBeEmpty();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Sites' })).toBeVisible();

  expect(requests.length).toBeGreaterThan(5);
  expect(leaving(requests, new URL(sisUrl).origin)).toEqual([]);
});
