import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb, type StudentRow } from '../../../lib/db/database';
import { primaryKeysWithAny, rowsWithAny, rowsWithAnyKey } from '../../../lib/db/lookup';

let db: LiaisonDb;
let n = 0;
beforeEach(() => {
  db = new LiaisonDb(`lookup-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const row = (site: string, school: string, id: string, staffRefs: string[]): StudentRow => ({
  site,
  school,
  id,
  record: { id, name: `Student ${id}` } as StudentRow['record'],
  staffRefs,
  seenAt: 0,
  url: site,
});

describe('index lookups find what anyOf finds, in its order', () => {
  beforeEach(async () => {
    const rows: StudentRow[] = [];
    for (let i = 0; i < 400; i++) {
      const id = String(1000 + i);
      rows.push(row('https://a', i % 7 === 0 ? 'North' : '', id, [`a|id:T${i % 9}`, `a|name:t${i % 5}`]));
      if (i % 50 === 0) rows.push(row('https://a', 'South', id, [`a|id:T${i % 9}`]));
      rows.push(row('https://b', '', id, [`b|id:T${i % 9}`]));
    }
    await db.students.bulkPut(rows);
  });

  const anyOf = (keys: [string, string][]) => db.students.where('[site+id]').anyOf(keys).toArray();
  const ids = (from: number, count: number, step = 1) =>
    Array.from({ length: count }, (_, i) => ['https://a', String(from + i * step)] as [string, string]);

  it('reads a run of ids as one range, and scattered ids by the cursor, with the same rows either way', async () => {
    for (const keys of [ids(1000, 200), ids(1000, 20, 19), ids(1390, 30), [['https://a', '999'] as [string, string]]]) {
      const shuffled = [...keys].reverse();
      expect(await rowsWithAnyKey(db.students, '[site+id]', shuffled, (r) => [r.site, r.id])).toEqual(
        await anyOf(keys),
      );
    }
  });

  it('finds the rows of multi-entry keys, each listed under its keys as anyOf lists it', async () => {
    const refs = ['a|id:T3', 'a|name:t1', 'b|id:T0', 'a|id:nobody'];
    const unique = <T>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];
    const k = (r: StudentRow) => `${r.site}|${r.school}|${r.id}`;
    const expected = unique(await db.students.where('staffRefs').anyOf(refs).toArray(), k);
    expect(unique(await rowsWithAny(db.students, 'staffRefs', refs), k)).toEqual(expected);
    expect(unique(await primaryKeysWithAny(db.students, 'staffRefs', refs), (x) => x.join('|'))).toEqual(
      expected.map((r) => [r.site, r.school, r.id]),
    );
  });
});
