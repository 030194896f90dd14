import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { DISTRICT } from '../../demo-sis/district';
import { expect, findingsOf, marker, test } from './fixtures';

const VISITED = ['1009', '1001', '1030'];
const withoutCm = DISTRICT.students.filter((s) => !s.caseManager?.staffId && !s.caseManager?.name);
const ofMaria = DISTRICT.students.filter(
  (s) => s.caseManager?.staffId === 'T101' || s.caseManager?.name === 'Maria Gonzalez',
);

/** The list pages and a few student pages: every student and staff member, and some schools. */
async function browseSis(page: Page, sisUrl: string) {
  await page.goto(`${sisUrl}/staff`);
  await findingsOf(page, 'staff', 'T100');
  await page.goto(`${sisUrl}/students`);
  await findingsOf(page, 'student', '1001');
  for (const id of VISITED) {
    await page.goto(`${sisUrl}/students/${id}`);
    await findingsOf(page, 'student', id);
  }
}

async function csvOf(download: Promise<Download>): Promise<string[][]> {
  const file = await (await download).path();
  return Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

async function openDistrict(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/district.html`);
  await expect(page.getByTestId('district-summary')).toBeVisible();
}

test.describe('caseload and district view', () => {
  test('badges show the soonest due date; My caseload and the district view fill from visited pages', async ({
    page,
    context,
    sisUrl,
    openPanel,
    extensionId,
  }) => {
    await browseSis(page, sisUrl);
    const student = DISTRICT.students.find((s) => s.id === '1030')!;
    expect(student.iep?.nextAnnual).toBeTruthy();
    // In the badge's tooltip and accessible name, and in the popover's heading (not beside the badge: it crowded
    // the SIS's table).
    const badge = marker(page, 'student', '1030').locator('button.badge');
    await expect(badge).toHaveAttribute('title', / · \S.* ((due|overdue) .*\d+ days?|due today)$/);
    const label = (await badge.getAttribute('title'))!.split(' · ')[1];
    expect(label).toMatch(/ (due|overdue) /);
    await expect(badge).toHaveAttribute('aria-label', new RegExp(label!));
    await badge.click();
    await expect(marker(page, 'student', '1030').locator('h2')).toContainText(label!);

    // My caseload: everyone, grouped by case manager, those with none first; then only "my" students.
    const panel = await openPanel();
    await panel.getByRole('tab', { name: 'Caseload' }).click();
    const all = DISTRICT.students.length;
    await expect(panel.getByTestId('caseload-count')).toHaveText(`${all} of ${all} students`);
    await expect(panel.getByRole('heading', { name: /Maria Gonzalez/ })).toBeVisible();
    expect(withoutCm.length).toBeGreaterThan(0);
    const groups = panel.locator('section.cm-group');
    await expect(groups.first()).toHaveAccessibleName('Students with no case manager');
    await expect(groups.first().getByRole('heading', { level: 2 })).toHaveText(`No case manager (${withoutCm.length})`);
    await expect(groups.first().locator('li.caseload-item')).toHaveCount(withoutCm.length);
    for (const s of withoutCm)
      await expect(groups.first().locator(`li.caseload-item[data-student="${s.id}"]`)).toContainText(s.name);
    await expect(panel.getByRole('region', { name: 'Students with no case manager' })).toHaveCount(1);
    await expect(panel.locator('li.caseload-item').first().locator('.freshness')).toContainText(
      `Seen today · from ${sisUrl}/students`,
    );
    await panel.getByLabel('I am').selectOption({ label: 'Maria Gonzalez (T101)' });
    await expect(panel.getByTestId('caseload-count')).toHaveText(`${ofMaria.length} of ${ofMaria.length} students`);
    await panel.getByLabel('Search').fill(ofMaria[0]!.name);
    await expect(panel.getByTestId('caseload-count')).toHaveText(`1 of ${ofMaria.length} students`);
    await panel.getByLabel('Search').fill('');
    const caseloadCsv = await csvOf(
      Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export CSV' }).click()]).then(
        ([d]) => d,
      ),
    );
    expect(caseloadCsv[0]).toContain('Next annual');
    expect(
      caseloadCsv
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(ofMaria.map((s) => s.id).sort());

    // The district view.
    const district = await context.newPage();
    await openDistrict(district, extensionId);
    await expect(district.getByTestId('district-summary')).toContainText(`${DISTRICT.students.length} students`);
    await expect(district.getByTestId('district-summary')).toContainText(`${DISTRICT.staff.length} staff`);
    await district.getByLabel('Only records with findings').uncheck();
    await expect(district.getByTestId('students-count')).toHaveText(`(${DISTRICT.students.length})`);
    // Schools are known only for the students whose own page was read.
    const school = DISTRICT.students.find((s) => s.id === VISITED[0])!.school!;
    const inSchool = DISTRICT.students.filter((s) => VISITED.includes(s.id) && s.school === school);
    await district.getByLabel('School').selectOption(school);
    await expect(district.getByTestId('students-count')).toHaveText(`(${inSchool.length})`);
    await expect(district.getByTestId('staff-count')).toHaveText('(0)');
    await district.getByLabel('School').selectOption('');
    await district
      .getByRole('combobox', { name: 'Case manager', exact: true })
      .selectOption({ label: 'Maria Gonzalez' });
    await expect(district.getByTestId('students-count')).toHaveText(`(${ofMaria.length})`);
    await district.getByRole('combobox', { name: 'Case manager', exact: true }).selectOption('');
    // A finding code: every listed record has it.
    await district.getByLabel('Finding', { exact: true }).selectOption({ index: 1 });
    const code = await district.getByLabel('Finding', { exact: true }).inputValue();
    const rows = district.locator('table[data-table="students"] tbody tr');
    await expect.poll(() => rows.count()).toBeLessThan(DISTRICT.students.length);
    const n = await rows.count();
    for (let i = 0; i < n; i++) await expect(rows.nth(i).locator(`li[data-code="${code}"]`)).toHaveCount(1);
    await district.getByLabel('Finding', { exact: true }).selectOption('');

    // The chart: one bar per case manager with its count against its cap, and the same numbers in the table.
    const bars = district.locator('svg[data-chart="cm"] g.bar');
    await expect(bars.first()).toBeVisible();
    const maria = district.locator('svg[data-chart="cm"] g.bar[data-staff="T101"]');
    await expect(maria).toHaveAttribute('data-count', String(ofMaria.length));
    await expect(maria).toHaveAttribute('data-cap', '28');
    await expect(maria.locator('line.cap')).toHaveCount(1);
    await expect(district.locator('table[data-table="cm"] tbody tr')).toHaveCount(await bars.count());
    await expect(district.locator('table[data-table="cm"] tr[data-staff="T101"] td').nth(1)).toHaveText(
      String(ofMaria.length),
    );

    // CSV of what the filters show.
    const studentsCsv = await csvOf(
      Promise.all([
        district.waitForEvent('download'),
        district.getByRole('button', { name: 'Export students CSV' }).click(),
      ]).then(([d]) => d),
    );
    expect(studentsCsv[0]!.slice(0, 3)).toEqual(['Site', 'Student ID', 'Student']);
    expect(studentsCsv).toHaveLength(DISTRICT.students.length + 1);

    const axe = await new AxeBuilder({ page: district }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);

    // Forget a student from the district view.
    await district
      .locator('table[data-table="students"] tr[data-student="1001"]')
      .getByRole('button', { name: 'Forget this student' })
      .click();
    await district.getByRole('button', { name: 'Forget', exact: true }).click();
    await expect(district.getByTestId('students-count')).toHaveText(`(${DISTRICT.students.length - 1})`);
  });

  test('import: the good rows are written and the bad one is offered as an error file; first and last name columns make the name', async ({
    page,
    extensionId,
    sisUrl,
    openPanel,
  }) => {
    await openDistrict(page, extensionId);
    await expect(page.getByTestId('district-summary')).toContainText('0 students');
    const header = 'Student ID,Student Name,School,Case Manager,Next Annual,Next Triennial';
    const bad = [
      header,
      '9001,Ada Park,Oak Ridge Elementary,Maria Gonzalez,2027-01-10,2028-01-10',
      '9002,Bo Chen,Oak Ridge Elementary,Maria Gonzalez,13/45/2027,',
      '9003,Cy Diaz,Oak Ridge Elementary,Maria Gonzalez,2027-02-01,',
    ].join('\n');
    // No site typed yet: the import button is disabled, and looks it (not the blue of an enabled primary button).
    await page.getByLabel('File').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const importButton = page.getByTestId('import-preview').locator('button.primary');
    await expect(importButton).toBeDisabled();
    const look = () => importButton.evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).cursor]);
    const disabledLook = await look();
    await page.getByLabel('Into site').fill(sisUrl);
    await expect(importButton).toBeEnabled();
    const enabledLook = await look();
    expect(disabledLook[0]).not.toBe(enabledLook[0]);
    expect(disabledLook[1]).toBe('not-allowed');

    const alert = page.locator('.import-errors');
    await expect(alert).toContainText('1 row could not be read and will be skipped; the other rows will be imported.');
    await expect(alert.locator('li')).toHaveText(/^bad\.csv, row 2 \(line 3\), field "Next Annual": /);
    await expect(page.getByTestId('import-preview')).toContainText('3 rows read · 2 students');
    const errors = await csvOf(
      Promise.all([
        page.waitForEvent('download'),
        alert.getByRole('button', { name: /Download the errors/ }).click(),
      ]).then(([d]) => d),
    );
    expect(errors).toEqual([
      ['Row', 'Line', 'Field', 'Reason'],
      ['2', '3', 'Next Annual', expect.stringMatching(/^not a date/)],
    ]);
    await page.getByRole('button', { name: `Import into ${sisUrl}` }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Imported 2 students and 0 staff from bad.csv' }),
    ).toContainText('1 row skipped.');
    await expect(page.getByTestId('district-summary')).toContainText('2 students');
    await page.getByLabel('Only records with findings').uncheck();
    await expect(page.locator('table[data-table="students"] tbody tr')).toHaveCount(2);
    await expect(page.locator('table[data-table="students"] tr[data-student="9002"]')).toHaveCount(0);
    // The error file is still there after the import.
    await expect(page.getByRole('button', { name: /Download the skipped rows/ })).toBeVisible();

    // The fixed row, from a file with first and last name columns: the preview says which column fed the name.
    const split = [
      'Student ID,Student Last Name,Student First Name,School,Case Manager,Next Annual,Homeroom',
      '9002,Chen,Bo,Oak Ridge Elementary,Maria Gonzalez,12/20/2026,12',
    ].join('\n');
    await page.getByLabel('File').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(split) });
    const preview = page.getByTestId('import-preview');
    await expect(preview).toContainText('1 rows read · 1 students');
    await expect(preview.locator('table.import-columns tr[data-field="name"] td')).toHaveText(
      '"Student First Name" + "Student Last Name"',
    );
    await expect(preview.locator('table.import-columns tr[data-field="id"] td')).toHaveText('"Student ID"');
    await expect(preview.getByTestId('import-ignored')).toHaveText('"Homeroom"');
    await expect(preview.getByTestId('import-warnings')).toHaveCount(0);
    await expect(preview.locator('table', { hasText: 'First students' }).locator('tbody tr')).toHaveText(/Bo Chen/);
    await page.getByRole('button', { name: `Import into ${sisUrl}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 students' })).toBeVisible();
    await expect(page.getByTestId('district-summary')).toContainText('3 students');
    await expect(page.locator('table[data-table="students"] tbody tr')).toHaveCount(3);
    await expect(page.locator('table[data-table="students"] tr[data-student="9002"]')).toContainText('Bo Chen');

    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);

    // The imported students show in My caseload, marked as imported.
    const panel = await openPanel();
    await panel.getByRole('tab', { name: 'Caseload' }).click();
    await expect(panel.getByTestId('caseload-count')).toHaveText('3 of 3 students');
    await expect(panel.locator('li.caseload-item').first().locator('.freshness')).toContainText(
      'from import: good.csv',
    );
  });

  test('the district view speaks in words: finding titles with the code beside, a link to the SIS record, a clean printout', async ({
    page,
    context,
    sisUrl,
    extensionId,
  }) => {
    await page.goto(`${sisUrl}/students`);
    await findingsOf(page, 'student', '1001');
    await page.goto(`${sisUrl}/students/1009`);
    const codes = await findingsOf(page, 'student', '1009');
    expect(codes.length).toBeGreaterThan(0);
    const district = await context.newPage();
    await openDistrict(district, extensionId);
    await district.getByLabel('Only records with findings').uncheck();

    // A record whose own page was read links to it; one seen only in a list does not.
    const row = district.locator('table[data-table="students"] tr[data-student="1009"]');
    const name = DISTRICT.students.find((s) => s.id === '1009')!.name;
    await expect(row.getByRole('link', { name: new RegExp(name) })).toHaveAttribute('href', `${sisUrl}/students/1009`);
    await expect(district.locator('table[data-table="students"] tr[data-student="1002"] a')).toHaveCount(0);
    // Each finding by its title, the code as secondary text.
    for (const code of codes) {
      const item = row.locator(`li[data-code="${code}"]`);
      await expect(item.locator('code.code')).toHaveText(code);
      const words = (
        await item.evaluate((li) =>
          [...li.childNodes]
            .filter((n) => !(n instanceof HTMLElement && n.matches('code, .visually-hidden')))
            .map((n) => n.textContent)
            .join(''),
        )
      ).trim();
      expect(words.length).toBeGreaterThan(5);
      expect(words).not.toContain(code);
    }
    // The filter of findings speaks in words too.
    const options = await district.getByLabel('Finding', { exact: true }).locator('option').allTextContents();
    expect(options.slice(1).every((o) => /^[A-Z][a-z].* \([A-Z0-9_]+\)$/.test(o))).toBe(true);

    // An expired credential of someone with no students known is a warning here, not info.
    await district.getByLabel('Into site').fill(sisUrl);
    const staffCsv = [
      'Staff ID,Name,Position,Credential,Authorizations,Kind,Expires',
      'T900,Lone Person,Resource Specialist,Education Specialist Instruction Credential: Mild to Moderate Support Needs,R3MN,clear,2026-01-31',
    ].join('\n');
    await district
      .getByLabel('File')
      .setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(staffCsv) });
    await expect(district.getByTestId('import-preview')).toContainText('1 staff');
    await district.getByRole('button', { name: `Import into ${sisUrl}` }).click();
    await expect(district.getByRole('status').filter({ hasText: 'Imported 0 students and 1 staff' })).toBeVisible();
    const lone = district.locator('table[data-table="staff"] tr[data-staff="T900"]');
    await expect(lone.locator('li[data-code="CREDENTIAL_EXPIRED"]')).toContainText('Credential expired');
    await expect(lone.locator('span.sev')).toHaveText('warning');

    const axe = await new AxeBuilder({ page: district }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);

    // The printout: no drop-downs, no codes; the filters said in words.
    await district.emulateMedia({ media: 'print' });
    await expect(district.getByTestId('filter-summary')).toBeVisible();
    await expect(district.getByTestId('filter-summary')).toHaveText('All records.');
    const visible = (sel: string) =>
      district
        .locator(sel)
        .evaluateAll(
          (els) =>
            els.filter(
              (e) =>
                (e as HTMLElement).offsetParent !== null ||
                (getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0),
            ).length,
        );
    expect(await visible('select')).toBe(0);
    expect(await visible('code')).toBe(0);
    expect(await visible('input')).toBe(0);
    await expect(row.locator(`li[data-code="${codes[0]}"]`)).toBeVisible();
    await district.emulateMedia({ media: 'screen' });
    await expect(district.getByTestId('filter-summary')).toBeHidden();
  });

  test('forget a student from the side panel; clear everything from the options page', async ({
    page,
    context,
    sisUrl,
    openPanel,
    extensionId,
  }) => {
    await page.goto(`${sisUrl}/students/1009`);
    await findingsOf(page, 'student', '1009');
    const panel = await openPanel();
    await expect(panel.locator('[data-subject="student:1009"]')).toBeVisible();
    await panel.getByRole('button', { name: 'Forget this student' }).click();
    await panel.getByRole('button', { name: 'Forget', exact: true }).click();
    await expect(panel.locator('[data-subject="student:1009"]')).toHaveCount(0);
    const district = await context.newPage();
    await openDistrict(district, extensionId);
    await expect(district.getByTestId('district-summary')).toContainText('0 students');

    await page.goto(`${sisUrl}/students`);
    await findingsOf(page, 'student', '1001');
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByLabel(/Keep records read from SIS pages/)).toHaveValue('30');
    await options.getByLabel(/Keep records read from SIS pages/).fill('14');
    await options.getByLabel(/Keep records read from SIS pages/).press('Tab');
    await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await options.getByRole('button', { name: 'Clear everything…' }).click();
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Everything was cleared.' })).toBeVisible();
    await openDistrict(district, extensionId);
    await expect(district.getByTestId('district-summary')).toHaveText(
      '0 students (0 with findings) · 0 staff (0 with findings)',
    );
    await options.reload();
    await expect(options.getByLabel(/Keep records read from SIS pages/)).toHaveValue('14');
  });
});
