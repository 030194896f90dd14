import { describe, expect, it } from 'vitest';
import { COVERAGE } from '../../../lib/rules';
import { codesFor, doc, pupil, teacher } from './helpers';

const CODE_OF: Record<string, string> = {
  ID: '210',
  HH: '220',
  DEAF: '230',
  SLI: '240',
  VI: '250',
  ED: '260',
  OI: '270',
  OHI: '280',
  EMD: '281',
  SLD: '290',
  DB: '300',
  MD: '310',
  AUT: '320',
  TBI: '330',
};

interface RowCase {
  code: string;
  covers: string[];
  /** A category outside the row. */
  gap: string;
  /** What a gap yields: an error, or a review for older documents. */
  gapCode?: string;
  grade: string;
  outside?: string;
  support?: 'MMSN' | 'ESN';
  /** A base document for added authorizations. */
  base?: string;
}

// RULES.md "Coverage", written out independently of lib/rules/pack/coverage.ts.
const MM = ['AUT', 'ED', 'EMD', 'ID', 'MD', 'OI', 'OHI', 'SLD', 'TBI'];
const ROWS: RowCase[] = [
  { code: 'R3MN', covers: MM, gap: 'HH', grade: '4', outside: 'PK', support: 'MMSN' },
  { code: 'R3BM', covers: MM, gap: 'VI', grade: 'TK', outside: 'PK', support: 'MMSN' },
  { code: 'R3EN', covers: [...MM, 'DB'], gap: 'DEAF', grade: '12', outside: 'PK', support: 'ESN' },
  { code: 'R3BE', covers: [...MM, 'DB'], gap: 'SLI', grade: 'Post-Secondary', outside: 'PK', support: 'ESN' },
  { code: 'R3HD', covers: ['HH', 'DEAF', 'DB'], gap: 'AUT', grade: 'PK' },
  { code: 'R3VB', covers: ['VI', 'DB'], gap: 'AUT', grade: 'PK' },
  { code: 'R3DH', covers: ['HH', 'DEAF', 'DB'], gap: 'SLD', grade: '3' },
  { code: 'R3VI', covers: ['VI', 'DB'], gap: 'OI', grade: '3' },
  { code: 'R3ER', covers: MM, gap: 'DB', grade: 'K', outside: '1' },
  { code: 'SEEC', covers: MM, gap: 'HH', grade: 'PK', outside: '1' },
  { code: 'R3BC', covers: MM, gap: 'VI', grade: 'TK', outside: '2' },
  { code: 'R3EC', covers: ['AUT', 'ED', 'EMD', 'ID', 'MD', 'OHI', 'SLD', 'TBI'], gap: 'OI', grade: 'PK', outside: 'K' },
  { code: 'ECSE', covers: ['AUT', 'ED', 'EMD', 'ID', 'MD', 'OHI', 'SLD', 'TBI'], gap: 'OI', grade: 'PK', outside: 'K' },
  { code: 'R3MM', covers: ['ED', 'OHI', 'SLD'], gap: 'OI', grade: '5', outside: 'PK' },
  { code: 'R3MS', covers: ['AUT', 'DB', 'ED', 'MD'], gap: 'SLD', grade: '5', outside: 'PK' },
  { code: 'R3PI', covers: ['EMD', 'MD', 'OI', 'OHI', 'TBI'], gap: 'SLD', grade: 'PK' },
  { code: 'AAAS', covers: ['AUT'], gap: 'ED', grade: '3', base: 'R3HD' },
  { code: 'AADB', covers: ['DB'], gap: 'VI', grade: '3', base: 'R3MN' },
  { code: 'AAED', covers: ['ED'], gap: 'SLD', grade: '3', base: 'R3VB' },
  { code: 'AAOI', covers: ['OI'], gap: 'VI', grade: '3', base: 'R3MM' },
  { code: 'AAOH', covers: ['OHI'], gap: 'SLD', grade: '3', base: 'R3VB' },
  { code: 'AATB', covers: ['TBI'], gap: 'OI', grade: '3', base: 'R3MM' },
  { code: 'LSCA', covers: ['SLI'], gap: 'AUT', grade: 'PK' },
  { code: 'R56B', covers: ['SLI'], gap: 'AUT', grade: 'Post-Secondary' },
  { code: 'R56C', covers: ['SLI', 'AUT'], gap: 'SLD', grade: '12', outside: 'Post-Secondary' },
  { code: 'R3LH', covers: ['SLD', 'OHI'], gap: 'AUT', gapCode: 'CM_AUTH_NEEDS_REVIEW', grade: '3' },
  { code: 'R3SH', covers: ['ED', 'MD', 'AUT'], gap: 'SLD', gapCode: 'CM_AUTH_NEEDS_REVIEW', grade: '3' },
  { code: 'R3CH', covers: ['SLI', 'HH', 'DEAF', 'DB'], gap: 'SLD', gapCode: 'CM_AUTH_NEEDS_REVIEW', grade: '3' },
  { code: 'R3PV', covers: ['MD', 'OI', 'OHI', 'VI', 'DB'], gap: 'SLD', gapCode: 'CM_AUTH_NEEDS_REVIEW', grade: '3' },
  { code: 'R3VH', covers: ['VI', 'DB'], gap: 'SLD', gapCode: 'CM_AUTH_NEEDS_REVIEW', grade: '3' },
  { code: 'R3PH', covers: ['OI', 'OHI', 'MD', 'TBI'], gap: 'SLD', gapCode: 'CM_AUTH_NEEDS_REVIEW', grade: '3' },
  { code: 'R10V', covers: ['AUT', 'SLD', 'SLI'], gap: 'DEAF', gapCode: 'CM_AUTH_NEEDS_REVIEW', grade: 'PK' },
];

function run(row: RowCase, category: string, grade: string, extra: Partial<Parameters<typeof pupil>[3]> = {}) {
  const docs = [doc([row.code])];
  if (row.base) docs.push(doc([row.base]));
  const staff = [teacher('T1', 'Ada Stone', ...docs)];
  return codesFor(staff, [
    pupil('S1', 'T1', CODE_OF[category]!, { grade, supportLevel: row.support ?? 'MMSN', ...extra }),
  ]).codes;
}

describe('coverage table (RULES.md): every row', () => {
  it('lists every authorization RULES.md names', () => {
    const listed = new Set(COVERAGE.map((r) => r.code));
    for (const r of ROWS) expect(listed.has(r.code), r.code).toBe(true);
  });

  describe.each(ROWS)('$code', (row) => {
    it.each(row.covers)('covers %s', (category) => expect(run(row, category, row.grade)).toEqual([]));
    it(`does not cover ${row.gap}`, () =>
      expect(run(row, row.gap, row.grade)).toEqual([row.gapCode ?? 'CM_NOT_AUTHORIZED']));
    if (row.outside)
      it(`not at grade ${row.outside}`, () =>
        expect(run(row, row.covers[0]!, row.outside!)).toEqual(['CM_NOT_AUTHORIZED']));
    if (row.support) {
      const other = row.support === 'MMSN' ? 'ESN' : 'MMSN';
      it(`not for ${other} students, except EMD`, () => {
        expect(run(row, 'SLD', row.grade, { supportLevel: other })).toEqual(['CM_NOT_AUTHORIZED']);
        expect(run(row, 'EMD', row.grade, { supportLevel: other })).toEqual([]);
      });
      it('needs review when the degree of support is missing', () =>
        expect(run(row, 'SLD', row.grade, { supportLevel: null })).toEqual(['CM_AUTH_NEEDS_REVIEW']));
    }
    if (row.base) {
      it('counts only beside a valid base document', () => {
        const alone = codesFor(
          [teacher('T1', 'Ada Stone', doc([row.code]))],
          [pupil('S1', 'T1', CODE_OF[row.covers[0]!]!, { grade: row.grade })],
        ).codes;
        expect(alone).toEqual(['CM_NOT_AUTHORIZED']);
        const expiredBase = codesFor(
          [teacher('T1', 'Ada Stone', doc([row.code]), doc([row.base!], { expires: '2026-01-31' }))],
          [pupil('S1', 'T1', CODE_OF[row.covers[0]!]!, { grade: row.grade })],
        ).codes;
        expect(expiredBase).toEqual(['CM_NOT_AUTHORIZED']);
      });
    }
  });

  it('R3MM and R3MS cover intellectual disability only in part: review', () => {
    expect(
      run(
        ROWS.find((r) => r.code === 'R3MM')!,
        'ID',
        '5',
      ),
    ).toEqual(['CM_AUTH_NEEDS_REVIEW']);
    expect(
      run(
        ROWS.find((r) => r.code === 'R3MS')!,
        'ID',
        '5',
      ),
    ).toEqual(['CM_AUTH_NEEDS_REVIEW']);
  });

  it('R3HD and R3VB cover autism when the student also has HH, DEAF, DB or VI; legacy R3DH does not', () => {
    const withSecondary = (code: string, secondary: string) =>
      codesFor(
        [teacher('T1', 'Ada Stone', doc([code]))],
        [pupil('S1', 'T1', '320', { secondaryDisability: secondary, grade: '3' })],
      ).codes;
    expect(withSecondary('R3HD', '220')).toEqual([]);
    expect(withSecondary('R3HD', '300')).toEqual([]);
    expect(withSecondary('R3VB', '250')).toEqual([]);
    expect(withSecondary('R3HD', '290')).toEqual(['CM_NOT_AUTHORIZED']);
    expect(withSecondary('R3DH', '220')).toEqual(['CM_NOT_AUTHORIZED']);
    expect(withSecondary('R3VI', '250')).toEqual(['CM_NOT_AUTHORIZED']);
  });

  it('R3MM covers autism when the document names autism or was issued on or after 2010-06-26; no date: review', () => {
    const r3mm = (more: object) =>
      codesFor([teacher('T1', 'Ada Stone', doc(['R3MM'], more))], [pupil('S1', 'T1', '320')]).codes;
    expect(r3mm({ title: 'Mild/Moderate with Autism Spectrum Disorders' })).toEqual([]);
    expect(r3mm({ issued: '2010-06-26' })).toEqual([]);
    expect(r3mm({ issued: '2010-06-25' })).toEqual(['CM_NOT_AUTHORIZED']);
    expect(r3mm({})).toEqual(['CM_AUTH_NEEDS_REVIEW']);
  });

  it.each(['R3LD', 'R10T', 'R10U', 'R3SE'])('%s covers nothing outright: review, never an error', (code) => {
    expect(codesFor([teacher('T1', 'Ada Stone', doc([code]))], [pupil('S1', 'T1', '290')]).codes).toEqual([
      'CM_AUTH_NEEDS_REVIEW',
    ]);
  });

  it('R3LD beside a document that covers the student is no finding', () => {
    expect(
      codesFor([teacher('T1', 'Ada Stone', doc(['R3LD']), doc(['R3MN']))], [pupil('S1', 'T1', '290')]).codes,
    ).toEqual([]);
  });
});

describe('ambiguous titles and issue dates', () => {
  const dhh = 'Education Specialist Instruction Credential: Deaf and Hard of Hearing';
  const ec = 'Education Specialist Instruction Credential: Early Childhood Special Education';
  const vi = 'Education Specialist Instruction Credential: Visual Impairments';
  const one = (
    title: string,
    issued: string | undefined,
    student: Parameters<typeof pupil>[3] & { primaryDisability: string },
  ) =>
    codesFor(
      [teacher('T1', 'Ada Stone', doc(null, { title, issued }))],
      [pupil('S1', 'T1', student.primaryDisability, student)],
    ).codes;

  it('DHH title and an autistic student with HH: 2022+ issue covers (R3HD), earlier does not (R3DH), none is a review', () => {
    const s = { primaryDisability: '320', secondaryDisability: '220' };
    expect(one(dhh, '2023-08-01', s)).toEqual([]);
    expect(one(dhh, '2015-08-01', s)).toEqual(['CM_NOT_AUTHORIZED']);
    expect(one(dhh, undefined, s)).toEqual(['CM_AUTH_NEEDS_REVIEW']);
  });
  it('a choice that does not matter needs no date', () => {
    expect(one(dhh, undefined, { primaryDisability: '220' })).toEqual([]);
    expect(one(vi, undefined, { primaryDisability: '250' })).toEqual([]);
    expect(one(ec, undefined, { primaryDisability: '290', grade: 'PK' })).toEqual([]);
  });
  it('Early Childhood title: OI in PK and any kindergartner depend on R3ER vs R3EC', () => {
    expect(one(ec, undefined, { primaryDisability: '270', grade: 'PK' })).toEqual(['CM_AUTH_NEEDS_REVIEW']);
    expect(one(ec, '2024-01-01', { primaryDisability: '270', grade: 'PK' })).toEqual([]);
    expect(one(ec, undefined, { primaryDisability: '290', grade: 'K' })).toEqual(['CM_AUTH_NEEDS_REVIEW']);
    expect(one(ec, '2019-01-01', { primaryDisability: '290', grade: 'K' })).toEqual(['CM_NOT_AUTHORIZED']);
  });
  it('Visual Impairments title and autism with VI', () => {
    expect(one(vi, undefined, { primaryDisability: '320', secondaryDisability: '250' })).toEqual([
      'CM_AUTH_NEEDS_REVIEW',
    ]);
    expect(one(vi, '2022-09-01', { primaryDisability: '320', secondaryDisability: '250' })).toEqual([]);
  });
});

describe('age limits without a grade', () => {
  const r3 = (code: string, birthDate: string | null) =>
    codesFor([teacher('T1', 'Ada Stone', doc([code]))], [pupil('S1', 'T1', '290', { grade: null, birthDate })]).codes;
  it('under 5 is PK: TK–12 documents do not cover, birth–K ones do', () => {
    expect(r3('R3MN', '2022-12-01')).toEqual(['CM_NOT_AUTHORIZED']);
    expect(r3('R3ER', '2022-12-01')).toEqual([]);
  });
  it('5 is K', () => {
    expect(r3('R3ER', '2021-06-01')).toEqual([]);
    expect(r3('R3EC', '2021-06-01')).toEqual(['CM_NOT_AUTHORIZED']);
  });
  it('neither grade nor birth date: an age limit that matters is a review; one that does not is not', () => {
    expect(r3('R3ER', null)).toEqual(['CM_AUTH_NEEDS_REVIEW']);
    expect(r3('R3MN', null)).toEqual(['CM_AUTH_NEEDS_REVIEW']);
    expect(r3('R3PI', null)).toEqual(['CM_NOT_AUTHORIZED']); // SLD is not PI: the gap is real whatever the age
    expect(
      codesFor(
        [teacher('T1', 'Ada Stone', doc(['R3PI']))],
        [pupil('S1', 'T1', '270', { grade: null, birthDate: null })],
      ).codes,
    ).toEqual([]);
  });
});
