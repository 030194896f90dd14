import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../../lib/policy/schema';

describe('readPolicy', () => {
  it('applies valid settings', () => {
    expect(
      readPolicy({ enabledSites: ['https://sis.district.org'], retentionDays: 14, notesExportAllowed: false }),
    ).toEqual({
      policy: { enabledSites: ['https://sis.district.org'], retentionDays: 14, notesExportAllowed: false },
      ignored: [],
    });
  });
  it('ignores a bad field and keeps the others, naming only the field', () => {
    const read = readPolicy({ retentionDays: 'forever', defaultRole: 'teacher', surprise: 1 });
    expect(read.policy).toEqual({ defaultRole: 'teacher' });
    expect(read.ignored.sort()).toEqual(['retentionDays', 'surprise']);
  });
  it('report-card dates must be real dates (isIsoDate, as everywhere), or the list is ignored', () => {
    expect(readPolicy({ reportCardDates: ['2027-01-29', '2027-06-11'] }).ignored).toEqual([]);
    expect(readPolicy({ reportCardDates: ['2027-01-29', '2027-02-30'] })).toEqual({
      policy: {},
      ignored: ['reportCardDates'],
    });
  });
  it('never throws on garbage', () => {
    for (const raw of [null, undefined, 42, 'x', [], { enabledSites: [1, 2] }, { enabledSites: 'x'.repeat(10) }]) {
      expect(() => readPolicy(raw)).not.toThrow();
    }
    expect(readPolicy([]).ignored).toEqual(['(policy)']);
    expect(readPolicy(undefined)).toEqual({ policy: {}, ignored: [] });
  });
});
