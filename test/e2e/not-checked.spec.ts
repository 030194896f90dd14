/**
 * RULES.md check 8, "Not checked yet", in the browser (staff knowledge `partial`, lib/checks.ts
 * browserCheckSettings): on a fresh profile the demo SIS's student list, opened before any staff page, shows
 * "Not checked" (info, no warning) for students whose case manager Liaison has not seen; opening staff pages then
 * turns them into their real findings in the list already open, without reloading it.
 */
import type { Page } from '@playwright/test';
import { DISTRICT } from '../../demo-sis/district';
import { expect, findingsOf, marker, test } from './fixtures';

/**
 * Findings that rest on a case manager's or provider's staff record or credentials. While Liaison has seen no
 * staff page, none of these may be raised: an unseen person is "not checked", not a fault (RULES.md check 8).
 */
const STAFF_FAULTS = [
  'CM_UNKNOWN_STAFF',
  'CM_AUTH_NEEDS_REVIEW',
  'CM_NOT_AUTHORIZED',
  'STAFF_NO_CREDENTIALS',
  'PROVIDER_NOT_AUTHORIZED',
  'PROVIDER_NEEDS_REVIEW',
  'ALT_PLACEMENT_PRIMARY_UNSERVED',
];

const staffName = (id: string) => DISTRICT.staff.find((s) => s.id === id)!.name;

/** Every student marker on the page: id, badge text, severity and finding codes. */
const markers = (page: Page) =>
  page.locator('[data-liaison-student]').evaluateAll((els) =>
    els.map((m) => ({
      id: m.getAttribute('data-liaison-student')!,
      label: m.shadowRoot?.querySelector('button')?.textContent ?? '',
      severity: m.getAttribute('data-liaison-severity'),
      findings: (m.getAttribute('data-liaison-findings') ?? '').split(' ').filter(Boolean),
    })),
  );

test.describe('"Not checked": a case manager Liaison has not seen', () => {
  test('the student list opened before any staff page says "Not checked", and staff pages turn it into the real findings without a reload', async ({
    page,
    context,
    sisUrl,
  }) => {
    // 1009's own record page first (not a staff page): it shows the student fields check 1 needs (degree of
    // support, role, services), so once Ana Torres's credentials are read the real finding is CM_NOT_AUTHORIZED
    // (cases.json). The list alone shows neither support nor role.
    const student = DISTRICT.students.find((s) => s.id === '1009')!;
    const cm = staffName(student.caseManager!.staffId!);
    await page.goto(`${sisUrl}/students/1009`);
    await findingsOf(page, 'student', '1009');

    const list = page;
    await list.goto(`${sisUrl}/students`);
    const rows = await list.locator('table tbody tr').count();
    await expect(list.locator('[data-liaison-student]')).toHaveCount(rows);
    await expect(list.locator('[data-liaison-student] >> button', { hasText: 'Liaison…' })).toHaveCount(0);

    const before = await markers(list);
    const withCaseManager = new Set(DISTRICT.students.filter((s) => s.caseManager).map((s) => s.id));
    const notChecked: string[] = [];
    for (const m of before) {
      if (!withCaseManager.has(m.id)) continue;
      // No staff page seen: nothing may rest on a staff record or credentials.
      expect(
        m.findings.filter((c) => STAFF_FAULTS.includes(c)),
        `student ${m.id}: ${m.findings.join(' ')}`,
      ).toEqual([]);
      if (!m.findings.includes('CM_NOT_CHECKED')) continue;
      // CM_NOT_CHECKED is info: a marker whose other findings are info too (no compliance date due) reads
      // "Not checked", never "OK" or "Info"; one with a warning or error reads that.
      if (m.severity === 'info') {
        expect(m.label, `student ${m.id}`).toBe('Not checked');
        notChecked.push(m.id);
      } else expect(m.label, `student ${m.id}`).toMatch(/^(Warning|Error) \d+$/);
    }
    // The two students followed below are among them (their case managers unseen, no compliance date due).
    expect(notChecked).toEqual(expect.arrayContaining(['1009', '1019']));

    // The badge of 1009 says so in words, and its finding names the case manager and how to let Liaison see them.
    await expect(marker(list, 'student', '1009')).toHaveAttribute('data-liaison-severity', 'info');
    await expect(marker(list, 'student', '1009').locator('button.badge')).toHaveAttribute(
      'aria-label',
      /not checked yet/i,
    );
    await marker(list, 'student', '1009').locator('button.badge').click();
    const pop = marker(list, 'student', '1009').locator('.pop');
    await expect(pop.locator('h2')).toHaveText(/not checked yet/i);
    await expect(pop.locator('li', { hasText: 'CM_NOT_CHECKED' })).toContainText(cm);
    await expect(pop.locator('li', { hasText: 'CM_NOT_CHECKED' })).toContainText(/staff page|import/i);
    await marker(list, 'student', '1009').locator('button.badge').click();

    // The case manager's staff page, in another tab; the list stays open and is not reloaded.
    const other = await context.newPage();
    await other.goto(`${sisUrl}/staff/${student.caseManager!.staffId}`);
    await findingsOf(other, 'staff', student.caseManager!.staffId!);
    await list.bringToFront();
    // Ana Torres holds Extensive Support Needs only; 1009 is Mild to Moderate in her SDC: a real error now.
    await expect
      .soft(marker(list, 'student', '1009'), 'the open list follows the staff page just read')
      .toHaveAttribute('data-liaison-severity', 'error');
    await expect
      .soft(marker(list, 'student', '1009'), 'the open list follows the staff page just read')
      .toHaveAttribute('data-liaison-findings', /\bCM_NOT_AUTHORIZED\b/);
    await expect.soft(marker(list, 'student', '1009').locator('button.badge')).toHaveText(/^Error \d+$/);

    // The staff list shows Nina Shah (1019's case manager) with no credentials on file: read and empty, a real
    // gap in both modes (RULES.md check 8), so 1019's review becomes a warning.
    await other.goto(`${sisUrl}/staff`);
    await findingsOf(other, 'staff', 'T111');
    await list.bringToFront();
    await expect
      .soft(marker(list, 'student', '1019'), 'the open list follows the staff list just read')
      .toHaveAttribute('data-liaison-findings', /\bCM_AUTH_NEEDS_REVIEW\b/);
    await expect.soft(marker(list, 'student', '1019')).toHaveAttribute('data-liaison-severity', 'warning');
    expect(new URL(list.url()).pathname, 'the list was not navigated away').toBe('/students');

    // What the open list should have turned into: a list opened now shows it (this is a second tab, not a
    // reload of the first, and says whether the worker has the findings when the open list lacks them).
    const fresh = await context.newPage();
    await fresh.goto(`${sisUrl}/students`);
    expect(await findingsOf(fresh, 'student', '1009'), 'a list opened after the staff pages').toContain(
      'CM_NOT_AUTHORIZED',
    );
    expect(await findingsOf(fresh, 'student', '1019'), 'a list opened after the staff pages').toContain(
      'CM_AUTH_NEEDS_REVIEW',
    );
  });
});
