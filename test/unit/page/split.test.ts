import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../lib/domain';
import { splitSnapshot } from '../../../lib/page/split';

const snap = (students: number, staff: number): Snapshot => ({
  url: 'http://x/list',
  profile: 'p',
  pageType: 'student-list',
  students: Array.from({ length: students }, (_, i) => ({ id: `s${i}`, name: `S ${i}` })),
  staff: Array.from({ length: staff }, (_, i) => ({ id: `t${i}`, name: `T ${i}` })),
  diagnostics: [{ level: 'info', message: 'one' }],
});

describe('splitSnapshot', () => {
  it('leaves a small page whole', () => {
    const s = snap(10, 2);
    expect(splitSnapshot(s, 100)).toEqual([s]);
  });
  it('splits a big page into parts that together hold every record once, diagnostics in the first', () => {
    const parts = splitSnapshot(snap(250, 120), 100);
    expect(parts.map((p) => [p.students.length, p.staff.length])).toEqual([[100, 0], [100, 0], [50, 0], [0, 100], [0, 20]]);
    expect(parts.flatMap((p) => p.students.map((s) => s.id))).toEqual(Array.from({ length: 250 }, (_, i) => `s${i}`));
    expect(parts[0].diagnostics).toHaveLength(1);
    expect(parts.slice(1).every((p) => p.diagnostics.length === 0 && p.url === 'http://x/list')).toBe(true);
  });
});
