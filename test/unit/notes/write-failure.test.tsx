// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteSettingsForm } from '../../../components/notes/NoteSettingsForm';
import { reportWrite } from '../../../components/notes/saveError';
import { ProfilesSettings } from '../../../components/ProfilesSettings';
import { LiaisonDb } from '../../../lib/db/database';
import { NoteSettings } from '../../../lib/notes/schema';

const DEFAULT_NOTE_SETTINGS = NoteSettings.parse({});

const quota = () => Object.assign(new Error('full'), { name: 'QuotaExceededError' });

describe('every write failure is shown (issue 12)', () => {
  it('reportWrite says done, or why the write failed', async () => {
    const said: string[] = [];
    expect(
      await reportWrite(
        async () => undefined,
        (m) => said.push(m),
        'Saved.',
      ),
    ).toBe(true);
    expect(
      await reportWrite(
        async () => Promise.reject(quota()),
        (m) => said.push(m),
        'Saved.',
      ),
    ).toBe(false);
    expect(said[0]).toBe('Saved.');
    expect(said[1]).toMatch(/^Not saved: the browser’s storage for Liaison is full/);
  });

  const root = document.createElement('div');
  document.body.append(root);
  let db: LiaisonDb | null = null;
  afterEach(async () => {
    render(null, root);
    await db?.delete();
  });
  const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

  it('a note setting the browser refuses to store says "Not saved", not "Settings saved"', async () => {
    db = new LiaisonDb(`write-fail-${Math.random()}`);
    db.settings.put = () => Promise.reject(quota()) as never;
    await act(() => render(<NoteSettingsForm db={db!} settings={DEFAULT_NOTE_SETTINGS} />, root));
    await act(
      () => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })),
    );
    await vi.waitFor(() => expect(root.textContent).toMatch(/Not saved/), { timeout: 15_000 });
    expect(root.textContent).not.toContain('Settings saved.');
  });

  it('a profile delete that fails says so', async () => {
    db = new LiaisonDb(`write-fail-${Math.random()}`);
    await db.profiles.put({
      key: 'p',
      value: {
        id: 'p',
        label: 'P',
        hostPatterns: ['sis.example.org'],
        pages: [{ type: 'student', urlPatterns: ['/x'], id: { from: 'url', param: 'id' }, fields: {} }],
      },
      updatedAt: 1,
    });
    await act(() => render(<ProfilesSettings db={db!} loadPolicy={async () => ({})} />, root));
    for (let i = 0; i < 20 && !root.querySelector('[aria-label="Delete P"]'); i++) await settle();
    db.profiles.filter = () => ({ delete: () => Promise.reject(quota()) }) as never;
    await act(() => void root.querySelector<HTMLButtonElement>('[aria-label="Delete P"]')!.click());
    await vi.waitFor(() => expect(root.textContent).toMatch(/Not saved/), { timeout: 15_000 });
    expect(root.textContent).not.toContain('Deleted P.');
  });
});
