// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMarker, setMarkerContract, TEST_CONTRACT } from '../../../components/marker';

// happy-dom's click() is not a user's (isTrusted false): the test stands in for the user (test/unit/trust/inline-contract).
let before: ReturnType<typeof setMarkerContract>;
beforeAll(() => {
  before = setMarkerContract({ ...TEST_CONTRACT, trusted: () => true });
});
afterAll(() => {
  setMarkerContract(before);
});

describe('"Add note" on a badge', () => {
  it('shows in an open student popover and hands the student id to the callback', () => {
    const onCompose = vi.fn();
    const m = createMarker(document, 'student', '1009', onCompose);
    const root = m.shadowRoot!;
    // Closed: the badge is the marker's only button.
    expect(root.querySelectorAll('button')).toHaveLength(1);
    root.querySelector<HTMLButtonElement>('button.badge')!.click();
    const add = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Add note')!;
    add.click();
    expect(onCompose).toHaveBeenCalledWith('1009');
    expect(root.querySelector('[role="status"]')!.textContent).toContain('side panel');
  });

  it('is absent on staff markers and without a callback', () => {
    for (const m of [createMarker(document, 'staff', 'T1', vi.fn()), createMarker(document, 'student', '1')]) {
      m.shadowRoot!.querySelector<HTMLButtonElement>('button.badge')!.click();
      expect(m.shadowRoot!.querySelectorAll('button')).toHaveLength(1);
    }
  });
});
