import { CaseManagerRole, type Service, Student } from '../domain/records';
import type { Progress } from './errors';
import { type ColumnAliases, readImportTable, type TableRow } from './table';
import { readBoolean, readCodeName, readDate, readList } from './values';
import { checkRecord } from './validate';

/** Header spellings understood in a student export (README.md lists them). */
export const STUDENT_COLUMNS = {
  id: [
    'studentid',
    'id',
    'ssid',
    'studentnumber',
    'studentno',
    'stuid',
    'localid',
    'permid',
    'seisid',
    'studentidnumber',
  ],
  name: ['studentname', 'name', 'student', 'fullname'],
  firstName: [
    'firstname',
    'first',
    'givenname',
    'studentfirstname',
    'studentfirst',
    'stufirstname',
    'studentgivenname',
    'legalfirstname',
    'studentlegalfirstname',
  ],
  lastName: [
    'lastname',
    'last',
    'surname',
    'familyname',
    'studentlastname',
    'studentlast',
    'stulastname',
    'studentsurname',
    'studentfamilyname',
    'legallastname',
    'studentlegallastname',
  ],
  grade: ['grade', 'gradelevel', 'gr', 'grd'],
  birthDate: ['birthdate', 'dob', 'dateofbirth', 'birthday'],
  school: ['school', 'schoolname', 'site'],
  primaryDisability: [
    'primarydisability',
    'disability1',
    'primdis',
    'primarydis',
    'disability',
    'primarydisabilitycode',
    'disability1code',
    'primaryeligibility',
    'eligibility',
  ],
  secondaryDisability: [
    'secondarydisability',
    'disability2',
    'secdis',
    'secondarydis',
    'disability2code',
    'secondaryeligibility',
  ],
  severe: ['severe', 'severeoi', 'severeorthopedicimpairment'],
  supportLevel: ['degreeofsupport', 'supportlevel', 'disabilitydegreeofsupport', 'supportneeds'],
  program: ['program', 'programtype', 'spedprogram', 'specialeducationprogram'],
  alternatePlacement: ['alternateplacement', 'altplacement'],
  caseManager: ['casemanager', 'casemanagername', 'cm', 'cmname'],
  caseManagerId: ['casemanagerid', 'cmid', 'casemanagerstaffid'],
  caseManagerRole: ['casemanagerrole', 'cmrole', 'role'],
  services: ['services', 'service', 'servicelist'],
  providers: ['providers', 'provider', 'serviceproviders', 'serviceprovider', 'providernames'],
  providerIds: ['providerids', 'providerid', 'serviceproviderids', 'providerstaffids'],
  lastMeeting: ['lastiep', 'lastmeeting', 'lastiepdate', 'iepdate', 'lastiepmeeting', 'meetingdate'],
  nextAnnual: [
    'nextannual',
    'annualreview',
    'nextiep',
    'annualdue',
    'nextannualreview',
    'annualiepdue',
    'nextannualiep',
  ],
  nextTriennial: ['nexttriennial', 'triennial', 'tridue', 'triennialdue', 'nexttri', 'nextreeval', 'reevaluationdue'],
  entryDate: ['entrydate', 'districtentrydate', 'enrollmentdate', 'enrolldate', 'dateenrolled', 'schoolentrydate'],
  transferredWithIep: [
    'transferredwithiep',
    'transferwithiep',
    'transferiep',
    'transferredinwithiep',
    'interdistricttransferiep',
  ],
  plan504Review: [
    '504reviewdate',
    'next504review',
    'plan504review',
    '504review',
    '504planreview',
    'next504reviewdate',
    '504reviewdue',
  ],
  accommodations: ['accommodations', 'accommodation'],
  modifications: ['modifications', 'modification'],
  supports: ['supports', 'supplementaryaidsandservices', 'supplementaryaids'],
  testingAccommodations: ['testingaccommodations', 'testaccommodations', 'assessmentaccommodations'],
} as const satisfies ColumnAliases<string>;

type Field = keyof typeof STUDENT_COLUMNS;

const ROLES: Record<string, CaseManagerRole> = {
  instruction: 'instruction',
  instructor: 'instruction',
  teacher: 'instruction',
  teacherofrecord: 'instruction',
  service: 'service',
  provider: 'service',
  serviceprovider: 'service',
  coordination: 'coordination',
  coordinator: 'coordination',
  coordinatoronly: 'coordination',
};

function readRole(cell: string): CaseManagerRole | null {
  const key = cell.toLowerCase().replace(/[^a-z]/g, '');
  if (!key || key === 'unknown') return null;
  const role = ROLES[key];
  if (!role) throw new Error('not a case manager role (expected instruction, service or coordination)');
  return role;
}

function readServices(r: TableRow<Field>): Service[] {
  const items = readList(r.get('services'));
  const names = readList(r.get('providers'));
  const ids = readList(r.get('providerIds'));
  const aligned = (list: string[], field: Field) => {
    if (list.length > 1 && list.length !== items.length)
      r.fail(
        field,
        `${list.length} providers listed for ${items.length} services (list one per service, in the same order, or one for all)`,
      );
    return (i: number) => (list.length === 1 ? list[0] : list[i]);
  };
  const nameAt = aligned(names, 'providers');
  const idAt = aligned(ids, 'providerIds');
  return items.map((item, i) => {
    const s: Service = readCodeName(item);
    if (idAt(i)) s.providerStaffId = idAt(i);
    if (nameAt(i)) s.providerName = nameAt(i);
    return s;
  });
}

function readStudent(r: TableRow<Field>): Student {
  const id = r.get('id');
  if (!id) r.fail('id', 'the student id is empty');
  const name = r.get('name') || [r.get('firstName'), r.get('lastName')].filter(Boolean).join(' ');
  const opt = (f: Field) => r.get(f) || null;
  const cmName = opt('caseManager');
  const cmId = opt('caseManagerId');
  const role = r.read('caseManagerRole', readRole);
  const student: Student = {
    id,
    name,
    grade: opt('grade'),
    birthDate: r.read('birthDate', readDate) ?? null,
    school: opt('school'),
    primaryDisability: opt('primaryDisability'),
    secondaryDisability: opt('secondaryDisability'),
    severe: r.read('severe', readBoolean) ?? null,
    supportLevel: opt('supportLevel'),
    program: opt('program'),
    alternatePlacement: r.read('alternatePlacement', readBoolean) ?? null,
    caseManager: cmName || cmId ? { staffId: cmId, name: cmName, role } : null,
    services: readServices(r),
    iep: {
      lastMeeting: r.read('lastMeeting', readDate) ?? null,
      nextAnnual: r.read('nextAnnual', readDate) ?? null,
      nextTriennial: r.read('nextTriennial', readDate) ?? null,
    },
  };
  // Columns added with the transfer, 504 and teacher's-card fields: set only when the export has them.
  const entryDate = r.read('entryDate', readDate);
  if (entryDate) student.entryDate = entryDate;
  const transferred = r.read('transferredWithIep', readBoolean);
  if (transferred !== undefined) student.transferredWithIep = transferred;
  const plan504Review = r.read('plan504Review', readDate);
  if (plan504Review) student.plan504Review = plan504Review;
  for (const f of ['accommodations', 'modifications', 'supports', 'testingAccommodations'] as const) {
    const items = readList(r.get(f));
    if (items.length) student[f] = items;
  }
  return student;
}

/** Parses a student CSV export (header row; see README.md for the columns understood). Throws ImportError. */
export function parseStudentsCsv(text: string, file: string, onProgress?: Progress): Student[] {
  const students: Student[] = [];
  readImportTable(
    text,
    file,
    STUDENT_COLUMNS,
    (r) => students.push(checkRecord(Student, readStudent(r), file, { row: r.row, line: r.line })),
    {
      onProgress,
      required: { id: 'no student id column (expected a header such as "Student ID", "SSID" or "Student Number")' },
    },
  );
  return students;
}
