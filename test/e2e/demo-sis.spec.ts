import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, findingsOf, marker, test } from './fixtures';

const CASES = resolve(import.meta.dirname, '../../../shared/domain/cases.json');

interface Cases {
  staff: { id: string; name: string }[];
  students: { id: string; services?: { providerStaffId?: string; providerName?: string }[] }[];
  expect: { students: Record<string, string[]>; staff: Record<string, string[]> };
}
const cases = existsSync(CASES) ? (JSON.parse(readFileSync(CASES, 'utf8')) as Cases) : null;

/** Compliance dates and note follow-ups have their own tests; cases.json speaks of the credential rules. */
const DATE_CODES = /^(IEP_|TRIENNIAL_|INITIAL_|TRANSITION_|AGE_OF_MAJORITY|NOTE_)/;

/** RULES.md check 8, "Not checked yet": what Liaison has not seen (lib/domain/not-checked.ts). */
const NOT_CHECKED = new Set(['CM_NOT_CHECKED', 'PROVIDER_NOT_CHECKED', 'PROVIDER_UNKNOWN_STAFF']);

interface Shown {
  code: string;
  severity: string;
  detail: string;
}

/** Every credential-rule finding the marker's popover lists. */
async function shownFindings(page: Page, kind: 'student' | 'staff', id: string): Promise<Shown[]> {
  await findingsOf(page, kind, id);
  // The popover's list is built when it opens.
  await marker(page, kind, id).first().locator('button.badge').click();
  const items = marker(page, kind, id).first().locator('li');
  const shown: Shown[] = [];
  for (const li of await items.all()) {
    const code = (await li.locator('.code').textContent())!.trim();
    if (DATE_CODES.test(code)) continue;
    const severity = (await li.locator('.sev').textContent())!.trim();
    shown.push({ code, severity, detail: (await li.locator('.detail').textContent()) ?? '' });
  }
  return shown;
}

/** The codes cases.json lists: warning and error findings, plus the one info code it names. */
const reported = (shown: Shown[]) =>
  shown
    .filter((f) => f.severity !== 'info' || f.code === 'CM_AUTH_VIA_PROVIDER')
    .map((f) => f.code)
    .sort();

/** Not-checked findings (RULES.md check 8), STAFF_NO_CREDENTIALS as info included. */
const notChecked = (shown: Shown[]) =>
  shown.filter((f) => NOT_CHECKED.has(f.code) || (f.code === 'STAFF_NO_CREDENTIALS' && f.severity === 'info'));

test.describe('demo SIS round trip: page → worker → Dexie → markers and side panel', () => {
  test('every worked case of the rule specification shows its findings on the student and staff pages', async ({
    page,
    sisUrl,
  }) => {
    test.skip(!cases, 'left out: ../shared/domain/cases.json is not present in this checkout');
    // The staff list shows every staff member's credentials: after it, no demo staff member is "never read".
    await page.goto(`${sisUrl}/staff`);
    await findingsOf(page, 'staff', 'T100');
    const staffName = new Map(cases!.staff.map((s) => [s.id, s.name]));
    for (const [id, expected] of Object.entries(cases!.expect.students)) {
      await page.goto(`${sisUrl}/students/${id}`);
      const shown = await shownFindings(page, 'student', id);
      const codes = reported(shown);
      if (!expected.includes('CM_UNKNOWN_STAFF')) {
        expect.soft(codes, `student ${id}`).toEqual([...expected].sort());
        // Everyone this student's checks need has been read: nothing is left "not checked".
        expect
          .soft(
            notChecked(shown).map((f) => f.code),
            `student ${id}: not-checked findings`,
          )
          .toEqual([]);
        continue;
      }
      // cases.json assumes complete staff knowledge; the browser checks with `partial` (RULES.md check 8, "Not
      // checked yet"; lib/checks.ts browserCheckSettings). With the staff list read, what Liaison still has not
      // seen is a case manager with no staff record, which complete knowledge reports as CM_UNKNOWN_STAFF (check
      // 8, checks 1 and 2 not run). Partial, "Case manager (check 1)": "The exception is considered first: if it
      // holds on read credentials, the student gets CM_AUTH_VIA_PROVIDER and nothing more. Otherwise, a case
      // manager never read (or with no staff record) gives CM_NOT_CHECKED (info) alone … it replaces
      // CM_UNKNOWN_STAFF and any CM_AUTH_NEEDS_REVIEW." Whether the exception holds is a coverage question
      // cases.json leaves open (in complete mode check 1 does not run for this student), so either branch is
      // accepted, and each is checked for what the rule says of it.
      const rest = expected.filter((c) => c !== 'CM_UNKNOWN_STAFF');
      const viaProvider = shown.find((f) => f.code === 'CM_AUTH_VIA_PROVIDER');
      if (viaProvider) {
        expect.soft(codes, `student ${id}`).toEqual([...rest, 'CM_AUTH_VIA_PROVIDER'].sort());
        // "on read credentials": the provider named is one of the student's providers with a staff record.
        const providers = (cases!.students.find((s) => s.id === id)?.services ?? [])
          .map((v) => (v.providerStaffId ? staffName.get(v.providerStaffId) : v.providerName))
          .filter((n): n is string => !!n && [...staffName.values()].includes(n));
        expect
          .soft(
            providers.some((n) => viaProvider.detail.includes(n)),
            `student ${id}: ${viaProvider.detail}`,
          )
          .toBe(true);
        expect
          .soft(
            shown.map((f) => f.code),
            `student ${id}`,
          )
          .not.toContain('CM_NOT_CHECKED');
      } else {
        expect.soft(codes, `student ${id}`).toEqual([...rest].sort());
        expect
          .soft(
            shown.filter((f) => f.code === 'CM_NOT_CHECKED').map((f) => f.severity),
            `student ${id}`,
          )
          .toEqual(['info']);
      }
    }
    for (const [id, expected] of Object.entries(cases!.expect.staff)) {
      await page.goto(`${sisUrl}/staff/${id}`);
      const shown = await shownFindings(page, 'staff', id);
      expect.soft(reported(shown), `staff ${id}`).toEqual([...expected].sort());
      expect
        .soft(
          notChecked(shown).map((f) => f.code),
          `staff ${id}: not-checked findings`,
        )
        .toEqual([]);
    }
  });

  test('the student list gets one marker per student, with severity as text and attribute', async ({
    page,
    sisUrl,
  }) => {
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

  test('the side panel lists the findings of the page in view and follows in-app navigation', async ({
    page,
    sisUrl,
    openPanel,
  }) => {
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
