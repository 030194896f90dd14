import { describe, expect, it } from 'vitest';
import { complianceFindings } from '../../../lib/compliance';
import { Finding } from '../../../lib/domain/finding';
import { codes as allCodes, only, student } from './helpers';

// The review codes; the schedule-by date these reviews also raise is tested in schedule-by.test.ts.
const codes = (...args: Parameters<typeof allCodes>) => allCodes(...args).filter((c) => c !== 'IEP_SCHEDULE_BY');

const asOf = '2026-11-22'; // annual lead 30 → through 2026-12-22; triennial lead 60 → through 2027-01-21

describe('annual IEP review (EC 56343(d))', () => {
  const annual = (nextAnnual: string) => codes(student({ nextAnnual }), { asOf });

  it('is due soon from the lead time through the due day, overdue the day after', () => {
    expect(annual('2026-11-21')).toEqual(['IEP_ANNUAL_OVERDUE']); // one day overdue
    expect(annual('2026-11-22')).toEqual(['IEP_ANNUAL_DUE_SOON']); // due today
    expect(annual('2026-11-23')).toEqual(['IEP_ANNUAL_DUE_SOON']); // due tomorrow
    expect(annual('2026-12-22')).toEqual(['IEP_ANNUAL_DUE_SOON']); // exactly 30 days
    expect(annual('2026-12-23')).toEqual([]); // 31 days
  });

  it('says when, with the dates, and cites the statute', () => {
    const f = only(
      student({ nextAnnual: '2026-11-01' }),
      { asOf: '2026-11-23', pack: 'ca-2026.1' },
      'IEP_ANNUAL_OVERDUE',
    );
    expect(f).toMatchObject({
      severity: 'error',
      subject: { kind: 'student', id: 'S1' },
      title: 'Annual IEP review overdue',
      detail: "Sofia Martinez's annual IEP review was due 2026-11-01, 22 days ago.",
      citation: { source: expect.stringContaining('56343(d)') },
      pack: 'ca-2026.1',
    });
    expect(f!.fix).toBeTruthy();
    expect(only(student({ nextAnnual: '2026-11-22' }), { asOf }, 'IEP_ANNUAL_DUE_SOON')!.detail).toBe(
      "Sofia Martinez's annual IEP review is due 2026-11-22, today.",
    );
    expect(only(student({ nextAnnual: '2026-11-21' }), { asOf }, 'IEP_ANNUAL_OVERDUE')!.detail).toContain('yesterday');
  });

  it('derives the due date as the last meeting + 1 year − 1 day when the SIS shows none', () => {
    // 2025-11-22 + 1y = 2026-11-22, − 1 = 2026-11-21: one day overdue.
    expect(codes(student({ lastMeeting: '2025-11-22' }), { asOf })).toEqual(['IEP_ANNUAL_OVERDUE']);
    // 2025-11-23 → 2026-11-22: due today.
    const f = only(student({ lastMeeting: '2025-11-23' }), { asOf }, 'IEP_ANNUAL_DUE_SOON');
    expect(f!.detail).toContain('2026-11-22');
    expect(f!.detail).toContain('2025-11-23');
    // The SIS date wins over the derived one.
    expect(codes(student({ lastMeeting: '2025-11-22', nextAnnual: '2027-06-01' }), { asOf })).toEqual([]);
    // The initial IEP stands in for a missing last meeting: 2025-12-01 → 2026-11-30, in 8 days.
    expect(codes(student({ initialIep: '2025-12-01' }), { asOf })).toEqual(['IEP_ANNUAL_DUE_SOON']);
  });

  it('handles Feb 29 anniversaries', () => {
    // 2028-02-29 + 1y = 2029-02-28 (no Feb 29), − 1 = 2029-02-27.
    expect(codes(student({ lastMeeting: '2028-02-29' }), { asOf: '2029-02-27' })).toEqual(['IEP_ANNUAL_DUE_SOON']);
    expect(codes(student({ lastMeeting: '2028-02-29' }), { asOf: '2029-02-28' })).toEqual(['IEP_ANNUAL_OVERDUE']);
    // 2027-03-01 + 1y = 2028-03-01, − 1 = 2028-02-29 (leap year).
    expect(codes(student({ lastMeeting: '2027-03-01' }), { asOf: '2028-02-29' })).toEqual(['IEP_ANNUAL_DUE_SOON']);
    expect(codes(student({ lastMeeting: '2027-03-01' }), { asOf: '2028-03-01' })).toEqual(['IEP_ANNUAL_OVERDUE']);
  });

  it('uses the lead-time setting', () => {
    expect(codes(student({ nextAnnual: '2026-12-02' }), { asOf, settings: { annualLeadDays: 10 } })).toEqual([
      'IEP_ANNUAL_DUE_SOON',
    ]);
    expect(codes(student({ nextAnnual: '2026-12-03' }), { asOf, settings: { annualLeadDays: 10 } })).toEqual([]);
    // A bad setting falls back to the default (30).
    expect(codes(student({ nextAnnual: '2026-12-22' }), { asOf, settings: { annualLeadDays: -4 } })).toEqual([
      'IEP_ANNUAL_DUE_SOON',
    ]);
  });
});

describe('triennial reevaluation (EC 56381(a)(2))', () => {
  const tri = (nextTriennial: string) => codes(student({ nextTriennial }), { asOf });

  it('is due soon from 60 days through the due day, overdue the day after', () => {
    expect(tri('2026-11-21')).toEqual(['TRIENNIAL_OVERDUE']);
    expect(tri('2026-11-22')).toEqual(['TRIENNIAL_DUE_SOON']);
    expect(tri('2026-11-23')).toEqual(['TRIENNIAL_DUE_SOON']);
    // 2026-11-22 + 60: 8 days to 11-30, 31 to 12-31, 21 to 2027-01-21.
    expect(tri('2027-01-21')).toEqual(['TRIENNIAL_DUE_SOON']);
    expect(tri('2027-01-22')).toEqual([]);
  });

  it('explains itself', () => {
    const f = only(student({ nextTriennial: '2026-10-23' }), { asOf }, 'TRIENNIAL_OVERDUE');
    expect(f!.detail).toBe("Sofia Martinez's triennial reevaluation was due 2026-10-23, 30 days ago.");
    expect(f!.citation.source).toContain('56381(a)(2)');
  });
});

describe('missing data', () => {
  it('raises nothing without dates', () => {
    expect(codes(student(null), { asOf })).toEqual([]);
    expect(codes(student({}), { asOf })).toEqual([]);
    expect(codes(student({ nextAnnual: null, lastMeeting: null, nextTriennial: undefined }), { asOf })).toEqual([]);
  });

  it('produces findings that satisfy the Finding schema, with the student id when the name is empty', () => {
    const fs = complianceFindings(
      [
        student(
          { nextAnnual: '2026-01-01', nextTriennial: '2026-01-01', referral: '2026-01-01', consent: '2026-01-01' },
          { name: '' },
        ),
      ],
      { asOf },
    );
    expect(fs.map((f) => f.code).sort()).toEqual(['IEP_ANNUAL_OVERDUE', 'INITIAL_IEP_OVERDUE', 'TRIENNIAL_OVERDUE']);
    for (const f of fs) {
      expect(Finding.parse(f)).toEqual(f);
      expect(f.detail).toContain('Student S1');
      expect(f.pack).toBeUndefined();
    }
  });
});
