import { describe, expect, it } from 'vitest';
import { nextDueDates, resolveComplianceSettings } from '../../../lib/compliance';
import { codes, only, student } from './helpers';

// asOf 2026-11-22. Default lead 30: an annual due 2027-01-10 is to be scheduled by 2026-12-11.
const asOf = '2026-11-22';
const schedule = (iep: Parameters<typeof student>[0], settings = {}) =>
  codes(student(iep), { asOf, settings }).filter((c) => c === 'IEP_SCHEDULE_BY');

describe('IEP_SCHEDULE_BY (schedule-by date of annual and triennial meetings)', () => {
  it('is info from the notice window before the schedule-by date, warning after it, none once overdue', () => {
    // schedule-by = due − 30; info while it is 0..14 days ahead.
    expect(only(student({ nextAnnual: '2027-01-05' }), { asOf }, 'IEP_SCHEDULE_BY')!.severity).toBe('info'); // by 12-06, in 14 days
    expect(schedule({ nextAnnual: '2027-01-06' })).toEqual([]); // by 12-07, in 15 days: not yet
    expect(only(student({ nextAnnual: '2026-12-22' }), { asOf }, 'IEP_SCHEDULE_BY')!.severity).toBe('info'); // by today
    expect(only(student({ nextAnnual: '2026-12-21' }), { asOf }, 'IEP_SCHEDULE_BY')!.severity).toBe('warning'); // by yesterday
    expect(only(student({ nextAnnual: '2026-11-22' }), { asOf }, 'IEP_SCHEDULE_BY')!.severity).toBe('warning'); // due today, not held
    expect(schedule({ nextAnnual: '2026-11-21' })).toEqual([]); // overdue: IEP_ANNUAL_OVERDUE says it
    expect(codes(student({ nextAnnual: '2026-11-21' }), { asOf })).toEqual(['IEP_ANNUAL_OVERDUE']);
  });

  it('names the dates and the lead time, and cites the notice rules', () => {
    const f = only(student({ nextAnnual: '2026-12-10' }), { asOf }, 'IEP_SCHEDULE_BY');
    expect(f).toMatchObject({
      severity: 'warning',
      title: 'Schedule the annual IEP meeting now',
      detail:
        "Sofia Martinez's annual IEP meeting was to be scheduled by 2026-11-10 (12 days ago), 30 days before it is due on 2026-12-10, and the annual IEP review is still due.",
      citation: { source: expect.stringContaining('56341.5') },
    });
    expect(f!.fix).toContain('2026-12-10');
    const ahead = only(student({ nextAnnual: '2026-12-30' }), { asOf }, 'IEP_SCHEDULE_BY');
    expect(ahead!.title).toBe('Schedule the annual IEP meeting by 2026-11-30');
    expect(ahead!.detail).toContain('in 8 days');
  });

  it('applies to the triennial too, one finding per review', () => {
    const f = only(student({ nextTriennial: '2027-01-01' }), { asOf }, 'IEP_SCHEDULE_BY');
    expect(f!.title).toBe('Schedule the triennial IEP meeting by 2026-12-02');
    expect(schedule({ nextAnnual: '2027-01-01', nextTriennial: '2027-01-01' })).toHaveLength(2);
  });

  it('derives from the last meeting when the SIS shows no next date, across a leap day', () => {
    // 2027-03-01 + 1y − 1d = 2028-02-29; − 30 days = 2028-01-30.
    const f = only(student({ lastMeeting: '2027-03-01' }), { asOf: '2028-01-31' }, 'IEP_SCHEDULE_BY');
    expect(f!.severity).toBe('warning');
    expect(f!.detail).toContain('2028-01-30');
    expect(f!.detail).toContain('2028-02-29');
  });

  it('follows the lead-time setting (district policy) and ignores a bad one', () => {
    expect(schedule({ nextAnnual: '2027-02-01' })).toEqual([]); // by 2027-01-02: 41 days ahead
    expect(schedule({ nextAnnual: '2027-02-01' }, { scheduleLeadDays: 60 })).toEqual(['IEP_SCHEDULE_BY']); // by 2026-12-03
    expect(resolveComplianceSettings({ scheduleLeadDays: -4 }).scheduleLeadDays).toBe(30);
    expect(schedule({ nextAnnual: '2026-12-20' }, { scheduleLeadDays: 0 })).toEqual([]); // by 12-20: 28 days ahead
  });

  it('gives no date and no finding without an annual or triennial date', () => {
    expect(schedule(null)).toEqual([]);
    expect(schedule({ referral: '2026-11-20' })).toEqual([]);
  });

  it('puts the schedule-by date on the badge label while it is shown, and always on the date', () => {
    expect(nextDueDates(student({ nextAnnual: '2026-12-30' }), { asOf })[0]).toEqual({
      code: 'IEP_ANNUAL',
      due: '2026-12-30',
      scheduleBy: '2026-11-30',
      label: 'Annual due in 38 days · schedule within 8 days',
    });
    expect(nextDueDates(student({ nextAnnual: '2026-12-10' }), { asOf })[0]!.label).toBe(
      'Annual due in 18 days · schedule now, 12 days late',
    );
    expect(nextDueDates(student({ nextAnnual: '2026-12-22' }), { asOf })[0]!.label).toBe(
      'Annual due in 30 days · schedule today',
    );
    const far = nextDueDates(student({ nextAnnual: '2027-06-01' }), { asOf })[0];
    expect(far).toEqual({
      code: 'IEP_ANNUAL',
      due: '2027-06-01',
      scheduleBy: '2027-05-02',
      label: 'Annual due in 191 days',
    });
    expect(nextDueDates(student({ nextAnnual: '2026-11-01' }), { asOf })[0]!.label).toBe('Annual overdue by 21 days');
  });
});
