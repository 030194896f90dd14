/**
 * The demo district's data in the canonical record shape (DESIGN.md) plus page-only extras (frequency, school).
 * Students 1001–1026 and staff T100–T114 carry exactly the facts of ../shared/domain/cases.json, so its expected
 * findings hold for them once all their staff pages have been read; 1027+ are ordinary students.
 * All names are fictional.
 */
import type { Service, Staff, Student } from '../lib/domain';

export type DemoService = Service & { frequency?: string };
export type DemoStudent = Omit<Student, 'services'> & { services: DemoService[] };
export type DemoStaff = Staff & { site?: string };

export interface District {
  name: string;
  /** The date the demo is set on; due dates below are chosen relative to it. */
  today: string;
  staff: DemoStaff[];
  students: DemoStudent[];
}

const ELEMENTARY = 'Oak Ridge Elementary';
const MIDDLE = 'Sierra Vista Middle School';
const HIGH = 'Sierra Vista High School';

function schoolFor(grade: string): string {
  const n = Number(grade);
  if (Number.isNaN(n) || n <= 5) return ELEMENTARY; // PK, TK, K
  return n <= 8 ? MIDDLE : HIGH;
}

const FREQUENCY: Record<string, string> = {
  '330': '60 min x 4/week',
  '415': '30 min x 2/week',
  '450': '30 min x 1/week',
  '510': '30 min x 1/week',
};

/** A service by code or (when the SIS only has free text) by name. */
function svc(codeOrName: string, provider: { staffId?: string; name?: string }, frequency?: string): DemoService {
  const byCode = /^\d{3}$/.test(codeOrName);
  return {
    ...(byCode ? { code: codeOrName } : { name: codeOrName }),
    ...(provider.staffId ? { providerStaffId: provider.staffId } : { providerName: provider.name }),
    frequency: frequency ?? FREQUENCY[codeOrName] ?? '30 min x 1/week',
  };
}
const by = (staffId: string) => ({ staffId });

/** IEP dates: the annual review is due a year less a day after the last meeting. */
function iep(lastMeeting: string, nextTriennial: string) {
  const d = new Date(`${lastMeeting}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return { lastMeeting, nextAnnual: d.toISOString().slice(0, 10), nextTriennial };
}

type Row = Omit<DemoStudent, 'school' | 'severe' | 'secondaryDisability' | 'alternatePlacement'> &
  Partial<Pick<DemoStudent, 'severe' | 'secondaryDisability' | 'alternatePlacement'>>;

function student(r: Row): DemoStudent {
  return {
    secondaryDisability: null,
    alternatePlacement: false,
    ...r,
    school: schoolFor(r.grade ?? ''),
  };
}

function cred(title: string, authorizations: string[] | undefined, kind: string, expires: string, issued?: string) {
  return { title, ...(authorizations ? { authorizations } : {}), kind, ...(issued ? { issued } : {}), expires };
}
const MMSN_TITLE = 'Education Specialist Instruction Credential: Mild to Moderate Support Needs';
const MM_TITLE = 'Education Specialist Instruction Credential: Mild/Moderate';

// Issue dates are left off the cases' documents on purpose: an issue date changes some outcomes (R3MM and autism).
const staff: DemoStaff[] = [
  {
    id: 'T100',
    name: 'Priya Patel',
    position: 'Speech-Language Pathologist',
    site: 'District Office',
    credentials: [cred('Speech-Language Pathology Services Credential', ['LSH'], 'clear', '2028-06-30')],
  },
  {
    id: 'T101',
    name: 'Maria Gonzalez',
    position: 'Resource Specialist',
    site: ELEMENTARY,
    credentials: [cred(MMSN_TITLE, ['R3MN'], 'clear', '2029-06-30')],
  },
  {
    id: 'T102',
    name: 'David Kim',
    position: 'School Psychologist',
    site: 'District Office',
    credentials: [cred('Pupil Personnel Services Credential: School Psychology', ['R513'], 'clear', '2030-06-30')],
  },
  {
    id: 'T103',
    name: 'Ana Torres',
    position: 'SDC Teacher',
    site: ELEMENTARY,
    credentials: [
      cred('Education Specialist Instruction Credential: Extensive Support Needs', ['R3EN'], 'clear', '2028-06-30'),
    ],
  },
  {
    id: 'T104',
    name: 'James Lee',
    position: 'Resource Specialist',
    site: HIGH,
    credentials: [cred(MM_TITLE, ['R3MM'], 'clear', '2027-08-31')],
  },
  {
    id: 'T105',
    name: 'Grace Wu',
    position: 'DHH Itinerant Teacher',
    site: 'District Office',
    credentials: [
      cred('Education Specialist Instruction Credential: Deaf and Hard of Hearing', ['R3HD'], 'clear', '2029-06-30'),
    ],
  },
  {
    id: 'T106',
    name: 'Omar Haddad',
    position: 'Physical Therapist',
    site: 'District Office',
    credentials: [cred('Physical Therapist License', ['license:PT'], 'license', '2027-12-31')],
  },
  {
    id: 'T107',
    name: 'Lucy Brown',
    position: 'Resource Specialist',
    site: HIGH,
    credentials: [cred(MMSN_TITLE, ['R3MN'], 'clear', '2026-10-31')],
  },
  {
    id: 'T108',
    name: 'Ben Carter',
    position: 'Resource Specialist',
    site: ELEMENTARY,
    credentials: [cred(MMSN_TITLE, ['R3MN'], 'clear', '2026-12-15')],
  },
  {
    id: 'T109',
    name: 'Rosa Diaz',
    position: 'Program Specialist',
    site: 'District Office',
    credentials: [cred(MM_TITLE, ['R3MM'], 'clear', '2029-06-30')],
  },
  { id: 'T111', name: 'Nina Shah', position: 'Resource Specialist', site: MIDDLE, credentials: [] },
  {
    id: 'T112',
    name: 'Leo Martin',
    position: 'Resource Specialist',
    site: MIDDLE,
    credentials: [cred(MMSN_TITLE, undefined, 'clear', '2030-06-30')],
  },
  {
    id: 'T113',
    name: 'Hannah Cole',
    position: 'Resource Specialist',
    site: MIDDLE,
    credentials: [
      cred(
        'Education Specialist Instruction Credential: Mild/Moderate with Autism Spectrum Disorders',
        ['R3MM'],
        'clear',
        '2029-06-30',
      ),
    ],
  },
  {
    id: 'T114',
    name: 'Omar Reyes',
    position: 'SDC Teacher',
    site: ELEMENTARY,
    credentials: [cred('Multiple Subject Teaching Credential', undefined, 'clear', '2029-06-30')],
  },
];
for (const s of staff) {
  const [first, last] = s.name.toLowerCase().split(' ');
  s.email = `${first?.charAt(0)}${last}@svusd.example.org`;
  s.phone = `(555) 014-${s.id.slice(1).padStart(4, '0')}`;
}

const students: DemoStudent[] = [
  // ---- the cases of cases.json (same ids, same facts) ----
  student({
    id: '1001',
    name: 'Jordan Rivera',
    grade: '4',
    birthDate: '2016-10-14',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T101', role: 'instruction' },
    services: [svc('330', by('T101'))],
    iep: iep('2026-03-12', '2028-03-11'),
  }),
  student({
    id: '1002',
    name: 'Aiden Nguyen',
    grade: '4',
    birthDate: '2017-02-03',
    primaryDisability: '320',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T104', role: 'instruction' },
    services: [svc('330', by('T104'))],
    iep: iep('2025-11-18', '2027-11-17'),
  }),
  student({
    id: '1003',
    name: 'Sofia Martinez',
    grade: '1',
    birthDate: '2019-05-02',
    primaryDisability: '240',
    supportLevel: null,
    program: 'GENED',
    caseManager: { staffId: 'T100', role: null },
    services: [svc('415', by('T100'))],
    iep: iep('2026-09-12', '2028-09-11'),
  }),
  student({
    id: '1004',
    name: 'Liam Chen',
    grade: '2',
    birthDate: '2018-07-21',
    primaryDisability: '240',
    supportLevel: null,
    program: 'GENED',
    caseManager: { staffId: 'T101', role: null },
    services: [svc('415', by('T100'))],
    iep: iep('2026-01-22', '2027-01-21'),
  }),
  student({
    id: '1005',
    name: 'Mia Johnson',
    grade: '4',
    birthDate: '2016-12-09',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T100', role: null },
    services: [svc('330', by('T101')), svc('415', by('T100'))],
    iep: iep('2026-04-30', '2029-04-29'),
  }),
  student({
    id: '1006',
    name: 'Noah Williams',
    grade: '4',
    birthDate: '2017-01-28',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T101', role: 'instruction' },
    services: [svc('330', by('T101')), svc('415', by('T100'))],
    iep: iep('2025-12-04', '2026-12-03'),
  }),
  student({
    id: '1007',
    name: 'Ava Garcia',
    grade: '4',
    birthDate: '2016-09-30',
    primaryDisability: '320',
    supportLevel: 'ESN',
    program: 'SDC',
    caseManager: { staffId: 'T103', role: 'instruction' },
    services: [svc('330', by('T103'), '300 min x 5/week'), svc('Physical Therapy', by('T106'))],
    iep: iep('2026-02-17', '2027-02-16'),
  }),
  student({
    id: '1008',
    name: 'Ethan Brown',
    grade: '4',
    birthDate: '2017-03-15',
    primaryDisability: '320',
    supportLevel: 'ESN',
    program: 'SDC',
    caseManager: { staffId: 'T106', role: null },
    services: [svc('330', by('T103'), '300 min x 5/week'), svc('Physical Therapy', by('T106'))],
    iep: iep('2025-11-05', '2027-11-04'),
  }),
  student({
    id: '1009',
    name: 'Isabella Davis',
    grade: '4',
    birthDate: '2016-11-11',
    primaryDisability: '320',
    supportLevel: 'MMSN',
    program: 'SDC',
    caseManager: { staffId: 'T103', role: 'instruction' },
    services: [svc('330', by('T103'), '300 min x 5/week')],
    iep: iep('2026-05-06', '2028-05-05'),
  }),
  student({
    id: '1010',
    name: 'Lucas Miller',
    grade: '4',
    birthDate: '2017-06-19',
    primaryDisability: '230',
    supportLevel: null,
    program: 'SDC',
    caseManager: { staffId: 'T101', role: 'instruction' },
    services: [
      svc('330', by('T101')),
      svc('Specialized Deaf and Hard of Hearing Services', by('T105'), '45 min x 2/week'),
    ],
    iep: iep('2026-08-27', '2027-08-26'),
  }),
  student({
    id: '1011',
    name: 'Emma Wilson',
    grade: '4',
    birthDate: '2016-10-02',
    primaryDisability: '230',
    secondaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'SDC',
    alternatePlacement: true,
    caseManager: { staffId: 'T101', role: 'instruction' },
    services: [
      svc('330', by('T101')),
      svc('Specialized Deaf and Hard of Hearing Services', by('T105'), '45 min x 2/week'),
    ],
    iep: iep('2026-01-08', '2028-01-07'),
  }),
  student({
    id: '1012',
    name: 'Oliver Moore',
    grade: '4',
    birthDate: '2017-04-25',
    primaryDisability: '230',
    secondaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'SDC',
    alternatePlacement: true,
    caseManager: { staffId: 'T101', role: 'instruction' },
    services: [svc('330', by('T101'))],
    iep: iep('2026-10-15', '2027-10-14'),
  }),
  student({
    id: '1013',
    name: 'Charlotte Taylor',
    grade: '4',
    birthDate: '2016-12-30',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T107', role: 'instruction' },
    services: [svc('330', by('T107'))],
    iep: iep('2026-02-02', '2029-02-01'),
  }),
  student({
    id: '1014',
    name: 'Elijah Anderson',
    grade: '4',
    birthDate: '2017-05-13',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T108', role: 'instruction' },
    services: [svc('330', by('T108'))],
    iep: iep('2026-06-01', '2027-06-01'),
  }),
  student({
    id: '1015',
    name: 'Amelia Thomas',
    grade: '4',
    birthDate: '2017-07-07',
    primaryDisability: '280',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: null,
    services: [svc('330', by('T101'))],
    iep: iep('2025-11-01', '2027-10-31'),
  }),
  student({
    id: '1016',
    name: 'James Jackson',
    grade: '4',
    birthDate: '2016-09-18',
    primaryDisability: '260',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { name: 'Harold Finch', role: null },
    services: [svc('330', by('T101'))],
    iep: iep('2026-03-26', '2027-03-25'),
  }),
  student({
    id: '1017',
    name: 'Harper White',
    grade: '4',
    birthDate: '2017-01-04',
    primaryDisability: '290',
    supportLevel: null,
    program: 'RSP',
    caseManager: { staffId: 'T101', role: 'instruction' },
    services: [svc('330', by('T101'))],
    iep: iep('2025-12-10', '2027-12-09'),
  }),
  student({
    id: '1018',
    name: 'Benjamin Harris',
    grade: '4',
    birthDate: '2016-11-27',
    primaryDisability: '320',
    supportLevel: 'MMSN',
    program: 'SDC',
    caseManager: { staffId: 'T109', role: 'coordination' },
    services: [svc('330', by('T101'))],
    iep: iep('2026-09-29', '2027-09-28'),
  }),
  student({
    id: '1019',
    name: 'Evelyn Martin',
    grade: '4',
    birthDate: '2017-08-08',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T111', role: 'instruction' },
    services: [svc('330', by('T111'))],
    iep: iep('2026-04-14', '2027-04-13'),
  }),
  student({
    id: '1020',
    name: 'Henry Thompson',
    grade: '4',
    birthDate: '2016-10-21',
    primaryDisability: '290 - Specific Learning Disability (SLD)',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T112', role: 'instruction' },
    services: [svc('Specialized Academic Instruction', by('T112'), '60 min x 4/week')],
    iep: iep('2026-01-30', '2028-01-29'),
  }),
  student({
    id: '1021',
    name: 'Abigail Lewis',
    grade: '4',
    birthDate: '2017-02-22',
    primaryDisability: 'Dyslexia',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T101', role: 'instruction' },
    services: [svc('330', by('T101'))],
    iep: iep('2025-11-20', '2027-11-19'),
  }),
  student({
    id: '1022',
    name: 'Sebastian Walker',
    grade: '4',
    birthDate: '2016-12-12',
    primaryDisability: 'Autism',
    supportLevel: 'ESN',
    program: 'SDC',
    caseManager: { name: 'Ms. Ana  Torres', role: 'instruction' },
    services: [svc('330', by('T103'), '300 min x 5/week')],
    iep: iep('2026-05-19', '2028-05-18'),
  }),
  student({
    id: '1023',
    name: 'Victoria Hall',
    grade: '4',
    birthDate: '2017-03-03',
    primaryDisability: '320',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T113', role: 'instruction' },
    services: [svc('330', by('T113'))],
    iep: iep('2026-10-01', '2029-09-30'),
  }),
  student({
    id: '1024',
    name: 'Daniel Young',
    grade: 'K',
    birthDate: '2021-04-16',
    primaryDisability: '240',
    supportLevel: null,
    program: 'GENED',
    caseManager: { staffId: 'T100', role: 'service' },
    services: [svc('415', by('T100'))],
    iep: iep('2026-04-17', '2029-04-16'),
  }),
  student({
    id: '1025',
    name: 'Grace Kim',
    grade: '3',
    birthDate: '2018-01-09',
    primaryDisability: 'Speech/Language Impairment (240)',
    secondaryDisability: 'None',
    supportLevel: null,
    program: 'GENED',
    caseManager: { name: 'Patel, Priya', role: null },
    services: [svc('Language and Speech', by('T100'), '30 min x 2/week')],
    iep: iep('2025-12-15', '2027-12-14'),
  }),
  student({
    id: '1026',
    name: 'Owen Reed',
    grade: '4',
    birthDate: '2017-06-02',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'SDC',
    caseManager: { staffId: 'T114', role: 'instruction' },
    services: [svc('330', by('T114'), '300 min x 5/week')],
    iep: iep('2026-07-28', '2027-07-27'),
  }),

  // ---- ordinary students ----
  student({
    id: '1027',
    name: 'Mateo Lopez',
    grade: '3',
    birthDate: '2017-10-05',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T101', role: 'instruction' },
    services: [svc('330', by('T101'))],
    iep: iep('2026-02-24', '2028-02-23'),
    accommodations: ['Audiobooks for grade-level texts', 'Extra time on reading tasks'],
    testingAccommodations: ['Read aloud (non-reading items)'],
  }),
  student({
    id: '1028',
    name: 'Chloe Bennett',
    grade: '5',
    birthDate: '2015-08-19',
    primaryDisability: '280',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T108', role: 'instruction' },
    services: [svc('330', by('T108')), svc('415', by('T100'))],
    iep: iep('2025-12-01', '2026-11-30'),
  }),
  student({
    id: '1029',
    name: 'Julian Ortiz',
    grade: '2',
    birthDate: '2018-11-30',
    primaryDisability: '240',
    supportLevel: null,
    program: 'GENED',
    caseManager: { staffId: 'T100', role: 'service' },
    services: [svc('415', by('T100'))],
    iep: iep('2026-06-09', '2027-06-08'),
  }),
  student({
    id: '1030',
    name: 'Layla Hassan',
    grade: '5',
    birthDate: '2016-02-11',
    primaryDisability: '270',
    secondaryDisability: '290',
    severe: true,
    supportLevel: 'MMSN',
    program: 'SDC',
    alternatePlacement: true,
    caseManager: { staffId: 'T101', role: 'instruction' },
    services: [svc('330', by('T101')), svc('Physical Therapy', by('T106'))],
    iep: iep('2026-03-03', '2027-03-02'),
  }),
  // A contract provider the district has no staff record for.
  student({
    id: '1031',
    name: 'Zoe Park',
    grade: 'K',
    birthDate: '2021-06-23',
    primaryDisability: '240',
    supportLevel: null,
    program: 'GENED',
    caseManager: { staffId: 'T100', role: 'service' },
    services: [svc('415', { name: 'Bay Speech Associates (contract)' })],
    iep: iep('2026-09-02', '2029-09-01'),
  }),
  student({
    id: '1032',
    name: 'Samuel Okafor',
    grade: '8',
    birthDate: '2012-04-27',
    primaryDisability: '260',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T113', role: 'instruction' },
    services: [svc('330', by('T113')), svc('510', by('T102'))],
    iep: iep('2025-11-12', '2027-11-11'),
    // Transferred in with an IEP from another SELPA: 30 days to adopt it or write a new one (EC 56325).
    entryDate: '2026-11-16',
    transferredWithIep: true,
    accommodations: ['Preferential seating near instruction', 'Extended time (1.5x) on tests and assignments'],
    supports: ['Check-in with case manager each Monday'],
  }),
  student({
    id: '1033',
    name: 'Aria Castillo',
    grade: '7',
    birthDate: '2013-09-14',
    primaryDisability: '320',
    supportLevel: 'ESN',
    program: 'SDC',
    caseManager: { staffId: 'T103', role: 'instruction' },
    services: [svc('330', by('T103'), '300 min x 5/week'), svc('415', by('T100'))],
    iep: iep('2026-01-15', '2027-01-14'),
    accommodations: ['Visual schedule', 'Breaks on request', 'Directions given one step at a time'],
    modifications: ['Reduced number of items per assignment'],
    supports: ['Paraeducator support in general education electives'],
    testingAccommodations: ['Separate setting', 'Text-to-speech for math'],
  }),
  // Case manager whose credential has expired.
  student({
    id: '1034',
    name: 'Caleb Foster',
    grade: '10',
    birthDate: '2010-12-06',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T107', role: 'instruction' },
    services: [svc('330', by('T107'))],
    iep: iep('2026-05-27', '2028-05-26'),
    accommodations: ['Notes provided before lectures', 'Use of a calculator'],
    testingAccommodations: ['Extended time (1.5x)'],
  }),
  student({
    id: '1035',
    name: 'Nora Whitfield',
    grade: 'PK',
    birthDate: '2022-08-01',
    primaryDisability: '240',
    supportLevel: null,
    program: 'GENED',
    caseManager: { staffId: 'T100', role: 'service' },
    services: [svc('415', by('T100'))],
    iep: iep('2026-08-20', '2029-08-19'),
  }),
  student({
    id: '1036',
    name: "D'Andre O'Neil",
    grade: '9',
    birthDate: '2011-07-17',
    primaryDisability: '330',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T112', role: 'instruction' },
    services: [svc('330', by('T112'))],
    iep: iep('2026-02-05', '2028-02-04'),
  }),
  // Occupational therapy by a physical therapist.
  student({
    id: '1037',
    name: 'Maya Singh',
    grade: '3',
    birthDate: '2017-11-08',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T101', role: 'instruction' },
    services: [svc('330', by('T101')), svc('450', by('T106'))],
    iep: iep('2025-12-08', '2027-12-07'),
  }),
  student({
    id: '1038',
    name: 'Elena Rossi',
    grade: '11',
    birthDate: '2009-10-29',
    primaryDisability: '280',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T104', role: 'instruction' },
    services: [svc('330', by('T104'))],
    iep: iep('2026-04-09', '2027-04-08'),
  }),
  student({
    id: '1039',
    name: 'Thomas Greene',
    grade: '5',
    birthDate: '2015-12-20',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T108', role: 'instruction' },
    services: [svc('330', by('T108'))],
    iep: iep('2026-10-22', '2027-10-21'),
  }),
  student({
    id: '1040',
    name: 'Isla Fernandez',
    grade: '6',
    birthDate: '2014-09-03',
    primaryDisability: '290',
    supportLevel: 'MMSN',
    program: 'RSP',
    caseManager: { staffId: 'T113', role: 'instruction' },
    services: [svc('330', by('T113')), svc('415', by('T100'))],
    iep: iep('2026-03-18', '2029-03-17'),
  }),
];

export const DISTRICT: District = {
  name: 'Sierra Vista Unified School District',
  today: '2026-11-23',
  staff,
  students,
};
