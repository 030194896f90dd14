import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { plusDays } from '../../lib/compliance/days';
import { todayIso } from '../../lib/dates';
import { expect, findingsOf, test } from './fixtures';

/**
 * This week and the calendar export on the demo SIS. Dates are chosen relative to the day the test runs (an
 * import whose dates are today + n days), so the expectations hold on any day.
 */
test('This week lists what is due in date order, opens SIS pages, prints, and the caseload exports to a calendar without disability text', async ({
  page,
  sisUrl,
  extensionId,
  openPanel,
}) => {
  const today = todayIso();
  const day = (n: number) => plusDays(today, n);

  // A student read from their SIS page, whose case manager Liaison has not seen yet: "not checked" today.
  await page.goto(`${sisUrl}/students/1033`);
  expect(await findingsOf(page, 'student', '1033')).toContain('CM_NOT_CHECKED');

  // Students from an export, with dates relative to today.
  await page.goto(`chrome-extension://${extensionId}/district.html`);
  await expect(page.getByTestId('district-summary')).toBeVisible();
  await page.getByLabel('Into site').fill(sisUrl);
  const csv = [
    'Student ID,Student Name,Case Manager,Primary Disability,Next Annual,Entry Date,Transferred With IEP',
    // annual in 35 days: schedule by day 5
    `9001,Ada Park,Maria Gonzalez,Autism,${day(35)},,`,
    // annual in 8 days: its schedule-by date (22 days ago) is late
    `9002,Bo Chen,Maria Gonzalez,Specific Learning Disability,${day(8)},,`,
    // transferred in 20 days ago with an IEP: 30 days, so due in 10
    `9003,Cy Diaz,Maria Gonzalez,,${day(300)},${day(-20)},Yes`,
    // nothing within two weeks
    `9004,Di Evans,Maria Gonzalez,,${day(200)},,`,
  ].join('\n');
  await page.getByLabel('File').setInputFiles({ name: 'week.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-preview')).toContainText('4 students');
  await page.getByRole('button', { name: `Import into ${sisUrl}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 4 students' })).toBeVisible();

  const panel = await openPanel();
  await panel.getByRole('tab', { name: 'This week' }).click();
  const lines = panel.locator('li.week-item');
  await expect(lines.first()).toBeVisible();
  const rows = await lines.evaluateAll((els) =>
    els.map((e) => ({
      kind: e.getAttribute('data-kind')!,
      student: e.getAttribute('data-student')!,
      date: e.getAttribute('data-date')!,
      text: e.textContent ?? '',
    })),
  );
  // In date order, everything within the coming 14 days (late items first).
  expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort());
  expect(rows.every((r) => r.date <= day(13))).toBe(true);
  // The imported students' meetings to schedule and dates due, in order (the demo student's own dates depend on the day).
  expect(
    rows
      .filter((r) => (r.kind === 'schedule' || r.kind === 'due') && r.student.startsWith('900'))
      .map((r) => [r.kind, r.student, r.date]),
  ).toEqual([
    ['schedule', '9002', day(-22)],
    ['schedule', '9001', day(5)],
    ['due', '9002', day(8)],
    ['due', '9003', day(10)],
  ]);
  expect(rows.find((r) => r.kind === 'schedule' && r.student === '9002')!.text).toContain('(late)');
  expect(rows.some((r) => r.student === '9004' && r.kind !== 'not-checked')).toBe(false);
  // The student read from the SIS is not checked yet, and the line opens their SIS page; imported ones have no address.
  const aria = panel.locator('li.week-item[data-kind="not-checked"][data-student="1033"]');
  await expect(aria).toHaveAttribute('data-date', today);
  await expect(aria.getByRole('link', { name: 'Aria Castillo' })).toHaveAttribute('href', `${sisUrl}/students/1033`);
  await expect(panel.locator('li.week-item[data-student="9001"] a')).toHaveCount(0);
  // No disability in the list.
  await expect(panel.locator('.this-week')).not.toContainText(/autism|learning disability/i);

  // Printable: Print opens the browser's print dialog, and on paper only the list shows.
  await panel.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await panel.getByRole('button', { name: 'Print' }).click();
  expect(await panel.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await panel.emulateMedia({ media: 'print' });
  await expect(panel.getByRole('tablist')).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(lines.first()).toBeVisible();
  await panel.emulateMedia({ media: 'screen' });

  // Add caseload to calendar: an .ics that another library parses back to the expected events.
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Add caseload to calendar' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`liaison-caseload-${today}.ics`);
  const ics = readFileSync((await download.path())!, 'utf8');
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const alarm = v.getFirstSubcomponent('valarm');
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toString(),
      trigger: alarm ? String(alarm.getFirstPropertyValue('trigger')) : null,
    };
  });
  const of = (summary: string) => events.filter((e) => e.summary === summary).map((e) => [e.start, e.trigger]);
  expect(of('Annual IEP due: Ada P.')).toEqual([[day(35), '-P29DT15H']]);
  expect(of('Annual IEP due: Bo C.')).toEqual([[day(8), '-P29DT15H']]);
  expect(of('Transfer IEP due (30 days): Cy D.')).toEqual([[day(10), null]]);
  expect(of('Annual IEP due: Aria C.')).toHaveLength(1);
  expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  expect(ics).not.toMatch(/autism|\bAUT\b|learning disability|\bSLD\b|disabilit|diagnos/i);
});
