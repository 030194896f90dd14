import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import {
  confirmationMailto,
  groupsFingerprint,
  loadReadConfirmation,
  saveReadConfirmation,
  teacherGroups,
} from '../../../lib/teacher/card';

const SITE = 'https://sis.example.org';
let db: LiaisonDb;
let n = 0;
beforeEach(() => {
  db = new LiaisonDb(`teacher-card-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const student = {
  id: '1034',
  name: 'Caleb Foster',
  primaryDisability: '290 - Specific Learning Disability (SLD)',
  accommodations: ['Notes provided before lectures', 'Use of a calculator'],
  testingAccommodations: ['Extended time (1.5x)'],
  supports: [],
};

describe("the teacher's card", () => {
  it('shows the lists the SIS shows, in a fixed order, and nothing else of the record', () => {
    const groups = teacherGroups(student);
    expect(groups).toEqual([
      {
        key: 'accommodations',
        label: 'Accommodations',
        items: ['Notes provided before lectures', 'Use of a calculator'],
      },
      { key: 'testingAccommodations', label: 'Testing accommodations', items: ['Extended time (1.5x)'] },
    ]);
    expect(JSON.stringify(groups)).not.toMatch(/disab|SLD|290/i);
    expect(teacherGroups(null)).toEqual([]);
    expect(teacherGroups({})).toEqual([]);
  });

  it('"I have read these" is kept locally with what was read; a changed list asks again', async () => {
    const groups = teacherGroups(student);
    expect(await loadReadConfirmation(db, SITE, '1034')).toBeNull();
    await saveReadConfirmation(db, SITE, '1034', { date: '2026-12-03', fingerprint: groupsFingerprint(groups) });
    expect(await loadReadConfirmation(db, SITE, '1034')).toEqual({
      date: '2026-12-03',
      fingerprint: groupsFingerprint(groups),
    });
    expect(await loadReadConfirmation(db, SITE, '1035')).toBeNull();
    const changed = teacherGroups({ ...student, accommodations: [...student.accommodations, 'Audio books'] });
    expect(groupsFingerprint(changed)).not.toBe(groupsFingerprint(groups));
  });

  it('builds the confirmation e-mail for the user’s mail client, naming the groups, not the disability', () => {
    const href = confirmationMailto('atorres@svusd.example.org', student, teacherGroups(student), '2026-12-03');
    expect(href.startsWith('mailto:atorres%40svusd.example.org?subject=')).toBe(true);
    const url = new URL(href);
    expect(url.searchParams.get('subject')).toBe('Read: Caleb F. (1034), accommodations, testing accommodations');
    expect(url.searchParams.get('body')).toBe(
      'I have read the accommodations, testing accommodations for Caleb F. (SIS id 1034) on 2026-12-03.',
    );
    expect(decodeURIComponent(href)).not.toMatch(/disab|SLD|290|Foster/i);
  });
});
