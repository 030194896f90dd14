import { describe, expect, it } from 'vitest';
import { isIsoDate, MAX_YEAR, MIN_YEAR, parseDate, todayIso } from '../../lib/dates';

describe('parseDate: the one date parser (pages, CSV imports, settings)', () => {
  it.each([
    ['2027-04-16', '2027-04-16'],
    ['2027-4-6', '2027-04-06'],
    ['2026-02-03T00:00:00', '2026-02-03'],
    ['2026-02-03T00:00:00Z', '2026-02-03'],
    ['2026-02-03T08:30:00-08:00', '2026-02-03'],
    ['2026-11-22 03:11:35.592831', '2026-11-22'],
    ['4/16/2027', '2027-04-16'],
    ['04-16-2027', '2027-04-16'],
    ['4.16.2027', '2027-04-16'],
    ['2027/4/16', '2027-04-16'],
    ['April 16 2027', '2027-04-16'],
    ['Apr 16, 2027', '2027-04-16'],
    ['Apr/16/2027', '2027-04-16'],
    ['16 April 2027', '2027-04-16'],
    ['Fri, Apr 16, 2027', '2027-04-16'],
    ['  2/29/2028 ', '2028-02-29'],
  ])('%j → %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each([
    '',
    null,
    undefined,
    'soon',
    '2026-02-30',
    '2/29/2027',
    '13/1/2026',
    '4/16-2027', // mixed separators
    '2026/02/03x',
    '2026-02-03 and later',
    '02/06/2025 - 02/05/2026',
    `1/1/${MIN_YEAR - 1}`,
    `${MAX_YEAR + 1}-01-01`,
  ])('%j → null', (text) => expect(parseDate(text)).toBeNull());

  it('accepts the ends of the documented year range', () => {
    expect(parseDate(`${MIN_YEAR}-01-01`)).toBe(`${MIN_YEAR}-01-01`);
    expect(parseDate(`12/31/${MAX_YEAR}`)).toBe(`${MAX_YEAR}-12-31`);
  });
});

describe('isIsoDate', () => {
  it('recognizes real dates written as YYYY-MM-DD only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2/3/2026')).toBe(false);
    expect(isIsoDate('2026-02-03T00:00:00')).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});

describe('todayIso', () => {
  it('is the local calendar day of the moment, late evening included', () => {
    expect(todayIso(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
    expect(todayIso(new Date(2027, 0, 3, 0, 0))).toBe('2027-01-03');
  });
});
