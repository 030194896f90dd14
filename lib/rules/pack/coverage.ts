import type { Citation } from '../../domain/finding';
import { type GradeRange, type Level, levelIn, RANGES } from '../grade';
import type { Category } from './disabilities';
import { cite } from './sources';

export type SupportLevel = 'MMSN' | 'ESN';
export type CoverageGroup = 'current' | 'legacy' | 'added' | 'special-class' | 'pre-1997' | 'permit-intern';

/** Which CALPADS categories an authorization lets its holder teach (RULES.md "Coverage"). */
export interface CoverageRow {
  code: string;
  title: string;
  group: CoverageGroup;
  covers: readonly Category[];
  grades: GradeRange;
  /** R3MN/R3EN and bridges: the student's degree of support must match (PLAN 23.16); EMD has none. */
  support?: SupportLevel;
  /** Chart footnote 2: autism only when the student also has one of these. */
  autismWith?: readonly Category[];
  /** Chart footnote 3 and pre-1997 wording: only part of the category (mild ID…), so a match is a review. */
  partial?: readonly Category[];
  /** R3MM: autism when the document names autism or was issued on or after this date (2010+ programs). */
  autismIssuedFrom?: string;
  /** Added authorizations count only while a base special-education teaching document is valid. */
  needsBase?: boolean;
  /** A base special-education teaching document for added authorizations (R3 codes, interns, pre-1997). */
  base?: boolean;
  /** Covers nothing outright: every student is a review, with this reason. */
  reviewOnly?: string;
  /** Older documents read from T06 wording, not the chart: a gap is a review, not an error. */
  gapIsReview?: boolean;
  citation: Citation;
}

const MILD_MOD: readonly Category[] = ['AUT', 'ED', 'EMD', 'ID', 'MD', 'OI', 'OHI', 'SLD', 'TBI'];
const EXTENSIVE: readonly Category[] = [...MILD_MOD, 'DB'];
const EARLY: readonly Category[] = MILD_MOD;
const EARLY_OLD: readonly Category[] = ['AUT', 'ED', 'EMD', 'ID', 'MD', 'OHI', 'SLD', 'TBI'];
const CHART = cite('CTC_SPED_CHART', 'CTC_T06');
const OLD = cite('CTC_T06');

function row(
  code: string,
  title: string,
  group: CoverageGroup,
  covers: readonly Category[],
  grades: GradeRange,
  more: Partial<CoverageRow> = {},
): CoverageRow {
  return {
    code,
    title,
    group,
    covers,
    grades,
    base: code.startsWith('R3') || code.startsWith('R10'),
    citation: CHART,
    ...more,
  };
}

export const COVERAGE: readonly CoverageRow[] = [
  // Current (2022+) Education Specialist authorizations.
  row('R3MN', 'Mild to Moderate Support Needs', 'current', MILD_MOD, RANGES.tkTo22, { support: 'MMSN' }),
  row('R3EN', 'Extensive Support Needs', 'current', EXTENSIVE, RANGES.tkTo22, { support: 'ESN' }),
  row('R3HD', 'Deaf and Hard of Hearing', 'current', ['HH', 'DEAF', 'DB'], RANGES.birthTo22, {
    autismWith: ['HH', 'DEAF', 'DB'],
  }),
  row('R3VB', 'Visual Impairments', 'current', ['VI', 'DB'], RANGES.birthTo22, { autismWith: ['VI', 'DB'] }),
  row('R3ER', 'Early Childhood Special Education', 'current', EARLY, RANGES.birthToK),
  row('R3BM', 'Education Specialist Bridge: Mild to Moderate Support Needs', 'current', MILD_MOD, RANGES.tkTo22, {
    support: 'MMSN',
  }),
  row('R3BE', 'Education Specialist Bridge: Extensive Support Needs', 'current', EXTENSIVE, RANGES.tkTo22, {
    support: 'ESN',
  }),
  row('R3BC', 'Education Specialist Bridge: Early Childhood', 'current', EARLY, RANGES.birthToK),
  row('SEEC', 'Early Childhood Added Authorization', 'current', EARLY, RANGES.birthToK),
  // Legacy Education Specialist authorizations (second page of the chart).
  row('R3MM', 'Mild/Moderate Disabilities', 'legacy', ['ED', 'ID', 'OHI', 'SLD'], RANGES.tkTo22, {
    partial: ['ID'],
    autismIssuedFrom: '2010-06-26',
    citation: cite('CTC_SPED_CHART', 'CL808CA'),
  }),
  row('R3MS', 'Moderate/Severe Disabilities', 'legacy', ['AUT', 'DB', 'ED', 'ID', 'MD'], RANGES.tkTo22, {
    partial: ['ID'],
  }),
  row('R3DH', 'Deaf and Hard of Hearing (before 2022)', 'legacy', ['HH', 'DEAF', 'DB'], RANGES.birthTo22),
  row('R3VI', 'Visual Impairments (before 2022)', 'legacy', ['VI', 'DB'], RANGES.birthTo22),
  row('R3EC', 'Early Childhood Special Education (before 2022)', 'legacy', EARLY_OLD, RANGES.birthToPK),
  row('ECSE', 'Early Childhood Special Education Added Authorization', 'legacy', EARLY_OLD, RANGES.birthToPK),
  row('R3PI', 'Physical and Health Impairments', 'legacy', ['EMD', 'MD', 'OI', 'OHI', 'TBI'], RANGES.birthTo22),
  row('R3LD', 'Language and Academic Development', 'legacy', [], RANGES.pkTo22, {
    reviewOnly: 'Language and Academic Development (R3LD) covers students with language needs only (chart footnote 4)',
  }),
  // Added authorizations: the base document's grades, only beside a valid base document.
  row('AAAS', 'Autism Spectrum Disorders Added Authorization', 'added', ['AUT'], RANGES.birthTo22, { needsBase: true }),
  row('AADB', 'Deaf-Blind Added Authorization', 'added', ['DB'], RANGES.birthTo22, { needsBase: true }),
  row('AAED', 'Emotional Disturbance Added Authorization', 'added', ['ED'], RANGES.birthTo22, { needsBase: true }),
  row('AAOI', 'Orthopedic Impairment Added Authorization', 'added', ['OI'], RANGES.birthTo22, { needsBase: true }),
  row('AAOH', 'Other Health Impairment Added Authorization', 'added', ['OHI'], RANGES.birthTo22, { needsBase: true }),
  row('AATB', 'Traumatic Brain Injury Added Authorization', 'added', ['TBI'], RANGES.birthTo22, { needsBase: true }),
  // Special class authorizations on SLP and CRS credentials (RULES.md table; CL-879, T06).
  row('LSCA', 'Special Class Authorization (Speech-Language Pathology)', 'special-class', ['SLI'], RANGES.birthTo22, {
    citation: cite('CL879', 'CTC_T06'),
  }),
  row(
    'R56B',
    'Special Class Authorization (Clinical or Rehabilitative Services)',
    'special-class',
    ['SLI'],
    RANGES.birthTo22,
    { citation: OLD },
  ),
  row(
    'R56C',
    'Special Class Authorization (Clinical or Rehabilitative Services, SLI or autism)',
    'special-class',
    ['SLI', 'AUT'],
    RANGES.birthTo12,
    { citation: OLD },
  ),
  // Pre-1997 Specialist Instruction Credential areas (research.md §2.4, from T06 wording).
  row('R3LH', 'Learning Handicapped', 'pre-1997', ['SLD', 'OHI', 'ID'], RANGES.birthTo22, {
    partial: ['ID'],
    gapIsReview: true,
    citation: OLD,
  }),
  row('R3SH', 'Severely Handicapped', 'pre-1997', ['ED', 'ID', 'MD', 'AUT'], RANGES.birthTo22, {
    partial: ['ID'],
    gapIsReview: true,
    citation: OLD,
  }),
  row('R3CH', 'Communication Handicapped', 'pre-1997', ['SLI', 'HH', 'DEAF', 'DB'], RANGES.birthTo22, {
    gapIsReview: true,
    citation: OLD,
  }),
  row(
    'R3PV',
    'Physically Handicapped (including visually handicapped)',
    'pre-1997',
    ['MD', 'OI', 'OHI', 'VI', 'DB'],
    RANGES.birthTo22,
    { gapIsReview: true, citation: OLD },
  ),
  row('R3VH', 'Visually Handicapped', 'pre-1997', ['VI', 'DB'], RANGES.birthTo22, { gapIsReview: true, citation: OLD }),
  row(
    'R3PH',
    'Physical and Health Impairments (older code)',
    'pre-1997',
    ['OI', 'OHI', 'MD', 'TBI'],
    RANGES.birthTo22,
    { gapIsReview: true, citation: OLD },
  ),
  // Older interns and permits whose areas T06 does not enumerate (research.md §2.4). Current interns, PIP, STSP
  // and SELAP carry the Education Specialist codes above and are matched by those rows.
  row('R10T', 'District Intern: Mild and Moderate Disabilities', 'permit-intern', [], RANGES.tkTo22, {
    reviewOnly: 'District Intern R10T names "mild and moderate disabilities" without listing categories (T06)',
    citation: OLD,
  }),
  row('R10U', 'District Intern: Moderate and Severe Disabilities', 'permit-intern', [], RANGES.tkTo22, {
    reviewOnly: 'District Intern R10U names "moderate and severe disabilities" without listing categories (T06)',
    citation: OLD,
  }),
  row(
    'R10V',
    'District Intern: Early Childhood Special Education',
    'permit-intern',
    ['AUT', 'ED', 'EMD', 'ID', 'MD', 'OHI', 'SLD', 'SLI'],
    RANGES.birthToPK,
    {
      gapIsReview: true,
      citation: OLD,
    },
  ),
  row('R3SE', 'Teaching Permit for Statutory Leave (Special Education)', 'permit-intern', [], RANGES.birthTo22, {
    reviewOnly: 'The Teaching Permit for Statutory Leave (R3SE) covers "any specialty area" the district assigns (T06)',
    citation: OLD,
  }),
];

export const COVERAGE_BY_CODE: ReadonlyMap<string, CoverageRow> = new Map(COVERAGE.map((r) => [r.code, r]));

/** Codes whose row covers the category at this level and support ("would cover" in details). */
export function codesCovering(category: Category, support: SupportLevel | null, level: Level): string[] {
  const key = `${category}|${support}|${level.lo}|${level.hi}`;
  let codes = coveringCache.get(key);
  if (!codes) coveringCache.set(key, (codes = computeCovering(category, support, level)));
  return codes;
}

const coveringCache = new Map<string, string[]>();

function computeCovering(category: Category, support: SupportLevel | null, level: Level): string[] {
  return COVERAGE.filter(
    (r) =>
      r.group !== 'pre-1997' &&
      r.covers.includes(category) &&
      levelIn(level, r.grades) !== 'no' &&
      (!r.support || !support || r.support === support || category === 'EMD'),
  ).map((r) => r.code);
}
