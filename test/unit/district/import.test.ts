import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { detectKind, parseImport, splitRecords, writeImport } from '../../../lib/district/import';
import { AS_OF, NOW, SITE } from './helpers';

const STUDENTS = [
  'Student ID,Student Name,School,Case Manager ID,Services,Provider IDs,Next Annual,Next Triennial',
  '1,Ana Lee,Oak,T1,330 - Specialized Academic Instruction,T1,2027-01-10,2028-01-10',
  '2,"Lee, Ben",Oak,T1,"330; 415",T1;T2,12/01/2026,',
  '',
  '3,Cy Wu,Oak,T1,330,T1,next spring,',
  '4,"Dee ""D"" Roe",Oak,T1,330,T1,2027-03-01,',
].join('\r\n');

const STAFF = [
  'Staff ID,Name,Position,Credential,Authorizations,Expires',
  'T1,Maria Gonzalez,Resource Specialist,Education Specialist Instruction Credential: Mild to Moderate Support Needs,R3MN,2029-06-30',
  'T2,Priya Patel,Speech-Language Pathologist,Clear Speech-Language Pathology Services Credential,LSH,2028-06-30',
  'T1,Maria Gonzalez,Resource Specialist,Cross-cultural,AAAS,',
].join('\n');

describe('splitRecords', () => {
  it('splits on newlines outside quotes and keeps each record\'s first line', () => {
    const { header, records } = splitRecords('\uFEFFid,note\n1,"two\nlines"\n\n2,x\n');
    expect(header).toBe('id,note');
    expect(records).toEqual([{ text: '1,"two\nlines"', line: 2 }, { text: '2,x', line: 5 }]);
  });
});

describe('parseImport', () => {
  it('tells student, staff and JSON files apart', () => {
    expect(detectKind(STUDENTS, 'a.csv')).toBe('students');
    expect(detectKind(STAFF, 'a.csv')).toBe('staff');
    expect(detectKind('{"students":[]}', 'a.txt')).toBe('json');
  });

  it('reads every good row and names each bad one by row, line and field, across chunks', async () => {
    const progress: number[] = [];
    const r = await parseImport(STUDENTS, 'students.csv', { chunkRows: 2, onProgress: (p) => progress.push(p.done), pause: async () => {} });
    expect(r.kind).toBe('students');
    expect(r.students.map((s) => s.id)).toEqual(['1', '2', '4']);
    expect(r.students[1].iep?.nextAnnual).toBe('2026-12-01');
    expect(r.students[2].name).toBe('Dee "D" Roe');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toMatch(/^students\.csv, row 3 \(line 5\), field "Next Annual": /);
    expect(r.errors[0].message).not.toContain('next spring');
    expect(progress).toEqual([2, 4]);
    expect(r.fatal).toBe(false);
  });

  it('reports a file without an id column as one fatal error', async () => {
    const r = await parseImport('Name,School\nAna,Oak\n', 'x.csv', { kind: 'students' });
    expect(r.fatal).toBe(true);
    expect(r.errors[0].message).toMatch(/no student id column/);
  });

  it('merges a staff member whose rows fall in two chunks', async () => {
    const r = await parseImport(STAFF, 'staff.csv', { chunkRows: 1, pause: async () => {} });
    expect(r.staff.map((s) => [s.id, s.credentials?.length])).toEqual([['T1', 2], ['T2', 1]]);
  });

  it('reads canonical JSON, and reports bad JSON', async () => {
    const ok = await parseImport(JSON.stringify({ staff: [{ id: 'T1', name: 'M' }], students: [{ id: '1', name: 'A' }] }), 'd.json');
    expect([ok.students.length, ok.staff.length, ok.errors.length]).toEqual([1, 1, 0]);
    const bad = await parseImport('{"students": [', 'd.json');
    expect(bad.fatal).toBe(true);
  });

  it('stops collecting at maxErrors', async () => {
    const text = ['Student ID,Next Annual', ...Array.from({ length: 20 }, (_, i) => `${i},bad`)].join('\n');
    const r = await parseImport(text, 'x.csv', { maxErrors: 5, pause: async () => {} });
    expect(r.errors.map((e) => e.where.row)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('writeImport', () => {
  let db: LiaisonDb;
  let n = 0;
  beforeEach(() => {
    db = new LiaisonDb(`import-${n++}`);
  });
  afterEach(() => db.delete());

  it('writes records under the chosen site marked as imported, and checks them with their staff', async () => {
    const students = await parseImport(STUDENTS, 'students.csv');
    const staff = await parseImport(STAFF, 'staff.csv');
    await writeImport(db, { students: [], staff: staff.staff }, { site: SITE, file: 'staff.csv', asOf: AS_OF, now: NOW });
    const res = await writeImport(db, { students: students.students, staff: [] }, { site: SITE, file: 'students.csv', asOf: AS_OF, now: NOW });
    expect(res).toMatchObject({ students: 3, staff: 0 });
    const row = await db.students.get([SITE, '2']);
    expect(row).toMatchObject({ url: 'import:students.csv', seenAt: NOW });
    expect(await db.staff.get([SITE, 'T1'])).toMatchObject({ url: 'import:staff.csv' });
    // Every student and staff member of the site has a findings row; the annual due in 8 days is one.
    expect(await db.findings.count()).toBe(5);
    const f = await db.findings.get([SITE, 'student', '2']);
    expect(f?.findings.map((x) => x.code)).toContain('IEP_ANNUAL_DUE_SOON');
  });

  it('writes nothing when the transaction fails', async () => {
    const bad = { id: '9', name: 'X', services: [{ providerStaffId: 'T1' }] };
    await expect(
      writeImport(db, { students: [bad, { id: undefined as unknown as string, name: 'no id' }], staff: [] }, { site: SITE, file: 'x.csv', asOf: AS_OF, now: NOW }),
    ).rejects.toThrow();
    expect(await db.students.count()).toBe(0);
  });
});
