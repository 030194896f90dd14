import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { loadMe } from '../../../lib/district/settings';
import { loadNoteSettings } from '../../../lib/notes/settings';
import {
  firstRunDefaults,
  firstRunDone,
  pickPerson,
  saveFirstRun,
  skipFirstRun,
  type Person,
} from '../../../lib/setup/first-run';

const SITE = 'https://sis.example.org';
const people: Person[] = [
  { site: SITE, staffId: 'T101', name: 'Maria Gonzalez' },
  { site: SITE, staffId: 'T200', name: 'Ana Torres' },
  { site: SITE, staffId: 'T201', name: 'Ana Torres' },
];

let db: LiaisonDb;
let n = 0;
beforeEach(() => {
  db = new LiaisonDb(`first-run-${n++}`);
});
afterEach(() => db.delete());

describe('first-run set-up', () => {
  it('picks a person by their label, or by a name only one person has', () => {
    expect(pickPerson('Maria Gonzalez (T101)', people)?.staffId).toBe('T101');
    expect(pickPerson('  gonzalez, maria ', people)?.staffId).toBe('T101');
    expect(pickPerson('Ana Torres', people)).toBeNull(); // two people of that name: the id decides
    expect(pickPerson('Ana Torres (T201)', people)?.staffId).toBe('T201');
    expect(pickPerson('Someone New', people)).toBeNull();
    expect(pickPerson('', people)).toBeNull();
  });

  it('starts from the district policy: its role and its first SIS address', () => {
    expect(
      firstRunDefaults(
        { defaultRole: 'teacher', enabledSites: ['https://sis.district.org'] },
        { role: 'case-manager' },
      ),
    ).toEqual({ role: 'teacher', site: 'https://sis.district.org' });
    expect(firstRunDefaults({}, { role: 'administrator' })).toEqual({ role: 'administrator', site: '' });
  });

  it('asks once: saving sets the role, the name notes are signed with and "I am", then it is done', async () => {
    expect(await firstRunDone(db)).toBe(false);
    expect(await saveFirstRun(db, { who: 'Maria Gonzalez (T101)', role: 'administrator' }, people)).toEqual({
      site: SITE,
      staffId: 'T101',
    });
    expect(await firstRunDone(db)).toBe(true);
    expect(await loadNoteSettings(db)).toMatchObject({ role: 'administrator', authorName: 'Maria Gonzalez' });
    expect(await loadMe(db)).toEqual({ site: SITE, staffId: 'T101' });
  });

  it('does not ask someone who set Liaison up before the step existed', async () => {
    const { saveNoteSettings } = await import('../../../lib/notes/settings');
    await saveNoteSettings(db, { role: 'teacher' });
    expect(await firstRunDone(db)).toBe(true);
  });

  it('a typed name Liaison has not seen signs notes but picks nobody; skipping is done too', async () => {
    expect(await saveFirstRun(db, { who: 'Pat Quinn', role: 'teacher' }, people)).toBeNull();
    expect(await loadNoteSettings(db)).toMatchObject({ role: 'teacher', authorName: 'Pat Quinn' });
    expect(await loadMe(db)).toBeNull();
    const other = new LiaisonDb(`first-run-${n++}`);
    await skipFirstRun(other);
    expect(await firstRunDone(other)).toBe(true);
    expect((await loadNoteSettings(other)).role).toBe('case-manager');
    await other.delete();
  });
});
