// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChip } from '../../../components/teach/chip';
import { openToolbar, TEACH_ATTR } from '../../../components/teach/toolbar';
import { readWithProfile } from '../../../lib/adapters/generic/profile-check';
import { SiteProfile } from '../../../lib/adapters/profile';

const URL_ = 'http://127.0.0.1:4000/pupil?sid=P-1&tab=sped';
const page = `<main><h1 class="n">Ann Lee</h1><b data-key="no">P-1</b>
  <dl><dt>Case Carrier</dt><dd>Priya Patel</dd></dl><p id="dis">320 - Autism</p><a id="link" href="/elsewhere">away</a></main>`;

afterEach(() => {
  document.querySelectorAll(`[${TEACH_ATTR}], [data-liaison-chip]`).forEach((e) => e.remove());
  document.body.innerHTML = '';
});

function open(save = vi.fn(async () => ({ ok: true }))) {
  document.body.innerHTML = page;
  const toolbar = openToolbar(
    {
      doc: document,
      url: () => new URL(URL_),
      read: (p) => readWithProfile(document, URL_, p),
      save,
      existing: null,
      uiAttr: 'data-liaison-ui',
    },
    () => undefined,
  );
  const root = toolbar.host.shadowRoot!;
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name) as HTMLButtonElement;
  const row = (key: string) => root.querySelector(`tr[data-field="${key}"]`)!.textContent!;
  const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  const pick = (field: string, sel: string) => {
    click(button(`Pick ${field}`));
    return click(document.querySelector(sel)!);
  };
  return { toolbar, root, button, row, pick, click, save };
}

describe('teach toolbar', () => {
  it('maps picked elements, previews the read, undoes, and saves a valid profile', async () => {
    const t = open();
    expect(t.button('Save profile').disabled).toBe(true);
    t.pick('Student ID', '[data-key="no"]');
    expect(t.row('id')).toContain('URL parameter sid');
    t.pick('Name', 'h1');
    t.pick('Case manager', 'dd');
    expect(t.row('caseManager')).toContain('label “Case Carrier”');
    t.pick('Primary disability', 'h1');
    t.click(t.button('Undo'));
    expect(t.row('primaryDisability')).toContain('not mapped');
    t.pick('Primary disability', '#dis');
    const preview = t.root.querySelector('[data-preview]')!.textContent!;
    expect(preview).toContain('Student P-1: Ann Lee');
    expect(preview).toContain('320 - Autism');
    expect(preview).toContain('Priya Patel');
    t.click(t.button('Save profile'));
    await vi.waitFor(() => expect(t.save).toHaveBeenCalledTimes(1));
    const saved = SiteProfile.parse((t.save.mock.calls[0] as unknown[])[0]);
    expect(saved.pages[0].fields).toEqual({ caseManager: { label: 'Case Carrier' }, primaryDisability: { selector: '#dis' } });
    await vi.waitFor(() => expect(t.root.querySelector('[role=status]')!.textContent).toContain('Saved'));
  });

  it('a pick click never reaches the page (no navigation, no page handler); Escape cancels', () => {
    const t = open();
    const pageHandler = vi.fn();
    document.querySelector('#link')!.addEventListener('click', pageHandler);
    t.click(t.button('Pick Name'));
    const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.querySelector('#link')!.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(pageHandler).not.toHaveBeenCalled();
    t.click(t.button('Pick Services'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(t.root.querySelector('[role=status]')!.textContent).toBe('Picking cancelled.');
    document.querySelector('#link')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(pageHandler).toHaveBeenCalledTimes(1); // picking is over: the page works as before
  });

  it('shows page text only as text', () => {
    const t = open();
    document.querySelector('h1')!.innerHTML = '&lt;img src=x onerror="window.__pwned=1"&gt;';
    t.pick('Student ID', '[data-key="no"]');
    t.pick('Name', 'h1');
    expect(t.root.querySelector('img')).toBeNull();
    expect(t.root.querySelector('[data-preview]')!.textContent).toContain('<img src=x');
  });
});

describe('not-recognized chip', () => {
  it('shows, hides, and once dismissed stays away', () => {
    const teach = vi.fn();
    const chip = createChip(document, teach, 'data-liaison-ui');
    chip.show(true);
    const host = document.querySelector('[data-liaison-chip]')!;
    expect(host.hasAttribute('data-liaison-ui')).toBe(true);
    (host.shadowRoot!.querySelector('button.teach') as HTMLButtonElement).click();
    expect(teach).toHaveBeenCalledTimes(1);
    chip.show(false);
    expect(document.querySelector('[data-liaison-chip]')).toBeNull();
    chip.show(true);
    (document.querySelector('[data-liaison-chip]')!.shadowRoot!.querySelector('[aria-label="Dismiss"]') as HTMLButtonElement).click();
    chip.show(true);
    expect(document.querySelector('[data-liaison-chip]')).toBeNull();
  });
});
