import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { loadDistrictInput, loadDistrictProgressively } from '../../../lib/district/load';
import { finding, findingRow, SITE, staffRow, studentRow } from './helpers';

const OTHER = 'https://other.example.org';
let db: LiaisonDb;
let n = 0;

beforeEach(async () => {
  db = new LiaisonDb(`load-${n++}`);
  for (const site of [SITE, OTHER]) {
    await db.students.bulkPut(Array.from({ length: 23 }, (_, i) => studentRow({ id: String(100 + i) }, {}, site)));
    await db.staff.bulkPut([staffRow({ id: 'T1' }, {}, site), staffRow({ id: 'T2' }, {}, site)]);
    await db.findings.bulkPut([
      ...Array.from({ length: 23 }, (_, i) => findingRow('student', String(100 + i), i % 2 ? [finding('student', String(100 + i), 'X')] : [], site)),
      findingRow('staff', 'T1', [finding('staff', 'T1', 'Y')], site),
    ]);
  }
});
afterEach(() => db.delete());

const ids = (rows: readonly { site: string; id: string }[]) => rows.map((r) => `${r.site}|${r.id}`).sort();

describe('loadDistrictProgressively', () => {
  it('reads in chunks exactly what one bulk read returns, for one site and for all', async () => {
    for (const site of [SITE, null]) {
      const partial: number[] = [];
      const progress: string[] = [];
      const got = await loadDistrictProgressively(db, site, {
        first: 4,
        chunk: 5,
        pause: async () => {},
        onPartial: (p) => partial.push(p.students.length),
        onProgress: (p) => progress.push(`${p.loaded}/${p.total}`),
      });
      const all = await loadDistrictInput(db, site);
      expect(ids(got.students)).toEqual(ids(all.students));
      expect(ids(got.staff)).toEqual(ids(all.staff));
      expect(got.findings.map((f) => `${f.site}|${f.kind}|${f.id}`).sort()).toEqual(all.findings.map((f) => `${f.site}|${f.kind}|${f.id}`).sort());
      expect(partial).toEqual([4, 4]);
      const total = site ? 23 : 46;
      expect(progress[0]).toMatch(/^4\//);
      expect(progress.at(-1)).toBe(`${total}/${total}`);
    }
  });

  it('reads staff when there are no students', async () => {
    await db.students.clear();
    const got = await loadDistrictProgressively(db, SITE, { pause: async () => {} });
    expect([got.students.length, got.staff.length]).toEqual([0, 2]);
  });
});
