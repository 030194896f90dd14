// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '../../../lib/adapters/types';
import type { ContentMessage, Reply } from '../../../lib/messaging/protocol';
import { workerSender } from '../../../lib/messaging/send';
import { startPageController, type PageController } from '../../../lib/page/controller';

/** A minimal adapter: every `li[data-id]` under #main is a student. */
const listAdapter: SiteAdapter = {
  id: 'test-list',
  label: 'Test list',
  verified: true,
  liveRoot: '#main',
  detect: (_url, doc) => (doc.querySelector('#main ul.students') ? 'student-list' : null),
  read(doc, url) {
    const items = [...doc.querySelectorAll('#main li[data-id]')];
    return {
      snapshot: {
        url: url.href,
        profile: 'test-list',
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

const reply = (msg: ContentMessage): Reply =>
  msg.type === 'page/snapshot'
    ? {
        ok: true,
        subjects: msg.snapshot.students.map((s) => ({
          kind: 'student' as const,
          id: s.id,
          findings:
            s.id === '2'
              ? [
                  {
                    code: 'CM_MISSING',
                    severity: 'error' as const,
                    subject: { kind: 'student' as const, id: s.id },
                    title: 't',
                    detail: 'd',
                    citation: { source: 's' },
                  },
                ]
              : [],
        })),
      }
    : { ok: true };

let controller: PageController | null = null;
afterEach(() => {
  controller?.stop();
  document.body.innerHTML = '';
});

function start(send = vi.fn(async (m: ContentMessage) => reply(m))) {
  controller = startPageController({
    doc: document,
    location: () => 'http://127.0.0.1/list',
    pick: (url, doc) => (listAdapter.detect(url, doc) ? { adapter: listAdapter } : null),
    send: workerSender(send),
    settleMs: 5,
  });
  return send;
}

const settle = () => new Promise((r) => setTimeout(r, 40));

describe('page controller', () => {
  it('marks every recognized record with the worker’s findings', async () => {
    document.body.innerHTML =
      '<div id="main"><ul class="students"><li data-id="1">A</li><li data-id="2">B</li></ul></div>';
    start();
    await controller!.read();
    const m2 = document.querySelector('[data-liaison-student="2"]')!;
    expect(m2.getAttribute('data-liaison-findings')).toBe('CM_MISSING');
    expect(m2.getAttribute('data-liaison-severity')).toBe('error');
    expect(document.querySelector('[data-liaison-student="1"]')!.getAttribute('data-liaison-severity')).toBe('none');
  });

  it('re-reads after in-app navigation swaps the content, and not after placing its own markers', async () => {
    document.body.innerHTML = '<div id="main"><ul class="students"><li data-id="1">A</li></ul></div>';
    const send = start();
    await controller!.read();
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    document.querySelector('#main')!.innerHTML =
      '<ul class="students"><li data-id="2">B</li><li data-id="3">C</li></ul>';
    await settle();
    expect(send).toHaveBeenCalledTimes(2);
    expect(
      [...document.querySelectorAll('[data-liaison-marker]')].map((m) => m.getAttribute('data-liaison-student')),
    ).toEqual(['2', '3']);
  });

  it('does not run twice on one page', () => {
    document.body.innerHTML = '<div id="main"><ul class="students"></ul></div>';
    start();
    const second = startPageController({ doc: document, location: () => 'http://x/', pick: () => null, send: vi.fn() });
    expect(second).toBeNull();
  });

  it('tells the worker when no adapter recognizes the page, and places no marker', async () => {
    document.body.innerHTML = '<p>Login</p>';
    const send = start();
    await controller!.read();
    expect(send).toHaveBeenCalledWith({ type: 'page/unrecognized', url: 'http://127.0.0.1/list' });
    expect(document.querySelector('[data-liaison-marker]')).toBeNull();
  });

  it('survives an adapter that throws, and leaves the page as it was', async () => {
    document.body.innerHTML = '<div id="main"><ul class="students"><li data-id="1">A</li></ul></div>';
    const broken = {
      ...listAdapter,
      read: () => {
        throw new TypeError('boom');
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    controller = startPageController({
      doc: document,
      location: () => 'http://127.0.0.1/',
      pick: () => ({ adapter: broken }),
      send: vi.fn(),
    });
    await expect(controller!.read()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('Liaison: could not read this page', 'TypeError');
    expect(document.querySelector('#main li')!.textContent).toBe('A');
  });

  it('removes its markers and its flag when stopped (extension updated)', async () => {
    document.body.innerHTML = '<div id="main"><ul class="students"><li data-id="1">A</li></ul></div>';
    start();
    await controller!.read();
    controller!.stop();
    controller = null;
    expect(document.querySelector('[data-liaison-marker]')).toBeNull();
    expect(document.documentElement.hasAttribute('data-liaison-active')).toBe(false);
  });
});

describe('big pages', () => {
  it('send the page in parts and mark every row with the joined answer', async () => {
    document.body.innerHTML = `<div id="main"><ul class="students">${Array.from({ length: 3200 }, (_, i) => `<li data-id="${i}">${'S'.repeat(1000)}</li>`).join('')}</ul></div>`;
    const send = start();
    await controller!.read();
    const parts = send.mock.calls.map(([m]) => m).filter((m) => m.type === 'page/snapshot');
    // 3,200 rows of about a kilobyte each: three parts under the size budget, every row sent once.
    expect(parts.map((m) => (m.type === 'page/snapshot' ? m.part : null))).toEqual(
      [0, 1, 2].map((index) => ({ index, count: 3 })),
    );
    expect(parts.reduce((n, m) => n + (m.type === 'page/snapshot' ? m.snapshot.students.length : 0), 0)).toBe(3200);
    expect(document.querySelector('[data-liaison-student="2"]')!.getAttribute('data-liaison-findings')).toBe(
      'CM_MISSING',
    );
    expect(document.querySelector('[data-liaison-student="3199"]')!.getAttribute('data-liaison-severity')).toBe('none');
  });
});
