// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { watchPage } from '../../../lib/page/watcher';
import { markOwn } from '../../../lib/page/own';

const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('page watcher', () => {
  function start() {
    document.body.innerHTML = '<div id="main"><p>a</p></div>';
    const life = new AbortController();
    let changes = 0;
    const watcher = watchPage({ doc: document, signal: life.signal, onChange: () => changes++, settleMs: 5 });
    watcher.watch(document.querySelector('#main'));
    return { life, watcher, changes: () => changes };
  }

  it("calls for a read once the page's own change settles, and not for Liaison's own nodes", async () => {
    const { life, changes } = start();
    document.querySelector('#main')!.append(markOwn(document.createElement('span')));
    await settle();
    expect(changes()).toBe(0);
    document.querySelector('#main p')!.textContent = 'b';
    document.querySelector('#main')!.append(document.createElement('p'));
    await settle();
    expect(changes()).toBe(1);
    life.abort();
  });

  it('stops with its signal: no change, history pop or retry calls for a read after abort', async () => {
    const { life, watcher, changes } = start();
    document.querySelector('#main p')!.textContent = 'b';
    watcher.retryIn(5);
    life.abort();
    document.querySelector('#main p')!.textContent = 'c';
    window.dispatchEvent(new PopStateEvent('popstate'));
    watcher.schedule();
    watcher.retryIn(5);
    await settle();
    expect(changes()).toBe(0);
  });
});
