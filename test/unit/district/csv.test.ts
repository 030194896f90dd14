import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildDistrict } from '../../../lib/district/aggregate';
import { expiringCsv, loadsCsv, staffCsv, studentsCsv } from '../../../lib/district/csv';
import { AS_OF, finding, findingRow, staffRow, studentRow } from './helpers';

describe('district CSV', () => {
  it('exports students, staff, caseloads and expiring credentials with a header each', () => {
    const view = buildDistrict(
      {
        students: [studentRow({ id: '1', name: 'Ana, Lee', school: 'Oak', caseManager: { staffId: 'T1' } })],
        staff: [
          staffRow({
            id: 'T1',
            name: 'Maria',
            position: 'Resource Specialist',
            credentials: [{ title: 'Clear', expires: '2026-12-01' }],
          }),
        ],
        findings: [
          findingRow('student', '1', [finding('student', '1', 'A_CODE'), finding('student', '1', 'A_CODE', 'warning')]),
        ],
      },
      { asOf: AS_OF },
    );
    const students = Papa.parse<string[]>(studentsCsv(view.students)).data;
    expect(students[0]![1]).toBe('Student ID');
    expect(students[1]).toEqual([
      expect.any(String),
      '1',
      'Ana, Lee',
      'Oak',
      '',
      'Maria',
      'error',
      'A_CODE',
      'A_CODE title; A_CODE title',
    ]);
    expect(Papa.parse<string[]>(staffCsv(view.staff)).data[1]!.slice(1, 5)).toEqual([
      'T1',
      'Maria',
      'Resource Specialist',
      'none',
    ]);
    expect(Papa.parse<string[]>(loadsCsv(view.caseManagers)).data[1]!.slice(4)).toEqual([
      'case-manager',
      '1',
      '28',
      expect.stringContaining('56362'),
      'no',
    ]);
    expect(Papa.parse<string[]>(expiringCsv(view.expiring)).data[1]!.slice(3)).toEqual(['Clear', '2026-12-01', '8']);
  });

  it('writes days left as a number, also when negative (an expired credential)', () => {
    const view = buildDistrict(
      {
        students: [],
        staff: [staffRow({ id: 'T2', name: 'Lee', credentials: [{ title: 'Clear', expires: '2026-10-01' }] })],
        findings: [],
      },
      { asOf: AS_OF },
    );
    const days = Papa.parse<string[]>(expiringCsv(view.expiring)).data[1]![5];
    expect(days).toMatch(/^-\d+$/);
  });
});
