import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECK_SETTINGS_KEY, loadCheckSettings } from '../../../lib/checks';
import { LiaisonDb } from '../../../lib/db/database';
import { annualDueAnswer } from './annual-due';

let db: LiaisonDb;
let n = 0;
beforeEach(() => {
  db = new LiaisonDb(`stored-check-settings-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const store = (value: unknown) => db.settings.put({ key: CHECK_SETTINGS_KEY, value, updatedAt: 0 });

// As the worker builds its context (lib/messaging/worker): the user's stored settings, read per message.
const reply = (policy?: unknown) => annualDueAnswer(db, { policy, settings: () => loadCheckSettings(db) });

describe('the worker checks with the check settings the user stored', () => {
  it('the default lead time without stored settings, the stored one when set', async () => {
    // due 2027-01-21: by default scheduled by 2026-12-22 (30 days ahead, not shown yet)
    const plain = await reply();
    expect(plain.due?.label).toBe('Annual due in 60 days');
    expect(plain.findings.map((f) => f.code)).not.toContain('IEP_SCHEDULE_BY');
    // stored 60: scheduled by 2026-11-22, today
    await store({ compliance: { scheduleLeadDays: 60 } });
    const set = await reply();
    expect(set.due?.label).toBe('Annual due in 60 days · schedule today');
    expect(set.findings.map((f) => f.code)).toContain('IEP_SCHEDULE_BY');
  });

  it('district policy wins over the stored setting', async () => {
    await store({ compliance: { scheduleLeadDays: 60 } });
    expect((await reply({ scheduleLeadDays: 30 })).due?.label).toBe('Annual due in 60 days');
  });

  it('a damaged stored value is dropped and its default applies', async () => {
    await store({
      compliance: { scheduleLeadDays: 'soon' },
      rules: { expiringLeadDays: -1, caseloadCaps: { RSP: 20, SLP: 'x' }, staffKnowledge: 'complete' },
    });
    expect(await loadCheckSettings(db)).toEqual({ rules: { caseloadCaps: { RSP: 20 } } });
    expect((await reply()).due?.label).toBe('Annual due in 60 days');
    await store('not an object');
    expect(await loadCheckSettings(db)).toEqual({});
  });
});
