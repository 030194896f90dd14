// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeAriaLabel,
  badgeLabel,
  createMarker,
  updateMarker,
  setMarkerContract,
  TEST_CONTRACT,
} from '../../../components/marker';

// happy-dom's click() is not a user's (isTrusted false): the test stands in for the user (test/unit/trust/inline-contract).
let before: ReturnType<typeof setMarkerContract>;
beforeAll(() => {
  before = setMarkerContract({ ...TEST_CONTRACT, trusted: () => true });
});
afterAll(() => {
  setMarkerContract(before);
});
import type { Finding } from '../../../lib/domain';

const finding = (code: string, severity: Finding['severity'], title = code): Finding => ({
  code,
  severity,
  subject: { kind: 'student', id: '1' },
  title,
  detail: `detail of ${code}`,
  citation: { source: 'test' },
});

describe('inline marker', () => {
  it('carries the contract attributes and starts as "checking"', () => {
    const m = createMarker(document, 'student', '1001');
    expect(m.getAttribute('data-liaison-student')).toBe('1001');
    expect(m.getAttribute('data-liaison-findings')).toBe('');
    expect(m.getAttribute('data-liaison-severity')).toBe('none');
    expect(m.shadowRoot!.querySelector('button')!.textContent).toBe('Liaison…');
  });

  it('shows the worst severity in words and the count of every finding, and lists every finding', () => {
    const m = createMarker(document, 'student', '1001');
    updateMarker(m, [finding('CM_BEST_PRACTICE', 'warning'), finding('CM_NOT_AUTHORIZED', 'error')]);
    expect(m.getAttribute('data-liaison-findings')).toBe('CM_BEST_PRACTICE CM_NOT_AUTHORIZED');
    expect(m.getAttribute('data-liaison-severity')).toBe('error');
    const button = m.shadowRoot!.querySelector('button')!;
    // Every finding counts (the popover lists 2), not only those of the worst severity.
    expect(button.textContent).toBe('Error 2');
    // Compact face: the icon is the stylesheet's (by data-face), the word is for screen readers, the count shows.
    expect(button.dataset.face).toBe('error');
    expect(button.querySelector('.sr')!.textContent).toBe('Error ');
    expect(button.querySelector('.n')!.textContent).toBe('2');
    expect(button.getAttribute('aria-label')).toBe('Liaison: 2 findings, worst error. Show details');
    // The list is built when the popover opens, not for every marker of a long page.
    expect(m.shadowRoot!.querySelectorAll('li')).toHaveLength(0);
    button.click();
    expect(m.shadowRoot!.querySelectorAll('li')).toHaveLength(2);
    // While open, a new answer shows at once.
    updateMarker(m, [finding('CM_MISSING', 'error')]);
    expect(m.shadowRoot!.querySelectorAll('li')).toHaveLength(1);
  });

  it('says OK when there is nothing to report', () => {
    const m = createMarker(document, 'staff', 'T1');
    updateMarker(m, []);
    expect(m.getAttribute('data-liaison-severity')).toBe('none');
    expect(m.shadowRoot!.querySelector('button')!.textContent).toBe('OK');
    expect(m.shadowRoot!.querySelector('button')!.dataset.face).toBe('none');
  });

  it('marks a due follow-up on the face, and says it', () => {
    const m = createMarker(document, 'student', '1');
    updateMarker(m, [finding('NOTE_FOLLOWUP_DUE', 'warning', 'Follow-up due')]);
    const button = m.shadowRoot!.querySelector('button')!;
    expect(button.classList.contains('follow-up')).toBe(true);
    expect(button.textContent).toBe('Warning 1');
    expect(button.getAttribute('aria-label')).toMatch(/follow-up due/);
    updateMarker(m, [finding('CM_MISSING', 'error')]);
    expect(button.classList.contains('follow-up')).toBe(false);
    expect(button.getAttribute('aria-label')).not.toMatch(/follow-up/);
  });

  it('keeps its face to two digits', () => {
    const m = createMarker(document, 'student', '1');
    updateMarker(
      m,
      Array.from({ length: 120 }, (_, i) => finding(`X${i}`, 'info')),
    );
    expect(m.shadowRoot!.querySelector('button .n')!.textContent).toBe('99+');
  });

  it('toggles its popover by click and closes on Escape, without following an enclosing link', () => {
    const link = document.createElement('a');
    link.href = '#moved';
    const m = createMarker(document, 'student', '1');
    link.append(m);
    document.body.append(link);
    const button = m.shadowRoot!.querySelector('button')!;
    expect(m.shadowRoot!.querySelector('.pop')).toBeNull(); // made when first opened
    button.click();
    const pop = m.shadowRoot!.querySelector('.pop') as HTMLElement;
    expect(pop.hidden).toBe(false);
    expect(button.getAttribute('aria-controls')).toBe(pop.id);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(location.hash).not.toBe('#moved');
    pop.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(pop.hidden).toBe(true);
  });

  it('opens with one line per finding, what is wrong and what to do; the detail, the rest and the code on demand', () => {
    const m = createMarker(document, 'student', '1');
    updateMarker(m, [
      {
        ...finding('CM_NOT_AUTHORIZED', 'error', 'Case manager not authorized'),
        detail: 'Maria holds R3MN only. Long authorization lists follow here.',
        fix: 'Assign a case manager who holds R3EN, for example Ana Torres. Or have an authorized provider serve the student.',
      },
      {
        ...finding('CREDENTIAL_TEMPORARY', 'info', 'Temporary document'),
        detail: 'An intern credential. It has limits.',
      },
    ]);
    m.shadowRoot!.querySelector('button')!.click();
    const [first, second] = [...m.shadowRoot!.querySelectorAll('li')];
    expect(first!.querySelector('.line')!.textContent).toBe(
      'errorCase manager not authorized Assign a case manager who holds R3EN, for example Ana Torres.',
    );
    const more = first!.querySelector('details')!;
    expect(more.open).toBe(false);
    expect(more.querySelector('.detail')!.textContent).toBe(
      'Maria holds R3MN only. Long authorization lists follow here.',
    );
    expect(more.querySelector('.fix')!.textContent).toBe('Or have an authorized provider serve the student.');
    expect(more.querySelector('.code')!.textContent).toBe('CM_NOT_AUTHORIZED');
    // No fix: the detail's first sentence says what it is, the whole detail on demand.
    expect(second!.querySelector('.line')!.textContent).toBe('infoTemporary document An intern credential.');
    expect(second!.querySelector('details .detail')!.textContent).toBe('An intern credential. It has limits.');
  });

  it('renders page-derived text as text, never as markup', () => {
    const m = createMarker(document, 'student', '1');
    updateMarker(m, [finding('CM_MISSING', 'error', '<img src=x onerror="window.__pwned=1">')]);
    m.shadowRoot!.querySelector('button')!.click();
    expect(m.shadowRoot!.querySelector('img')).toBeNull();
    expect(m.shadowRoot!.querySelector('strong')!.textContent).toContain('<img');
  });
});

describe('"Not checked" badge (RULES.md check 8)', () => {
  const cmNotChecked = {
    ...finding('CM_NOT_CHECKED', 'info', 'Case manager not checked yet'),
    detail: 'Liaison has not seen the credentials of Dana Lee, the case manager.',
    fix: "Open Dana Lee's staff page in the SIS, or import a staff file.",
  };

  it('reads "Not checked" for only not-checked findings, with info severity in the light DOM', () => {
    const m = createMarker(document, 'student', '1');
    updateMarker(m, [cmNotChecked]);
    const button = m.shadowRoot!.querySelector('button')!;
    expect(button.textContent).toBe('Not checked');
    expect(button.classList.contains('not-checked')).toBe(true);
    expect(button.getAttribute('aria-label')).toMatch(/^Liaison: not checked yet/);
    expect(m.getAttribute('data-liaison-severity')).toBe('info');
    expect(m.getAttribute('data-liaison-findings')).toBe('CM_NOT_CHECKED');
  });

  it('popover says what Liaison has not seen and how to let it see it', () => {
    const m = createMarker(document, 'student', '1');
    updateMarker(m, [cmNotChecked]);
    m.shadowRoot!.querySelector('button')!.click();
    const pop = m.shadowRoot!.querySelector('.pop')!;
    expect(pop.querySelector('h2')!.textContent).toBe('Liaison: not checked yet');
    expect(pop.querySelector('.detail')!.textContent).toContain('has not seen the credentials of Dana Lee');
    expect(pop.querySelector('.fix')!.textContent).toContain('import a staff file');
  });

  it('a warning or an error wins over not-checked; back to normal styling', () => {
    const m = createMarker(document, 'student', '1');
    updateMarker(m, [cmNotChecked]);
    updateMarker(m, [cmNotChecked, finding('CM_BEST_PRACTICE', 'warning')]);
    const button = m.shadowRoot!.querySelector('button')!;
    expect(button.textContent).toBe('Warning 2');
    expect(button.classList.contains('not-checked')).toBe(false);
    expect(m.getAttribute('data-liaison-severity')).toBe('warning');
  });

  const cases: [string, Finding[], string][] = [
    ['no answer yet', null as never, 'Liaison…'],
    ['no findings', [], 'OK'],
    ['CM_NOT_CHECKED', [finding('CM_NOT_CHECKED', 'info')], 'Not checked'],
    ['PROVIDER_NOT_CHECKED', [finding('PROVIDER_NOT_CHECKED', 'info')], 'Not checked'],
    ['PROVIDER_UNKNOWN_STAFF', [finding('PROVIDER_UNKNOWN_STAFF', 'info')], 'Not checked'],
    ['info STAFF_NO_CREDENTIALS (never read)', [finding('STAFF_NO_CREDENTIALS', 'info')], 'Not checked'],
    ['warning STAFF_NO_CREDENTIALS (read and empty)', [finding('STAFF_NO_CREDENTIALS', 'warning')], 'Warning 1'],
    [
      'not-checked beside another info',
      [finding('CREDENTIAL_TEMPORARY', 'info'), finding('PROVIDER_NOT_CHECKED', 'info')],
      'Not checked',
    ],
    ['another info alone', [finding('CM_AUTH_VIA_PROVIDER', 'info')], 'Info 1'],
    [
      'not-checked beside an error',
      [finding('PROVIDER_UNKNOWN_STAFF', 'info'), finding('CM_MISSING', 'error')],
      'Error 2',
    ],
  ];
  for (const [what, list, label] of cases)
    it(`labels ${what} "${label}"`, () => {
      expect(badgeLabel(list)).toBe(label);
      expect(badgeAriaLabel(list)).toMatch(label === 'Not checked' ? /not checked yet/ : /^Liaison: /);
    });
});
