import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, findingsOf, marker, test } from './fixtures';

const CASES = resolve(import.meta.dirname, '../../../shared/domain/cases.json');
const cases = existsSync(CASES)
  ? (JSON.parse(readFileSync(CASES, 'utf8')) as { expect: { students: Record<string, string[]>; staff: Record<string, string[]> } })
  : null;

/** Compliance dates and note follow-ups have their own tests; cases.json speaks of the credential rules. */
const DATE_CODES = /^(IEP_|TRIENNIAL_|INITIAL_|TRANSITION_|AGE_OF_MAJORITY|NOTE_)/;

/** The codes cases.json lists: warning and error findings, plus the one info code it names. */
async function reportedCodes(page: Page, kind: 'student' | 'staff', id: string): Promise<string[]> {
  await findingsOf(page, kind, id);
  // The popover's list is built when it opens.
  await marker(page, kind, id).first().locator('button.badge').click();
  const items = marker(page, kind, id).first().locator('li');
  const codes: string[] = [];
  for (const li of await items.all()) {
    const code = (await li.locator('.code').textContent())!.trim();
    const severity = (await li.locator('.sev').textContent())!.trim();
    if (DATE_CODES.test(code)) continue;
    if (severity !== 'info' || code === 'CM_AUTH_VIA_PROVIDER') codes.push(code);
  }
  return codes.sort();
}

test.describe('demo SIS round trip: page → worker → Dexie → markers and side panel', () => {
  test('every worked case of the rule specification shows its findings on the student and staff pages', async ({ page, sisUrl }) => {
    test.skip(!cases, 'left out: ../shared/domain/cases.json is not present in this checkout');
    await page.goto(`${sisUrl}/staff`);
    await findingsOf(page, 'staff', 'T100');
    for (const [id, expected] of Object.entries(cases!.expect.students)) {
      await page.goto(`${sisUrl}/students/${id}`);
      expect(await reportedCodes(page, 'student', id), `student ${id}`).toEqual([...expected].sort());
    }
    for (const [id, expected] of Object.entries(cases!.expect.staff)) {
      await page.goto(`${sisUrl}/staff/${id}`);
      expect(await reportedCodes(page, 'staff', id), `staff ${id}`).toEqual([...expected].sort());
    }
  });

  test('the student list gets one marker per student, with severity as text and attribute', async ({ page, sisUrl }) => {
    await page.goto(`${sisUrl}/staff`);
    await findingsOf(page, 'staff', 'T100');
    await page.goto(`${sisUrl}/students`);
    const rows = page.locator('table tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(35);
    await expect(page.locator('[data-liaison-student]')).toHaveCount(count);
    // 1015 has a disability and services but no case manager.
    expect(await findingsOf(page, 'student', '1015')).toContain('CM_MISSING');
    await expect(marker(page, 'student', '1015')).toHaveAttribute('data-liaison-severity', 'error');
    await expect(marker(page, 'student', '1015').locator('button')).toHaveText(/^Error \d+$/);
    const popover = marker(page, 'student', '1015').locator('.pop');
    await expect(popover).toBeHidden();
    await marker(page, 'student', '1015').locator('button').click();
    await expect(popover).toBeVisible();
    await expect(popover).toContainText('CM_MISSING');
    // The badge sits in a link's row: opening it must not navigate.
    expect(new URL(page.url()).pathname).toBe('/students');
  });

  test('the side panel lists the findings of the page in view and follows in-app navigation', async ({ page, sisUrl, openPanel }) => {
    await page.goto(`${sisUrl}/staff`);
    await findingsOf(page, 'staff', 'T103');
    await page.goto(`${sisUrl}/students`);
    await findingsOf(page, 'student', '1009');
    const panel = await openPanel();
    await expect(panel.getByRole('heading', { name: 'This page' })).toBeVisible();
    await expect(panel.locator('[data-subject="student:1009"]')).toContainText('Isabella Davis');

    // In-app navigation: the demo SIS swaps #content and pushes the URL, with no page load.
    await page.bringToFront();
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page.locator('a[href="/students/1009"]').first().click();
    await expect(page).toHaveURL(/\/students\/1009$/);
    expect(await findingsOf(page, 'student', '1009')).toContain('CM_NOT_AUTHORIZED');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect(page.locator('[data-liaison-marker]')).toHaveCount(1);

    await expect(panel.locator('#subject-heading')).toContainText('Isabella Davis');
    await expect(panel.locator('li.finding[data-code="CM_NOT_AUTHORIZED"]')).toBeVisible();
    await expect(panel.locator('li.finding[data-code="CM_NOT_AUTHORIZED"]')).toContainText('Ana Torres');
  });

  test('the side panel says what to open when nothing was read yet', async ({ openPanel }) => {
    const panel = await openPanel();
    await expect(panel.getByRole('heading', { name: 'Nothing to check yet' })).toBeVisible();
    await expect(panel.getByText('Open a student or staff page')).toBeVisible();
  });
});
