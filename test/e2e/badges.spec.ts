import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DISTRICT } from '../../demo-sis/district';
import { expect, findingsOf, marker, test } from './fixtures';

/**
 * The page's height and, for every cell of the list, how many lines its own text takes (the tops of its text
 * nodes' line boxes; a marker's shadow content is not the cell's text).
 */
const measure = (page: Page) =>
  page.evaluate(() => {
    const linesOf = (el: Element) => {
      const tops = new Set<number>();
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (!n.textContent?.trim()) continue;
        const r = document.createRange();
        r.selectNodeContents(n);
        for (const rect of r.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
      }
      return tops.size;
    };
    return {
      height: document.documentElement.scrollHeight,
      cells: [...document.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map(linesOf)),
    };
  });

test.describe('badges that do not crowd the table', () => {
  test('on the 40-row list the page grows by at most 5% and no name (or other cell) wraps that did not wrap before', async ({
    page,
    sisUrl,
  }) => {
    await page.goto(`${sisUrl}/staff`);
    await findingsOf(page, 'staff', 'T100');
    await page.goto(`${sisUrl}/students`);
    expect(await page.locator('table tbody tr').count()).toBeGreaterThanOrEqual(40);
    await expect(page.locator('[data-liaison-student]')).toHaveCount(DISTRICT.students.length);
    for (const s of DISTRICT.students) await findingsOf(page, 'student', s.id);

    const withBadges = await measure(page);
    // The same page with every marker taken out of the layout.
    const hide = await page.addStyleTag({ content: '[data-liaison-marker] { display: none !important; }' });
    const without = await measure(page);
    await hide.evaluate((s) => (s as Element).remove());
    expect(without.cells.length).toBe(DISTRICT.students.length);
    const wrapped = withBadges.cells.flatMap((row, r) =>
      row.map((n, c) => (n > without.cells[r]![c]! ? `row ${r + 1} column ${c + 1}` : '')).filter(Boolean),
    );
    expect(wrapped, 'cells that wrap only because of the badges').toEqual([]);
    expect(
      withBadges.cells.map((r) => r[0]).every((n) => n === 1),
      'every name on one line',
    ).toBe(true);
    expect(withBadges.height / without.height).toBeLessThanOrEqual(1.05);

    // Every face has one size whatever it says, so answers arriving (or changing) do not reflow the table.
    const sizes = await page.locator('[data-liaison-student]').evaluateAll((ms) =>
      ms.map((m) => {
        const b = m.shadowRoot!.querySelector('button')!.getBoundingClientRect();
        return `${Math.round(b.width)}x${Math.round(b.height)}`;
      }),
    );
    const labels = await page
      .locator('[data-liaison-student]')
      .evaluateAll((ms) => ms.map((m) => m.shadowRoot!.querySelector('button')!.textContent));
    expect(new Set(labels.map((l) => l?.split(' ')[0])).size, 'several kinds of face on the list').toBeGreaterThan(1);
    expect(new Set(sizes)).toEqual(new Set([sizes[0]]));
    // The "checking" face has that size too.
    const checking = await page.evaluate(() => {
      const m = document.querySelector('[data-liaison-student]')!;
      const b = m.shadowRoot!.querySelector('button')!;
      const before = b.getBoundingClientRect();
      const saved = [b.dataset.face, b.querySelector('.sr')!.textContent, b.querySelector('.n')!.textContent];
      b.dataset.face = 'checking';
      b.querySelector('.sr')!.textContent = 'Liaison…';
      b.querySelector('.n')!.textContent = '';
      const during = b.getBoundingClientRect();
      [b.dataset.face, b.querySelector('.sr')!.textContent, b.querySelector('.n')!.textContent] = saved as [
        string,
        string,
        string,
      ];
      return [before.width === during.width, before.height === during.height];
    });
    expect(checking).toEqual([true, true]);

    // The compact faces pass an accessibility check (names, contrast), inside their shadow roots too.
    const axe = await new AxeBuilder({ page }).include('[data-liaison-marker]').analyze();
    expect(axe.passes.length, 'axe looked at the markers').toBeGreaterThan(0);
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);
  });

  test('the face counts every finding and gives the severity in words to screen readers (the follow-up mark: notes.spec)', async ({
    page,
    sisUrl,
  }) => {
    await page.goto(`${sisUrl}/students`);
    const codes = await findingsOf(page, 'student', '1002');
    const badge = marker(page, 'student', '1002').locator('button.badge');
    await expect(badge).toHaveText(new RegExp(`^(Error|Warning|Info) ${codes.length}$`));
    await expect(badge).toHaveAttribute(
      'aria-label',
      new RegExp(`^Liaison: ${codes.length} findings?, worst (error|warning|info)`),
    );
    await badge.click();
    const pop = marker(page, 'student', '1002').locator('.pop');
    await expect(pop.locator('h2')).toContainText(`Liaison found ${codes.length}`);

    // One line per finding first (what is wrong, what to do); the detail on demand; "Add note" stays in view.
    await expect(pop.locator('li')).toHaveCount(codes.length);
    for (const li of await pop.locator('li').all()) {
      await expect(li.locator('.line strong')).toBeVisible();
      await expect(li.locator('details')).not.toHaveAttribute('open');
    }
    await expect(pop.locator('.detail').first()).toBeHidden();
    const add = pop.getByRole('button', { name: 'Add note' });
    await expect(add).toBeInViewport();
    const inside = await pop.evaluate((p) => {
      const a = [...p.querySelectorAll('button')].find((b) => b.textContent === 'Add note')!.getBoundingClientRect();
      const box = p.getBoundingClientRect();
      return a.top >= box.top && a.bottom <= box.bottom;
    });
    expect(inside, '"Add note" visible inside the popover without scrolling').toBe(true);
    await pop.locator('li').first().locator('summary').click();
    await expect(pop.locator('li').first().locator('details')).toHaveAttribute('open');
    await expect(pop.locator('li').first().locator('.code')).toHaveText(/^[A-Z_0-9]+$/);
  });
});
