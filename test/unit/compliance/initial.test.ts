import { describe, expect, it } from 'vitest';
import { codes, only, student } from './helpers';

const WINTER = { start: '2026-12-21', end: '2027-01-01', name: 'Winter break' }; // Mon..Fri, 10 school days
const THANKSGIVING = { start: '2026-11-23', end: '2026-11-27' }; // 5 school days: does not toll
const YEAR = { schoolYearEnd: '2027-06-11', schoolYearStart: '2027-08-16' };

describe('assessment plan within 15 days of referral (EC 56043(a), 56321(a))', () => {
  // 2026-11-02 + 15 = 2026-11-17.
  const plan = (asOf: string, iep = {}) => codes(student({ referral: '2026-11-02', ...iep }), { asOf });

  it('is overdue only after the 15th day', () => {
    expect(plan('2026-11-16')).toEqual([]); // due tomorrow
    expect(plan('2026-11-17')).toEqual([]); // due today
    expect(plan('2026-11-18')).toEqual(['INITIAL_PLAN_OVERDUE']); // one day overdue
  });

  it('is satisfied by a plan sent, a consent or an initial IEP on record', () => {
    expect(plan('2026-12-01', { assessmentPlanSent: '2026-11-30' })).toEqual([]);
    expect(plan('2026-12-01', { consent: '2026-11-30' })).toEqual([]);
    expect(plan('2026-12-01', { initialIep: '2026-11-30' })).toEqual([]);
  });

  it('names the dates and the tolled break', () => {
    // 2026-12-10 + 15: 12-11..12-20 count (10); winter break tolled; 5 more: 2027-01-02..01-06.
    const s = student({ referral: '2026-12-10' });
    const opts = { settings: { breaks: [WINTER] } };
    expect(codes(s, { asOf: '2027-01-06', ...opts })).toEqual([]);
    const f = only(s, { asOf: '2027-01-07', ...opts }, 'INITIAL_PLAN_OVERDUE');
    expect(f!.severity).toBe('error');
    expect(f!.detail).toBe(
      'Sofia Martinez: the referral for assessment is dated 2026-12-10; the proposed assessment plan was due 2027-01-06 (15 days, not counting 2026-12-21 to 2027-01-01 (Winter break)), yesterday, and none is recorded.',
    );
    expect(f!.citation.source).toContain('56321(a)');
    // Without tolling the plan was due 12-25.
    expect(codes(s, { asOf: '2026-12-26', settings: { breaks: [WINTER], tolling: 'none' } })).toEqual([
      'INITIAL_PLAN_OVERDUE',
    ]);
  });

  it('counts a short break in full', () => {
    // 2026-11-20 + 15 = 12-05 despite Thanksgiving week.
    const s = student({ referral: '2026-11-20' });
    expect(codes(s, { asOf: '2026-12-05', settings: { breaks: [THANKSGIVING] } })).toEqual([]);
    expect(codes(s, { asOf: '2026-12-06', settings: { breaks: [THANKSGIVING] } })).toEqual(['INITIAL_PLAN_OVERDUE']);
  });

  it('gives a referral 10 days or less before the end of the school year until 10 days after school starts', () => {
    // Referral 06-01 is 10 days before 06-11: due 08-16 + 10 = 08-26.
    const late = student({ referral: '2027-06-01' });
    expect(codes(late, { asOf: '2027-08-26', settings: YEAR })).toEqual([]);
    const f = only(late, { asOf: '2027-08-27', settings: YEAR }, 'INITIAL_PLAN_OVERDUE');
    expect(f!.detail).toContain('due 2027-08-26 (10 days after the next school year started on 2027-08-16');
    expect(f!.citation.source).toContain('56043(b)');
    // Referral on the last day (0 days before) too.
    expect(codes(student({ referral: '2027-06-11' }), { asOf: '2027-08-27', settings: YEAR })).toEqual([
      'INITIAL_PLAN_OVERDUE',
    ]);
    // 05-31 is 11 days before: ordinary count with the summer tolled: 06-01..06-11 (11), 08-16..08-19 (4).
    const earlier = student({ referral: '2027-05-31' });
    expect(codes(earlier, { asOf: '2027-08-19', settings: YEAR })).toEqual([]);
    expect(codes(earlier, { asOf: '2027-08-20', settings: YEAR })).toEqual(['INITIAL_PLAN_OVERDUE']);
    // A referral in the summer starts counting when school starts: 08-16 is day 1, day 15 is 08-30.
    const summer = student({ referral: '2027-07-01' });
    expect(codes(summer, { asOf: '2027-08-30', settings: YEAR })).toEqual([]);
    expect(codes(summer, { asOf: '2027-08-31', settings: YEAR })).toEqual(['INITIAL_PLAN_OVERDUE']);
  });

  it('skips the end-of-year rule when the school-year dates are not set', () => {
    // 06-01 + 15 = 06-16 on plain days.
    expect(codes(student({ referral: '2027-06-01' }), { asOf: '2027-06-17' })).toEqual(['INITIAL_PLAN_OVERDUE']);
    expect(
      codes(student({ referral: '2027-06-01' }), { asOf: '2027-06-17', settings: { schoolYearEnd: '2027-06-11' } }),
    ).toEqual(['INITIAL_PLAN_OVERDUE']);
  });
});

describe('initial IEP within 60 days of consent (EC 56043(c), (f), 56344(a))', () => {
  it('is overdue only after the 60th day', () => {
    // 2026-09-01 + 60: 29 days to 09-30, 31 to 10-31.
    const s = student({ consent: '2026-09-01' });
    expect(codes(s, { asOf: '2026-10-30' })).toEqual([]);
    expect(codes(s, { asOf: '2026-10-31' })).toEqual([]);
    expect(codes(s, { asOf: '2026-11-01' })).toEqual(['INITIAL_IEP_OVERDUE']);
  });

  it('extends across a winter break of more than five school days', () => {
    // Consent 2026-12-01: 19 days to 12-20, break tolled, 41 from 2027-01-02: due 2027-02-11.
    const s = student({ consent: '2026-12-01' });
    const settings = { breaks: [WINTER] };
    expect(codes(s, { asOf: '2027-02-11', settings })).toEqual([]);
    const f = only(s, { asOf: '2027-02-12', settings }, 'INITIAL_IEP_OVERDUE');
    expect(f!.detail).toContain(
      'was due 2027-02-11 (60 days, not counting 2026-12-21 to 2027-01-01 (Winter break)), yesterday',
    );
    expect(f!.citation.source).toContain('56344(a)');
    // tolling 'none': 12-01 + 60 = 2027-01-30.
    expect(codes(s, { asOf: '2027-01-31', settings: { ...settings, tolling: 'none' } })).toEqual([
      'INITIAL_IEP_OVERDUE',
    ]);
    expect(codes(s, { asOf: '2027-01-30', settings: { ...settings, tolling: 'none' } })).toEqual([]);
  });

  it('is satisfied by an initial IEP, or an IEP meeting on or after the consent', () => {
    expect(codes(student({ consent: '2026-09-01', initialIep: '2026-10-20' }), { asOf: '2026-12-01' })).toEqual([]);
    expect(codes(student({ consent: '2026-09-01', lastMeeting: '2026-09-01' }), { asOf: '2026-12-01' })).not.toContain(
      'INITIAL_IEP_OVERDUE',
    );
    expect(codes(student({ consent: '2026-09-01', lastMeeting: '2025-05-01' }), { asOf: '2026-12-01' })).toContain(
      'INITIAL_IEP_OVERDUE',
    );
  });

  it('gives a referral 30 days or less before the end of the school year until 30 days after school starts', () => {
    // Referral 05-15 is 27 days before 06-11; consent 05-25 before school starts: due 08-16 + 30 = 09-15.
    const s = student({ referral: '2027-05-15', assessmentPlanSent: '2027-05-20', consent: '2027-05-25' });
    expect(codes(s, { asOf: '2027-09-15', settings: YEAR })).toEqual([]);
    expect(codes(s, { asOf: '2027-09-16', settings: YEAR })).toEqual(['INITIAL_IEP_OVERDUE']);
    // Referral 05-11 is 31 days before: 60 counted days from 05-25 with the summer tolled:
    // 05-26..06-11 (17), then 43 from 08-16: 08-16 + 42 = 09-27.
    const earlier = student({ referral: '2027-05-11', assessmentPlanSent: '2027-05-20', consent: '2027-05-25' });
    expect(codes(earlier, { asOf: '2027-09-27', settings: YEAR })).toEqual([]);
    expect(codes(earlier, { asOf: '2027-09-28', settings: YEAR })).toEqual(['INITIAL_IEP_OVERDUE']);
    // Consent after school started follows the 60-day count: 08-20 + 60 = 10-19.
    const fall = student({ referral: '2027-06-01', assessmentPlanSent: '2027-08-18', consent: '2027-08-20' });
    expect(codes(fall, { asOf: '2027-10-19', settings: YEAR })).toEqual([]);
    expect(codes(fall, { asOf: '2027-10-20', settings: YEAR })).toEqual(['INITIAL_IEP_OVERDUE']);
  });

  it('raises nothing without a consent date', () => {
    expect(codes(student({ assessmentPlanSent: '2026-01-01' }), { asOf: '2026-12-01' })).toEqual([]);
  });
});
