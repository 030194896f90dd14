import { describe, expect, it } from 'vitest';
import { nextDueDates } from '../../../lib/compliance';
import { codes, only, student } from './helpers';

const asOf = '2026-11-22'; // transition lead 60 → through 2027-01-21
const kid = (birthDate: string | null, iep = {}, grade = '8') => student(iep, { birthDate, grade });
const has = (s: ReturnType<typeof kid>, on = asOf, opts = {}) =>
  codes(s, { asOf: on, ...opts }).includes('TRANSITION_DUE');

describe('transition planning by the IEP in effect at 16 (EC 56043(g)(1))', () => {
  it('the badge says what is true: "missing" when it is required now and no date is recorded (issue 17)', () => {
    const label = (s: ReturnType<typeof kid>) => nextDueDates(s, { asOf }).find((d) => d.code === 'TRANSITION')?.label;
    expect(label(kid('2010-11-22'))).toBe('Transition plan missing'); // 16 today, no IEP date at all
    expect(label(kid(null, {}, '10'))).toBe('Transition plan missing'); // high school, no dates
    expect(label(kid('2010-11-22', { nextAnnual: '2026-11-01' }))).toBe('Transition plan overdue by 21 days'); // the annual it belonged to has passed
    expect(label(kid('2011-01-15', { nextAnnual: '2027-01-10' }))).toBe('Transition plan due in 49 days');
  });

  it('is needed now once the student is 16', () => {
    expect(has(kid('2010-11-22', { nextAnnual: '2027-10-01' }))).toBe(true); // 16 today
    expect(has(kid('2010-11-23', { nextAnnual: '2027-10-01' }))).toBe(false); // 16 tomorrow; next IEP far off
    const f = only(kid('2010-11-22'), { asOf }, 'TRANSITION_DUE');
    expect(f!.severity).toBe('warning');
    expect(f!.detail).toContain('turned 16 on 2026-11-22');
    expect(f!.citation.source).toContain('56043(g)(1)');
    expect(f!.citation.source).toContain('1414(d)(1)(A)(i)(VIII)');
  });

  it('is needed by the next annual IEP when 16 falls within its year, from the lead time', () => {
    // 16 on 2027-01-15, annual 2027-01-10 (in 49 days): that IEP is in effect at 16.
    const f = only(kid('2011-01-15', { nextAnnual: '2027-01-10' }), { asOf }, 'TRANSITION_DUE');
    expect(f!.detail).toContain('turns 16 on 2027-01-15');
    expect(f!.detail).toContain('annual meeting due 2027-01-10 (in 49 days)');
    expect(f!.fix).toContain('on or before 2027-01-10');
    // 16 on 2027-06-01; annual exactly 60 days away (2027-01-21): due; 61 days: not yet.
    expect(has(kid('2011-06-01', { nextAnnual: '2027-01-21' }))).toBe(true);
    expect(has(kid('2011-06-01', { nextAnnual: '2027-01-22' }))).toBe(false);
  });

  it('waits for the following IEP when 16 comes on or after the annual after next', () => {
    // Annual 2027-01-21; its IEP runs to 2028-01-20. 16 on 2028-01-20: needed; 16 on 2028-01-21: the next IEP's job.
    expect(has(kid('2012-01-20', { nextAnnual: '2027-01-21' }))).toBe(true);
    expect(has(kid('2012-01-21', { nextAnnual: '2027-01-21' }))).toBe(false);
  });

  it('uses the derived annual date when the SIS shows none', () => {
    // Last meeting 2026-01-10 → annual 2027-01-09; 16 on 2027-03-01.
    expect(has(kid('2011-03-01', { lastMeeting: '2026-01-10' }))).toBe(true);
  });

  it('follows California practice from grade 9, even without a birth date', () => {
    expect(has(student({ nextAnnual: '2027-10-01' }, { grade: '9' }))).toBe(true);
    expect(has(student({}, { grade: 'Grade 10' }))).toBe(true);
    expect(only(student({}, { grade: '9' }), { asOf }, 'TRANSITION_DUE')!.detail).toContain('grade 9');
    expect(has(student({ nextAnnual: '2026-12-01' }, { grade: '8' }))).toBe(false);
  });

  it('handles a Feb 29 birthday (16 on 2028-02-29, a leap year)', () => {
    expect(has(kid('2012-02-29', { nextAnnual: '2028-09-01' }), '2028-02-29')).toBe(true);
    expect(has(kid('2012-02-29', { nextAnnual: '2028-09-01' }), '2028-02-28')).toBe(false);
    expect(has(kid('2012-02-29', { nextAnnual: '2028-03-15' }), '2028-02-28')).toBe(true);
  });

  it('is quiet when transition planning is recorded or the data is missing', () => {
    expect(has(kid('2008-01-01'), asOf, { transitionPlanned: new Set(['S1']) })).toBe(false);
    expect(has(kid(null, { nextAnnual: '2026-12-01' }))).toBe(false);
    expect(has(kid('2011-01-15', {}))).toBe(false); // not 16 yet, no annual date
    expect(has(student({}, { grade: 'Ungraded' }))).toBe(false);
  });
});

describe('age-of-majority notice (EC 56041.5, 56043(g)(3))', () => {
  // Lead 365 → through 2027-11-22.
  const notice = (birthDate: string, on = asOf, opts = {}) =>
    codes(student(null, { birthDate }), { asOf: on, ...opts }).includes('AGE_OF_MAJORITY_NOTICE_DUE');

  it('warns from a year before the 18th birthday through the birthday', () => {
    expect(notice('2008-11-21')).toBe(false); // turned 18 yesterday: the rights have transferred
    expect(notice('2008-11-22')).toBe(true); // 18 today
    expect(notice('2008-11-23')).toBe(true); // 18 tomorrow
    expect(notice('2009-11-22')).toBe(true); // 18 in exactly 365 days
    expect(notice('2009-11-23')).toBe(false); // 366 days
    const f = only(student(null, { birthDate: '2009-01-10' }), { asOf }, 'AGE_OF_MAJORITY_NOTICE_DUE');
    expect(f!.detail).toContain('turns 18 on 2027-01-10, in 49 days');
    expect(f!.severity).toBe('warning');
    expect(f!.citation.source).toContain('56041.5');
  });

  it('handles Feb 29 births: 18 on Feb 28 of a common year', () => {
    // Born 2008-02-29 → 18 on 2026-02-28.
    expect(notice('2008-02-29', '2026-02-28')).toBe(true);
    expect(notice('2008-02-29', '2026-03-01')).toBe(false);
    // 2025-03-01 + 365 = 2026-03-01 ≥ 2026-02-28.
    expect(notice('2008-02-29', '2025-03-01')).toBe(true);
    // Born 2028-02-29 → 18 on 2046-02-28: exactly at the lead on 2045-02-28, not a day before.
    expect(notice('2028-02-29', '2045-02-28')).toBe(true);
    expect(notice('2028-02-29', '2045-02-27')).toBe(false);
  });

  it('uses the lead setting and the notices on record', () => {
    expect(notice('2009-01-10', asOf, { settings: { majorityLeadDays: 30 } })).toBe(false); // in 49 days
    expect(notice('2009-01-10', asOf, { majorityNoticeGiven: new Set(['S1']) })).toBe(false);
  });
});
