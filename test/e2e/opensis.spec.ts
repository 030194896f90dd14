import type { Frame, Page } from '@playwright/test';
import { OPENSIS_UNSEEN } from '../fixtures/opensis-unseen';
import { expect, test as base } from './fixtures';
import { liaisonErrors } from './support/errors';
import { markerIds, markerIn, reportedCodesIn, type Scope } from './support/markers';
import {
  expectedPageFor,
  opensisPresent,
  readExpected,
  readPlan,
  startOpensisServer,
  type Expected,
  type ExpectedPage,
  type PlanPage,
} from './support/opensis-server';

/**
 * The captured openSIS Classic 9.2 pages (../shared/sis-pages/opensis), as a user meets them: inside
 * `iframe[name=body]` of the top `index.php` (a stand-in here), walked in plan.json order, one content script per
 * frame. Ground truth is EXPECTED.json: the ids each page shows and, per record, the codes a correct implementation
 * raises (warning and error codes plus CM_AUTH_VIA_PROVIDER, as of 2026-12-03).
 */
type Opensis = Awaited<ReturnType<typeof startOpensisServer>>;

const test = base.extend<object, { opensis: Opensis }>({
  opensis: [
    async ({}, use) => {
      const server = await startOpensisServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

/** How long one page may take to show its markers (a page the reader does not read yet costs this much). */
const PAGE_MS = 6000;

const isRecord = (p: PlanPage) => /^(student|staff)_record/.test(p.kind);
const kindOf = (p: PlanPage): 'student' | 'staff' => (p.kind.startsWith('staff') ? 'staff' : 'student');

/** The ids a page shows, in row order (lists) or its one subject (records), as EXPECTED.json says. */
function idsOf(page: ExpectedPage, kind: 'student' | 'staff'): string[] {
  if (page.subject) return [String(kind === 'staff' ? page.subject.staff_id : page.subject.student_id)];
  return (kind === 'staff' ? page.staff_ids : page.student_ids)?.map(String) ?? [];
}

/** EXPECTED.json's codes, except where they rest on facts no captured page shows (OPENSIS_UNSEEN says which, why). */
function expectedCodes(expected: Expected, kind: 'student' | 'staff', id: string): string[] {
  const unseen = OPENSIS_UNSEEN[`${kind}:${id}`];
  return [
    ...(unseen ?? (kind === 'staff' ? expected.findings.staff : expected.findings.students)[id]?.expect ?? []),
  ].sort();
}

/** The app's frame: every openSIS page lives in it. */
async function openApp(page: Page, opensis: Opensis): Promise<Frame> {
  await page.goto(`${opensis.url}/index.php`);
  const frame = page.frame({ name: 'body' });
  expect(frame, 'the stand-in index.php holds iframe[name=body]').toBeTruthy();
  return frame!;
}

/** A full load in the app's frame (a form submit, "Back to list", a bookmark); the top document stays. */
async function loadInFrame(frame: Frame, opensis: Opensis, path: string): Promise<void> {
  await frame.goto(opensis.pageUrl(path));
  expect(frame.url()).toBe(opensis.pageUrl(path));
}

/** The staff report is a window of its own (form target=_blank from the frame), not the frame. */
async function openReport(page: Page, frame: Frame, opensis: Opensis, path: string): Promise<Page> {
  const popup = page.context().waitForEvent('page');
  await frame.evaluate((url) => void window.open(url, '_blank'), opensis.pageUrl(path));
  const report = await popup;
  await report.waitForLoadState();
  return report;
}

/** Soft: the markers of a page are those of the ids EXPECTED.json lists, in row order, in `scope` only. */
async function expectMarkers(scope: Scope, label: string, kind: 'student' | 'staff', ids: string[]): Promise<void> {
  await expect
    .soft(scope.locator(`[data-liaison-${kind}]`), `${label}: one ${kind} marker per ${kind} shown`)
    .toHaveCount(ids.length, { timeout: PAGE_MS });
  expect.soft(await markerIds(scope, kind), `${label}: ${kind} ids in row order`).toEqual(ids);
}

test.describe('openSIS captured pages, inside the app’s iframe', () => {
  test.skip(!opensisPresent, 'left out: ../shared absent (../shared/sis-pages/opensis is not in this checkout)');

  test('plan.json walked in the frame: each page’s markers in the frame, each record’s EXPECTED findings', async ({
    page,
    opensis,
  }) => {
    test.setTimeout(360_000);
    const expected = readExpected();
    const plan = readPlan();
    const errors = liaisonErrors(page);
    const frame = await openApp(page, opensis);

    // 1. The walk, in order: staff pages, records, lists, lists again. Every page shows its markers in the frame
    //    (the report in its own window), and none lands in the top document.
    for (const p of plan) {
      const page_ = expectedPageFor(expected, p);
      expect(page_, `${p.file} is in EXPECTED.json`).toBeTruthy();
      const kind = kindOf(p);
      const label = `${p.file}${p.again ? ' (again)' : ''}`;
      if (page_!.window?.startsWith('popup')) {
        const report = await openReport(page, frame, opensis, p.path);
        await expectMarkers(report, label, kind, idsOf(page_!, kind));
        await report.close();
        continue;
      }
      await loadInFrame(frame, opensis, p.path);
      await expectMarkers(frame, label, kind, idsOf(page_!, kind));
      await expect(page.locator('[data-liaison-marker]'), `${label}: no marker in the top document`).toHaveCount(0);
    }

    // 2. Every record page again, now that every page was seen (a caseload counts students read after the staff
    //    page, a student's findings need the staff read before): its marker carries EXPECTED.json's codes.
    const seen = new Set<string>();
    for (const p of plan.filter(isRecord)) {
      if (seen.has(p.path)) continue;
      seen.add(p.path);
      const kind = kindOf(p);
      const [id] = idsOf(expectedPageFor(expected, p)!, kind);
      await loadInFrame(frame, opensis, p.path);
      let codes: string[] | string;
      try {
        codes = await reportedCodesIn(frame, kind, id!, PAGE_MS);
      } catch {
        codes = `no ${kind} marker for ${id} in the frame`;
      }
      expect.soft(codes, `${p.file}: findings of ${kind} ${id}`).toEqual(expectedCodes(expected, kind, id!));
    }
    expect(errors).toEqual([]);
  });

  test('AJAX navigation into #content, URL unchanged: the new record’s marker appears in the frame', async ({
    page,
    opensis,
    openPanel,
  }) => {
    const expected = readExpected();
    const ajaxPage = expected.pages.find((p) => p.clicked?.length && p.subject?.student_id)!;
    const id = String(ajaxPage.subject!.student_id);
    const errors = liaisonErrors(page);
    const frame = await openApp(page, opensis);
    // The staff pages first, as plan.json starts (list, report, records), so the case manager is known.
    for (const p of readPlan().filter((p) => p.kind.startsWith('staff'))) {
      if (expectedPageFor(expected, p)?.window?.startsWith('popup')) {
        const report = await openReport(page, frame, opensis, p.path);
        await expect(report.locator('[data-liaison-staff]').first())
          .toBeVisible({ timeout: PAGE_MS })
          .catch(() => undefined);
        await report.close();
      } else {
        await loadInFrame(frame, opensis, p.path);
        await expect(frame.locator('[data-liaison-staff]').first())
          .toBeVisible({ timeout: PAGE_MS })
          .catch(() => undefined);
      }
    }
    // Start on a captured list: the expanded student list (full load in the frame).
    const list = readPlan().find((p) => p.file === 'student-list-expanded.html')!;
    await loadInFrame(frame, opensis, list.path);
    const listUrl = frame.url();
    await frame.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // As openSIS's grabA: Ajax.php…&ajax=true, its answer put into #content (jQuery's .html(); jQuery was not
    // captured, innerHTML stands in). The IEP INFO tab's answer is the #content of the capture after navigation.
    const ajaxUrl = new URL(ajaxPage.clicked!.at(-1)!);
    await frame.evaluate(
      async (url) => {
        const answer = await fetch(url);
        if (!answer.ok) throw new Error(`Ajax.php answered ${answer.status}`);
        document.getElementById('content')!.innerHTML = await answer.text();
      },
      `${ajaxUrl.pathname.slice(1)}${ajaxUrl.search}`,
    );
    await expect(frame.locator('#content')).toContainText('Selected Student');
    await expect(frame.locator('#content')).toContainText(ajaxPage.subject!.name.split(' ').at(-1)!);
    // Same document, same URL: still the list's.
    expect(frame.url()).toBe(listUrl);
    expect(await frame.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    await expect
      .soft(markerIn(frame, 'student', id), `marker of student ${id} after the AJAX load`)
      .toHaveCount(1, { timeout: PAGE_MS });
    await expect
      .soft(frame.locator('[data-liaison-student]'), 'the list’s markers are gone')
      .toHaveCount(1, { timeout: PAGE_MS });
    let codes: string[] | string;
    try {
      codes = await reportedCodesIn(frame, 'student', id, PAGE_MS);
    } catch {
      codes = `no student marker for ${id} in the frame`;
    }
    expect.soft(codes, `findings of student ${id}`).toEqual(expectedCodes(expected, 'student', id));
    await expect(page.locator('[data-liaison-marker]')).toHaveCount(0);

    // The side panel's page is the frame's record, not the empty top document.
    const panel = await openPanel();
    await expect
      .soft(panel.locator('#subject-heading'), 'side panel: the frame’s record')
      .toContainText(ajaxPage.subject!.name, { timeout: PAGE_MS });
    expect(errors).toEqual([]);
  });
});
