// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMarker,
  markerRoot,
  setMarkerContract,
  STORE_CONTRACT,
  TEST_CONTRACT,
  updateMarker,
} from '../../../components/marker';
import { createChip } from '../../../components/teach/chip';
import type { Finding } from '../../../lib/domain';

/** Issue 12: what a script on the SIS page can learn from, and do with, Liaison's inline UI in the store build. */
const f = (code: string, severity: Finding['severity']): Finding => ({
  code,
  severity,
  subject: { kind: 'student', id: '1001' },
  title: `title ${code}`,
  detail: `Maria Gonzalez holds no credential for ${code}`,
  citation: { source: 'test' },
});

let restore: ReturnType<typeof setMarkerContract> | null = null;
afterEach(() => {
  if (restore) setMarkerContract(restore);
  restore = null;
  document.body.replaceChildren();
});

describe('store contract (markers)', () => {
  it('a closed root, and on the host only the id and the checks’ severity: no codes, nothing note-derived', () => {
    restore = setMarkerContract(STORE_CONTRACT);
    const m = createMarker(document, 'student', '1001', () => undefined);
    document.body.append(m);
    updateMarker(m, [f('CM_NO_AUTHORIZATION', 'warning'), f('NOTE_FOLLOWUP_OVERDUE', 'error')]);
    expect(m.shadowRoot).toBeNull();
    expect(
      m
        .getAttributeNames()
        .filter((a) => a !== 'data-liaison-marker')
        .sort(),
    ).toEqual(['data-liaison-severity', 'data-liaison-student']);
    expect(m.getAttribute('data-liaison-severity')).toBe('warning'); // the follow-up's error is the notes', not the page's
    expect(m.outerHTML).not.toMatch(/CM_NO|NOTE_|Gonzalez/);
    // Liaison's own code still reaches the badge: the user sees the same badge.
    expect(markerRoot(m)!.querySelector('button')!.textContent).toBe('Error 2');
    expect(markerRoot(m)!.querySelector('button')!.classList.contains('follow-up')).toBe(true);
  });

  it('ignores a page script’s clicks (the user’s own are unit-tested with a stand-in, TEST_CONTRACT trusted)', () => {
    restore = setMarkerContract(STORE_CONTRACT);
    const compose = vi.fn();
    const m = createMarker(document, 'student', '1001', compose);
    document.body.append(m);
    updateMarker(m, [f('CM_NO_AUTHORIZATION', 'warning')]);
    const root = markerRoot(m)!;
    root.querySelector<HTMLButtonElement>('button.badge')!.click(); // isTrusted false: a script's click
    expect(root.querySelector('.pop:not([hidden])')).toBeNull();
    expect(root.textContent).not.toMatch(/Gonzalez/);
  });

  it('the test build keeps the full contract (open root, finding codes)', () => {
    restore = setMarkerContract(TEST_CONTRACT);
    const m = createMarker(document, 'student', '1001');
    updateMarker(m, [f('CM_NO_AUTHORIZATION', 'warning'), f('NOTE_FOLLOWUP_OVERDUE', 'error')]);
    expect(m.shadowRoot).not.toBeNull();
    expect(m.getAttribute('data-liaison-findings')).toBe('CM_NO_AUTHORIZATION NOTE_FOLLOWUP_OVERDUE');
    expect(m.getAttribute('data-liaison-severity')).toBe('error');
  });
});

describe('store contract (chip)', () => {
  it('is closed to the page (its untrusted clicks: test/unit/teach/toolbar)', () => {
    const teach = vi.fn();
    const chip = createChip(document, teach, 'data-liaison-ui', undefined, 'closed');
    chip.show(true);
    const host = document.querySelector('[data-liaison-chip]') as HTMLElement;
    expect(host.shadowRoot).toBeNull();
  });
});
