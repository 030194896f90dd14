// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarker, updateMarker, setMarkerContract, TEST_CONTRACT } from '../../../components/marker';

// happy-dom's click() is not a user's (isTrusted false): the test stands in for the user (test/unit/trust/inline-contract).
let before: ReturnType<typeof setMarkerContract>;
beforeAll(() => {
  before = setMarkerContract({ ...TEST_CONTRACT, trusted: () => true });
});
afterAll(() => {
  setMarkerContract(before);
});

describe('marker: due date', () => {
  it("gives the soonest due date in the badge's name and tooltip and in the popover, as text, never beside the badge", () => {
    const m = createMarker(document, 'student', '1');
    document.body.append(m);
    const root = m.shadowRoot!;
    updateMarker(m, [], { code: 'IEP_ANNUAL', due: '2026-12-05', label: '<b>Annual</b> due in 12 days' });
    const button = root.querySelector('button')!;
    expect(button.title).toBe('OK · <b>Annual</b> due in 12 days');
    expect(button.getAttribute('aria-label')).toBe('Liaison: 0 findings. <b>Annual</b> due in 12 days. Show details');
    // Nothing beside the badge widens the SIS's column.
    expect(root.querySelector('span.due')).toBeNull();
    button.click(); // the popover is built when opened
    expect(root.querySelector('h2 .due')?.textContent).toBe(' · <b>Annual</b> due in 12 days');
    expect((root.querySelector('h2 .due') as HTMLElement).title).toBe('2026-12-05');
    expect(root.querySelector('b')).toBeNull();
    // The badge stays the marker's one button, labelled by severity alone.
    expect(root.querySelectorAll('button')).toHaveLength(1);
    expect(button.textContent).toBe('OK');
    updateMarker(m, []);
    expect(button.title).toBe('OK');
    expect(root.querySelector('h2 .due')).toBeNull();
  });
});
