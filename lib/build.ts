/**
 * Which contract the inline UI keeps (DESIGN.md "Inline markers"). The test build (`npm run build:test`, WXT's
 * `--mode test`; vitest runs in that mode too) keeps shadow roots open for Playwright and writes the full marker
 * contract. Every other build (the store build, and `npm run build:store-local`, the same build enabled on
 * loopback) closes them and writes only ids and severity: a script on the SIS page learns nothing from Liaison.
 */
export const TEST_BUILD: boolean = import.meta.env?.MODE === 'test';

/** Shadow roots of Liaison's inline UI (markers, chip, teach toolbar). */
export const SHADOW_MODE: ShadowRootMode = TEST_BUILD ? 'open' : 'closed';

/** Only the user's own events drive Liaison's buttons: a page script's `el.click()` or dispatched event does not. */
export const userEvent = (e: Event): boolean => e.isTrusted;
