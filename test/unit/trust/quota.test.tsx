// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { NoteForm } from '../../../components/notes/NoteForm';
import { mountEach } from '../mount-each';
import { LiaisonDb } from '../../../lib/db/database';
import { NoteSettings } from '../../../lib/notes/schema';
import { unlockForTests } from '../crypto/session-key';
import { SITE } from '../notes/helpers';

beforeAll(unlockForTests);
let db: LiaisonDb;
let root: HTMLElement;
mountEach('quota', (d, r) => ((db = d), (root = r)));

const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

async function saveWithFailingTable(error: () => unknown) {
  // The stubbed table: every write fails as a full disk does.
  db.notes.put = (() => Promise.reject(error())) as never;
  const done: string[] = [];
  render(
    <NoteForm
      db={db}
      site={SITE}
      studentId="1001"
      studentName=""
      settings={NoteSettings.parse({})}
      onDone={(_, m) => done.push(m)}
    />,
    root,
  );
  for (let i = 0; i < 100 && !root.querySelector('textarea'); i++) await settle();
  const text = root.querySelector('textarea')!;
  text.value = 'Talked with the family';
  text.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
  root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  for (let i = 0; i < 100 && !root.querySelector('[role="alert"]') && !done.length; i++) await settle();
  return done;
}

describe('storage errors reach the user', () => {
  for (const [what, error] of [
    ['a Dexie QuotaExceededError', () => new (Dexie as any).QuotaExceededError('Quota exceeded')],
    ['a bare DOMException', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    [
      'Dexie wrapping the DOMException',
      () =>
        Object.assign(new Error('AbortError'), {
          name: 'AbortError',
          inner: new DOMException('q', 'QuotaExceededError'),
        }),
    ],
  ] as const)
    it(`shows ${what} as an alert and keeps the form and its text`, async () => {
      const done = await saveWithFailingTable(error);
      const alert = root.querySelector('[role="alert"]');
      expect(alert?.textContent).toMatch(/storage for Liaison is full/);
      expect(done).toEqual([]); // not reported as saved
      expect(root.querySelector('textarea')!.value).toBe('Talked with the family');
    });

  it('names other failures too, never silently', async () => {
    await saveWithFailingTable(() => Object.assign(new Error('x'), { name: 'UnknownError' }));
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/Not saved.*UnknownError/);
  });
});
