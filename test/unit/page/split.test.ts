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
    expect(splitSnapshot(s, 10_000)).toEqual([s]);
  });
  it('splits a big page into parts that together hold every record once, diagnostics in the first', () => {
    // Each record is about 30 characters of JSON: a 3,000-character budget takes about 100 a part.
    const parts = splitSnapshot(snap(250, 120), 3000);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts)
      expect([...p.students, ...p.staff].reduce((n, r) => n + JSON.stringify(r).length, 0)).toBeLessThanOrEqual(3000);
    expect(parts.flatMap((p) => p.staff.map((s) => s.id))).toEqual(Array.from({ length: 120 }, (_, i) => `t${i}`));
    expect(parts.flatMap((p) => p.students.map((s) => s.id))).toEqual(Array.from({ length: 250 }, (_, i) => `s${i}`));
    expect(parts[0]!.diagnostics).toHaveLength(1);
    expect(parts.slice(1).every((p) => p.diagnostics.length === 0 && p.url === 'http://x/list')).toBe(true);
  });
});

describe('splitSnapshot by size', () => {
  it('keeps rows with huge fields apart, so no message is oversized', () => {
    const s = snap(10, 0);
    s.students = s.students.map((r) => ({ ...r, name: 'x'.repeat(1000) }));
    expect(splitSnapshot(s, 2500).map((p) => p.students.length)).toEqual([2, 2, 2, 2, 2]);
  });
});
