import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { readPolicy } from '../../../lib/policy/schema';
import { annualDueAnswer } from './annual-due';

let db: LiaisonDb;
let n = 0;
beforeEach(() => {
  db = new LiaisonDb(`schedule-policy-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const reply = (policy?: unknown) => annualDueAnswer(db, { policy });

describe('district policy sets the schedule-by lead time the badges use', () => {
  it('30 days by default, the policy value when set', async () => {
    // due 2027-01-21: by default scheduled by 2026-12-22 (30 days ahead, not shown yet)
    const plain = await reply();
    expect(plain.due?.label).toBe('Annual due in 60 days');
    expect(plain.findings.map((f) => f.code)).not.toContain('IEP_SCHEDULE_BY');
    // policy 60: scheduled by 2026-11-22, today
    const set = await reply({ scheduleLeadDays: 60 });
    expect(set.due?.label).toBe('Annual due in 60 days · schedule today');
    expect(set.findings.map((f) => f.code)).toContain('IEP_SCHEDULE_BY');
  });

  it('a bad policy value is ignored and the default applies', async () => {
    expect(readPolicy({ scheduleLeadDays: -3 }).ignored).toEqual(['scheduleLeadDays']);
    expect((await reply({ scheduleLeadDays: 'soon' })).due?.label).toBe('Annual due in 60 days');
  });
});
