// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createMarker, updateMarker } from '../../../components/marker';
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

  it('shows the worst severity with text and lists every finding', () => {
    const m = createMarker(document, 'student', '1001');
    updateMarker(m, [finding('CM_BEST_PRACTICE', 'warning'), finding('CM_NOT_AUTHORIZED', 'error')]);
    expect(m.getAttribute('data-liaison-findings')).toBe('CM_BEST_PRACTICE CM_NOT_AUTHORIZED');
    expect(m.getAttribute('data-liaison-severity')).toBe('error');
    const button = m.shadowRoot!.querySelector('button')!;
    expect(button.textContent).toBe('Error 1');
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
  });

  it('toggles its popover by click and closes on Escape, without following an enclosing link', () => {
    const link = document.createElement('a');
    link.href = '#moved';
    const m = createMarker(document, 'student', '1');
    link.append(m);
    document.body.append(link);
    const button = m.shadowRoot!.querySelector('button')!;
    const pop = m.shadowRoot!.querySelector('.pop') as HTMLElement;
    button.click();
    expect(pop.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(location.hash).not.toBe('#moved');
    pop.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(pop.hidden).toBe(true);
  });

  it('renders page-derived text as text, never as markup', () => {
    const m = createMarker(document, 'student', '1');
    updateMarker(m, [finding('CM_MISSING', 'error', '<img src=x onerror="window.__pwned=1">')]);
    m.shadowRoot!.querySelector('button')!.click();
    expect(m.shadowRoot!.querySelector('img')).toBeNull();
    expect(m.shadowRoot!.querySelector('strong')!.textContent).toContain('<img');
  });
});
