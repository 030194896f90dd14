import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { SEEN_REFRESH_MS } from '../../../lib/db/ingest';
import { ingestSnapshot } from '../../../lib/db/page-read';
import type { Snapshot } from '../../../lib/domain';

const SITE = 'https://sis.example.org';
let db: LiaisonDb;
let n = 0;
beforeEach(() => {
  db = new LiaisonDb(`unchanged-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const list = (name: string): Snapshot => ({
  url: `${SITE}/students`,
  profile: 'test',
  pageType: 'student-list',
  students: [{ id: '1', name, grade: '4', program: 'RSP', caseManager: { name: 'Maria Gonzalez' } }],
  staff: [],
  diagnostics: [],
});
/** A read and the writes made after its answer (lib/db/page-read). */
async function read(snap: Snapshot, now: number) {
  const answer = await ingestSnapshot(db, snap, { site: SITE, tabId: 1, asOf: '2026-11-22', now });
  return answer;
}

/** Counts the rows each table's write hooks see (bulkPut fires `creating` for new keys, `updating` for others). */
function countWrites(): Record<string, number> {
  const counts: Record<string, number> = { students: 0, findings: 0 };
  for (const t of ['students', 'findings'] as const) {
    db[t].hook('creating', () => void counts[t]!++);
    db[t].hook('updating', () => void counts[t]!++);
  }
  return counts;
}

describe('a page read again unchanged writes nothing again', () => {
  it('skips identical student and findings rows, but writes a changed one and refreshes an old seenAt', async () => {
    const t0 = 1_000_000;
    await read(list('Jordan Rivera'), t0);
    const writes = countWrites();
    const answer = await read(list('Jordan Rivera'), t0 + 1000);
    expect(writes).toEqual({ students: 0, findings: 0 });
    // The answer is the same whether or not rows were written.
    expect(answer.find((s) => s.id === '1')?.findings.length).toBeGreaterThan(0);
    expect((await db.students.get([SITE, '', '1']))?.seenAt).toBe(t0);

    await read(
      { ...list('Jordan Rivera'), students: [{ ...list('x').students[0]!, name: 'Jordan Rivera', grade: '5' }] },
      t0 + 2000,
    );
    expect(writes.students).toBe(1);
    expect((await db.students.get([SITE, '', '1']))?.record.grade).toBe('5');

    await read(list('Jordan Rivera'), t0 + 2000 + SEEN_REFRESH_MS);
    expect((await db.students.get([SITE, '', '1']))?.seenAt).toBe(t0 + 2000 + SEEN_REFRESH_MS);
  });
});
