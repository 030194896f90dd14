import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { addNote, amendNote, completeFollowUp, getNote } from '../../../lib/notes/repo';
import { unlockForTests } from '../crypto/session-key';
import { content, SITE } from '../notes/helpers';

beforeAll(unlockForTests);
let db: LiaisonDb;
let k = 0;
beforeEach(() => {
  db = new LiaisonDb(`tx-${k++}`);
});
afterEach(async () => {
  await db.delete();
});

describe('changes to one note from two panels at once', () => {
  it('keeps both amendments (encryption happens outside the transaction; the write checks the row is unchanged)', async () => {
    const n = await addNote(
      db,
      { site: SITE, studentId: '1001' },
      content({ text: 'first', followUp: '2026-12-01' }),
      'A',
      1000,
    );
    // Two databases are two panels: separate connections to the same store.
    const other = new LiaisonDb(db.name);
    await Promise.all([
      amendNote(db, n.id, content({ text: 'from panel one', followUp: '2026-12-01' }), 'A', 2000),
      amendNote(other, n.id, content({ text: 'from panel two', followUp: '2026-12-01' }), 'B', 2001),
      completeFollowUp(other, n.id, 3000),
    ]);
    other.close();
    const saved = (await getNote(db, n.id))!;
    expect(saved.versions.map((v) => v.text).sort()).toEqual(['first', 'from panel one', 'from panel two']);
    expect(saved.followUpDoneAt).toBe(3000);
  });
});
