import { storedStudent, studentFindingsKey } from '../../../lib/db/student-rows';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import Papa from 'papaparse';
import { detectKind, importErrorsCsv, parseImport, splitRecords, writeImport } from '../../../lib/district/import';
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
  it("splits on newlines outside quotes and keeps each record's first line", () => {
    const { header, records } = splitRecords('\uFEFFid,note\n1,"two\nlines"\n\n2,x\n');
    expect(header).toBe('id,note');
    expect(records).toEqual([
      { text: '1,"two\nlines"', line: 2 },
      { text: '2,x', line: 5 },
    ]);
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
    const r = await parseImport(STUDENTS, 'students.csv', {
      chunkRows: 2,
      onProgress: (p) => progress.push(p.done),
      pause: async () => {},
    });
    expect(r.kind).toBe('students');
    expect(r.students.map((s) => s.id)).toEqual(['1', '2', '4']);
    expect(r.students[1]!.iep?.nextAnnual).toBe('2026-12-01');
    expect(r.students[2]!.name).toBe('Dee "D" Roe');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/^students\.csv, row 3 \(line 5\), field "Next Annual": /);
    expect(r.errors[0]!.message).not.toContain('next spring');
    expect(progress).toEqual([2, 4]);
    expect(r.fatal).toBe(false);
  });

  it('reports a file without an id column as one fatal error', async () => {
    const r = await parseImport('Name,School\nAna,Oak\n', 'x.csv', { kind: 'students' });
    expect(r.fatal).toBe(true);
    expect(r.errors[0]!.message).toMatch(/no student id column/);
  });

  it('merges a staff member whose rows fall in two chunks', async () => {
    const r = await parseImport(STAFF, 'staff.csv', { chunkRows: 1, pause: async () => {} });
    expect(r.staff.map((s) => [s.id, s.credentials?.length])).toEqual([
      ['T1', 2],
      ['T2', 1],
    ]);
  });

  it('reads canonical JSON, and reports bad JSON', async () => {
    const ok = await parseImport(
      JSON.stringify({ staff: [{ id: 'T1', name: 'M' }], students: [{ id: '1', name: 'A' }] }),
      'd.json',
    );
    expect([ok.students.length, ok.staff.length, ok.errors.length]).toEqual([1, 1, 0]);
    const bad = await parseImport('{"students": [', 'd.json');
    expect(bad.fatal).toBe(true);
  });

  it('stops collecting at maxErrors', async () => {
    const text = ['Student ID,Next Annual', ...Array.from({ length: 20 }, (_, i) => `${i},bad`)].join('\n');
    const r = await parseImport(text, 'x.csv', { maxErrors: 5, pause: async () => {} });
    expect(r.errors.map((e) => e.where.row)).toEqual([1, 2, 3, 4, 5]);
    // Still counted, and the file says there were more.
    expect(r.skipped).toBe(20);
    const csv = Papa.parse<string[]>(importErrorsCsv(r)).data;
    expect(csv).toHaveLength(1 + 5 + 1);
    expect(csv[6]![3]).toBe('15 more rows could not be read (not listed)');
  });

  it('keeps reading good rows after maxErrors bad ones', async () => {
    const text = ['Student ID,Next Annual', ...Array.from({ length: 6 }, (_, i) => `${i},bad`), '99,2027-01-01'].join(
      '\n',
    );
    const r = await parseImport(text, 'x.csv', { maxErrors: 2, pause: async () => {} });
    expect(r.students.map((s) => s.id)).toEqual(['99']);
    expect([r.errors.length, r.skipped]).toEqual([2, 6]);
  });

  it('a staff file with an empty id and a bad date keeps every good row, and writes an error file of row, field and reason', async () => {
    const text = [
      'Staff ID,Name,Credential,Authorizations,Expires',
      'T1,Maria Gonzalez,Education Specialist Instruction Credential,R3MN,2029-06-30',
      ',Nobody,Some Credential,R3MN,2029-06-30',
      'T2,Priya Patel,Speech-Language Pathology Services Credential,LSH,June 2028',
      'T3,Ana Torres,Education Specialist Instruction Credential,R3ES,2030-06-30',
    ].join('\n');
    const r = await parseImport(text, 'staff.csv', { chunkRows: 2, pause: async () => {} });
    expect(r.fatal).toBe(false);
    expect(r.staff.map((s) => s.id)).toEqual(['T1', 'T3']);
    expect(r.skipped).toBe(2);
    const csv = Papa.parse<string[]>(importErrorsCsv(r).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(csv[0]).toEqual(['Row', 'Line', 'Field', 'Reason']);
    expect(csv.slice(1).map((l) => l.slice(0, 3))).toEqual([
      ['2', '3', 'Staff ID'],
      ['3', '4', 'Expires'],
    ]);
    expect(csv[1]![3]).toBe('the staff id is empty');
    expect(csv[2]![3]).toMatch(/^not a date/);
    // No cell value of the file reaches the error file.
    expect(importErrorsCsv(r)).not.toMatch(/June 2028|Nobody/);
  });

  it('leaves out the whole staff member when one of their rows is bad (half the credentials would mislead)', async () => {
    const text = [
      'Staff ID,Name,Credential,Authorizations,Expires',
      'T1,Maria Gonzalez,Education Specialist Instruction Credential,R3MN,2029-06-30',
      'T1,Maria Gonzalez,Cross-cultural,AAAS,someday',
      'T2,Priya Patel,Speech-Language Pathology Services Credential,LSH,2028-06-30',
    ].join('\n');
    const r = await parseImport(text, 'staff.csv', { pause: async () => {} });
    expect(r.staff.map((s) => s.id)).toEqual(['T2']);
    expect(r.skipped).toBe(1);
    expect(r.warnings).toEqual([expect.stringMatching(/^1 staff member is left out whole/)]);
  });

  it('reads first and last name columns into the name and says which column fed each field', async () => {
    const text = [
      'SSID,Student Last Name,Student First Name,Grade,Next IEP,Homeroom',
      '1,Lee,Ana,3,2027-01-10,12',
    ].join('\n');
    const r = await parseImport(text, 's.csv', { pause: async () => {} });
    expect(r.students[0]).toMatchObject({ id: '1', name: 'Ana Lee', grade: '3', iep: { nextAnnual: '2027-01-10' } });
    expect(r.columns?.used).toEqual([
      { field: 'id', label: 'Student ID', columns: ['SSID'] },
      { field: 'name', label: 'Name', columns: ['Student First Name', 'Student Last Name'] },
      { field: 'grade', label: 'Grade', columns: ['Grade'] },
      { field: 'nextAnnual', label: 'Next annual', columns: ['Next IEP'] },
    ]);
    expect(r.columns?.ignored).toEqual(['Homeroom']);
    expect(r.columns?.warnings).toEqual([]);
  });

  it('warns when no column gives the names', async () => {
    const r = await parseImport('Student ID,Grade\n1,3\n', 's.csv', { pause: async () => {} });
    expect(r.columns?.warnings).toEqual([expect.stringMatching(/^No name column/)]);
    const half = await parseImport('Student ID,Last Name\n1,Lee\n', 's.csv', { pause: async () => {} });
    expect(half.columns?.warnings).toEqual([expect.stringMatching(/^Only a last name column/)]);
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
    await writeImport(
      db,
      { students: [], staff: staff.staff },
      { site: SITE, file: 'staff.csv', asOf: AS_OF, now: NOW },
    );
    const res = await writeImport(
      db,
      { students: students.students, staff: [] },
      { site: SITE, file: 'students.csv', asOf: AS_OF, now: NOW },
    );
    expect(res).toMatchObject({ students: 3, staff: 0 });
    const row = await storedStudent(db, SITE, { id: '2' });
    expect(row).toMatchObject({ url: 'import:students.csv', seenAt: NOW });
    expect(await db.staff.get([SITE, 'T1'])).toMatchObject({ url: 'import:staff.csv' });
    // Every student and staff member of the site has a findings row; the annual due in 8 days is one.
    expect(await db.findings.count()).toBe(5);
    const f = await db.findings.get(studentFindingsKey(row!));
    expect(f?.findings.map((x) => x.code)).toContain('IEP_ANNUAL_DUE_SOON');
  });

  it('writes nothing when the transaction fails', async () => {
    const bad = { id: '9', name: 'X', services: [{ providerStaffId: 'T1' }] };
    await expect(
      writeImport(
        db,
        { students: [bad, { id: undefined as unknown as string, name: 'no id' }], staff: [] },
        { site: SITE, file: 'x.csv', asOf: AS_OF, now: NOW },
      ),
    ).rejects.toThrow();
    expect(await db.students.count()).toBe(0);
  });
});
