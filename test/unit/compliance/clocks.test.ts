import { describe, expect, it } from 'vitest';
import { nextDueDates, resolveComplianceSettings } from '../../../lib/compliance';
import type { Student } from '../../../lib/domain/records';
import { codes, only, student } from './helpers';

const asOf = '2026-11-22';
const transfer = (entryDate: string | null, extra: Partial<Student> = {}, iep: Student['iep'] = null) =>
  student(iep, { entryDate, transferredWithIep: true, ...extra });

describe('30-day interim placement after a transfer with an IEP (EC 56325(a)(1))', () => {
  it('is due 30 calendar days after entry, overdue the day after', () => {
    // entry 2026-10-23 + 30 = 2026-11-22 (today)
    expect(codes(transfer('2026-10-23'), { asOf })).toEqual(['TRANSFER_IEP_DUE']);
    expect(codes(transfer('2026-10-22'), { asOf })).toEqual(['TRANSFER_IEP_OVERDUE']);
    expect(codes(transfer('2026-11-20'), { asOf })).toEqual(['TRANSFER_IEP_DUE']);
    const f = only(transfer('2026-10-01'), { asOf }, 'TRANSFER_IEP_OVERDUE');
    expect(f).toMatchObject({ severity: 'error', citation: { source: expect.stringContaining('56325(a)(1)') } });
    expect(f!.detail).toContain('entered on 2026-10-01');
    expect(f!.detail).toContain('ends 2026-10-31');
    expect(f!.fix).toContain('2026-10-31');
  });

  it('counts calendar days: a school break does not extend it', () => {
    const settings = {
      breaks: [
        { start: '2026-11-23', end: '2026-11-27', name: 'Thanksgiving' },
        { start: '2026-12-21', end: '2027-01-01' },
      ],
    };
    // entry 2026-12-10 + 30 = 2027-01-09, winter break or not
    expect(nextDueDates(transfer('2026-12-10'), { asOf, settings }).find((d) => d.code === 'TRANSFER_IEP')?.due).toBe(
      '2027-01-09',
    );
  });

  it('crosses a leap day', () => {
    // 2028-02-10 + 30 = 2028-03-11 (29 days in February 2028)
    expect(nextDueDates(transfer('2028-02-10'), { asOf: '2028-02-10' })[0]).toMatchObject({
      code: 'TRANSFER_IEP',
      due: '2028-03-11',
    });
    // 2027-02-10 + 30 = 2027-03-12
    expect(nextDueDates(transfer('2027-02-10'), { asOf: '2027-02-10' })[0]).toMatchObject({
      code: 'TRANSFER_IEP',
      due: '2027-03-12',
    });
  });

  it('ends with an IEP meeting on or after the entry date; a meeting before it does not count', () => {
    expect(
      codes(transfer('2026-10-01', {}, { lastMeeting: '2026-10-20', nextAnnual: '2027-10-19' }), { asOf }),
    ).toEqual([]);
    expect(
      codes(transfer('2026-10-01', {}, { lastMeeting: '2026-10-01', nextAnnual: '2027-09-30' }), { asOf }),
    ).toEqual([]);
    expect(
      codes(transfer('2026-10-01', {}, { lastMeeting: '2026-05-01', nextAnnual: '2027-04-30' }), { asOf }),
    ).toEqual(['TRANSFER_IEP_OVERDUE']);
  });

  it('needs both the entry date and the transfer signal', () => {
    expect(codes(transfer(null), { asOf })).toEqual([]);
    expect(codes(student(null, { entryDate: '2026-10-01' }), { asOf })).toEqual([]);
    expect(codes(student(null, { entryDate: '2026-10-01', transferredWithIep: false }), { asOf })).toEqual([]);
  });
});

describe('IEP progress reports with each report card (EC 56345(a)(3), 34 CFR 300.320(a)(3)(ii))', () => {
  const withIep = student({ nextAnnual: '2027-09-01' });
  const settings = { reportCardDates: ['2027-01-29', '2026-12-04', 'not a date', '2026-11-13'] };

  it('is info from 14 days before the next report-card date through that date', () => {
    const f = only(withIep, { asOf, settings }, 'PROGRESS_REPORT_DUE');
    expect(f).toMatchObject({ severity: 'info', citation: { source: expect.stringContaining('300.320(a)(3)(ii)') } });
    expect(f!.detail).toContain('2026-12-04');
    expect(f!.detail).toContain('in 12 days');
    expect(codes(withIep, { asOf: '2026-12-04', settings })).toContain('PROGRESS_REPORT_DUE'); // the day itself
    // the day after, the next date (2027-01-29) is 56 days away
    expect(codes(withIep, { asOf: '2026-12-05', settings })).not.toContain('PROGRESS_REPORT_DUE');
    expect(codes(withIep, { asOf: '2027-01-15', settings })).toContain('PROGRESS_REPORT_DUE'); // 14 days
    expect(codes(withIep, { asOf: '2027-01-14', settings })).not.toContain('PROGRESS_REPORT_DUE'); // 15 days
  });

  it('takes a report-card date in a break as it is, and a leap day', () => {
    const breaks = [{ start: '2026-12-21', end: '2027-01-01' }];
    expect(
      only(
        withIep,
        { asOf: '2026-12-20', settings: { breaks, reportCardDates: ['2026-12-22'] } },
        'PROGRESS_REPORT_DUE',
      )!.detail,
    ).toContain('2026-12-22');
    expect(
      only(withIep, { asOf: '2028-02-20', settings: { reportCardDates: ['2028-02-29'] } }, 'PROGRESS_REPORT_DUE')!
        .detail,
    ).toContain('2028-02-29');
  });

  it('needs a calendar and a student with an IEP; past dates only are nothing', () => {
    expect(codes(withIep, { asOf })).not.toContain('PROGRESS_REPORT_DUE');
    expect(codes(student(null), { asOf, settings })).toEqual([]);
    expect(codes(student(null, { plan504Review: '2027-09-01' }), { asOf, settings })).toEqual([]);
    expect(codes(withIep, { asOf: '2027-02-01', settings })).toEqual([]);
    expect(resolveComplianceSettings(settings).reportCardDates).toEqual(['2026-11-13', '2026-12-04', '2027-01-29']);
    expect(resolveComplianceSettings({ reportCardDates: ['2026-02-30'] }).reportCardDates).toEqual([]);
  });

  it("is the student's next due date on the badge", () => {
    expect(nextDueDates(withIep, { asOf, settings })[0]).toEqual({
      code: 'PROGRESS_REPORT',
      due: '2026-12-04',
      label: 'Progress report due in 12 days',
    });
  });
});

describe('Section 504 plan review, where the SIS shows its date (34 CFR 104.35(d))', () => {
  const plan = (plan504Review: string | null) => student(null, { plan504Review });

  it('is info from 30 days before, warning once passed', () => {
    expect(codes(plan('2026-12-22'), { asOf })).toEqual(['PLAN_504_REVIEW_DUE']);
    expect(codes(plan('2026-12-23'), { asOf })).toEqual([]);
    expect(codes(plan('2026-11-22'), { asOf })).toEqual(['PLAN_504_REVIEW_DUE']);
    expect(codes(plan('2026-11-21'), { asOf })).toEqual(['PLAN_504_REVIEW_OVERDUE']);
    const f = only(plan('2026-11-01'), { asOf }, 'PLAN_504_REVIEW_OVERDUE');
    expect(f).toMatchObject({
      severity: 'warning',
      title: 'Section 504 plan review overdue',
      citation: { source: expect.stringContaining('104.35(d)') },
    });
    expect(only(plan('2026-12-01'), { asOf }, 'PLAN_504_REVIEW_DUE')!.severity).toBe('info');
  });

  it('uses its lead-time setting, crosses leap days, and has no schedule-by date', () => {
    expect(codes(plan('2027-01-10'), { asOf, settings: { plan504LeadDays: 60 } })).toEqual(['PLAN_504_REVIEW_DUE']);
    expect(codes(plan('2028-02-29'), { asOf: '2028-01-30' })).toEqual(['PLAN_504_REVIEW_DUE']); // 30 days
    expect(codes(plan('2028-02-29'), { asOf: '2028-01-29' })).toEqual([]); // 31 days
    expect(nextDueDates(plan('2026-12-01'), { asOf })[0]).toEqual({
      code: 'PLAN_504_REVIEW',
      due: '2026-12-01',
      label: '504 review due in 9 days',
    });
  });

  it('gives nothing without a 504 review date', () => {
    expect(codes(plan(null), { asOf })).toEqual([]);
  });
});
