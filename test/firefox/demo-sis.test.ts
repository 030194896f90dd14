import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSis } from '../../demo-sis/serve';
import { findingsOf, GECKO_ID, launchFirefoxWithLiaison, type FirefoxWithLiaison } from './firefox';

/** Compliance dates have their own tests; the worked cases speak of the credential rules (as test/e2e). */
const DATE_CODES = /^(IEP_|TRIENNIAL_|INITIAL_|TRANSITION_|AGE_OF_MAJORITY|NOTE_)/;
const credentialCodes = (codes: string[]) => codes.filter((c) => !DATE_CODES.test(c));

let sis: { url: string; close(): Promise<void> };
let ff: FirefoxWithLiaison;

beforeAll(async () => {
  sis = await startDemoSis({ port: 0 });
  ff = await launchFirefoxWithLiaison();
});
afterAll(async () => {
  await ff?.close();
  await sis?.close();
});

describe('Liaison in real Firefox (firefox-esr, WebDriver BiDi) on the demo SIS', () => {
  it('installs as a Firefox MV3 add-on with its gecko id', () => {
    expect(ff.id).toBe(GECKO_ID);
  });

  it('the staff list gets markers with the credential findings of the worked cases', async () => {
    await ff.page.goto(`${sis.url}/staff`);
    expect(await findingsOf(ff.page, 'staff', 'T107')).toContain('CREDENTIAL_EXPIRED');
    expect(await findingsOf(ff.page, 'staff', 'T108')).toContain('CREDENTIAL_EXPIRING');
  });

  it('the student list gets one marker per student, each answered by the background script', async () => {
    await ff.page.goto(`${sis.url}/students`);
    // 1015 has a disability and services but no case manager.
    expect(await findingsOf(ff.page, 'student', '1015')).toContain('CM_MISSING');
    const rows = await ff.page.$$eval('table tbody tr', (r) => r.length);
    expect(rows).toBeGreaterThanOrEqual(35);
    const markers = await ff.page.$$eval('[data-liaison-student]', (ms) =>
      ms.map((m) => ({ severity: m.getAttribute('data-liaison-severity'), text: m.shadowRoot?.querySelector('button')?.textContent })),
    );
    expect(markers).toHaveLength(rows);
    expect(markers.filter((m) => !m.severity || m.text === 'Liaison…')).toEqual([]);
    expect(markers.find((m) => m.severity === 'error')).toBeTruthy();
  });

  it("a student page's marker shows that student's findings, as in Chromium", async () => {
    await ff.page.goto(`${sis.url}/students/1004`);
    expect(credentialCodes(await findingsOf(ff.page, 'student', '1004'))).toEqual(['CM_AUTH_VIA_PROVIDER', 'CM_BEST_PRACTICE']);
    await ff.page.goto(`${sis.url}/students/1009`);
    expect(credentialCodes(await findingsOf(ff.page, 'student', '1009'))).toEqual(['CM_NOT_AUTHORIZED']);
  });

  it('a student list opened after the student pages shows what they read', async () => {
    await ff.page.goto(`${sis.url}/students`);
    expect(await findingsOf(ff.page, 'student', '1009')).toContain('CM_NOT_AUTHORIZED');
    expect(credentialCodes(await findingsOf(ff.page, 'student', '1004'))).toEqual(['CM_AUTH_VIA_PROVIDER', 'CM_BEST_PRACTICE']);
  });
});
