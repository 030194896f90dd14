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
      ...Array.from({ length: 23 }, (_, i) =>
        findingRow('student', String(100 + i), i % 2 ? [finding('student', String(100 + i), 'X')] : [], site),
      ),
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
      expect(got.findings.map((f) => `${f.site}|${f.kind}|${f.id}`).sort()).toEqual(
        all.findings.map((f) => `${f.site}|${f.kind}|${f.id}`).sort(),
      );
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

describe('loadCaseloadInput', () => {
  it('reads only the students who refer to me, with the staff they name, and gives the same rows', async () => {
    const { caseloadRows } = await import('../../../lib/district/caseload');
    const { loadCaseloadInput } = await import('../../../lib/district/load');
    await db.students.bulkPut([
      studentRow({ id: 'a', caseManager: { staffId: 'T1' }, services: [{ code: '415', providerStaffId: 'T2' }] }),
      studentRow({ id: 'b', caseManager: { name: 'Staff T1' } }),
      studentRow({ id: 'c', caseManager: { staffId: 'T2' }, services: [{ code: '330', providerStaffId: 'T1' }] }),
    ]);
    const me = { site: SITE, staffId: 'T1' };
    const opts = { asOf: '2026-11-23', now: Date.now(), me: `${SITE}|T1` };
    const narrow = await loadCaseloadInput(db, SITE, me);
    expect(narrow.students.map((s) => s.id).sort()).toEqual(['a', 'b', 'c']);
    const full = await loadDistrictInput(db, SITE);
    const rows = (input: typeof full) =>
      caseloadRows({ ...input, notes: [] }, opts).map((r) => [
        r.id,
        r.services.map((s) => s.provider).join(),
        r.findings.length,
      ]);
    expect(rows(narrow)).toEqual(rows(full));
    expect(rows(narrow).map((r) => r[0])).toEqual(['a', 'b']);
    expect(await loadCaseloadInput(db, SITE, { site: SITE, staffId: 'nobody' })).toEqual({
      students: [],
      staff: [],
      findings: [],
    });
  });
});
