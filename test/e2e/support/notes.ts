import { expect, type Page } from '@playwright/test';

export const PASSPHRASE = 'a long test passphrase';

/**
 * Notes are encrypted with a key held only by the open panel page: each new panel sets the passphrase (first
 * use in this profile) or unlocks with it before notes show.
 */
export async function unlockNotes(panel: Page) {
  const setUp = panel.getByRole('button', { name: 'Set passphrase' });
  const unlock = panel.getByRole('button', { name: 'Unlock' });
  const lockNow = panel.getByRole('button', { name: 'Lock now' });
  await expect(setUp.or(unlock).or(lockNow)).toBeVisible();
  if (await setUp.isVisible()) {
    await panel.getByLabel(/New passphrase/).fill(PASSPHRASE);
    await panel.getByLabel('Same passphrase again').fill(PASSPHRASE);
    await setUp.click();
  } else if (await unlock.isVisible()) {
    await panel.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await unlock.click();
  }
  await expect(lockNow).toBeVisible();
}
