import { describe, expect, it } from 'vitest';
import { addCountedDays, schoolCalendar } from '../../../lib/compliance';

// 2026-12-21 is a Monday; 2027-01-01 a Friday.
const WINTER = { start: '2026-12-21', end: '2027-01-01', name: 'Winter break' }; // 10 school days
const statute = (breaks: { start: string; end: string }[], more = {}) => ({
  breaks,
  tolling: 'statute' as const,
  ...more,
});

describe('addCountedDays: tolling of school vacations over five school days', () => {
  it('stops the clock over a winter break of 10 school days', () => {
    // 2026-12-02..12-20 count (19 days); 12-21..2027-01-01 do not; 41 more from 01-02: 01-02 + 40 = 2027-02-11.
    expect(addCountedDays('2026-12-01', 60, statute([WINTER]))).toBe('2027-02-11');
    // Plain calendar days: 12-01 + 60 = 2027-01-30.
    expect(addCountedDays('2026-12-01', 60, { breaks: [WINTER], tolling: 'none' })).toBe('2027-01-30');
  });

  it('counts a break of five school days in full', () => {
    // Thanksgiving week Mon 2026-11-23..Fri 11-27 (5 school days): 11-20 + 15 = 12-05 as if no break.
    expect(addCountedDays('2026-11-20', 15, statute([{ start: '2026-11-23', end: '2026-11-27' }]))).toBe('2026-12-05');
    // Wed 12-23..Tue 12-29 spans a weekend but holds only 5 school days: 12-10 + 15 = 12-25.
    expect(addCountedDays('2026-12-10', 15, statute([{ start: '2026-12-23', end: '2026-12-29' }]))).toBe('2026-12-25');
  });

  it('tolls a break of six school days, weekend inside it included', () => {
    // Mon 12-21..Mon 12-28 = 6 school days. 12-11..12-20 count (10); 5 more from 12-29: 12-29..2027-01-02.
    expect(addCountedDays('2026-12-10', 15, statute([{ start: '2026-12-21', end: '2026-12-28' }]))).toBe('2027-01-02');
  });

  it('joins breaks separated only by a weekend into one vacation, but not breaks with a school day between', () => {
    const twoWeeks = [
      { start: '2026-12-28', end: '2027-01-01' },
      { start: '2026-12-21', end: '2026-12-25' },
    ];
    expect(addCountedDays('2026-12-01', 60, statute(twoWeeks))).toBe('2027-02-11');
    // Mon 12-28 is a school day between them: each break has 5 school days, nothing tolls: 12-01 + 60 = 2027-01-30.
    const split = [
      { start: '2026-12-21', end: '2026-12-25' },
      { start: '2026-12-29', end: '2027-01-01' },
    ];
    expect(addCountedDays('2026-12-01', 60, statute(split))).toBe('2027-01-30');
  });

  it('starts counting after the break when the clock starts inside it', () => {
    // Referral Tue 12-22 during the break: day 1 is 2027-01-02, day 15 is 01-16.
    expect(addCountedDays('2026-12-22', 15, statute([WINTER]))).toBe('2027-01-16');
  });

  it('lands on the day before a tolled break when the count runs out there', () => {
    // 12-05 + 15 = 12-20 (Sunday before the break); 12-06 + 15 would be 12-21, tolled, so 2027-01-02.
    expect(addCountedDays('2026-12-05', 15, statute([WINTER]))).toBe('2026-12-20');
    expect(addCountedDays('2026-12-06', 15, statute([WINTER]))).toBe('2027-01-02');
  });

  it('tolls the days between school years, whatever their length', () => {
    const year = { schoolYearEnd: '2027-06-11', schoolYearStart: '2027-08-16' };
    // 05-31 + 15: 06-01..06-11 count (11); 4 more from 08-16: 08-19.
    expect(addCountedDays('2027-05-31', 15, statute([], year))).toBe('2027-08-19');
    // A two-day gap between terms still tolls: Fri 2027-01-15 end, Wed 01-20 start; 01-14 + 5: 01-15, 01-20..01-23.
    expect(
      addCountedDays('2027-01-14', 5, statute([], { schoolYearEnd: '2027-01-15', schoolYearStart: '2027-01-20' })),
    ).toBe('2027-01-23');
    expect(addCountedDays('2027-05-31', 15, { breaks: [], tolling: 'none', ...year })).toBe('2027-06-15');
  });

  it('crosses a leap day', () => {
    // 2028-02-20 + 15: Feb has 29 days, so 02-20 + 9 = 02-29 and + 6 = 03-06.
    expect(addCountedDays('2028-02-20', 15, statute([]))).toBe('2028-03-06');
  });

  it('keeps only the tolled spans, sorted and merged', () => {
    const cal = schoolCalendar(
      statute([
        { start: '2026-11-23', end: '2026-11-27' },
        { start: '2027-03-29', end: '2027-04-09', name: 'Spring' },
        WINTER,
      ]),
    );
    expect(cal.tolled.map((s) => [s.start, s.end])).toEqual([
      ['2026-12-21', '2027-01-01'],
      ['2027-03-29', '2027-04-09'],
    ]);
    expect(schoolCalendar({ breaks: [WINTER], tolling: 'none' }).tolled).toEqual([]);
  });
});
