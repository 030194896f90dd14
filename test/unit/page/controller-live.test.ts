// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '../../../lib/adapters/types';
import { MARKER_BATCH } from '../../../lib/page/markers';
import type { ContentMessage, Reply } from '../../../lib/messaging/protocol';
import { workerSender } from '../../../lib/messaging/send';
import {
  startPageController,
  UI_ATTR,
  type PageController,
  type PageControllerDeps,
} from '../../../lib/page/controller';

/** Every `li[data-id]` under #main is a student. */
const adapter: SiteAdapter = {
  id: 'test',
  label: 'Test',
  verified: true,
  liveRoot: '#main',
  detect: (_u, doc) => (doc.querySelector('#main li') ? 'student-list' : null),
  read(doc, url) {
    const items = [...doc.querySelectorAll('#main li[data-id]')];
    return {
      snapshot: {
        url: url.href,
        profile: 'test',
        pageType: 'student-list',
        students: items.map((li) => ({ id: li.getAttribute('data-id')!, name: li.textContent ?? '' })),
        staff: [],
        diagnostics: [],
      },
      anchors: items.map((li) => ({
        kind: 'student' as const,
        id: li.getAttribute('data-id')!,
        element: li,
        inside: true,
      })),
    };
  },
};

const finding = (id: string) => ({
  code: 'CM_MISSING',
  severity: 'error' as const,
  subject: { kind: 'student' as const, id },
  title: 't',
  detail: 'd',
  citation: { source: 's' },
});
const answer = async (m: ContentMessage): Promise<Reply> =>
  m.type === 'page/snapshot'
    ? {
        ok: true,
        subjects: m.snapshot.students.map((s) => ({ kind: 'student' as const, id: s.id, findings: [finding(s.id)] })),
      }
    : { ok: true };

const controllers: PageController[] = [];
afterEach(() => {
  controllers.splice(0).forEach((c) => c.stop());
  document.body.innerHTML = '';
});

/** A test's own worker answers any message with any reply: `workerSender` gives it the controller's typed `send`. */
type Over = Omit<Partial<PageControllerDeps>, 'send'> & { send?: (m: ContentMessage) => Promise<unknown> };

function start({ send: own, ...over }: Over = {}) {
  const send = vi.fn(answer);
  const c = startPageController({
    doc: document,
    location: () => 'http://127.0.0.1/list',
    pick: (url, doc) => (adapter.detect(url, doc) ? { adapter } : null),
    send: workerSender(own ?? send),
    settleMs: 5,
    ...over,
  });
  if (c) controllers.push(c);
  return { c, send };
}
const settle = (ms = 40) => new Promise((r) => setTimeout(r, ms));
const sent = (send: ReturnType<typeof vi.fn>, type: string) => send.mock.calls.filter(([m]) => m.type === type).length;

describe('page controller on live pages', () => {
  it('a partial update that changes nothing read sends nothing, and recreated markers get the known findings', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li></ul><p id="clock">1</p></div>';
    const { c, send } = start();
    await c!.read();
    document.querySelector('#clock')!.textContent = '2';
    await settle();
    // The SIS re-renders the list: same records, new elements.
    document.querySelector('#main ul')!.innerHTML = '<li data-id="1">A</li>';
    await vi.waitFor(() =>
      expect(document.querySelector('[data-liaison-student="1"]')!.getAttribute('data-liaison-findings')).toBe(
        'CM_MISSING',
      ),
    );
    await settle();
    expect(sent(send, 'page/snapshot')).toBe(1);
    expect(document.querySelector('[data-liaison-student="1"]')!.getAttribute('data-liaison-findings')).toBe(
      'CM_MISSING',
    );
  });

  it('refresh() sends again (profiles changed)', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li></ul></div>';
    const { c, send } = start();
    await c!.read();
    await c!.refresh();
    expect(sent(send, 'page/snapshot')).toBe(2);
  });

  it('says once per URL that a page is not recognized, and reports recognition to the chip', async () => {
    document.body.innerHTML = '<div id="main"><p>Login</p></div>';
    const onRecognized = vi.fn();
    const { c, send } = start({ onRecognized });
    await c!.read();
    document.querySelector('#main')!.append(document.createElement('span'));
    await settle();
    expect(sent(send, 'page/unrecognized')).toBe(1);
    expect(onRecognized).toHaveBeenLastCalledWith(false);
    document.querySelector('#main')!.innerHTML = '<ul><li data-id="4">D</li></ul>';
    await vi.waitFor(() => expect(sent(send, 'page/snapshot')).toBe(1));
    expect(onRecognized).toHaveBeenLastCalledWith(true);
  });

  it('ignores the mutations of Liaison’s own inline UI', async () => {
    document.body.innerHTML = '<div id="main"><p>Login</p></div>';
    const { c, send } = start();
    await c!.read();
    const chip = document.createElement('div');
    chip.setAttribute(UI_ATTR, '');
    document.body.append(chip);
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a page that never stops changing is still read within the maximum wait', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li></ul><p id="tick"></p></div>';
    const { c, send } = start({ settleMs: 30, maxWaitMs: 80 });
    await c!.read();
    document.querySelector('#main ul')!.innerHTML = '<li data-id="2">B</li>';
    for (let i = 0; i < 12; i++) {
      document.querySelector('#tick')!.textContent = String(i);
      await settle(15);
    }
    expect(sent(send, 'page/snapshot')).toBeGreaterThanOrEqual(2);
  });

  it('never runs twice: a second live copy finds the page taken', () => {
    document.body.innerHTML = '<div id="main"></div>';
    start();
    expect(start().c).toBeNull();
  });

  it('an orphan of an updated extension hands the page over, removing its markers, and the new copy reads', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li></ul></div>';
    let oldAlive = true;
    const old = start({ alive: () => oldAlive });
    await old.c!.read();
    expect(document.querySelectorAll('[data-liaison-marker]')).toHaveLength(1);
    oldAlive = false; // extension updated: the old script's context is gone
    const fresh = start();
    expect(fresh.c).not.toBeNull();
    expect(document.querySelectorAll('[data-liaison-marker]')).toHaveLength(0);
    await fresh.c!.read();
    expect(document.querySelectorAll('[data-liaison-marker]')).toHaveLength(1);
    // The orphan no longer reacts to the page.
    document.querySelector('#main ul')!.innerHTML = '<li data-id="2">B</li>';
    await settle();
    expect(old.send).toHaveBeenCalledTimes(1);
  });

  it('an orphan that notices by itself (a failed send) stops quietly', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li></ul></div>';
    let alive = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { c } = start({
      alive: () => alive,
      send: vi.fn(async () => {
        alive = false;
        throw new Error('Extension context invalidated.');
      }),
    });
    await c!.read();
    expect(warn).not.toHaveBeenCalled();
    expect(document.documentElement.hasAttribute('data-liaison-active')).toBe(false);
    warn.mockRestore();
  });
});

describe('page controller: a swapped live root', () => {
  it('re-reads when the app replaces the live root element itself, and watches the new one', async () => {
    document.body.innerHTML = '<div id="app"><div id="main"><ul><li data-id="1">A</li></ul></div></div>';
    const { c, send } = start();
    await c!.read();
    const next = document.createElement('div');
    next.id = 'main';
    next.innerHTML = '<ul><li data-id="2">B</li></ul>';
    document.querySelector('#main')!.replaceWith(next);
    await vi.waitFor(() => expect(document.querySelector('[data-liaison-student="2"]')).not.toBeNull());
    next.querySelector('ul')!.innerHTML = '<li data-id="3">C</li>';
    await vi.waitFor(() => expect(document.querySelector('[data-liaison-student="3"]')).not.toBeNull());
    expect(sent(send, 'page/snapshot')).toBe(3);
  });
});

describe('page controller: markers it did not make', () => {
  const real = (id: string) =>
    [...document.querySelectorAll(`[data-liaison-student="${id}"]`)].filter((m) => m.shadowRoot);
  const forged = (id: string) =>
    [...document.querySelectorAll(`[data-liaison-student="${id}"]`)].filter((m) => !m.shadowRoot);

  it('never reuses a marker the page forged or copied (no shadow root), nor removes it: a real one goes beside it', async () => {
    document.body.innerHTML =
      '<div id="main"><ul><li data-id="1">A<span data-liaison-marker="" data-liaison-student="1" data-liaison-severity="none">OK</span></li></ul></div>';
    const { c } = start();
    await c!.read();
    expect(real('1')).toHaveLength(1);
    expect(real('1')[0]!.getAttribute('data-liaison-findings')).toBe('CM_MISSING');
    expect(forged('1')).toHaveLength(1); // the page's own element, left as the page wrote it
  });

  it('a forged marker added later does not stop the real ones from updating (issue 12)', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li><li data-id="2">B</li></ul></div>';
    const { c } = start();
    await c!.read();
    const fake = document.createElement('span');
    fake.setAttribute('data-liaison-marker', '');
    fake.setAttribute('data-liaison-student', '1');
    document.querySelector('#main li')!.prepend(fake);
    await c!.update([
      { kind: 'student', id: '1', findings: [] },
      { kind: 'student', id: '2', findings: [] },
    ]);
    expect(real('1')[0]!.getAttribute('data-liaison-severity')).toBe('none');
    expect(real('2')[0]!.getAttribute('data-liaison-severity')).toBe('none');
  });

  it('rows the page adds inside an element carrying marker or UI attributes are read, not ignored as Liaison’s (issue 12)', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li></ul></div>';
    const { c, send } = start();
    await c!.read();
    for (const [attr, id] of [
      ['data-liaison-marker', '2'],
      [UI_ATTR, '3'],
    ] as const) {
      const wrapper = document.createElement('div');
      wrapper.setAttribute(attr, '');
      wrapper.innerHTML = `<li data-id="${id}">New</li>`;
      document.querySelector('#main ul')!.append(wrapper);
      await vi.waitFor(() => expect(real(id)).toHaveLength(1));
    }
    // And once the page's "UI" wrapper holds the list, changes inside it are still seen.
    const ui = document.querySelector(`[${UI_ATTR}]`)!;
    ui.innerHTML = '<li data-id="4">Later</li>';
    await vi.waitFor(() => expect(real('4')).toHaveLength(1));
    expect(sent(send, 'page/snapshot')).toBeGreaterThanOrEqual(4);
  });

  it('a page cannot switch Liaison off: cancelling or firing its claim event changes nothing (issue 12)', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li></ul></div>';
    const veto = (e: Event) => e.preventDefault();
    document.addEventListener('liaison:claim-page', veto);
    const { c } = start();
    expect(c).not.toBeNull();
    await c!.read();
    document.dispatchEvent(new CustomEvent('liaison:claim-page', { cancelable: true }));
    document.querySelector('#main ul')!.innerHTML = '<li data-id="2">B</li>';
    await vi.waitFor(() => expect(real('2')).toHaveLength(1));
    expect(document.documentElement.hasAttribute('data-liaison-active')).toBe(true);
    document.removeEventListener('liaison:claim-page', veto);
  });

  it('re-reads a row renamed in place (text and href changed, no element added)', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1"><a href="/s/1">A</a></li></ul></div>';
    const { c, send } = start();
    await c!.read();
    document.querySelector('#main a')!.firstChild!.nodeValue = 'Renamed';
    await vi.waitFor(() => expect(sent(send, 'page/snapshot')).toBe(2));
  });

  it('does nothing on a document that is not HTML (no place for markers)', () => {
    const svg = document.implementation.createDocument('http://www.w3.org/2000/svg', 'svg', null);
    expect(
      startPageController({ doc: svg, location: () => 'http://127.0.0.1/x.svg', pick: () => null, send: vi.fn() }),
    ).toBeNull();
  });
});

describe('page controller: big pages', () => {
  it('places markers and findings in chunks, yielding to the page, and all arrive', async () => {
    const n = MARKER_BATCH + 100;
    document.body.innerHTML = `<div id="main"><ul>${Array.from({ length: n }, (_, i) => `<li data-id="${i}">S${i}</li>`).join('')}</ul></div>`;
    const { c } = start();
    let yielded = false;
    setTimeout(() => (yielded = true));
    await c!.read();
    expect(yielded).toBe(true);
    const markers = document.querySelectorAll('[data-liaison-marker]');
    expect(markers).toHaveLength(n);
    expect(markers[n - 1]!.getAttribute('data-liaison-findings')).toBe('CM_MISSING');
  });
});

describe('page controller: content swapped by AJAX, no live root, URL unchanged (openSIS)', () => {
  /** Like openSIS: `$('#content').html(data)`; the adapter names no live root, so the body subtree is watched. */
  const framed: SiteAdapter = { ...adapter, id: 'framed', liveRoot: undefined };
  const startFramed = (over: Partial<PageControllerDeps> = {}) =>
    start({ pick: (url, doc) => (framed.detect(url, doc) ? { adapter: framed } : null), ...over });

  it('re-reads when #content is replaced deep in the body, from an unrecognized list to a record, and counts the records', async () => {
    document.body.innerHTML = '<div class="wrap"><div id="content"><table><tr><td>List</td></tr></table></div></div>';
    const { c, send } = startFramed();
    await c!.read();
    expect(sent(send, 'page/unrecognized')).toBe(1);
    expect(c!.records()).toBe(0);
    document.querySelector('#content')!.innerHTML = '<div id="main"><ul><li data-id="36">Ivan Lombardi</li></ul></div>';
    await vi.waitFor(() =>
      expect(document.querySelector('[data-liaison-student="36"]')?.getAttribute('data-liaison-findings')).toBe(
        'CM_MISSING',
      ),
    );
    expect(c!.records()).toBe(1);
    // Its own markers (placed under the watched body) cause no further read.
    await settle();
    expect(sent(send, 'page/snapshot')).toBe(1);
    // The next AJAX load: another record in the same place.
    document.querySelector('#content')!.innerHTML =
      '<div id="main"><ul><li data-id="17">Quinn Rasmussen</li></ul></div>';
    await vi.waitFor(() => expect(document.querySelector('[data-liaison-student="17"]')).not.toBeNull());
    expect(document.querySelector('[data-liaison-student="36"]')).toBeNull();
    await settle();
    expect(sent(send, 'page/snapshot')).toBe(2);
  });

  it('sees a body replaced as a whole', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li></ul></div>';
    const { c } = startFramed();
    await c!.read();
    const body = document.createElement('body');
    body.innerHTML = '<div id="main"><ul><li data-id="2">B</li></ul></div>';
    document.body.replaceWith(body);
    await vi.waitFor(() => expect(document.querySelector('[data-liaison-student="2"]')).not.toBeNull());
    body.querySelector('ul')!.innerHTML = '<li data-id="3">C</li>';
    await vi.waitFor(() => expect(document.querySelector('[data-liaison-student="3"]')).not.toBeNull());
  });

  it('a stopped controller shows no records', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li></ul></div>';
    const { c } = startFramed();
    await c!.read();
    expect(c!.records()).toBe(1);
    c!.stop();
    expect(c!.records()).toBe(0);
  });
});

describe('page controller: a worker not listening yet (the first page after the browser starts, issue 17)', () => {
  const unreachable = () => new Error('Could not establish connection. Receiving end does not exist.');
  const label = (id: string) =>
    document.querySelector(`[data-liaison-student="${id}"]`)?.shadowRoot?.querySelector('button')?.textContent;

  it('tries again until the worker answers, and the badges show its answer', async () => {
    document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li></ul></div>';
    let misses = 2;
    const send = vi.fn(async (m: ContentMessage) => {
      if (m.type === 'page/snapshot' && misses-- > 0) throw unreachable();
      return answer(m);
    });
    const { c } = start({ send });
    await c!.read();
    expect(sent(send, 'page/snapshot')).toBe(3);
    expect(document.querySelector('[data-liaison-student="1"]')!.getAttribute('data-liaison-findings')).toBe(
      'CM_MISSING',
    );
  });

  it('never a silent miss: after every try failed the badges keep "checking" and the page is read again later', async () => {
    vi.useFakeTimers();
    try {
      document.body.innerHTML = '<div id="main"><ul><li data-id="1">A</li></ul></div>';
      let misses = 7; // all six retries of the first read fail, and the first try of the later read
      const send = vi.fn(async (m: ContentMessage) => {
        if (m.type === 'page/snapshot' && misses-- > 0) throw unreachable();
        return answer(m);
      });
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { c } = start({ send });
      const first = c!.read();
      await vi.advanceTimersByTimeAsync(10_000);
      await first;
      expect(label('1')).toBe('Liaison…');
      await vi.advanceTimersByTimeAsync(10_000);
      expect(document.querySelector('[data-liaison-student="1"]')!.getAttribute('data-liaison-findings')).toBe(
        'CM_MISSING',
      );
      expect(warn).not.toHaveBeenCalled();
      warn.mockRestore();
    } finally {
      vi.useRealTimers();
    }
  });
});
