// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactDue, createMarker, updateMarker, setMarkerContract, TEST_CONTRACT } from '../../../components/marker';

// happy-dom's click() is not a user's (isTrusted false): the test stands in for the user (test/unit/trust/inline-contract).
let before: ReturnType<typeof setMarkerContract>;
beforeAll(() => {
  before = setMarkerContract({ ...TEST_CONTRACT, trusted: () => true });
});
afterAll(() => {
  setMarkerContract(before);
});

describe('marker: due date', () => {
  it('shows the soonest due date beside the badge and in the popover, as text', () => {
    const m = createMarker(document, 'student', '1');
    document.body.append(m);
    const root = m.shadowRoot!;
    expect((root.querySelector('span.due') as HTMLElement).hidden).toBe(true);
    updateMarker(m, [], { code: 'IEP_ANNUAL', due: '2026-12-05', label: '<b>Annual</b> due in 12 days' });
    const side = root.querySelector('span.due') as HTMLElement;
    expect(side.hidden).toBe(false);
    expect(side.textContent).toBe('<b>Annual</b> 12d');
    expect(side.title).toBe('<b>Annual</b> due in 12 days');
    expect(side.querySelector('b')).toBeNull();
    root.querySelector('button')!.click(); // the popover is built when opened
    expect(root.querySelector('h2 .due')?.textContent).toBe(' · <b>Annual</b> due in 12 days');
    expect((root.querySelector('h2 .due') as HTMLElement).title).toBe('2026-12-05');
    // The badge stays the marker's one button, labelled by severity alone.
    expect(root.querySelectorAll('button')).toHaveLength(1);
    expect(root.querySelector('button')!.textContent).toBe('OK');
    updateMarker(m, []);
    expect(side.hidden).toBe(true);
    expect(root.querySelector('h2 .due')).toBeNull();
  });

  it('abbreviates due labels for beside the badge', () => {
    expect(compactDue('Annual due in 1 day')).toBe('Annual 1d');
    expect(compactDue('Triennial overdue by 3 days')).toBe('Triennial 3d late');
    expect(compactDue('Annual due today')).toBe('Annual due today');
    expect(compactDue('Turns 18 in 200 days')).toBe('Turns 18 200d');
    expect(compactDue('Annual due in 38 days · schedule within 8 days')).toBe('Annual 38d · sched 8d');
    expect(compactDue('Annual due in 30 days · schedule today')).toBe('Annual 30d · sched today');
    expect(compactDue('Triennial due in 18 days · schedule now, 1 day late')).toBe('Triennial 18d · sched 1d late');
  });
});
