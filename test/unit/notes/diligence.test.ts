import { describe, expect, it } from 'vitest';
import { dueDiligence } from '../../../lib/notes/diligence';
import { softDelete } from '../../../lib/notes/model';
import { note } from './helpers';

describe('parent/guardian due diligence', () => {
  it('counts attempts by mode and reached, oldest first, excluding other people, deleted and private notes', () => {
    const d = dueDiligence([
      note({ mode: 'email', outcome: 'attempted', at: '2026-11-03T08:00' }),
      note({ mode: 'phone', outcome: 'attempted', at: '2026-11-01T15:10' }),
      note({ mode: 'phone', outcome: 'reached', at: '2026-11-05T16:00' }),
      note({ with: 'teacher', mode: 'phone' }),
      softDelete(note({ mode: 'phone' }), 1),
      note({ mode: 'message', private: true }),
    ]);
    expect(d.attempts).toBe(3);
    expect(d.reached).toBe(1);
    expect(d.byMode).toEqual({ phone: 2, email: 1, message: 0, 'in-person': 0, meeting: 0 });
    expect(d.list.map((a) => [a.at, a.mode, a.reached])).toEqual([
      ['2026-11-01T15:10', 'phone', false],
      ['2026-11-03T08:00', 'email', false],
      ['2026-11-05T16:00', 'phone', true],
    ]);
  });

  it('can count only attempts since a date (the current IEP cycle)', () => {
    const d = dueDiligence([note({ at: '2026-10-01T10:00' }), note({ at: '2026-11-02T10:00' })], '2026-11-01');
    expect(d.attempts).toBe(1);
  });
});
