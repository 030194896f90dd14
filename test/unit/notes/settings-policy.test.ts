import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { loadNoteSettings, saveNoteSettings } from '../../../lib/notes/settings';

let db: LiaisonDb;
let k = 0;
beforeEach(() => {
  db = new LiaisonDb(`settings-policy-${k++}`);
});
afterEach(() => db.delete());

describe("the district's defaultRole (policy)", () => {
  it('applies until the user picks a role, also after they save other settings', async () => {
    expect((await loadNoteSettings(db)).role).toBe('case-manager');
    expect((await loadNoteSettings(db, { role: 'teacher' })).role).toBe('teacher');
    await saveNoteSettings(db, { authorName: 'Ms. Lee' });
    expect(await loadNoteSettings(db, { role: 'teacher' })).toMatchObject({ role: 'teacher', authorName: 'Ms. Lee' });
  });

  it("the user's own role wins over the policy's", async () => {
    await saveNoteSettings(db, { role: 'administrator' });
    expect((await loadNoteSettings(db, { role: 'teacher' })).role).toBe('administrator');
  });
});
