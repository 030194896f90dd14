import type { Page } from '@playwright/test';

/**
 * Collects page errors and console errors that come from Liaison's own scripts (chrome-extension:// URLs),
 * leaving the SIS page's own noise (missing assets, its scripts) aside.
 */
export function liaisonErrors(page: Page): string[] {
  const errors: string[] = [];
  const ours = (s: string | undefined) => !!s && s.includes('chrome-extension://');
  page.on('pageerror', (err) => {
    if (ours(err.stack) || ours(err.message)) errors.push(`pageerror: ${err.message}`);
  });
  page.on('console', (msg) => {
    if ((msg.type() === 'error' || msg.type() === 'warning') && (ours(msg.location().url) || ours(msg.text())))
      errors.push(`console.${msg.type()}: ${msg.text().slice(0, 200)}`);
  });
  return errors;
}
