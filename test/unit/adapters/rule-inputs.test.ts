// @vitest-environment happy-dom
/**
 * Every rule input of RULES.md as SIS pages write it, read by the generic reader: each wording and layout the
 * issue "One reader for every district" lists. Values pass through as the page writes them; lib/rules reads
 * program, degree of support and role text (test/unit/rules/input-fields.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '../../../lib/adapters/generic';
import { matchField } from '../../../lib/adapters/generic/match';
import { Snapshot } from '../../../lib/domain';
import { parseHtml } from '../../fixtures/generic/parse-html';

const STUDENT_URL = new URL('https://sis.example/Student.aspx?StudentNumber=17');
const STAFF_URL = new URL('https://sis.example/Teacher.aspx?TeacherID=T5');
const rows = (pairs: [string, string][]) =>
  `<table>${pairs.map(([l, v]) => `<tr><th>${l}</th><td>${v}</td></tr>`).join('')}</table>`;
function student(html: string) {
  const { snapshot } = genericAdapter.read(parseHtml(`<h1>Ana Ruiz - 17</h1>${html}`), STUDENT_URL);
  Snapshot.parse(snapshot);
  return snapshot.students[0];
}
function staff(html: string) {
  const { snapshot } = genericAdapter.read(parseHtml(`<h1>Renata Alvarez - T5</h1>${html}`), STAFF_URL);
  Snapshot.parse(snapshot);
  return snapshot.staff[0];
}

describe('labels by words and common abbreviations', () => {
  it.each([
    ['Case Mgr', 'caseManager'],
    ['CM Role', 'caseManagerRole'],
    ['Case Carrier', 'caseManager'],
    ['Prim. Dis.', 'primaryDisability'],
    ['Elig Cat', 'primaryDisability'],
    ['Eligibility Category', 'primaryDisability'],
    ['Sec Elig', 'secondaryDisability'],
    ['Svcs', 'services'],
    ['Services & Providers', 'services'],
    ['Reeval Due', 'iepNextTriennial'],
    ['3-Year Reeval Due', 'iepNextTriennial'],
    ['Annual IEP Due', 'iepNextAnnual'],
    ['Last IEP', 'iepLastMeeting'],
    ['Support Needs', 'supportLevel'],
    ['Degree of Support', 'supportLevel'],
    ['Alt Placement', 'alternatePlacement'],
    ['OI Severity', 'severe'],
    ['Setting', 'program'],
    ['Auth Codes', 'credentialAuthorizations'],
    ['CTC Authorizations', 'credentialAuthorizations'],
    ['Cred Exp', 'credentialExpires'],
    ['Exp. Date', 'credentialExpires'],
    ['Date of Expiration', 'credentialExpires'],
    ['Document Issued', 'credentialIssued'],
    ['Document Type', 'credentialKind'],
    ['Credential Document', 'credentials'],
    ['Provider', 'serviceProvider'],
  ])('"%s" → %s', (label, field) => expect(matchField(label)).toBe(field));

  it('labels that name no rule input stay unknown', () => {
    for (const label of ['Last Login', 'Category', 'Profile', 'Phone Number Type', 'Section'])
      expect(matchField(label), label).toBeNull();
  });
});

describe('student rule inputs', () => {
  it('degree of support, severe, alternate placement, program and the role as the page writes them', () => {
    const s = student(
      rows([
        ['Primary Disability', 'Orthopedic Impairment (270)'],
        ['OI Severity', 'Severe'],
        ['Alt Placement', 'Yes'],
        ['Degree of Support', 'Extensive (ESN)'],
        ['Setting', 'Special Day Class (SDC)'],
        ['Case Manager', 'Alvarez, Renata'],
        ['CM Role', 'Teacher of Record'],
      ]),
    );
    expect(s).toMatchObject({
      severe: true,
      alternatePlacement: true,
      supportLevel: 'Extensive (ESN)',
      program: 'Special Day Class (SDC)',
      caseManager: { name: 'Alvarez, Renata', roleText: 'Teacher of Record' },
    });
  });
  it('a yes/no the reader does not understand is reported and left unknown; an unchecked box is no', () => {
    const odd = genericAdapter.read(
      parseHtml(
        `<h1>Ana Ruiz - 17</h1>${rows([
          ['Alternate Placement', 'perhaps'],
          ['Case Manager', 'X Y'],
        ])}`,
      ),
      STUDENT_URL,
    ).snapshot;
    expect(odd.students[0]).not.toHaveProperty('alternatePlacement');
    expect(odd.diagnostics).toContainEqual(expect.objectContaining({ field: 'alternatePlacement' }));
    const box = student(
      `<label for="alt">Alternate Placement</label><input id="alt" type="checkbox">${rows([['Case Manager', 'X Y']])}`,
    );
    expect(box!.alternatePlacement).toBe(false);
  });
  it('services one per line ("service – minutes – provider", "ABBR: Last, First", code first, name only, no provider)', () => {
    const s = student(
      rows([
        ['Case Manager', 'X Y'],
        [
          'Services',
          '330 SAI - Renata Alvarez (150 min/wk)<br>415 – 60 min/wk – Tomás Whitlock<br>OT: Okoro, Bernadette<br>Deaf and Hard of Hearing Services - Yvonne Kettering<br>Psychological Services - Dr. Celeste Amari (30 min/mo)<br>330 SAI (150 min/wk)',
        ],
      ]),
    );
    expect(s!.services).toEqual([
      { code: '330', name: 'SAI', providerName: 'Renata Alvarez' },
      { code: '415', name: null, providerName: 'Tomás Whitlock' },
      { code: null, name: 'OT', providerName: 'Okoro, Bernadette' },
      { code: null, name: 'Deaf and Hard of Hearing Services', providerName: 'Yvonne Kettering' },
      { code: null, name: 'Psychological Services', providerName: 'Dr. Celeste Amari' },
      { code: '330', name: 'SAI' },
    ]);
  });
  it('services in a textarea keep their lines; a services table pairs each row with its provider column and link', () => {
    expect(
      student(
        `<label for="sv">Services</label><textarea id="sv">510 Counseling - Jasper Quill\n450 OT - Bernadette Okoro</textarea>${rows([['Case Manager', 'X Y']])}`,
      )!.services,
    ).toEqual([
      { code: '510', name: 'Counseling', providerName: 'Jasper Quill' },
      { code: '450', name: 'OT', providerName: 'Bernadette Okoro' },
    ]);
    const s = student(
      `${rows([['Case Manager', 'X Y']])}<table><thead><tr><th>Service</th><th>Minutes</th><th>Provider</th></tr></thead><tbody><tr><td>415 - Language and Speech</td><td>60</td><td><a href="Teacher.aspx?TeacherID=T9">Whitlock, Tomás</a></td></tr></tbody></table>`,
    );
    expect(s!.services).toEqual([
      {
        code: '415',
        name: 'Language and Speech',
        providerName: 'Whitlock, Tomás',
        providerStaffId: 'T9',
        providerUrl: 'Teacher.aspx?TeacherID=T9',
      },
    ]);
  });
  it('dates only in input values (date pickers) and in US forms', () => {
    const s = student(
      `<label for="a">Annual IEP Due</label><div><input type="text" readonly value="Sep/16/2027"><input type="text" id="date_6" value="2027-09-16" style="display:none"></div>${rows(
        [
          ['Last IEP', '9/17/2026'],
          ['3-Year Reeval Due', 'September 14, 2028'],
          ['Case Manager', 'X Y'],
        ],
      )}`,
    );
    expect(s!.iep).toEqual({ nextAnnual: '2027-09-16', lastMeeting: '2026-09-17', nextTriennial: '2028-09-14' });
  });
});

describe('staff credential documents', () => {
  it('title, codes (one field, comma-separated), kind, issued and expiry under district wordings', () => {
    const t = staff(
      rows([
        ['Credential Document', 'Clear Education Specialist Instruction Credential: Mild to Moderate Support Needs'],
        ['CTC Authorizations', 'R3MN, AAAS'],
        ['Document Type', 'Clear'],
        ['Date Issued', '08/15/2022'],
        ['Exp. Date', '09/01/2028'],
      ]),
    );
    expect(t!.credentials).toEqual([
      {
        title: 'Clear Education Specialist Instruction Credential: Mild to Moderate Support Needs',
        authorizations: ['R3MN', 'AAAS'],
        kind: 'Clear',
        issued: '2022-08-15',
        expires: '2028-09-01',
      },
    ]);
  });
  it('codes one per line; several documents per person in a table, codes in a column', () => {
    expect(
      staff(
        rows([
          ['Credential', 'Speech-Language Pathology Services Credential'],
          ['Authorization Codes', 'LSH<br>R56B'],
        ]),
      )!.credentials,
    ).toEqual([{ title: 'Speech-Language Pathology Services Credential', authorizations: ['LSH', 'R56B'] }]);
    const t =
      staff(`<table><thead><tr><th>Credential</th><th>Auth Codes</th><th>Type</th><th>Issued</th><th>Expires</th></tr></thead><tbody>
      <tr><td>Education Specialist Instruction Credential: Extensive Support Needs</td><td>R3EN</td><td>Preliminary</td><td>07/01/2021</td><td>07/01/2026</td></tr>
      <tr><td>Multiple Subject Teaching Credential</td><td></td><td>Clear</td><td>06/30/2016</td><td>07/01/2031</td></tr></tbody></table>`);
    expect(t!.credentials).toEqual([
      {
        title: 'Education Specialist Instruction Credential: Extensive Support Needs',
        authorizations: ['R3EN'],
        kind: 'Preliminary',
        issued: '2021-07-01',
        expires: '2026-07-01',
      },
      { title: 'Multiple Subject Teaching Credential', kind: 'Clear', issued: '2016-06-30', expires: '2031-07-01' },
    ]);
  });
  it('never read (no credential field) vs read and empty (every credential field blank, or "none on file")', () => {
    expect(staff(rows([['Position', 'School Psychologist']]))).not.toHaveProperty('credentials');
    expect(
      staff(
        `<label for="c">Credential Document</label><input id="c" type="text"><label for="k">Document Type</label><select id="k"><option value="">N/A</option><option>Clear</option></select>${rows([['Position', 'Psych']])}`,
      )!.credentials,
    ).toEqual([]);
    expect(
      staff(
        rows([
          ['Credentials', 'No credentials on file'],
          ['Position', 'RSP'],
        ]),
      )!.credentials,
    ).toEqual([]);
  });
  it('an expiry with no title and no code is kept: a document held and not recognized', () => {
    expect(
      staff(
        rows([
          ['Credential', ''],
          ['Expiration Date', '06/30/2027'],
          ['Position', 'RSP'],
        ]),
      )!.credentials,
    ).toEqual([{ expires: '2027-06-30' }]);
  });
  it('list columns: codes and expiry beside the title, several documents one per line', () => {
    const { snapshot } = genericAdapter.read(
      parseHtml(`<table><thead><tr><th>Name</th><th>Staff ID</th><th>Credentials</th><th>CTC Codes</th><th>Expires</th></tr></thead><tbody>
      <tr><td>Alvarez, Renata</td><td>T5</td><td><ul><li>Education Specialist: Mild to Moderate Support Needs</li><li>Education Specialist: Extensive Support Needs</li></ul></td><td><ul><li>R3MN</li><li>R3EN</li></ul></td><td><ul><li>09/01/2028</li><li>07/01/2031</li></ul></td></tr></tbody></table>`),
      new URL('https://sis.example/staff'),
    );
    expect(snapshot.staff[0]!.credentials).toEqual([
      {
        title: 'Education Specialist: Mild to Moderate Support Needs',
        authorizations: ['R3MN'],
        expires: '2028-09-01',
      },
      { title: 'Education Specialist: Extensive Support Needs', authorizations: ['R3EN'], expires: '2031-07-01' },
    ]);
  });
});

describe('identity on any product', () => {
  it('zero-padded and kind-named URL parameters, a record form over a stale URL, names "Last, First" and with titles', () => {
    const page = parseHtml(
      '<h6 class="panel-title">Selected Student : Gabriel&nbsp;Jovanovic&nbsp;</h6><form action="Modules.php?x=1&amp;student_id=34&amp;modfunc=update"></form>' +
        rows([
          ['Case Carrier', 'Ms. Navarro, Gilbert'],
          ['Primary Disability', 'Autism (320)'],
        ]),
    );
    const { snapshot } = genericAdapter.read(
      page,
      new URL('https://sis.example/Modules.php?category_id=8&student_id=17'),
    );
    expect(snapshot.students[0]).toMatchObject({
      id: '34',
      name: 'Gabriel Jovanovic',
      caseManager: { name: 'Ms. Navarro, Gilbert' },
    });
    expect(snapshot.diagnostics).toContainEqual(expect.objectContaining({ field: 'id' }));
  });
  it("ids from parameters of any kind-naming name, headings of several shapes, and the record's own id field", () => {
    const read = (html: string, url: string) => genericAdapter.read(parseHtml(html), new URL(url)).snapshot;
    const fields = rows([
      ['Primary Disability', 'SLD'],
      ['Case Manager', 'X Y'],
    ]);
    expect(read(fields, 'https://ic.example/campus/student.xsl?personID=5521&x=1').students[0]?.id).toBe('5521');
    expect(read(fields, 'https://sis.example/p.php?stuNum=0091').students[0]?.id).toBe('0091');
    for (const heading of ['Ana Ruiz (ID: 1004)', 'Ana Ruiz #1004', 'Ana Ruiz | Student ID 1004', 'Ana Ruiz (1004)'])
      expect(read(`<h2>${heading}</h2>${fields}`, 'https://sis.example/record').students[0], heading).toMatchObject({
        id: '1004',
        name: 'Ana Ruiz',
      });
    // A grade in parentheses is no id; a tab's category_id is no record's.
    expect(read(`<h2>Ana Ruiz (5)</h2>${fields}`, 'https://sis.example/record?category_id=8').students).toEqual([]);
    expect(
      read(
        `<h2>Ana Ruiz</h2>${rows([
          ['Student ID', '1004'],
          ['Primary Disability', 'SLD'],
          ['Case Manager', 'X Y'],
        ])}`,
        'https://sis.example/record',
      ).students[0],
    ).toMatchObject({ id: '1004' });
  });

  it('a name with markup in it reads as its text', () => {
    const { snapshot } = genericAdapter.read(
      parseHtml(
        '<table><tr><th>Student</th><th>Student ID</th><th>Eligibility</th></tr><tr><td><b>Quispe, Rafael <i>x</i></b></td><td>43</td><td>SLD</td></tr></table>',
      ),
      new URL('https://sis.example/list'),
    );
    expect(snapshot.students[0]).toMatchObject({ id: '43', name: 'Quispe, Rafael x' });
  });
});

describe('XHTML documents (application/xhtml+xml), whose tag names are lower case', () => {
  it('read like HTML: a list table and a record page', () => {
    const xhtml = (body: string) =>
      new DOMParser().parseFromString(
        `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${body}</body></html>`,
        'application/xhtml+xml',
      );
    const list = genericAdapter.read(
      xhtml(
        '<table><thead><tr><th>Student</th><th>Student ID</th><th>Primary Disability</th></tr></thead><tbody><tr><td>Ana Ruiz</td><td>17</td><td>SLD</td></tr></tbody></table>',
      ),
      new URL('https://sis.example/list'),
    ).snapshot;
    expect(list.students).toMatchObject([{ id: '17', name: 'Ana Ruiz', primaryDisability: 'SLD' }]);
    const record = genericAdapter.read(
      xhtml(
        '<h1>Ana Ruiz - 17</h1><table><tr><th>Primary Disability</th><td>SLD</td></tr><tr><th>Services</th><td>330 SAI - Renata Alvarez<br/>415 Speech - Tomás Whitlock</td></tr></table>',
      ),
      new URL('https://sis.example/r'),
    ).snapshot;
    expect(record.students[0]).toMatchObject({
      id: '17',
      primaryDisability: 'SLD',
      services: [
        { code: '330', providerName: 'Renata Alvarez' },
        { code: '415', providerName: 'Tomás Whitlock' },
      ],
    });
  });
});

describe('"none on file" is read and empty; a title that starts with "No" is a title', () => {
  it.each([
    ['No credentials on file', []],
    ['None recorded', []],
    ['None', []],
  ])('%s', (text, docs) => {
    const { snapshot } = genericAdapter.read(
      parseHtml(
        `<h1>Renata Alvarez - T5</h1><table><tr><th>Credentials</th><td>${text}</td></tr><tr><th>Position</th><td>RSP</td></tr></table>`,
      ),
      new URL('https://sis.example/Teacher.aspx?TeacherID=T5'),
    );
    expect(snapshot.staff[0]!.credentials).toEqual(docs);
  });
  it('a title', () => {
    const { snapshot } = genericAdapter.read(
      parseHtml(
        '<h1>Renata Alvarez - T5</h1><table><tr><th>Credentials</th><td>Non-Public School Certificate</td></tr></table>',
      ),
      new URL('https://sis.example/Teacher.aspx?TeacherID=T5'),
    );
    expect(snapshot.staff[0]!.credentials).toEqual([{ title: 'Non-Public School Certificate' }]);
  });
});
