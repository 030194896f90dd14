import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { LAST_POLICY_KEY, policyWithLastKnown } from '../../../lib/policy/last-known';
import type { Policy } from '../../../lib/policy/schema';

let db: LiaisonDb;
let n = 0;
beforeEach(() => {
  db = new LiaisonDb(`last-policy-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

/** Managed storage whose first read hangs until `release`, as Chromium's does after the browser starts. */
function slowFirstRead(policy: Policy) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let current = policy;
  const read = vi.fn(async () => {
    if (read.mock.calls.length === 1) await gate;
    return current;
  });
  return { read, release, set: (p: Policy) => (current = p) };
}

const keep = (value: Policy) => db.settings.put({ key: LAST_POLICY_KEY, value, updatedAt: 0 });

describe('the policy, without waiting for managed storage after the browser starts', () => {
  it('with none kept (first run) waits for managed storage, keeps what it read, and reports no change', async () => {
    const storage = slowFirstRead({ retentionDays: 14 });
    const changed = vi.fn();
    const policy = policyWithLastKnown(storage.read, db, changed);
    let answered: Policy | undefined;
    const first = policy().then((p) => (answered = p));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBeUndefined();
    storage.release();
    await first;
    expect(answered).toEqual({ retentionDays: 14 });
    expect((await db.settings.get(LAST_POLICY_KEY))?.value).toEqual({ retentionDays: 14 });
    expect(changed).not.toHaveBeenCalled();
  });

  it('answers with the policy kept while the first read hangs, and tells of no change when the read agrees', async () => {
    await keep({ disabledAdapters: ['aeries'] });
    const storage = slowFirstRead({ disabledAdapters: ['aeries'] });
    const changed = vi.fn();
    const policy = policyWithLastKnown(storage.read, db, changed);
    expect(await policy()).toEqual({ disabledAdapters: ['aeries'] });
    storage.release();
    // Once managed storage has answered, it is read per message again.
    await vi.waitFor(async () => {
      expect(await policy()).toEqual({ disabledAdapters: ['aeries'] });
      expect(storage.read.mock.calls.length).toBeGreaterThan(1);
    });
    expect(changed).not.toHaveBeenCalled();
  });

  it('when the read differs from the policy kept: keeps the new one, answers with it, and tells of the change', async () => {
    await keep({ disabledAdapters: ['aeries'] });
    const storage = slowFirstRead({ scheduleLeadDays: 30 });
    const changed = vi.fn();
    const policy = policyWithLastKnown(storage.read, db, changed);
    expect(await policy()).toEqual({ disabledAdapters: ['aeries'] });
    storage.release();
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect(await policy()).toEqual({ scheduleLeadDays: 30 });
    expect((await db.settings.get(LAST_POLICY_KEY))?.value).toEqual({ scheduleLeadDays: 30 });
    storage.set({});
    expect(await policy()).toEqual({}); // later changes are read per message, as before
  });

  it('a kept policy that no longer parses stands in only for its valid fields', async () => {
    await db.settings.put({
      key: LAST_POLICY_KEY,
      value: { retentionDays: 'forever', defaultRole: 'teacher' },
      updatedAt: 0,
    });
    const storage = slowFirstRead({});
    const policy = policyWithLastKnown(storage.read, db, vi.fn());
    expect(await policy()).toEqual({ defaultRole: 'teacher' });
    storage.release();
  });
});
