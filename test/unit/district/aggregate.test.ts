import { describe, expect, it } from 'vitest';
import {
  buildDistrict,
  districtFinding,
  expiringCredentials,
  isOverCap,
  linkable,
} from '../../../lib/district/aggregate';
import { capFor } from '../../../lib/district/caps';
import { filterStaff, filterStudents, pageOf } from '../../../lib/district/filter';
import { AS_OF, finding, findingRow, SITE, staffRow, studentRow } from './helpers';

const rsp = staffRow({ id: 'T1', name: 'Maria Gonzalez', position: 'Resource Specialist' });
const slp = staffRow({ id: 'T2', name: 'Priya Patel', position: 'Speech-Language Pathologist' });
const psych = staffRow({ id: 'T3', name: 'Omar Haddad', position: 'School Psychologist', caseloadMax: 1 });

/** `n` RSP students of T1, every other one also seen by the speech pathologist (twice, to count once). */
function students(n: number) {
  return Array.from({ length: n }, (_, i) =>
    studentRow({
      id: String(1000 + i),
      school: i % 2 ? 'Oak Ridge Elementary' : 'Sierra Vista Middle School',
      caseManager: { staffId: 'T1' },
      services: [
        { code: '330', providerStaffId: 'T1' },
        ...(i % 2
          ? [
              { code: '415', providerStaffId: 'T2' },
              { code: '415', providerName: 'Priya Patel' },
            ]
          : []),
      ],
    }),
  );
}

describe('caps', () => {
  it('takes the staff record, then the local cap by position, then the statutory cap', () => {
    expect(capFor({ caseloadMax: 12, position: 'Resource Specialist' }, {})).toEqual({
      max: 12,
      source: 'staff record',
    });
    expect(capFor({ position: 'resource  specialist' }, { 'Resource Specialist': 20 })).toEqual({
      max: 20,
      source: 'local cap',
    });
    expect(capFor({ position: 'Resource Specialist' }, {})?.max).toBe(28);
    expect(capFor({ position: 'Speech-Language Pathologist' }, {})?.max).toBe(55);
    expect(capFor({ position: 'School Psychologist' }, {})).toBeNull();
    expect(capFor({ position: null }, {})).toBeNull();
  });
});

describe('buildDistrict', () => {
  const input = {
    students: [
      ...students(30),
      studentRow({ id: '2000', caseManager: { name: 'Omar Haddad' } }),
      studentRow({ id: '2001', caseManager: { name: 'Nobody Known' } }),
    ],
    staff: [rsp, slp, psych],
    findings: [
      findingRow('student', '1000', [finding('student', '1000', 'CM_NOT_AUTHORIZED')]),
      findingRow('staff', 'T1', [finding('staff', 'T1', 'CASELOAD_OVER_CAP')]),
    ],
  };
  const view = buildDistrict(input, { asOf: AS_OF });

  it('counts each case manager and each provider once per student, against their cap', () => {
    const t1 = view.caseManagers.find((l) => l.staffId === 'T1')!;
    expect(t1).toMatchObject({ count: 30, cap: 28, role: 'case-manager' });
    expect(isOverCap(t1)).toBe(true);
    // Case manager by name resolves like the worker's index does.
    expect(view.caseManagers.find((l) => l.staffId === 'T3')).toMatchObject({ count: 1, cap: 1 });
    expect(isOverCap(view.caseManagers.find((l) => l.staffId === 'T3')!)).toBe(false);
    expect(view.providers.find((l) => l.staffId === 'T2')).toMatchObject({ count: 15, cap: 55, role: 'provider' });
    expect(view.providers.find((l) => l.staffId === 'T1')?.count).toBe(30);
    // Over-cap first.
    expect(view.caseManagers[0]!.staffId).toBe('T1');
  });

  it('lists students and staff with their stored findings, and the facets to filter by', () => {
    expect(view.students).toHaveLength(32);
    expect(view.students.find((s) => s.id === '1000')).toMatchObject({
      severity: 'error',
      caseManagerName: 'Maria Gonzalez',
      caseManagerKey: `${SITE}|T1`,
    });
    expect(view.students.find((s) => s.id === '2001')).toMatchObject({
      caseManagerKey: null,
      caseManagerName: 'Nobody Known',
      severity: 'none',
    });
    expect(view.facets.schools).toEqual(['Oak Ridge Elementary', 'Sierra Vista Middle School']);
    expect(view.facets.codes).toEqual([
      { code: 'CASELOAD_OVER_CAP', title: 'CASELOAD_OVER_CAP title' },
      { code: 'CM_NOT_AUTHORIZED', title: 'CM_NOT_AUTHORIZED title' },
    ]);
    expect(view.facets.caseManagers.map((c) => c.name)).toEqual(['Maria Gonzalez', 'Omar Haddad']);
  });

  it('keeps sites apart: the same staff id on another site is another person', () => {
    const other = studentRow({ id: '1000', caseManager: { staffId: 'T1' } }, {}, 'https://other.example.org');
    const v = buildDistrict({ ...input, students: [...input.students, other] }, { asOf: AS_OF });
    expect(v.caseManagers.find((l) => l.staffId === 'T1')?.count).toBe(30);
    expect(v.students.find((s) => s.site !== SITE)?.caseManagerKey).toBeNull();
  });

  it('filters by school, case manager, code and severity', () => {
    expect(filterStudents(view.students, { school: 'Oak Ridge Elementary' })).toHaveLength(15);
    expect(filterStudents(view.students, { caseManager: `${SITE}|T3` }).map((s) => s.id)).toEqual(['2000']);
    expect(filterStudents(view.students, { withFindings: true }).map((s) => s.id)).toEqual(['1000']);
    expect(filterStudents(view.students, { code: 'CM_NOT_AUTHORIZED', severity: 'warning' })).toEqual([]);
    expect(filterStudents(view.students, { code: 'CM_NOT_AUTHORIZED', severity: 'error' })).toHaveLength(1);
    expect(filterStaff(view.staff, { withFindings: true }).map((s) => s.id)).toEqual(['T1']);
    expect(filterStaff(view.staff, { school: 'Oak Ridge Elementary' })).toEqual([]);
  });

  it('pages long lists', () => {
    expect(pageOf(view.students, 0, 10).rows).toHaveLength(10);
    expect(pageOf(view.students, 3, 10)).toMatchObject({ page: 3, pages: 4 });
    expect(pageOf(view.students, 99, 10).page).toBe(3);
    expect(pageOf([], 0, 10)).toEqual({ rows: [], page: 0, pages: 1 });
  });
});

describe('expiringCredentials', () => {
  it('lists expired and soon-expiring documents, soonest first, and nothing later', () => {
    const staff = [
      staffRow({
        id: 'A',
        credentials: [
          { title: 'Clear', expires: '2026-12-31' },
          { title: 'Later', expires: '2030-06-30' },
        ],
      }),
      staffRow({ id: 'B', credentials: [{ authorizations: ['R3MN'], expires: '2026-10-01' }, { title: 'No date' }] }),
      staffRow({
        id: 'C',
        credentials: [
          { title: 'Edge', expires: '2027-01-22' },
          { title: 'Past edge', expires: '2027-01-23' },
        ],
      }),
    ];
    const list = expiringCredentials(staff, AS_OF, 60);
    expect(list.map((e) => [e.staffId, e.title, e.days])).toEqual([
      ['B', 'R3MN', -53],
      ['A', 'Clear', 38],
      ['C', 'Edge', 60],
    ]);
  });
});

describe('the district view in words', () => {
  it('ranks an expired credential at least warning, even for someone with no students known', () => {
    const lone = staffRow({ id: 'T9', name: 'Lone Person', position: 'Resource Specialist' });
    const v = buildDistrict(
      {
        students: [],
        staff: [lone, rsp],
        findings: [
          findingRow('staff', 'T9', [finding('staff', 'T9', 'CREDENTIAL_EXPIRED', 'info')]),
          findingRow('staff', 'T1', [finding('staff', 'T1', 'CREDENTIAL_EXPIRED', 'error')]),
        ],
      },
      { asOf: AS_OF },
    );
    expect(v.staff.find((s) => s.id === 'T9')).toMatchObject({
      severity: 'warning',
      findings: [expect.objectContaining({ code: 'CREDENTIAL_EXPIRED', severity: 'warning' })],
    });
    // An error stays an error; other info findings stay info.
    expect(v.staff.find((s) => s.id === 'T1')?.severity).toBe('error');
    const temp = finding('staff', 'T9', 'CREDENTIAL_TEMPORARY', 'info');
    expect(districtFinding(temp)).toBe(temp);
    expect(filterStaff(v.staff, { severity: 'warning' }).map((s) => s.id)).toEqual(['T9']);
  });

  it('links a record only to an http(s) page Liaison read as that record', () => {
    const seenOwn = studentRow({ id: '5' }, { recordUrl: `${SITE}/students/5` });
    const listOnly = studentRow({ id: '6' }, { url: `${SITE}/students` });
    const v = buildDistrict(
      {
        students: [seenOwn, listOnly],
        staff: [staffRow({ id: 'T1' }, { recordUrl: `${SITE}/staff/T1` })],
        findings: [],
      },
      { asOf: AS_OF },
    );
    expect(v.students.map((s) => s.recordUrl)).toEqual([`${SITE}/students/5`, null]);
    expect(v.staff[0]!.recordUrl).toBe(`${SITE}/staff/T1`);
    expect(linkable('javascript:alert(1)')).toBeNull();
    expect(linkable('import:students.csv')).toBeNull();
    expect(linkable('not a url')).toBeNull();
  });
});

describe('staff attribution', () => {
  it('a name two staff members share is attributed to neither (as the checks refuse it)', () => {
    const view = buildDistrict(
      {
        students: [
          studentRow({
            id: '1',
            caseManager: { name: 'Sam Lee' },
            services: [{ code: '415', providerName: 'Sam Lee' }],
          }),
          studentRow({ id: '2', caseManager: { staffId: 'L2', name: 'Sam Lee' } }),
        ],
        staff: [staffRow({ id: 'L1', name: 'Sam Lee' }), staffRow({ id: 'L2', name: 'Lee, Sam' })],
        findings: [],
      },
      { asOf: AS_OF },
    );
    const line = (id: string) => view.students.find((s) => s.id === id)!;
    expect(line('1').caseManagerKey).toBeNull();
    expect(line('1').caseManagerName).toBe('Sam Lee');
    expect(line('2').caseManagerKey).toBe(`${SITE}|L2`);
    expect(view.caseManagers.filter((l) => l.count > 0).map((l) => [l.key, l.count])).toEqual([[`${SITE}|L2`, 1]]);
    expect(view.providers.filter((l) => l.count > 0)).toEqual([]);
  });
});
