import { describe, expect, it } from 'vitest';
import { CanonicalInput, Student } from '../../../lib/domain/records';
import { parseStaffCsv, readInputs } from '../../../lib/import';
import { doc, pupil, runWith, teacher } from './helpers';

// RULES.md input, "Program, degree of support, role: what SIS pages write", as the checks see it.
const mn = (id: string, name: string) => teacher(id, name, doc(['R3MN']));
const ms = (id: string, name: string) =>
  teacher(id, name, doc(null, { title: 'Multiple Subject Teaching Credential' }));
const slp = teacher('SLP', 'Priya Patel', doc(['LSH']));

describe('unrecognized program, degree of support or role: DATA_UNRECOGNIZED, counted as absent', () => {
  it.each([
    ['program', { program: 'Resource (SDC)' }, 'Resource (SDC)'],
    ['degree of support', { supportLevel: 'Mild/Mod' }, 'Mild/Mod'],
    ['case manager role', { caseManager: { staffId: 'T1', roleText: 'Case Manager' } }, 'Case Manager'],
  ])('%s: a warning on the student quoting the text', (field, more, raw) => {
    const r = runWith([mn('T1', 'Ada Stone')], [pupil('S1', 'T1', '290', more as Partial<Student>)]);
    expect(r.student()).toEqual(['DATA_UNRECOGNIZED:warning']);
    const f = r.one('student', 'S1', 'DATA_UNRECOGNIZED');
    expect(f!.title).toBe(`Unrecognized ${field}`);
    expect(f!.detail).toContain(`"${raw}"`);
  });
  it.each(['N/A', 'None', '-', ''])('%j is absent, never unrecognized', (text) => {
    const r = runWith(
      [mn('T1', 'Ada Stone')],
      [
        pupil('S1', 'T1', '290', {
          program: text,
          caseManager: { staffId: 'T1', role: 'instruction', roleText: text },
        }),
      ],
    );
    expect(r.student()).toEqual([]);
  });
  it('an unrecognized program counts toward no RSP caseload', () => {
    const rsp = (program: string) => Array.from({ length: 29 }, (_, i) => pupil(`S${i}`, 'T1', '290', { program }));
    expect(runWith([mn('T1', 'Ada Stone')], rsp('Resource (RSP)')).staff('T1')).toEqual(['CASELOAD_OVER_CAP:error']);
    expect(runWith([mn('T1', 'Ada Stone')], rsp('RSP/SDC')).staff('T1')).toEqual([]);
  });
  it('an unrecognized program is neither RSP nor SDC (check 5); DIS is neither too; a recognized one counts', () => {
    const speech = (program: string) => [
      pupil('S1', 'T1', '240', {
        program,
        caseManager: { staffId: 'T1', role: 'coordination' },
        services: [{ code: '415', providerStaffId: 'SLP' }],
      }),
    ];
    const staff = [mn('T1', 'Ada Stone'), slp];
    expect(runWith(staff, speech('Speech only')).student()).toEqual([
      'CM_BEST_PRACTICE:warning',
      'DATA_UNRECOGNIZED:warning',
    ]);
    expect(runWith(staff, speech('Speech/Language Only (DIS)')).student()).toEqual(['CM_BEST_PRACTICE:warning']);
    expect(runWith(staff, speech('Special Day Class (SDC)')).student()).toEqual([]);
    const rsp = [
      pupil('S1', 'T1', '290', {
        program: 'Resource Specialist Program (RSP)',
        services: [{ code: '330', providerStaffId: 'T2' }],
      }),
    ];
    expect(runWith([mn('T1', 'Ada Stone'), mn('T2', 'Bo Lund')], rsp).student()).toEqual(['CM_BEST_PRACTICE:warning']);
  });
  it('a degree of support as code and name decides coverage; SDC qualifiers never set it', () => {
    expect(
      runWith(
        [mn('T1', 'Ada Stone')],
        [pupil('S1', 'T1', '290', { supportLevel: 'Mild to Moderate (MMSN)' })],
      ).student(),
    ).toEqual([]);
    expect(
      runWith([mn('T1', 'Ada Stone')], [pupil('S1', 'T1', '290', { supportLevel: 'Moderate/Severe' })]).student(),
    ).toEqual(['CM_NOT_AUTHORIZED:error']);
    expect(
      runWith(
        [mn('T1', 'Ada Stone')],
        [pupil('S1', 'T1', '290', { supportLevel: null, program: 'SDC-MMSN' })],
      ).student(),
    ).toEqual(['CM_AUTH_NEEDS_REVIEW:warning']);
  });
  it('DATA_UNRECOGNIZED replaces a CM_AUTH_NEEDS_REVIEW that rests only on the unreadable degree of support', () => {
    expect(runWith([mn('T1', 'Ada Stone')], [pupil('S1', 'T1', '290', { supportLevel: null })]).student()).toEqual([
      'CM_AUTH_NEEDS_REVIEW:warning',
    ]);
    expect(
      runWith([mn('T1', 'Ada Stone')], [pupil('S1', 'T1', '290', { supportLevel: 'Mild/Mod' })]).student(),
    ).toEqual(['DATA_UNRECOGNIZED:warning']);
    // Here the review also rests on the role, which is not recorded: it stays.
    const both = pupil('S1', 'T1', '290', {
      supportLevel: 'Mild/Mod',
      caseManager: { staffId: 'T1', role: null },
      services: [],
    });
    expect(runWith([mn('T1', 'Ada Stone')], [both]).student()).toEqual([
      'CM_AUTH_NEEDS_REVIEW:warning',
      'DATA_UNRECOGNIZED:warning',
    ]);
  });
  it('DATA_UNRECOGNIZED replaces a CM_AUTH_NEEDS_REVIEW that rests only on the unreadable role', () => {
    const role = (caseManager: Student['caseManager'], more: Partial<Student> = {}) => [
      pupil('S1', 'T1', '290', { caseManager, services: [], ...more }),
    ];
    expect(runWith([ms('T1', 'Omar Reyes')], role({ staffId: 'T1' })).student()).toEqual([
      'CM_AUTH_NEEDS_REVIEW:warning',
    ]);
    expect(runWith([ms('T1', 'Omar Reyes')], role({ staffId: 'T1', roleText: 'Case Manager' })).student()).toEqual([
      'DATA_UNRECOGNIZED:warning',
    ]);
    // The review rests on the degree of support too: it stays.
    expect(
      runWith(
        [mn('T1', 'Ada Stone')],
        role({ staffId: 'T1', roleText: 'Case Manager' }, { supportLevel: null }),
      ).student(),
    ).toEqual(['CM_AUTH_NEEDS_REVIEW:warning', 'DATA_UNRECOGNIZED:warning']);
    // Role null, so check 2 infers it from the 330 the case manager provides.
    expect(
      runWith(
        [ms('T1', 'Omar Reyes')],
        role({ staffId: 'T1', roleText: 'Case Manager' }, { services: [{ code: '330', providerStaffId: 'T1' }] }),
      ).student(),
    ).toEqual(['CM_NOT_AUTHORIZED:error', 'DATA_UNRECOGNIZED:warning']);
  });
  it.each([
    ['Teacher of Record', ['CM_NOT_AUTHORIZED:error']],
    ['instructional', ['CM_NOT_AUTHORIZED:error']],
    ['Coordinator Only', []],
    ['Related Service Provider', []],
    ['N/A', ['CM_AUTH_NEEDS_REVIEW:warning']],
  ])('the role text %j is read when role is absent', (roleText, codes) => {
    expect(
      runWith(
        [ms('T1', 'Omar Reyes')],
        [pupil('S1', 'T1', '290', { caseManager: { staffId: 'T1', roleText }, services: [] })],
      ).student(),
    ).toEqual(codes);
  });
  it('a role already given as the enum wins over the text', () => {
    expect(
      runWith(
        [ms('T1', 'Omar Reyes')],
        [
          pupil('S1', 'T1', '290', {
            caseManager: { staffId: 'T1', role: 'coordination', roleText: 'Teacher of Record' },
            services: [],
          }),
        ],
      ).student(),
    ).toEqual([]);
  });
});

describe('schemas and imports', () => {
  it('caseManager.roleText is raw text up to 200 characters', () => {
    expect(
      Student.parse({ id: '1', name: 'A', caseManager: { name: 'B', roleText: ' Teacher of Record ' } }).caseManager
        ?.roleText,
    ).toBe('Teacher of Record');
    expect(
      Student.safeParse({ id: '1', name: 'A', caseManager: { name: 'B', roleText: 'x'.repeat(201) } }).success,
    ).toBe(false);
    expect(
      Student.safeParse({ id: '1', name: 'A', caseManager: { name: 'B', role: 'Teacher of Record' } }).success,
    ).toBe(false);
  });
  it('canonical input takes an optional top-level staffKnowledge', () => {
    expect(CanonicalInput.parse({}).staffKnowledge).toBeUndefined();
    expect(CanonicalInput.parse({ staffKnowledge: 'partial' }).staffKnowledge).toBe('partial');
    expect(CanonicalInput.safeParse({ staffKnowledge: 'some' }).success).toBe(false);
  });
  it('a staff file may say staffKnowledge; a staff CSV with no credential column leaves credentials never read', () => {
    const main = { text: JSON.stringify({ students: [] }), file: 'main.json' };
    const staff = {
      text: JSON.stringify({ staffKnowledge: 'partial', staff: [{ id: 'T1', name: 'A' }] }),
      file: 'staff.json',
    };
    expect(readInputs(main, staff).staffKnowledge).toBe('partial');
    expect(
      parseStaffCsv('Staff ID,Name,Position\nT1,Ada Stone,Teacher\n', 'staff.csv')[0]!.credentials,
    ).toBeUndefined();
    expect(parseStaffCsv('Staff ID,Name,Credential\nT1,Ada Stone,\n', 'staff.csv')[0]!.credentials).toEqual([]);
  });
});
