// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORGET_WARNING, LockGate } from '../../../components/LockGate';
import { lock } from '../../../lib/crypto/session';
import { setPassphrase, unlock } from '../../../lib/crypto/store';
import { LiaisonDb } from '../../../lib/db/database';

let db: LiaisonDb;
let root: HTMLElement;
let k = 0;
beforeEach(() => {
  lock();
  db = new LiaisonDb(`gate-${k++}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  lock();
  await db.delete();
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
async function until(cond: () => boolean) {
  for (let i = 0; i < 100 && !cond(); i++) await settle();
}
const mount = () => render(<LockGate db={db}>{() => <p id="secret">note text</p>}</LockGate>, root);

describe('the lock gate', () => {
  it('first use: asks for a passphrase with the cannot-recover warning, shows no notes', async () => {
    mount();
    await until(() => root.textContent!.includes('Set a passphrase'));
    expect(root.textContent).toContain(FORGET_WARNING);
    expect(root.querySelector('#secret')).toBeNull();
  });

  it('locked: an unlock form with a labelled field, no notes; Lock now hides them again', async () => {
    await setPassphrase(db, 'gate passphrase');
    mount();
    await until(() => root.querySelector('#secret') !== null);
    act(() => void root.querySelector('.lock-bar button')!.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await until(() => root.querySelector('#unlock-pass') !== null);
    expect(root.querySelector('#secret')).toBeNull();
    expect(root.querySelector('label[for="unlock-pass"]')?.textContent).toBe('Passphrase');
  });
});

describe('Lock now locks every open Liaison page (issue 12)', () => {
  it('a lock announced by another page locks this one; this page’s Lock now announces it', async () => {
    await setPassphrase(db, 'gate passphrase');
    mount();
    await until(() => root.querySelector('#secret') !== null);
    // Another Liaison page (a second side panel, the options page) is another BroadcastChannel on the same name.
    const other = new BroadcastChannel('liaison-lock');
    const heard: unknown[] = [];
    other.onmessage = (e) => heard.push(e.data);
    await settle(); // the page listens once its effects ran
    other.postMessage('lock');
    await until(() => root.querySelector('#unlock-pass') !== null);
    expect(root.querySelector('#secret')).toBeNull();

    await unlock(db, 'gate passphrase');
    await until(() => root.querySelector('#secret') !== null);
    act(() => void root.querySelector('.lock-bar button')!.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await until(() => heard.length > 0);
    expect(heard).toEqual(['lock']);
    other.close();
  });

  it('anything else on the channel does not lock', async () => {
    await setPassphrase(db, 'gate passphrase');
    mount();
    await until(() => root.querySelector('#secret') !== null);
    await settle();
    const other = new BroadcastChannel('liaison-lock');
    other.postMessage({ lock: true });
    other.postMessage('unlock');
    await settle();
    await settle();
    expect(root.querySelector('#secret')).not.toBeNull();
    other.close();
  });
});
