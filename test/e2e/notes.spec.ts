import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { format } from 'date-fns';
import { expect, findingsOf, marker, test } from './fixtures';
import { unlockNotes } from './support/notes';

const STUDENT = '1009';
const today = () => format(new Date(), 'yyyy-MM-dd');

async function openStudent(page: Page, sisUrl: string, id = STUDENT) {
  await page.goto(`${sisUrl}/students/${id}`);
  await findingsOf(page, 'student', id);
}

/** The Notes tab of the panel, selected and unlocked. */
async function notesTab(panel: Page) {
  await panel.getByRole('tab', { name: 'Notes' }).click();
  await expect(panel.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  await unlockNotes(panel);
}

/** Writes and saves a note from the panel's Notes tab. */
async function writeNote(panel: Page, text: string, opts: { followUp?: string; private?: boolean } = {}) {
  await notesTab(panel);
  await panel.getByRole('button', { name: 'Add note' }).click();
  const form = panel.locator('form.note-form');
  await form.getByLabel('What was said').fill(text);
  if (opts.followUp) await form.getByLabel('Follow up on (optional)').fill(opts.followUp);
  if (opts.private) await form.getByLabel(/Private memory aid/).check();
  await form.getByRole('button', { name: 'Save note' }).click();
  await expect(panel.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();
}

/**
 * Stops the extension's service worker as Chrome does when it is idle: CDP `ServiceWorker.stopAllWorkers` on a
 * session of an extension page (on a SIS page it reaches only that site's workers). Playwright keeps listing
 * a stopped worker, so its state is read from CDP's own version events. Returns a wait for the next start.
 */
async function stopWorker(context: BrowserContext, extensionPage: Page): Promise<() => Promise<void>> {
  const cdp = await context.newCDPSession(extensionPage);
  let status = '';
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    const v = e.versions.find((x) => x.scriptURL.endsWith('/background.js'));
    if (v) status = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => status).toBe('running');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => status).toBe('stopped');
  return async () => {
    await expect.poll(() => status).toBe('running');
    await cdp.detach();
  };
}

test.describe('liaison notes', () => {
  test('a note written from the badge survives closing the panel, a reload and a stopped worker', async ({
    page,
    context,
    sisUrl,
    openPanel,
  }) => {
    await openStudent(page, sisUrl);
    let panel = await openPanel();
    await expect(panel.getByRole('tab', { name: 'Checks' })).toHaveAttribute('aria-selected', 'true');

    // Badge → "Add note": the panel switches to Notes with the form for that student, the text field focused.
    await page.bringToFront();
    await marker(page, 'student', STUDENT).locator('button.badge').click();
    await marker(page, 'student', STUDENT).getByRole('button', { name: 'Add note' }).click();
    await expect(marker(page, 'student', STUDENT).getByRole('status')).toContainText('side panel');
    const form = panel.locator(`form.note-form[data-student="${STUDENT}"]`);
    await unlockNotes(panel);
    await expect(form).toBeVisible();
    await expect(panel.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
    await expect(form.getByLabel('What was said')).toBeFocused();
    await form.getByLabel('What was said').pressSequentially('Called mother, "all good", re: reading');
    await form.getByLabel('Follow up on (optional)').fill(today());
    await form.getByRole('button', { name: 'Save note' }).click();
    await expect(panel.locator('li.note')).toContainText('Called mother, "all good", re: reading');
    await expect(panel.locator('li.note')).toContainText('Case manager');

    // Close and reopen the panel: the note is there, and the form did not reopen.
    await panel.close();
    panel = await openPanel();
    await notesTab(panel);
    await expect(panel.locator('li.note')).toHaveCount(1);
    await expect(panel.locator('form.note-form')).toHaveCount(0);
    await expect(panel.getByRole('tab', { name: /Follow-ups/ })).toContainText('(1)');

    // Reload the SIS page: the badge carries the follow-up finding from the worker.
    await page.bringToFront();
    await page.reload();
    expect(await findingsOf(page, 'student', STUDENT)).toContain('NOTE_FOLLOWUP_DUE');
    // The face marks it, and says it to screen readers.
    const badge = marker(page, 'student', STUDENT).locator('button.badge');
    await expect(badge).toHaveClass(/\bfollow-up\b/);
    await expect(badge).toHaveAttribute('aria-label', /follow-up due/);
    expect(await badge.evaluate((b) => getComputedStyle(b, '::after').content)).not.toMatch(/^(none|normal)$/);

    // Stop the worker; the next page read starts it again, and everything is intact.
    const restarted = await stopWorker(context, panel);
    await page.reload();
    expect(await findingsOf(page, 'student', STUDENT)).toContain('NOTE_FOLLOWUP_DUE');
    await restarted();
    await panel.close();
    panel = await openPanel();
    await notesTab(panel);
    await expect(panel.locator('li.note')).toContainText('Called mother, "all good", re: reading');
    await panel.getByRole('tab', { name: /Follow-ups/ }).click();
    await expect(panel.locator('li.finding[data-code="NOTE_FOLLOWUP_DUE"]')).toContainText('Isabella Davis');
  });

  test('a draft typed but not saved survives closing the panel', async ({ page, sisUrl, openPanel }) => {
    await openStudent(page, sisUrl);
    let panel = await openPanel();
    await notesTab(panel);
    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByLabel('What was said').pressSequentially('Half-written thought');
    await expect(panel.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
    await panel.close();
    panel = await openPanel();
    await notesTab(panel);
    await expect(panel.getByLabel('What was said')).toHaveValue('Half-written thought');
    await expect(panel.getByRole('status').filter({ hasText: 'Draft restored.' })).toBeVisible();
  });

  test('amending a note keeps the earlier version in its history', async ({ page, sisUrl, openPanel }) => {
    await openStudent(page, sisUrl);
    const panel = await openPanel();
    await writeNote(panel, 'First version');
    const note = panel.locator('li.note').first();
    await note.getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('What was said').fill('Second version');
    await panel.getByRole('button', { name: 'Save amendment' }).click();
    await expect(note).toContainText('Second version');
    const history = note.locator('details.history');
    await expect(history.locator('summary')).toContainText('Amended 1 time');
    await history.locator('summary').click();
    await expect(history).toContainText('First version');
  });

  test('deleting asks first and can be undone', async ({ page, sisUrl, openPanel }) => {
    await openStudent(page, sisUrl);
    const panel = await openPanel();
    await writeNote(panel, 'To be deleted');
    await panel.locator('li.note').getByRole('button', { name: 'Delete' }).click();
    await expect(panel.getByText('Delete this note?')).toBeVisible();
    await panel.getByRole('button', { name: 'Delete note' }).click();
    await expect(panel.locator('li.note')).toHaveCount(0);
    await panel.getByRole('button', { name: 'Undo delete' }).click();
    await expect(panel.locator('li.note')).toContainText('To be deleted');
  });

  test("a student's log exports as CSV without private notes", async ({ page, sisUrl, openPanel }) => {
    await openStudent(page, sisUrl);
    const panel = await openPanel();
    await writeNote(panel, 'Said "yes", then, later:\nsecond line');
    await writeNote(panel, 'My own reminder', { private: true });
    await expect(panel.locator('#private-heading')).toContainText('(1)');
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Student log (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^liaison-notes-${STUDENT}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'Student ID,Student,Date and time,Type,With,Name,How,Result,Note,Follow-up,Author,Recorded,Last amended,Versions',
    );
    expect(csv).toContain(`${STUDENT},Isabella Davis,`);
    expect(csv).toContain('"Said ""yes"", then, later:\nsecond line"');
    expect(csv).not.toContain('My own reminder');
  });

  test('the panel and the note form pass an accessibility check', async ({ page, sisUrl, openPanel }) => {
    await openStudent(page, sisUrl);
    const panel = await openPanel();
    const serious = async () =>
      (await new AxeBuilder({ page: panel }).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    await expect(panel.locator('#subject-heading')).toBeVisible();
    expect(await serious()).toEqual([]);
    await writeNote(panel, 'Checked accommodations', { followUp: today() });
    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByRole('button', { name: 'Save note' }).click(); // empty: shows the error
    await expect(panel.getByRole('alert')).toContainText('Write what was said.');
    await panel.locator('li.note details.history, li.note').first().waitFor();
    expect(await serious()).toEqual([]);
    await panel.getByRole('tab', { name: /Follow-ups/ }).click();
    await expect(panel.locator('li.finding[data-code="NOTE_FOLLOWUP_DUE"]')).toBeVisible();
    expect(await serious()).toEqual([]);
  });

  test('works by keyboard alone: tabs, form, save', async ({ page, sisUrl, openPanel }) => {
    await openStudent(page, sisUrl);
    const panel = await openPanel();
    await expect(panel.locator('#subject-heading')).toBeVisible();
    const focused = () =>
      panel.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el
          ? `${el.tagName.toLowerCase()}|${el.getAttribute('role') ?? ''}|${el.textContent?.trim() ?? ''}|${el.id}`
          : '';
      });
    const tabUntil = async (re: RegExp) => {
      for (let i = 0; i < 40 && !re.test(await focused()); i++) await panel.keyboard.press('Tab');
      expect(await focused()).toMatch(re);
    };
    await tabUntil(/^button\|tab\|Checks/);
    await panel.keyboard.press('ArrowRight');
    expect(await focused()).toMatch(/^button\|tab\|Notes/);
    await expect(panel.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
    await unlockNotes(panel);
    await tabUntil(/^button\|\|Add note/);
    await panel.keyboard.press('Enter');
    await expect(panel.getByLabel('What was said')).toBeFocused();
    await panel.keyboard.type('Met in the hallway, all fine');
    await tabUntil(/^button\|\|Save note/);
    await panel.keyboard.press('Space');
    await expect(panel.locator('li.note')).toContainText('Met in the hallway, all fine');
    // The history and the other buttons are reachable too; Escape-free, no traps: Tab keeps moving.
    await tabUntil(/^button\|\|Edit/);
  });

  test('teacher view: opens on Notes, shows the case manager, and a note goes to them', async ({
    page,
    sisUrl,
    openPanel,
  }) => {
    await page.goto(`${sisUrl}/staff`);
    await findingsOf(page, 'staff', 'T100');
    await openStudent(page, sisUrl);
    let panel = await openPanel();
    await notesTab(panel);
    await panel.getByText('Note settings').click();
    await panel.getByLabel('Your role').selectOption('teacher');
    await expect(panel.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    await panel.close();
    panel = await openPanel();
    await expect(panel.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
    await unlockNotes(panel);
    await expect(panel.locator('.cm-card')).toContainText('Ana Torres');
    // No staff page showed her e-mail yet: the card says so, and how to get it.
    await expect(panel.locator('[data-email-missing="unknown"]')).toContainText('open their staff page');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await expect(panel.getByLabel('With', { exact: true })).toHaveValue('case-manager');
    await panel.close();

    // Her staff page shows it; the teacher's note then becomes an e-mail draft for her own mail program.
    await page.goto(`${sisUrl}/staff/T103`);
    await findingsOf(page, 'staff', 'T103');
    const email = await page.locator('a[href^="mailto:"]').first().textContent();
    expect(email).toMatch(/@/);
    await openStudent(page, sisUrl);
    panel = await openPanel();
    await unlockNotes(panel);
    await expect(panel.locator('.cm-card a[href^="mailto:"]')).toHaveText(email!);
    const form = panel.locator('form.note-form');
    if (!(await form.isVisible())) await panel.getByRole('button', { name: 'Add note' }).click();
    await form.getByLabel('What was said').fill('Read the accommodations; extra time works in my class.');
    await form.getByRole('button', { name: 'Save note' }).click();
    const draft = panel.getByRole('link', { name: 'Email this note to the case manager' });
    await expect(draft).toBeVisible();
    const href = (await draft.getAttribute('href'))!;
    expect(href.startsWith(`mailto:${encodeURIComponent(email!)}?subject=`)).toBe(true);
    expect(decodeURIComponent(href.slice(href.indexOf('&body=') + 6))).toBe(
      'Read the accommodations; extra time works in my class.',
    );
  });
});
