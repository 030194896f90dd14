import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  ImportError,
  parseCanonicalJson,
  parseStaffCsv,
  parseStudentsCsv,
  readInputs,
} from '../../../lib/import';
import { readCodeName, readDate, readList } from '../../../lib/import';

function failure(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('cell readers', () => {
  it.each([
    ['2026-02-03', '2026-02-03'],
    ['2/3/2026', '2026-02-03'],
    ['02/03/2026', '2026-02-03'],
    ['2026-02-03T00:00:00', '2026-02-03'],
    ['', undefined],
  ])('date %s → %s', (cell, iso) => expect(readDate(cell)).toBe(iso));
  it.each(['2026-02-30', '13/1/2026', 'soon', '2026/02/03x'])('rejects %s', (cell) =>
    expect(() => readDate(cell)).toThrow(/not a date/),
  );
  it('lists split on ; first, else on ,', () => {
    expect(readList('330 - SAI; 415 - Language, Speech')).toEqual(['330 - SAI', '415 - Language, Speech']);
    expect(readList('330, 415')).toEqual(['330', '415']);
    expect(readList('  ')).toEqual([]);
  });
  it('items read as "code - name", code or name', () => {
    expect(readCodeName('415 - Language and Speech')).toEqual({ code: '415', name: 'Language and Speech' });
    expect(readCodeName('330')).toEqual({ code: '330' });
    expect(readCodeName('Physical Therapy')).toEqual({ name: 'Physical Therapy' });
  });
});

describe('parseStudentsCsv', () => {
  const csv = [
    'SSID,First Name,Last Name,Grade,DOB,Prim. Dis.,Disability 2,Degree of Support,Program,Alt Placement,Case Manager,Case Manager ID,CM Role,Services,Providers,Provider IDs,Next Annual,Triennial',
    '1001,Ann,Able,4,2/3/2016,SLD (290),None,MMSN,RSP,no,"Gonzalez, Maria",T101,instruction,"330 - Specialized Academic Instruction; 415 - Language and Speech","Maria Gonzalez; Priya Patel","T101;T100",9/11/2027,2028-09-11',
    '1002,Bo,Baker,K,,240,,,GENED,,Priya Patel,,,415,Priya Patel,,,',
  ].join('\n');
  it('reads common header spellings into canonical students', () => {
    const [a, b] = parseStudentsCsv(csv, 'students.csv');
    expect(a).toMatchObject({
      id: '1001',
      name: 'Ann Able',
      grade: '4',
      birthDate: '2016-02-03',
      primaryDisability: 'SLD (290)',
      secondaryDisability: 'None',
      supportLevel: 'MMSN',
      program: 'RSP',
      alternatePlacement: false,
      caseManager: { staffId: 'T101', name: 'Gonzalez, Maria', role: 'instruction' },
      services: [
        {
          code: '330',
          name: 'Specialized Academic Instruction',
          providerName: 'Maria Gonzalez',
          providerStaffId: 'T101',
        },
        { code: '415', name: 'Language and Speech', providerName: 'Priya Patel', providerStaffId: 'T100' },
      ],
      iep: { nextAnnual: '2027-09-11', nextTriennial: '2028-09-11' },
    });
    expect(b).toMatchObject({
      id: '1002',
      caseManager: { name: 'Priya Patel', role: null },
      services: [{ code: '415', providerName: 'Priya Patel' }],
    });
  });
  it.each([['Student ID'], ['student_id'], ['SSID'], ['Student Number']])('accepts "%s" as the id column', (header) => {
    expect(parseStudentsCsv(`${header},Primary Disability\n42,AUT\n`, 'x.csv')[0]).toMatchObject({
      id: '42',
      primaryDisability: 'AUT',
    });
  });
  it('names file, row, line and column of a bad value, never the value or the student', () => {
    const e = failure(() =>
      parseStudentsCsv('Student ID,Name,DOB\n1,Ann Able,2016-01-01\n2,Bo Baker,2016-13-01\n', 'kids.csv'),
    );
    expect(e.message).toBe('kids.csv, row 2 (line 3), field "DOB": not a date (expected YYYY-MM-DD or M/D/YYYY)');
    expect(e.message).not.toMatch(/Bo Baker|2016-13-01/);
  });
  it('rejects unknown roles, bad booleans and misaligned provider lists', () => {
    expect(failure(() => parseStudentsCsv('ID,Role\n1,boss\n', 'a.csv')).message).toMatch(
      /row 1 .*"Role".*case manager role/,
    );
    expect(failure(() => parseStudentsCsv('ID,Alternate Placement\n1,maybe\n', 'a.csv')).message).toMatch(
      /"Alternate Placement"/,
    );
    expect(failure(() => parseStudentsCsv('ID,Services,Providers\n1,330;415;450,A;B\n', 'a.csv')).message).toMatch(
      /"Providers": 2 providers listed for 3 services/,
    );
  });
  it('requires an id column and an id in every row', () => {
    expect(failure(() => parseStudentsCsv('Name,Grade\nAnn,4\n', 'a.csv')).message).toMatch(
      /a\.csv, line 1: no student id column/,
    );
    expect(failure(() => parseStudentsCsv('ID,Grade\n,4\n', 'a.csv')).message).toMatch(
      /row 1 \(line 2\), field "ID": the student id is empty/,
    );
    expect(failure(() => parseStudentsCsv('', 'a.csv')).message).toMatch(/empty/);
  });
  it('an unterminated quote is malformed CSV at its row', () => {
    expect(failure(() => parseStudentsCsv('ID,Name\n1,Ann\n2,"Bo\n', 'q.csv')).message).toBe(
      'q.csv, row 2 (line 3): malformed CSV (Quoted field unterminated)',
    );
  });
  it('counts lines past quoted line breaks and blank lines', () => {
    const e = failure(() => parseStudentsCsv('ID,Name,DOB\n1,"Ann\nAble",2016-01-01\n\n2,Bo,bad\n', 'a.csv'));
    expect(e.message).toMatch(/row 2 \(line 5\)/);
  });
  it('strips a byte-order mark and reports progress every 10,000 rows', () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `${i},290`).join('\n');
    const seen: number[] = [];
    const out = parseStudentsCsv(`\uFEFFStudent ID,Disability 1\n${rows}`, 'big.csv', (n) => seen.push(n));
    expect(out).toHaveLength(20_001);
    expect(seen).toEqual([10_000, 20_000]);
  });
});

describe('parseStaffCsv', () => {
  it('one row per document: rows with the same staff id are one person', () => {
    const staff = parseStaffCsv(
      [
        'Employee ID,Name,Position,Credential,Authorization Codes,Type,Issue Date,Expiration Date',
        'T1,Maria Gonzalez,Resource Specialist,Education Specialist Instruction Credential: Mild to Moderate Support Needs,R3MN,clear,7/1/2023,6/30/2028',
        'T1,Maria Gonzalez,Resource Specialist,Autism Spectrum Disorders Added Authorization,"AAAS",clear,,',
        'T2,Priya Patel,SLP,,LSH license:SLP,,,2028-06-30',
        'T3,Nina Shah,Resource Specialist,,,,,',
      ].join('\n'),
      'staff.csv',
    );
    expect(staff).toHaveLength(3);
    expect(staff[0]!.credentials).toEqual([
      {
        title: 'Education Specialist Instruction Credential: Mild to Moderate Support Needs',
        authorizations: ['R3MN'],
        kind: 'clear',
        issued: '2023-07-01',
        expires: '2028-06-30',
      },
      {
        title: 'Autism Spectrum Disorders Added Authorization',
        authorizations: ['AAAS'],
        kind: 'clear',
        issued: null,
        expires: null,
      },
    ]);
    expect(staff[1]!.credentials![0]!.authorizations).toEqual(['LSH', 'license:SLP']);
    expect(staff[2]!.credentials).toEqual([]);
  });
  it('a list of titles in one cell is several documents', () => {
    const [s] = parseStaffCsv(
      'Staff ID,Name,Credentials\nT1,Ann,Multiple Subject Teaching Credential; Clear Speech-Language Pathology Services Credential\n',
      's.csv',
    );
    expect(s!.credentials!.map((c) => c.title)).toEqual([
      'Multiple Subject Teaching Credential',
      'Clear Speech-Language Pathology Services Credential',
    ]);
  });
  it('errors name the row and column', () => {
    expect(failure(() => parseStaffCsv('Staff ID,Credential,Expires\nT1,LSH,31.31.2020\n', 's.csv')).message).toBe(
      's.csv, row 1 (line 2), field "Expires": not a date (expected YYYY-MM-DD or M/D/YYYY)',
    );
    expect(failure(() => parseStaffCsv('Name\nAnn\n', 's.csv')).message).toMatch(/no staff id column/);
  });
});

describe('parseCanonicalJson', () => {
  it('parses the DESIGN.md shape', () => {
    const out = parseCanonicalJson(
      '{"asOf":"2026-11-22","staff":[{"id":"T1","name":"A"}],"students":[{"id":"1","name":"B"}]}',
      'in.json',
    );
    expect(out).toMatchObject({ asOf: '2026-11-22', staff: [{ id: 'T1' }], students: [{ id: '1' }] });
    expect(parseCanonicalJson('{}', 'in.json')).toEqual({ staff: [], students: [] });
  });
  it('syntax errors give the line and column, not the text', () => {
    const e = failure(() =>
      parseCanonicalJson('{\n "students": [\n  {"id": "1", "name": "Secret Name",}\n ]\n}', 'in.json'),
    );
    expect(e.message).toMatch(/^in\.json, line 3: not valid JSON \(syntax error at column \d+\)$/);
    expect(failure(() => parseCanonicalJson('{"students": [', 'in.json')).message).toMatch(/^in\.json: not valid JSON/);
  });
  it('schema errors name the record, row and field', () => {
    const e = failure(() =>
      parseCanonicalJson(
        '{"students":[{"id":"1","name":"A"},{"id":"2","name":"Hidden","birthDate":"3/4/2015"}]}',
        'in.json',
      ),
    );
    expect(e.message).toBe('in.json, students[1], row 2, field "birthDate": expected a date as YYYY-MM-DD');
    expect(failure(() => parseCanonicalJson('{"asOf":"soon"}', 'in.json')).message).toMatch(/field "asOf"/);
    expect(
      failure(() => parseCanonicalJson('{"staff":[{"id":"T1","name":"A","credentials":[{"expires":5}]}]}', 'in.json'))
        .message,
    ).toMatch(/staff\[0\], row 1, field "credentials\[0\]\.expires"/);
  });
});

describe('readInputs', () => {
  it('detects JSON or CSV and merges a staff file', () => {
    expect(detectFormat('{}', 'x')).toBe('json');
    expect(detectFormat('ID\n1', 'x.csv')).toBe('csv');
    const input = readInputs(
      { text: 'ID,Case Manager\n1,Ann Lee\n', file: 's.csv' },
      { text: 'Staff ID,Name\nT1,Ann Lee\n', file: 't.csv' },
    );
    expect(input.students).toHaveLength(1);
    expect(input.staff.map((s) => s.id)).toEqual(['T1']);
  });
});
