import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { MIN_PASSPHRASE } from '../lib/crypto/kdf';
import { lockEverywhere, followLocks } from '../lib/crypto/lock-all';
import { isUnlocked, onLockChange, touch } from '../lib/crypto/session';
import { loadKeyParams, setPassphrase, unlock } from '../lib/crypto/store';
import type { LiaisonDb } from '../lib/db/database';
import { sealLegacyRows } from '../lib/notes/repo';
import { useLiveQuery } from './useLiveQuery';

export const FORGET_WARNING =
  'If you forget this passphrase, your notes cannot be recovered — not even by your district.';

/** Whether this page's notes session is unlocked, re-rendering on lock and unlock. */
export function useUnlocked(): boolean {
  const [unlocked, setUnlocked] = useState(isUnlocked);
  useEffect(() => {
    const sync = () => setUnlocked(isUnlocked());
    sync(); // a lock between the first render and this effect is not missed
    return onLockChange(sync);
  }, []);
  return unlocked;
}

/** Key presses and clicks anywhere in the page count as activity for the idle lock. */
function useActivity() {
  useEffect(() => {
    const on = () => touch();
    for (const t of ['keydown', 'pointerdown', 'wheel'] as const) document.addEventListener(t, on, { passive: true });
    return () => {
      for (const t of ['keydown', 'pointerdown', 'wheel'] as const) document.removeEventListener(t, on);
    };
  }, []);
}

/**
 * Shows its children (notes) only while the notes key is in memory; otherwise the first-use passphrase form
 * or the unlock form. Unlocked, it offers "Lock now", which locks every open Liaison page.
 */
export function LockGate({ db, children }: { db: LiaisonDb; children: () => ComponentChildren }) {
  const unlocked = useUnlocked();
  useEffect(followLocks, []);
  const { value: params, error } = useLiveQuery(async () => ({ set: (await loadKeyParams(db)) !== null }), [db]);
  useActivity();
  if (unlocked)
    return (
      <>
        <p class="lock-bar">
          <button type="button" onClick={lockEverywhere}>
            Lock now
          </button>
        </p>
        {children()}
      </>
    );
  if (error)
    return (
      <section role="alert" class="message">
        <h2>Notes cannot be unlocked</h2>
        <p>The passphrase settings are damaged. Restore them from a backup (Options → Backup) to read your notes.</p>
      </section>
    );
  if (!params) return <p aria-busy="true">Loading…</p>;
  return params.set ? <UnlockForm db={db} /> : <SetPassphraseForm db={db} />;
}

/** Seals notes written before encryption once a key is at hand; a failure leaves them as they were. */
const afterUnlock = (db: LiaisonDb) => void sealLegacyRows(db).catch(() => undefined);

/** A tab has the keyboard's focus (focus-visible: reached by keys, not by a click). */
function arrowingThroughTabs(doc: Document): boolean {
  const active = doc.activeElement;
  if (!active || active.getAttribute('role') !== 'tab') return false;
  try {
    return active.matches(':focus-visible');
  } catch {
    return true; // no :focus-visible support: leave the focus where the user put it
  }
}

function UnlockForm({ db }: { db: LiaisonDb }) {
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // Where the user's next keystroke belongs (the attribute alone does not focus a field added later) — unless
  // the user is moving between the panel's tabs by keyboard: arrows stay on the tabs (WAI-ARIA tabs), Tab enters
  // the panel. A click on the tab still lands in the field.
  useEffect(() => {
    const el = input.current;
    if (el && !arrowingThroughTabs(el.ownerDocument)) el.focus();
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    const ok = await unlock(db, pass).catch(() => false);
    setBusy(false);
    if (!ok) {
      setError('That passphrase is not right. Try again.');
      return input.current?.focus();
    }
    setPass('');
    afterUnlock(db);
  };
  return (
    <form class="lock-form" aria-labelledby="unlock-heading" onSubmit={submit}>
      <h2 id="unlock-heading">Notes are locked</h2>
      <p>Enter your notes passphrase to read and write notes. Follow-up reminders still show on badges while locked.</p>
      {error && (
        <p role="alert" class="error" id="unlock-error">
          {error}
        </p>
      )}
      <label for="unlock-pass">Passphrase</label>{' '}
      <input
        id="unlock-pass"
        ref={input}
        type="password"
        autoComplete="current-password"
        required
        value={pass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'unlock-error' : undefined}
        onInput={(e) => setPass(e.currentTarget.value)}
      />{' '}
      <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}

function SetPassphraseForm({ db }: { db: LiaisonDb }) {
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (pass.length < MIN_PASSPHRASE) return setError(`Use at least ${MIN_PASSPHRASE} characters.`);
    if (pass !== again) return setError('The two passphrases differ.');
    setBusy(true);
    setError('');
    try {
      await setPassphrase(db, pass);
      afterUnlock(db);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The passphrase could not be set.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="lock-form" aria-labelledby="setpass-heading" onSubmit={submit}>
      <h2 id="setpass-heading">Set a passphrase for your notes</h2>
      <p>
        Notes are encrypted on this computer with a key made from this passphrase. Liaison never stores the passphrase.
      </p>
      <p class="warning" id="setpass-warning">
        <strong>{FORGET_WARNING}</strong>
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p>
        <label for="setpass-1">New passphrase (at least {MIN_PASSPHRASE} characters)</label>
        <br />
        <input
          id="setpass-1"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSPHRASE}
          aria-describedby="setpass-warning"
          value={pass}
          onInput={(e) => setPass(e.currentTarget.value)}
        />
      </p>
      <p>
        <label for="setpass-2">Same passphrase again</label>
        <br />
        <input
          id="setpass-2"
          type="password"
          autoComplete="new-password"
          required
          value={again}
          onInput={(e) => setAgain(e.currentTarget.value)}
        />
      </p>
      <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
        {busy ? 'Setting…' : 'Set passphrase'}
      </button>
    </form>
  );
}
