import { schoolKey } from '../lib/domain/ids';
import { runAllChecks } from '../lib/checks';
import { staffRefKeys, studentStaffRefs } from '../lib/db/merge';
import { buildDistrict, type DistrictInput } from '../lib/district/aggregate';
import { studentsCsv } from '../lib/district/csv';
import { filterStudents, pageOf } from '../lib/district/filter';
import type { StudentLine } from '../lib/district/types';
import type { Finding } from '../lib/domain/finding';
import type { Credential, Service, Staff, Student } from '../lib/domain/records';

/** Small deterministic PRNG (mulberry32): the same seed always builds the same district. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(items: readonly T[]) => T;

interface StaffKind {
  key: string;
  share: number;
  position: string;
  docs: (pick: Pick, r: () => number) => Credential[];
}

const doc = (
  title: string,
  authorizations: string[] | undefined,
  kind: string,
  expires: string,
  issued?: string,
): Credential => ({
  title,
  ...(authorizations ? { authorizations } : {}),
  kind,
  expires,
  ...(issued ? { issued } : {}),
});
// About one document in twenty expired and one in twenty expiring within 60 days of the bench's as-of date.
const EXPIRES = [
  '2025-06-30',
  '2026-12-31',
  ...['2027', '2028', '2029', '2030', '2031', '2032'].flatMap((y) => [`${y}-06-30`, `${y}-08-31`, `${y}-12-31`]),
  '2033-06-30',
];

/** A realistic mix of positions and documents, as SIS staff pages show them. */
const STAFF_KINDS: readonly StaffKind[] = [
  {
    key: 'rsp',
    share: 0.28,
    position: 'Resource Specialist',
    docs: (p, r) => [
      r() < 0.6
        ? doc(
            'Education Specialist Instruction Credential: Mild to Moderate Support Needs',
            r() < 0.7 ? ['R3MN'] : undefined,
            p(['clear', 'preliminary', 'intern']),
            p(EXPIRES),
          )
        : doc(
            'Education Specialist Instruction Credential: Mild/Moderate',
            ['R3MM'],
            'clear',
            p(EXPIRES),
            p(['2008-07-01', '2012-07-01', undefined as unknown as string]),
          ),
    ],
  },
  {
    key: 'sdc',
    share: 0.15,
    position: 'SDC Teacher',
    docs: (p, r) => [
      r() < 0.6
        ? doc(
            'Education Specialist Instruction Credential: Extensive Support Needs',
            ['R3EN'],
            p(['clear', 'preliminary', 'PIP']),
            p(EXPIRES),
          )
        : doc('Education Specialist Instruction Credential: Moderate/Severe', ['R3MS'], 'clear', p(EXPIRES)),
    ],
  },
  {
    key: 'slp',
    share: 0.12,
    position: 'Speech-Language Pathologist',
    docs: (p, r) => [
      r() < 0.9
        ? doc('Clear Speech-Language Pathology Services Credential', ['LSH'], 'clear', p(EXPIRES))
        : doc('Speech-Language Pathologist License', ['license:SLP'], 'license', p(EXPIRES)),
    ],
  },
  {
    key: 'dhh',
    share: 0.03,
    position: 'DHH Itinerant Teacher',
    docs: (p) => [
      doc(
        'Education Specialist Instruction Credential: Deaf and Hard of Hearing',
        undefined,
        'clear',
        p(EXPIRES),
        p(['2019-07-01', '2023-07-01']),
      ),
    ],
  },
  {
    key: 'vi',
    share: 0.02,
    position: 'Teacher of the Visually Impaired',
    docs: (p) => [
      doc('Education Specialist Instruction Credential: Visual Impairments', ['R3VB'], 'clear', p(EXPIRES)),
    ],
  },
  {
    key: 'psych',
    share: 0.05,
    position: 'School Psychologist',
    docs: (p) => [doc('Pupil Personnel Services Credential: School Psychology', ['R513'], 'clear', p(EXPIRES))],
  },
  {
    key: 'counsel',
    share: 0.03,
    position: 'School Counselor',
    docs: (p) => [doc('Pupil Personnel Services Credential: School Counseling', ['R511'], 'clear', p(EXPIRES))],
  },
  {
    key: 'pt',
    share: 0.04,
    position: 'Physical Therapist',
    docs: (p) => [doc('Physical Therapist License', ['license:PT'], 'license', p(EXPIRES))],
  },
  {
    key: 'ot',
    share: 0.04,
    position: 'Occupational Therapist',
    docs: (p) => [doc('Occupational Therapist License', ['license:OT'], 'license', p(EXPIRES))],
  },
  {
    key: 'nurse',
    share: 0.02,
    position: 'School Nurse',
    docs: (p) => [doc('School Nurse Services Credential', ['R52N'], 'clear', p(EXPIRES))],
  },
  {
    key: 'ape',
    share: 0.02,
    position: 'APE Teacher',
    docs: (p) => [
      doc('Single Subject Teaching Credential: Physical Education', undefined, 'clear', p(EXPIRES)),
      doc('Adapted Physical Education Added Authorization', ['APEA'], 'clear', p(EXPIRES)),
    ],
  },
  {
    key: 'gened',
    share: 0.1,
    position: 'Teacher',
    docs: (p) => [doc('Multiple Subject Teaching Credential', undefined, 'clear', p(EXPIRES))],
  },
  { key: 'unknown', share: 0.03, position: 'Resource Specialist', docs: () => [] },
  {
    key: 'other',
    share: 0.07,
    position: 'Program Specialist',
    docs: (p) => [
      doc(
        p([
          'Administrative Services Credential',
          'Education Specialist Instruction Credential: Mild/Moderate',
          'Local Teaching Permit',
        ]),
        undefined,
        'clear',
        p(EXPIRES),
      ),
    ],
  },
];

const FIRST = [
  'Maria',
  'James',
  'Priya',
  'David',
  'Ana',
  'Grace',
  'Omar',
  'Lucy',
  'Ben',
  'Rosa',
  'Nina',
  'Leo',
  'Hannah',
  'Sam',
  'Kai',
  'Ivy',
];
const LAST = [
  'Gonzalez',
  'Lee',
  'Patel',
  'Kim',
  'Torres',
  'Wu',
  'Haddad',
  'Brown',
  'Carter',
  'Diaz',
  'Shah',
  'Martin',
  'Cole',
  'Nguyen',
  'Reyes',
  'Young',
];
const DISABILITIES: readonly [string, number][] = [
  ['290', 0.34],
  ['240', 0.2],
  ['320 - Autism (AUT)', 0.08],
  ['AUT', 0.07],
  ['280', 0.1],
  ['260', 0.04],
  ['210', 0.05],
  ['Speech/Language Impairment (240)', 0.03],
  ['230', 0.01],
  ['250', 0.01],
  ['270', 0.01],
  ['310', 0.02],
  ['Dyslexia', 0.01],
  ['', 0.03],
];
const GRADES = ['TK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

function weighted<T>(r: () => number, items: readonly (readonly [T, number])[]): T {
  let x = r() * items.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of items) if ((x -= w) <= 0) return v;
  return items[items.length - 1]![0]; // callers pass at least one item
}

/** A deterministic district: `students` students and `staff` staff with a realistic mix of roles and data gaps. */
export function generateDistrict(
  students: number,
  staff: number,
  seed = 20261122,
): { students: Student[]; staff: Staff[] } {
  const r = rng(seed);
  const pick: Pick = (items) => items[Math.floor(r() * items.length)]!; // r() < 1, items not empty
  const pools = new Map<string, Staff[]>();
  const staffList: Staff[] = [];
  for (let i = 0; i < staff; i++) {
    const kind = weighted(
      r,
      STAFF_KINDS.map((k) => [k, k.share] as const),
    );
    const s: Staff = {
      id: `S${String(i).padStart(5, '0')}`,
      name: `${pick(FIRST)} ${pick(LAST)} ${i}`,
      position: kind.position,
      credentials: kind.docs(pick, r),
    };
    staffList.push(s);
    if (!pools.has(kind.key)) pools.set(kind.key, []);
    pools.get(kind.key)!.push(s);
  }
  const from = (key: string) => pick(pools.get(key) ?? staffList);
  const list: Student[] = [];
  for (let i = 0; i < students; i++) {
    const primary = weighted(r, DISABILITIES);
    const speech = primary.includes('240') || r() < 0.15;
    const program = primary.includes('240') ? 'GENED' : r() < 0.65 ? 'RSP' : 'SDC';
    const services: Service[] = [];
    // Most students are placed with a teacher of their support level; the rest make the mismatches to find.
    const support = r() < 0.08 ? null : program === 'SDC' ? (r() < 0.65 ? 'ESN' : 'MMSN') : r() < 0.95 ? 'MMSN' : 'ESN';
    const teacher = from((support === 'ESN') !== r() < 0.05 ? 'sdc' : 'rsp');
    if (program !== 'GENED')
      services.push(
        r() < 0.8
          ? { code: '330', providerStaffId: teacher.id }
          : { name: 'Specialized Academic Instruction', providerStaffId: teacher.id },
      );
    if (speech)
      services.push(
        r() < 0.5
          ? { code: '415', providerStaffId: from('slp').id }
          : { name: '415 - Language and Speech', providerStaffId: from('slp').id },
      );
    if (r() < 0.06) services.push({ name: 'Physical Therapy', providerStaffId: from('pt').id });
    if (r() < 0.08) services.push({ code: '450', providerStaffId: from('ot').id });
    if (r() < 0.05) services.push({ code: '510', providerStaffId: from('counsel').id });
    if (primary === '230' && r() < 0.7)
      services.push({ name: 'Specialized Deaf and Hard of Hearing Services', providerStaffId: from('dhh').id });
    if (primary === '250' && r() < 0.7)
      services.push({ name: 'Specialized Vision Services', providerStaffId: from('vi').id });
    if (r() < 0.01) services.push({ name: 'Music Therapy', providerName: `${pick(FIRST)} ${pick(LAST)}` });
    const cmStaff = speech && program === 'GENED' ? services[services.length - 1] : services[0];
    const x = r();
    const cm =
      x < 0.02
        ? null
        : x < 0.1
          ? { name: pick(FIRST) + ' ' + pick(LAST), role: null }
          : { staffId: cmStaff?.providerStaffId ?? teacher.id, role: r() < 0.5 ? ('instruction' as const) : null };
    list.push({
      id: String(100000 + i),
      name: `Student ${i}`,
      grade: program === 'GENED' && r() < 0.2 ? 'PK' : pick(GRADES),
      primaryDisability: primary,
      secondaryDisability: r() < 0.1 ? pick(['290', '240', 'None', '']) : null,
      supportLevel: support,
      program,
      alternatePlacement: r() < 0.01,
      caseManager: cm,
      services,
      // IEP dates around the as-of date, so the compliance-date checks do real work too.
      birthDate: `${2008 + Math.floor(r() * 14)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
      iep: {
        lastMeeting: `2026-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
        nextAnnual: `202${6 + Math.floor(r() * 2)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
        nextTriennial: `202${6 + Math.floor(r() * 3)}-0${1 + Math.floor(r() * 9)}-2${Math.floor(r() * 8)}`,
        consent: r() < 0.02 ? `2026-1${Math.floor(r() * 2)}-0${1 + Math.floor(r() * 9)}` : null,
      },
    });
  }
  return { students: list, staff: staffList };
}

// ——— District view bench (issue 6): what the district page computes when it opens with 50,000 students cached ———

const BENCH_SITE = 'https://sis.bench.invalid';
const SCHOOLS = Array.from({ length: 24 }, (_, i) => `School ${i + 1}`);

/** Cached rows as the database holds them after the worker has read (and checked) a whole district. Untimed. */
export function districtRows(students = 50_000, staff = 10_000, asOf = '2026-11-22'): DistrictInput {
  const d = generateDistrict(students, staff);
  const withSchools = d.students.map((s, i) => ({ ...s, school: SCHOOLS[i % SCHOOLS.length] }));
  const by = new Map<string, Finding[]>();
  for (const f of runAllChecks({ students: withSchools, staff: d.staff }, { asOf })) {
    const k = `${f.subject.kind}:${f.subject.id}`;
    (by.get(k) ?? by.set(k, []).get(k)!).push(f);
  }
  const now = Date.parse(`${asOf}T12:00:00Z`);
  const url = `${BENCH_SITE}/students`;
  return {
    students: withSchools.map((record) => ({
      site: BENCH_SITE,
      school: schoolKey(record.school),
      id: record.id,
      record,
      staffRefs: studentStaffRefs(BENCH_SITE, record),
      seenAt: now,
      url,
    })),
    staff: d.staff.map((record) => ({
      site: BENCH_SITE,
      id: record.id,
      record,
      refs: staffRefKeys(BENCH_SITE, record),
      seenAt: now,
      url,
    })),
    findings: [
      ...withSchools.map((s) => ({
        site: BENCH_SITE,
        kind: 'student' as const,
        school: schoolKey(s.school),
        id: s.id,
        findings: by.get(`student:${s.id}`) ?? [],
        checkedAt: now,
      })),
      ...d.staff.map((s) => ({
        site: BENCH_SITE,
        kind: 'staff' as const,
        school: '',
        id: s.id,
        findings: by.get(`staff:${s.id}`) ?? [],
        checkedAt: now,
      })),
    ],
  };
}

export interface DistrictBench {
  /** Median milliseconds to aggregate, apply the default filter and take the first page. */
  medianMs: number;
  runs: number[];
  /** Median milliseconds for the students CSV of every row with findings (on demand, not on open). */
  csvMs: number;
  students: number;
  withFindings: number;
}

/** The median of timings; NaN for none (a bench that timed nothing prints NaN, not a number it did not measure). */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Times the district page's pure work on open (lib/district), median of `runs`; the rows are built once, untimed. */
export function benchDistrict(opts: { students?: number; staff?: number; runs?: number } = {}): DistrictBench {
  const { students = 50_000, staff = 10_000, runs = 5 } = opts;
  const input = districtRows(students, staff);
  const times: number[] = [];
  const csvTimes: number[] = [];
  let shown: StudentLine[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const view = buildDistrict(input, { asOf: '2026-11-22' });
    shown = filterStudents(view.students, { withFindings: true });
    pageOf(shown, 0, 50);
    times.push(performance.now() - t0);
    const t1 = performance.now();
    studentsCsv(shown);
    csvTimes.push(performance.now() - t1);
  }
  return { medianMs: median(times), runs: times, csvMs: median(csvTimes), students, withFindings: shown.length };
}

/**
 * For bench/run.ts: `{ describe, run }` returning named numbers. Register it by adding `DISTRICT_RUNNER` to
 * RUNNERS (and `districtOpenMs50k: ['<', 1000]` to the targets: the page must open within a second).
 */
export const DISTRICT_RUNNER = {
  describe: 'district view aggregates on open, 50,000 students and 10,000 staff (median of 5)',
  run: (): Record<string, number> => {
    const r = benchDistrict();
    return { districtOpenMs50k: Math.round(r.medianMs), districtCsvMs50k: Math.round(r.csvMs) };
  },
};
