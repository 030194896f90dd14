// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupSettings } from '../../../components/BackupSettings';
import { exportBackup } from '../../../lib/backup/backup';
import { lock } from '../../../lib/crypto/session';
import { LiaisonDb } from '../../../lib/db/database';
import { loadNoteSettings, saveNoteSettings } from '../../../lib/notes/settings';

let k = 0;
const dbs: LiaisonDb[] = [];
const fresh = () => {
  const db = new LiaisonDb(`restore-plan-${k++}`);
  dbs.push(db);
  return db;
};
const root = document.createElement('div');
document.body.append(root);
afterEach(async () => {
  render(null, root);
  lock();
  for (const db of dbs.splice(0)) await db.delete();
});
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

describe('restore shows the settings it will change before applying (issue 12)', () => {
  it('lists each changed setting with its old and new value, and writes nothing until Restore', async () => {
    const db = fresh();
    await saveNoteSettings(db, { authorName: 'Ms. Case', leadDays: 3 });
    const other = fresh();
    await saveNoteSettings(other, { authorName: 'Mr. Other', leadDays: 3 });
    const file = new File([JSON.stringify(await exportBackup(other, { notesAllowed: false }))], 'b.json', {
      type: 'application/json',
    });

    await act(() => render(<BackupSettings db={db} notesAllowed={async () => true} />, root));
    const input = root.querySelector<HTMLInputElement>('#backup-file')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    for (let i = 0; i < 50 && !root.querySelector('.import-plan'); i++) await settle();
    const plan = root.querySelector('.import-plan')!;
    expect(plan.textContent).toContain('Settings that will change');
    expect(plan.querySelector('[data-setting="notes"]')?.textContent).toBe(
      'notes: authorName: "Ms. Case" → "Mr. Other"',
    );
    expect((await loadNoteSettings(db)).authorName).toBe('Ms. Case');

    await act(() => {
      [...plan.querySelectorAll('button')].find((b) => b.textContent === 'Restore')!.click();
    });
    for (let i = 0; i < 50 && (await loadNoteSettings(db)).authorName !== 'Mr. Other'; i++) await settle();
    expect((await loadNoteSettings(db)).authorName).toBe('Mr. Other');
  });
});
