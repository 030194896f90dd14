import { describe, expect, it } from 'vitest';
import { nextDueDates } from '../../../lib/compliance';
import { student } from './helpers';

const asOf = '2026-11-22';

describe('nextDueDates (inline badge)', () => {
  it('lists every known date, soonest first, whatever the lead times', () => {
    const s = student(
      { nextAnnual: '2026-12-04', nextTriennial: '2028-09-11', referral: '2026-11-10' },
      { birthDate: '2012-05-02', grade: '8' },
    );
    expect(nextDueDates(s, { asOf })).toEqual([
      // referral 11-10 + 15 = 11-25
      { code: 'INITIAL_PLAN', due: '2026-11-25', label: 'Assessment plan due in 3 days' },
      // schedule-by 2026-11-04 has passed: it joins the label
      {
        code: 'IEP_ANNUAL',
        due: '2026-12-04',
        scheduleBy: '2026-11-04',
        label: 'Annual due in 12 days · schedule now, 18 days late',
      },
      { code: 'TRIENNIAL', due: '2028-09-11', scheduleBy: '2028-08-12', label: 'Triennial due in 659 days' },
      { code: 'AGE_OF_MAJORITY', due: '2030-05-02', label: 'Turns 18 in 1257 days' },
    ]);
  });

  it('words today, tomorrow and overdue', () => {
    // The date's own words (the schedule-by part after " · " is tested in schedule-by.test.ts).
    const label = (nextAnnual: string) => nextDueDates(student({ nextAnnual }), { asOf })[0]!.label.split(' · ')[0];
    expect(label('2026-11-22')).toBe('Annual due today');
    expect(label('2026-11-23')).toBe('Annual due in 1 day');
    expect(label('2026-11-21')).toBe('Annual overdue by 1 day');
    expect(label('2026-11-01')).toBe('Annual overdue by 21 days');
    expect(nextDueDates(student(null), { asOf })).toEqual([]);
  });

  it('applies tolling settings to the clocks', () => {
    const s = student({ consent: '2026-12-01' });
    const settings = { breaks: [{ start: '2026-12-21', end: '2027-01-01' }] };
    expect(nextDueDates(s, { asOf, settings })[0]).toMatchObject({ code: 'INITIAL_IEP', due: '2027-02-11' });
  });
});
