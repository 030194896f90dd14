import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';

/** Where markers are looked for: a page, or one frame of it (openSIS pages live in `iframe[name=body]`). */
export type Scope = Page | Frame | FrameLocator;

/** The marker of one record, by the DESIGN.md contract attributes, in a page or a frame. */
export const markerIn = (scope: Scope, kind: 'student' | 'staff', id: string) =>
  scope.locator(`[data-liaison-${kind}="${id}"]`);

/** The ids of every marker of one kind in a page or a frame, in document order. */
export const markerIds = (scope: Scope, kind: 'student' | 'staff') =>
  scope
    .locator(`[data-liaison-${kind}]`)
    .evaluateAll((ms, k) => ms.map((m) => m.getAttribute(`data-liaison-${k}`) ?? ''), kind);

/** Waits until the worker has answered for a marker (as fixtures.ts `findingsOf`, in a page or a frame). */
export async function findingsIn(
  scope: Scope,
  kind: 'student' | 'staff',
  id: string,
  timeout?: number,
): Promise<string[]> {
  const m = markerIn(scope, kind, id).first();
  await expect(m).toHaveAttribute('data-liaison-findings', /.*/, { timeout });
  await expect(m.locator('button').first()).not.toHaveText('Liaison…', { timeout });
  return ((await m.getAttribute('data-liaison-findings')) ?? '').split(' ').filter(Boolean).sort();
}

/** Note follow-ups are not findings of the rules; EXPECTED.json and cases.json speak of the rules only. */
const NOTE_CODES = /^NOTE_/;

/**
 * The codes EXPECTED.json (and cases.json) list for a record: its warning and error findings plus the one info
 * code they name, CM_AUTH_VIA_PROVIDER; read from the marker's popover, which names each finding's severity.
 */
export async function reportedCodesIn(
  scope: Scope,
  kind: 'student' | 'staff',
  id: string,
  timeout?: number,
): Promise<string[]> {
  await findingsIn(scope, kind, id, timeout);
  const m = markerIn(scope, kind, id).first();
  // The popover's list is built when it opens.
  await m.locator('button.badge').click();
  const codes: string[] = [];
  for (const li of await m.locator('li').all()) {
    const code = ((await li.locator('.code').textContent()) ?? '').trim();
    const severity = ((await li.locator('.sev').textContent()) ?? '').trim();
    if (!code || NOTE_CODES.test(code)) continue;
    if (severity !== 'info' || code === 'CM_AUTH_VIA_PROVIDER') codes.push(code);
  }
  return codes.sort();
}
