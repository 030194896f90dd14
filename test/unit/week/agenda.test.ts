import { describe, expect, it } from 'vitest';
import { studentPageUrl, weekItems, type WeekInput } from '../../../lib/week/agenda';
import { finding, findingRow, SITE, staffRow, studentRow } from '../district/helpers';

const asOf = '2026-11-23'; // the window is 2026-11-23 … 2026-12-06 (14 days)

const input: WeekInput = {
  staff: [staffRow({ id: 'T1', name: 'Maria Gonzalez' }), staffRow({ id: 'T2', name: 'Priya Patel' })],
  students: [
    // annual 2026-12-30: schedule by 2026-11-30 (in the window); the due date itself is not
    studentRow({ id: '1', name: 'Ana Alvarez', caseManager: { staffId: 'T1' }, iep: { nextAnnual: '2026-12-30' } }),
    // annual 2026-12-02: due in the window; schedule-by 2026-11-02 already late
    studentRow(
      { id: '2', name: 'Ben Brooks', caseManager: { staffId: 'T1' }, iep: { nextAnnual: '2026-12-02' } },
      { url: 'import:students.csv' },
    ),
    // nothing due soon, but not checked yet
    studentRow({ id: '3', name: 'Cy Chen', caseManager: { staffId: 'T1' }, iep: { nextAnnual: '2027-09-01' } }),
    // another case manager's student
    studentRow({ id: '4', name: 'Dee Diaz', caseManager: { staffId: 'T2' }, iep: { nextAnnual: '2026-11-25' } }),
    // transferred in: 30 days from 2026-11-10 is 2026-12-10, outside; no case manager → not in the caseload
    studentRow({ id: '5', name: 'Eve Evans', entryDate: '2026-11-10', transferredWithIep: true }),
  ],
  findings: [
    findingRow('student', '3', [finding('student', '3', 'CM_NOT_CHECKED', 'info')]),
    findingRow('student', '1', [finding('student', '1', 'CM_NOT_AUTHORIZED')]),
  ],
  followUps: [
    { noteId: 'n1', site: SITE, studentId: '3', date: '2026-12-01' },
    { noteId: 'n2', site: SITE, studentId: '3', date: '2026-12-07' }, // the day after the window
    { noteId: 'n3', site: SITE, studentId: '4', date: '2026-11-24' },
  ],
};

describe('This week (weekItems)', () => {
  it('lists meetings to schedule, dates due, follow-ups and students not checked, in date order, late first', () => {
    const items = weekItems(input, { asOf, me: `${SITE}|T1` });
    expect(items.map((i) => [i.date, i.kind, i.studentId, i.title])).toEqual([
      ['2026-11-02', 'schedule', '2', 'Schedule the annual IEP meeting (due 2026-12-02)'],
      ['2026-11-23', 'not-checked', '3', expect.stringMatching(/^Not checked yet/)],
      ['2026-11-30', 'schedule', '1', 'Schedule the annual IEP meeting (due 2026-12-30)'],
      ['2026-12-01', 'followup', '3', 'Follow-up due (liaison note)'],
      ['2026-12-02', 'due', '2', 'Annual due in 9 days'],
    ]);
    expect(items[0]!.overdue).toBe(true);
    expect(items.slice(1).every((i) => !i.overdue)).toBe(true);
  });

  it('without "I am", everyone with a case manager; the window follows `days`', () => {
    const all = weekItems(input, { asOf });
    expect(new Set(all.map((i) => i.studentId))).toEqual(new Set(['1', '2', '3', '4']));
    expect(weekItems(input, { asOf, me: `${SITE}|T1`, days: 7 }).map((i) => i.date)).toEqual([
      '2026-11-02',
      '2026-11-23',
    ]);
  });

  it('follows the district schedule-by lead time', () => {
    const items = weekItems(input, { asOf, me: `${SITE}|T1`, compliance: { scheduleLeadDays: 60 } });
    // 2027-09-01 − 60 is far off; 2026-12-30 − 60 = 2026-10-31 (late)
    expect(items.filter((i) => i.kind === 'schedule').map((i) => [i.studentId, i.date])).toEqual([
      ['2', '2026-10-03'],
      ['1', '2026-10-31'],
    ]);
  });

  it("links a line to the student's SIS page only when Liaison read it from the site", () => {
    const items = weekItems(input, { asOf, me: `${SITE}|T1` });
    expect(items.find((i) => i.studentId === '1')!.url).toBe(`${SITE}/students/1`);
    expect(items.find((i) => i.studentId === '2')!.url).toBeNull(); // imported: no address
  });
});

describe('studentPageUrl', () => {
  it("prefers the page that gave a record field, and never another site's address", () => {
    expect(
      studentPageUrl({
        site: SITE,
        url: `${SITE}/students?list=1`,
        sources: { primaryDisability: `${SITE}/students/9` },
      }),
    ).toBe(`${SITE}/students/9`);
    expect(studentPageUrl({ site: SITE, url: 'https://evil.example/x' })).toBeNull();
    expect(studentPageUrl({ site: SITE, url: 'javascript:alert(1)' })).toBeNull();
    expect(studentPageUrl({ site: SITE, url: 'import:file.csv' })).toBeNull();
  });
});
