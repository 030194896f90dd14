// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlPatternMatches } from '../../../lib/adapters/profile-match';
import { createChip } from '../../../components/teach/chip';
import { openToolbar, TEACH_ATTR, type ToolbarDeps } from '../../../components/teach/toolbar';
import { readWithProfile } from '../../../lib/adapters/generic/profile-check';
import { SiteProfile } from '../../../lib/adapters/profile';

const URL_ = 'http://127.0.0.1:4000/pupil?sid=P-1&tab=sped';
const page = `<main><h1 class="n">Ann Lee</h1><b data-key="no">P-1</b>
  <dl><dt>Case Carrier</dt><dd>Priya Patel</dd></dl><p id="dis">320 - Autism</p><a id="link" href="/elsewhere">away</a></main>`;

afterEach(() => {
  document.querySelectorAll(`[${TEACH_ATTR}], [data-liaison-chip]`).forEach((e) => e.remove());
  document.body.innerHTML = '';
});

/** Tests stand in for the user: their synthetic events count as trusted unless a test says otherwise. */
function open({
  html = page,
  url = URL_,
  ...over
}: Partial<Omit<ToolbarDeps, 'url'>> & { html?: string; url?: string } = {}) {
  const save = vi.fn(async (_p: unknown) => ({ ok: true }));
  document.body.innerHTML = html;
  const toolbar = openToolbar(
    {
      doc: document,
      url: () => new URL(url),
      read: (p, at) => readWithProfile(document, at, p),
      save,
      existing: null,
      uiAttr: 'data-liaison-ui',
      trusted: () => true,
      asOf: () => '2026-11-22',
      ...over,
    },
    () => undefined,
  );
  const root = toolbar.root;
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
    ) as HTMLButtonElement;
  const row = (key: string) => root.querySelector(`tr[data-field="${key}"]`)!.textContent!;
  const click = (el: Element) =>
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  const key = (k: string) =>
    window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  const pick = (field: string, sel: string) => {
    click(button(`Pick ${field}`));
    return click(document.querySelector(sel)!);
  };
  const status = () => root.querySelector('[role=status]')!.textContent!;
  const saveOff = () => button('Save profile').getAttribute('aria-disabled') === 'true';
  const preview = () => root.querySelector('[data-preview]')!.textContent!;
  const address = () => root.querySelector('select[aria-label$="from the address"]') as HTMLSelectElement | null;
  const choose = (select: HTMLSelectElement, value: string) => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };
  return { toolbar, root, button, row, pick, click, key, save, status, saveOff, preview, address, choose };
}

describe('teach toolbar', () => {
  it('maps picked elements, previews the read, undoes, and saves a valid profile', async () => {
    const t = open();
    expect(t.saveOff()).toBe(true);
    t.pick('Student ID', '[data-key="no"]');
    expect(t.row('id')).toContain('from the address (sid = P-1)');
    t.pick('Name', 'h1');
    t.pick('Case manager', 'dd');
    expect(t.row('caseManager')).toContain('the value next to “Case Carrier” → “Priya Patel”');
    t.pick('Primary disability', 'h1');
    t.click(t.button('Undo'));
    expect(t.row('primaryDisability')).toContain('not mapped');
    t.pick('Primary disability', '#dis');
    // No label beside it: a place on the page, said in words (the selector only as a tooltip).
    expect(t.row('primaryDisability')).toContain(
      'the element at its place on the page (no label beside it) → “320 - Autism”',
    );
    expect(t.root.querySelector('tr[data-field="primaryDisability"] [title]')!.getAttribute('title')).toBe('#dis');
    expect(t.preview()).toContain('Student P-1: Ann Lee');
    expect(t.preview()).toContain('320 - Autism');
    expect(t.preview()).toContain('Priya Patel');
    expect(t.saveOff()).toBe(false);
    t.click(t.button('Save profile'));
    await vi.waitFor(() => expect(t.save).toHaveBeenCalledTimes(1));
    const saved = SiteProfile.parse(t.save.mock.calls[0]![0]);
    expect(saved.pages[0]!.fields).toEqual({
      caseManager: { label: 'Case Carrier' },
      primaryDisability: { selector: '#dis' },
    });
    await vi.waitFor(() => expect(t.status()).toContain('Saved'));
  });

  it('offers every rule input: record pages, staff pages, and the same as list columns', () => {
    const t = open();
    const fields = () => [...t.root.querySelectorAll('tr[data-field]')].map((r) => r.getAttribute('data-field'));
    const student = [
      'id',
      'name',
      'grade',
      'birthDate',
      'primaryDisability',
      'secondaryDisability',
      'severe',
      'supportLevel',
      'program',
      'alternatePlacement',
      'caseManager',
      'caseManagerRole',
      'services',
      'serviceProvider',
      'iepLastMeeting',
      'iepNextAnnual',
      'iepNextTriennial',
      'entryDate',
      'transferredWithIep',
      'plan504Review',
      'accommodations',
      'modifications',
      'supports',
      'testingAccommodations',
    ];
    const staff = [
      'id',
      'name',
      'position',
      'credentials',
      'credentialAuthorizations',
      'credentialKind',
      'credentialIssued',
      'credentialExpires',
    ];
    expect(fields()).toEqual(student);
    expect(t.button('Pick Degree of support')).toBeTruthy();
    const kind = t.root.querySelector('select[title="Page type"]') as HTMLSelectElement;
    for (const [value, want] of [
      ['staff', staff],
      ['student-list', student],
      ['staff-list', staff],
    ] as const) {
      t.choose(kind, value);
      expect(fields()).toEqual(want);
    }
    expect(t.button('Pick Authorization codes')).toBeTruthy();
  });

  it('the id from the address: every query parameter with its value, saved as {from: url, param}', async () => {
    // The id is nowhere on the page: only the address holds it.
    const t = open({
      url: 'http://127.0.0.1:4000/learner?ref=S-9&view=plan&blank=',
      html: '<h1>Ann Lee</h1><dl><dt>Case Carrier</dt><dd>Priya Patel</dd></dl>',
    });
    const select = t.address()!;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'choose parameter = value',
      'ref = S-9',
      'view = plan',
    ]);
    t.choose(select, 'ref');
    expect(t.row('id')).toContain('from the address (ref = S-9)');
    expect(t.address()!.value).toBe('ref');
    expect(t.preview()).toContain('Student S-9');
    t.click(t.button('Save profile'));
    await vi.waitFor(() => expect(t.save).toHaveBeenCalledTimes(1));
    const saved = SiteProfile.parse(t.save.mock.calls[0]![0]);
    expect(saved.pages[0]!.id).toEqual({ from: 'url', param: 'ref' });
    expect(
      urlPatternMatches(saved.pages[0]!.urlPatterns[0]!, new URL('https://h/learner?view=plan&ref=S-10&blank=')),
    ).toBe(true);
  });

  it('says so when the address has no parameter that could be the id', () => {
    const t = open({ url: 'http://127.0.0.1:4000/learner/plan' });
    expect(t.address()).toBeNull();
    expect(t.row('id')).toContain('The address has no parameter that could be the id.');
  });

  it('Save stays off, saying why in words for screen readers, while the preview reads no record', async () => {
    const t = open({
      url: 'http://127.0.0.1:4000/learner?ref=S-9&view=plan',
      html: '<h1>Ann Lee</h1><dl><dt>Case Carrier</dt><dd>Priya Patel</dd></dl>',
    });
    const save = t.button('Save profile');
    const why = t.root.getElementById(save.getAttribute('aria-describedby')!)!;
    expect(why.getAttribute('aria-live')).toBe('polite');
    expect(t.saveOff()).toBe(true);
    expect(save.disabled).toBe(false); // still focusable, so the reason is reachable
    expect(why.textContent).toBe(
      'Save is off: Liaison reads no student on this page yet. Say where the Student ID is: pick it on the page, or choose it from the address.',
    );
    t.pick('Case manager', 'dd');
    expect(t.saveOff()).toBe(true);
    // A name is no id: the record still is not read.
    t.pick('Student ID', 'h1');
    expect(why.textContent).toContain('the Student ID chosen does not read as an id on this page');
    t.click(save);
    await Promise.resolve();
    expect(t.save).not.toHaveBeenCalled();
    expect(t.status()).toContain('Not saved. Save is off');
    t.choose(t.address()!, 'ref');
    expect(t.saveOff()).toBe(false);
    expect(why.textContent).toBe('');
  });

  it('previews what the checks find on the records read', () => {
    const t = open();
    t.pick('Student ID', '[data-key="no"]');
    t.pick('Primary disability', '#dis');
    t.pick('Case manager', 'dd');
    const findings = t.root.querySelector('[data-preview-findings]')!.textContent!;
    // Priya Patel has no staff record on this page alone: in the browser that is "not checked yet" (RULES.md check 8).
    expect(findings).toContain('CM_NOT_CHECKED');
    expect(findings).toContain('From this page alone');
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
    t.key('Escape');
    expect(t.status()).toBe('Picking cancelled.');
    document.querySelector('#link')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(pageHandler).toHaveBeenCalledTimes(1); // picking is over: the page works as before
  });

  it('picks with the keyboard: arrows move through the page’s text, announced; Enter picks', () => {
    const t = open();
    t.click(t.button('Pick Case manager'));
    expect(t.status()).toContain('use the arrow keys and Enter');
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      t.key('ArrowDown');
      order.push(t.status());
    }
    expect(order[0]).toBe('“Ann Lee” (1 of 6). Enter picks it, Escape cancels.');
    expect(order[2]).toBe(
      'The label “Case Carrier”, for its value “Priya Patel” (3 of 6). Enter picks it, Escape cancels.',
    );
    expect(order[3]).toBe('Next to “Case Carrier”: “Priya Patel” (4 of 6). Enter picks it, Escape cancels.');
    t.key('ArrowUp');
    t.key('ArrowDown');
    t.key('Enter');
    expect(t.row('caseManager')).toContain('the value next to “Case Carrier”');
    expect(t.status()).toContain('Case manager mapped: the value next to “Case Carrier”, reads “Priya Patel”.');
  });

  it('only the user’s own events drive it: synthetic clicks, keys and changes are ignored', () => {
    let user = true;
    const t = open({ trusted: () => user });
    t.click(t.button('Pick Case manager'));
    user = false;
    const forged = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.querySelector('#dis')!.dispatchEvent(forged);
    expect(forged.defaultPrevented).toBe(true); // kept from the page while picking…
    expect(t.row('caseManager')).toContain('not mapped'); // …but never a pick
    t.key('ArrowDown');
    t.key('Enter');
    t.key('Escape');
    expect(t.row('caseManager')).toContain('not mapped');
    expect(t.button('Pick Case manager').getAttribute('aria-pressed')).toBe('true'); // Escape was not the user's
    t.click(t.button('Save profile'));
    t.click(t.button('Close teach mode'));
    t.choose(t.root.querySelector('select[title="Page type"]') as HTMLSelectElement, 'staff');
    t.choose(t.address()!, 'sid');
    expect(t.toolbar.host.isConnected).toBe(true);
    expect(t.row('id')).toContain('not mapped');
    expect(t.save).not.toHaveBeenCalled();
    user = true;
    t.click(document.querySelector('dd')!);
    expect(t.row('caseManager')).toContain('the value next to “Case Carrier”');
  });

  it('by default trusts only isTrusted events (a page script’s dispatchEvent is not the user)', () => {
    const t = open({ trusted: undefined });
    t.click(t.button('Pick Name'));
    expect(t.button('Pick Name').getAttribute('aria-pressed')).toBe('false');
  });

  it('shows page text only as text', () => {
    const t = open();
    document.querySelector('h1')!.innerHTML = '&lt;img src=x onerror="window.__pwned=1"&gt;';
    t.pick('Student ID', '[data-key="no"]');
    t.pick('Name', 'h1');
    expect(t.root.querySelector('img')).toBeNull();
    expect(t.preview()).toContain('<img src=x');
  });

  it('a closed toolbar keeps the page out of it (the store build)', () => {
    const t = open({ shadowMode: 'closed' });
    expect(t.toolbar.host.shadowRoot).toBeNull();
    expect(t.button('Save profile')).toBeTruthy();
  });

  it('a second page taught in the same session is added to the profile just saved', async () => {
    const t = open();
    t.pick('Student ID', '[data-key="no"]');
    t.click(t.button('Save profile'));
    await vi.waitFor(() => expect(t.status()).toContain('Saved'));
    t.choose(t.root.querySelector('select[title="Page type"]') as HTMLSelectElement, 'staff');
    t.choose(t.address()!, 'sid');
    t.click(t.button('Save profile'));
    await vi.waitFor(() => expect(t.save).toHaveBeenCalledTimes(2));
    expect(SiteProfile.parse(t.save.mock.calls[1]![0]).pages.map((p) => p.type)).toEqual(['staff', 'student']);
  });
});

describe('not-recognized chip', () => {
  it('shows, hides, and once dismissed stays away', () => {
    const teach = vi.fn();
    const chip = createChip(document, teach, 'data-liaison-ui', () => true);
    chip.show(true);
    const host = document.querySelector('[data-liaison-chip]')!;
    expect(host.hasAttribute('data-liaison-ui')).toBe(true);
    (host.shadowRoot!.querySelector('button.teach') as HTMLButtonElement).click();
    expect(teach).toHaveBeenCalledTimes(1);
    chip.show(false);
    expect(document.querySelector('[data-liaison-chip]')).toBeNull();
    chip.show(true);
    (
      document
        .querySelector('[data-liaison-chip]')!
        .shadowRoot!.querySelector('[aria-label="Dismiss"]') as HTMLButtonElement
    ).click();
    chip.show(true);
    expect(document.querySelector('[data-liaison-chip]')).toBeNull();
  });

  it('a page script cannot start teach mode or dismiss it', () => {
    const teach = vi.fn();
    const chip = createChip(document, teach, 'data-liaison-ui');
    chip.show(true);
    const root = document.querySelector('[data-liaison-chip]')!.shadowRoot!;
    (root.querySelector('button.teach') as HTMLButtonElement).click();
    (root.querySelector('[aria-label="Dismiss"]') as HTMLButtonElement).click();
    expect(teach).not.toHaveBeenCalled();
    expect(document.querySelector('[data-liaison-chip]')).not.toBeNull();
  });
});
