import { describe, expect, it } from 'vitest';
import {
  mergeStaff,
  mergeStaffFrom,
  mergeStudent,
  mergeStudentFrom,
  staffRefKeys,
  studentStaffRefs,
} from '../../../lib/db/merge';

describe('mergeStudent', () => {
  const full = {
    id: '7',
    name: 'Ana Ruiz',
    primaryDisability: '290',
    caseManager: { staffId: 'T1', name: 'Maria Gonzalez', role: 'instruction' as const },
    services: [{ code: '330', providerStaffId: 'T1' }],
    iep: { nextAnnual: '2027-01-10', nextTriennial: '2028-01-10' },
  };

  it('keeps what a list page did not show', () => {
    const merged = mergeStudent(full, { id: '7', name: 'Ana Ruiz', grade: '4' });
    expect(merged).toMatchObject({ grade: '4', primaryDisability: '290', services: full.services });
    expect(merged.caseManager).toEqual(full.caseManager);
  });

  it('keeps the case manager id and role when a page shows only the same name', () => {
    const merged = mergeStudent(full, { id: '7', name: 'Ana Ruiz', caseManager: { name: 'Gonzalez, Maria' } });
    expect(merged.caseManager).toEqual({ staffId: 'T1', name: 'Gonzalez, Maria', role: 'instruction' });
  });

  it('replaces the case manager when the page names someone else', () => {
    const merged = mergeStudent(full, { id: '7', name: 'Ana Ruiz', caseManager: { name: 'Ben Carter' } });
    expect(merged.caseManager).toEqual({ name: 'Ben Carter' });
  });

  it('merges IEP dates field by field and lets shown values win', () => {
    const merged = mergeStudent(full, { id: '7', name: 'Ana Ruiz', iep: { nextAnnual: '2027-02-01' } });
    expect(merged.iep).toEqual({ nextAnnual: '2027-02-01', nextTriennial: '2028-01-10' });
  });
});

describe('staff reference keys', () => {
  it('link a student to staff by id and by name in either order', () => {
    const staffKeys = staffRefKeys('https://sis.example', { id: 'T1', name: 'Ms. Maria Gonzalez' });
    const studentKeys = studentStaffRefs('https://sis.example', {
      id: '7',
      name: 'x',
      caseManager: { name: 'Gonzalez, Maria' },
    });
    expect(studentKeys.some((k) => staffKeys.includes(k))).toBe(true);
  });

  it('are scoped by site', () => {
    const a = staffRefKeys('https://a.example', { id: 'T1', name: 'Maria' });
    const b = studentStaffRefs('https://b.example', { id: '7', name: 'x', caseManager: { staffId: 'T1' } });
    expect(b.some((k) => a.includes(k))).toBe(false);
  });
});

describe('mergeStaff', () => {
  it('matches documents whose titles differ only in punctuation (a report that drops commas)', () => {
    const page = {
      id: 'T6',
      name: 'T W',
      credentials: [
        {
          title: 'Speech-Language Pathology Services Credential: Language, Speech and Hearing',
          authorizations: ['LSH'],
          issued: '2019-09-01',
          expires: '2029-10-01',
        },
      ],
    };
    const report = {
      id: 'T6',
      name: 'T W',
      credentials: [
        {
          title: 'Speech-Language Pathology Services Credential: Language Speech and Hearing',
          authorizations: ['LSH'],
          kind: 'Clear',
        },
      ],
    };
    expect(mergeStaff(page, report).credentials).toEqual([
      { ...page.credentials[0], title: report.credentials[0]!.title, kind: 'Clear' },
    ]);
  });

  it('keeps authorizations and issue dates a list page does not show, by credential title', () => {
    const fromStaffPage = {
      id: 'T1',
      name: 'Maria Gonzalez',
      credentials: [
        {
          title: 'Education Specialist: Mild/Moderate',
          authorizations: ['R3MM'],
          kind: 'clear',
          issued: '2012-07-01',
          expires: '2027-06-30',
        },
      ],
    };
    const fromList = {
      id: 'T1',
      name: 'Maria Gonzalez',
      credentials: [{ title: 'Education Specialist:  Mild/Moderate', expires: '2028-06-30' }],
    };
    expect(mergeStaff(fromStaffPage, fromList).credentials).toEqual([
      {
        title: 'Education Specialist:  Mild/Moderate',
        authorizations: ['R3MM'],
        kind: 'clear',
        issued: '2012-07-01',
        expires: '2028-06-30',
      },
    ]);
  });
  it('takes the page’s list of documents: a document no longer shown is gone', () => {
    const old = { id: 'T1', name: 'x', credentials: [{ title: 'A' }, { title: 'B' }] };
    expect(mergeStaff(old, { id: 'T1', name: 'x', credentials: [{ title: 'B' }] }).credentials).toEqual([
      { title: 'B' },
    ]);
  });
});

describe('a thinner page cannot erase or rename (issue 12)', () => {
  const FULL = 'https://sis.example/students/1001';
  const LIST = 'https://sis.example/students';
  const record = {
    id: '1001',
    name: 'Ana Ruiz',
    grade: '4',
    primaryDisability: '290',
    caseManager: { staffId: 'T1', name: 'Maria Gonzalez' },
    iep: { nextAnnual: '2027-01-10' },
  };
  const stored = mergeStudentFrom(undefined, record, { url: FULL });

  it('records which page gave each field', () => {
    expect(stored.sources).toMatchObject({ name: FULL, primaryDisability: FULL, 'iep.nextAnnual': FULL });
  });

  it('a page that only names the id with another name does not rename the student', () => {
    const after = mergeStudentFrom(stored.record, { id: '1001', name: 'x' }, { url: LIST, sources: stored.sources });
    expect(after.record.name).toBe('Ana Ruiz');
    const other = mergeStudentFrom(
      stored.record,
      { id: '1001', name: 'Someone Else' },
      { url: LIST, sources: stored.sources },
    );
    expect(other.record.name).toBe('Ana Ruiz');
  });

  it('another page showing fields blank does not erase them', () => {
    const thin = {
      id: '1001',
      name: 'Ana Ruiz',
      primaryDisability: null,
      grade: '',
      caseManager: null,
      iep: { nextAnnual: null },
    };
    const after = mergeStudentFrom(stored.record, thin, { url: LIST, sources: stored.sources });
    expect(after.record).toMatchObject({
      primaryDisability: '290',
      grade: '4',
      caseManager: record.caseManager,
      iep: record.iep,
    });
  });

  it('rows stored before sources existed count as their row url’s', () => {
    const after = mergeStudentFrom(
      stored.record,
      { id: '1001', name: 'x', primaryDisability: null },
      { url: LIST, rowUrl: FULL },
    );
    expect(after.record).toMatchObject({ name: 'Ana Ruiz', primaryDisability: '290' });
  });

  it('the page that stored a value may show it blank now, and rename', () => {
    const after = mergeStudentFrom(
      stored.record,
      { id: '1001', name: 'Ana Ruiz-Lopez', primaryDisability: null },
      { url: FULL, sources: stored.sources },
    );
    expect(after.record).toMatchObject({ name: 'Ana Ruiz-Lopez', primaryDisability: null, grade: '4' });
  });

  it('a page that shows every stored field may rename; a placeholder never does', () => {
    const whole = { ...record, name: 'Ana Ruiz Lopez' };
    expect(mergeStudentFrom(stored.record, whole, { url: LIST, sources: stored.sources }).record.name).toBe(
      'Ana Ruiz Lopez',
    );
    expect(
      mergeStudentFrom(stored.record, { ...record, name: '1001' }, { url: FULL, sources: stored.sources }).record.name,
    ).toBe('Ana Ruiz');
  });

  it('a thin page still adds what it shows', () => {
    const after = mergeStudentFrom(
      stored.record,
      { id: '1001', name: 'x', program: 'RSP' },
      { url: LIST, sources: stored.sources },
    );
    expect(after.record).toMatchObject({ name: 'Ana Ruiz', program: 'RSP', primaryDisability: '290' });
    expect(after.sources.program).toBe(LIST);
  });

  it('staff: a thin page neither renames nor erases credentials read elsewhere', () => {
    const staff = {
      id: 'T1',
      name: 'Maria Gonzalez',
      position: 'Teacher',
      credentials: [{ title: 'Education Specialist', authorizations: ['R3MM'] }],
    };
    const s = mergeStaffFrom(undefined, staff, { url: 'https://sis.example/staff/T1' });
    const after = mergeStaffFrom(
      s.record,
      { id: 'T1', name: 'x', position: '', credentials: [] },
      { url: LIST, sources: s.sources },
    );
    expect(after.record).toEqual(staff);
  });
});
