import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { ingestSnapshot } from '../../../lib/db/page-read';
import type { Snapshot } from '../../../lib/domain';
import { SITE } from '../district/helpers';

let db: LiaisonDb;
let n = 0;
beforeEach(() => {
  db = new LiaisonDb(`due-${n++}`);
});
afterEach(() => db.delete());

const snap = (students: Snapshot['students']): Snapshot => ({
  url: `${SITE}/students`,
  profile: 'test',
  pageType: 'student-list',
  students,
  staff: [],
  diagnostics: [],
});

describe('ingest: due dates for the badge', () => {
  it('answers each student with their soonest compliance date, and staff with none', async () => {
    const subjects = await ingestSnapshot(
      db,
      {
        ...snap([
          { id: '1', name: 'Ana', iep: { nextAnnual: '2026-12-05', nextTriennial: '2026-12-01' } },
          { id: '2', name: 'Ben' },
        ]),
        staff: [{ id: 'T1', name: 'M' }],
      },
      { site: SITE, tabId: 1, asOf: '2026-11-23' },
    );
    expect(subjects.find((s) => s.id === '1')?.due).toMatchObject({
      code: 'TRIENNIAL',
      due: '2026-12-01',
      label: expect.stringContaining('8 days'),
    });
    expect(subjects.find((s) => s.id === '2')).not.toHaveProperty('due');
    expect(subjects.find((s) => s.id === 'T1')).not.toHaveProperty('due');
  });

  it("uses what earlier pages showed: a list page without dates keeps the record page's dates", async () => {
    await ingestSnapshot(db, snap([{ id: '1', name: 'Ana', iep: { nextAnnual: '2027-01-10' } }]), {
      site: SITE,
      tabId: 1,
      asOf: '2026-11-23',
    });
    const [s] = await ingestSnapshot(db, snap([{ id: '1', name: 'Ana' }]), {
      site: SITE,
      tabId: 1,
      asOf: '2026-11-23',
    });
    expect(s!.due?.due).toBe('2027-01-10');
  });
});
