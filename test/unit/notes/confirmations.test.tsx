// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { ReadConfirmations } from '../../../components/notes/ReadConfirmations';
import { readConfirmations } from '../../../lib/notes/confirmations';
import { note } from './helpers';

describe('the case manager sees which teachers confirmed the accommodations (issue 16)', () => {
  const withId = (id: string, n: ReturnType<typeof note>) => ({ ...n, id });
  const notes = [
    withId('a', note({ type: 'accommodations-read', with: 'teacher', withName: 'Mr. Park', at: '2026-11-20T09:00' })),
    withId('b', note({ type: 'contact', with: 'teacher', withName: 'Ms. Diaz', at: '2026-11-21T09:00' })),
    withId('c', note({ type: 'accommodations-read', with: 'teacher', withName: '', at: '2026-11-22T10:30' })),
    {
      ...withId('d', note({ type: 'accommodations-read', withName: 'Deleted Person', at: '2026-11-23T10:30' })),
      deletedAt: 5,
    },
  ];

  it('lists the logged confirmations, newest first, and nothing else', () => {
    expect(readConfirmations(notes)).toEqual([
      { who: null, at: '2026-11-22T10:30', noteId: 'c' },
      { who: 'Mr. Park', at: '2026-11-20T09:00', noteId: 'a' },
    ]);
  });

  it('shows them, or how to log one', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<ReadConfirmations list={readConfirmations(notes)} />, root));
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'A teacher · 2026-11-22 10:30',
      'Mr. Park · 2026-11-20 09:00',
    ]);
    await act(() => render(<ReadConfirmations list={[]} />, root));
    expect(root.textContent).toContain('log it as a note of type “Teacher confirmed reading the accommodations”');
    render(null, root);
  });
});
