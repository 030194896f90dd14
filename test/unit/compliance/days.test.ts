import { addDays, addYears, differenceInCalendarDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { daysBetween, isLeapYear, plusDays, plusYears } from '../../../lib/compliance/days';

// The hot-path arithmetic is hand-rolled for speed; date-fns is the oracle it must agree with.
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const local = (s: string) => new Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));

describe('calendar arithmetic', () => {
  it('agrees with date-fns for every day 1999–2031 (leap years, century rule of 2000 included)', () => {
    for (let d = new Date(1999, 0, 1); d.getFullYear() < 2032; d = addDays(d, 1)) {
      const s = iso(d);
      expect(plusDays(s, 45)).toBe(iso(addDays(d, 45)));
      expect(plusDays(s, -400)).toBe(iso(addDays(d, -400)));
      expect(plusYears(s, 1)).toBe(iso(addYears(d, 1)));
      expect(plusYears(s, 18)).toBe(iso(addYears(d, 18)));
      expect(daysBetween('2000-02-29', s)).toBe(differenceInCalendarDays(d, local('2000-02-29')));
    }
  });

  it('handles the leap rules and Feb 29 anniversaries', () => {
    expect([1900, 2000, 2024, 2026, 2028, 2100].map(isLeapYear)).toEqual([false, true, true, false, true, false]);
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(plusDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(plusYears('2028-02-29', 1)).toBe('2029-02-28'); // common year: the earlier reading
    expect(plusYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });
});
