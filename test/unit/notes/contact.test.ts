import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { contentFromFields, blankFields } from '../../../lib/notes/form';
import { caseManagerContact } from '../../../lib/notes/contact';
import { ROLE_DEFAULTS } from '../../../lib/notes/settings';
import { SITE } from './helpers';

let db: LiaisonDb;
let k = 0;
beforeEach(() => {
  db = new LiaisonDb(`contact-test-${k++}`);
});
afterEach(async () => {
  await db.delete();
});

describe('teacher view: who the case manager is', () => {
  it('finds the case manager by name and gives the staff record’s email and phone', async () => {
    await db.students.put({
      site: SITE,
      school: '',
      id: '1',
      record: { id: '1', name: 'A B', caseManager: { name: 'Gonzalez, Maria' } },
      staffRefs: [],
      seenAt: 0,
      url: '',
    });
    await db.staff.put({
      site: SITE,
      id: 'T1',
      record: { id: 'T1', name: 'Maria Gonzalez', email: 'mg@example.org', phone: '555-0100' },
      refs: [`${SITE}|id:T1`, `${SITE}|name:maria gonzalez`],
      seenAt: 0,
      url: '',
    });
    expect(await caseManagerContact(db, SITE, '1')).toEqual({
      name: 'Maria Gonzalez',
      email: 'mg@example.org',
      unusableEmail: null,
      phone: '555-0100',
    });
    expect(await caseManagerContact(db, SITE, '2')).toBeNull();
  });

  it('an e-mail the page shaped into more than an address is not offered (issue 12)', async () => {
    await db.students.put({
      site: SITE,
      school: '',
      id: '1',
      record: { id: '1', name: 'A B', caseManager: { staffId: 'T1' } },
      staffRefs: [],
      seenAt: 0,
      url: '',
    });
    const shaped = 'mg@example.org?bcc=spy@evil.example';
    await db.staff.put({
      site: SITE,
      id: 'T1',
      record: { id: 'T1', name: 'Maria Gonzalez', email: shaped },
      refs: [`${SITE}|id:T1`],
      seenAt: 0,
      url: '',
    });
    expect(await caseManagerContact(db, SITE, '1')).toMatchObject({ email: null, unusableEmail: shaped });
  });

  it('a name two staff members share names neither: the card shows the name, with no one’s e-mail', async () => {
    const seen = { site: SITE, seenAt: 0, url: '' };
    const caseManager = { name: 'Sam Lee' };
    await db.students.put({
      ...seen,
      school: '',
      id: '1',
      record: { id: '1', name: 'A B', caseManager },
      staffRefs: [],
    });
    const refs = (id: string) => [`${SITE}|id:${id}`, `${SITE}|name:sam lee`];
    const record = (id: string) => ({ id, name: 'Sam Lee', email: `${id}@example.org` });
    await db.staff.bulkPut(['L1', 'L2'].map((id) => ({ ...seen, id, record: record(id), refs: refs(id) })));
    const card = await caseManagerContact(db, SITE, '1');
    expect(card).toEqual({ name: 'Sam Lee', email: null, unusableEmail: null, phone: null });
  });

  it('a teacher’s new note is addressed to the case manager by default', () => {
    expect(blankFields(ROLE_DEFAULTS.teacher, 0)).toMatchObject({ with: 'case-manager', mode: 'message' });
  });
});

describe('the note form', () => {
  it('names each missing or malformed field', () => {
    const r = contentFromFields({ ...blankFields(ROLE_DEFAULTS['case-manager'], 0), text: '  ', followUp: '11/22' });
    expect(r).toEqual({
      ok: false,
      errors: { text: 'Write what was said.', followUp: 'Give the follow-up date as a date, or leave it empty.' },
    });
  });
});
