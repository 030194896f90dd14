import type { Citation } from '../../domain/finding';
import { COVERAGE } from './coverage';
import { cite } from './sources';

/**
 * What credential titles and authorization codes mean (RULES.md "Titles to codes", research.md §2–3, §7).
 * Internal codes beyond CTC's: `R56A:AUD` / `R56A:OM` (the CRS R56A code is audiology or orientation and mobility
 * according to its title), `license:PT|OT|SLP`, and `GEN:*` for recognized documents that authorize no special
 * education (they count as held: a gap they leave is a real mismatch).
 */

/** One code, or several when the title alone cannot tell which (resolved by issue date where `current` is set). */
export interface CodeChoice {
  options: readonly string[];
  /** Issued from this date on: the first option (current); before: the second (legacy). */
  currentFrom?: string;
}

export const CURRENT_CODES_FROM = '2022-01-01';

/** Codes the pack understands beyond the coverage table, with a display title. */
export const OTHER_CODES: Readonly<Record<string, string>> = {
  LSH: 'Speech-Language Pathology Services (Language, Speech and Hearing)',
  AUDL: 'Speech-Language Pathology Services: Audiology',
  'R56A:AUD': 'Clinical or Rehabilitative Services: Audiology',
  'R56A:OM': 'Clinical or Rehabilitative Services: Orientation and Mobility',
  R511: 'Pupil Personnel Services: School Counseling',
  R512: 'Pupil Personnel Services: School Social Work',
  R513: 'Pupil Personnel Services: School Psychology',
  R514: 'Pupil Personnel Services: Child Welfare and Attendance',
  R52N: 'School Nurse Services',
  APEA: 'Adapted Physical Education Added Authorization',
  RSAA: 'Resource Specialist Added Authorization',
  S1: 'Resource Specialist Permit',
  'license:PT': 'Physical Therapist license',
  'license:OT': 'Occupational Therapist license',
  'license:SLP': 'Speech-Language Pathologist license',
  'GEN:MS': 'Multiple Subject Teaching Credential',
  'GEN:SS': 'Single Subject Teaching Credential',
  'GEN:ADMIN': 'Administrative Services Credential',
  'GEN:CTE': 'Career Technical Education / Designated Subjects Credential',
  'GEN:CDP': 'Child Development Permit',
  'GEN:PK3': 'PK-3 Early Childhood Education Specialist Instruction Credential',
  'GEN:SUB': 'Substitute Teaching Permit',
};

const TITLE_OF = new Map<string, string>([
  ...COVERAGE.map((r) => [r.code, r.title] as const),
  ...Object.entries(OTHER_CODES),
]);

export const KNOWN_CODES: ReadonlySet<string> = new Set(TITLE_OF.keys());

/** "Mild to Moderate Support Needs (R3MN)"; license and general documents by title only. */
export function describeCode(code: string): string {
  const title = TITLE_OF.get(code) ?? code;
  return code.includes(':') ? title : `${title} (${code})`;
}

/** A bare code as documents list it ("r3mn", "License:PT", "R56A") to the pack's code, or null. */
export function codeOf(text: string): string | 'R56A' | null {
  const t = text.trim();
  const lic = /^licen[sc]e\s*:\s*(pt|ot|slp)$/i.exec(t);
  if (lic?.[1]) return `license:${lic[1].toUpperCase()}`;
  const up = t.toUpperCase().replace(/\s+/g, '');
  if (up === 'R56A') return 'R56A';
  return KNOWN_CODES.has(up) && !up.includes(':') ? up : null;
}

interface TitleRule {
  /** Every pattern must match the title's words (lowercase, punctuation as spaces). */
  all: readonly RegExp[];
  none?: readonly RegExp[];
  choice: CodeChoice;
}

const one = (code: string): CodeChoice => ({ options: [code] });
const byDate = (current: string, legacy: string): CodeChoice => ({
  options: [current, legacy],
  currentFrom: CURRENT_CODES_FROM,
});
const LICENSE = /\blicen[sc]e/;
const BRIDGE = /\bbridge\b/;
const ADDED = /\badded authorization|\baa\b/;
const CRS = /clinical or rehabilitative|clinical rehabilitative|\bcrs\b/;

/** Ordered title rules; every matching rule adds its codes. Kept as data so reviewers can read it. */
export const TITLE_RULES: readonly TitleRule[] = [
  { all: [LICENSE, /physical therap/], choice: one('license:PT') },
  { all: [LICENSE, /occupational therap/], choice: one('license:OT') },
  { all: [LICENSE, /speech|\bslp\b/], choice: one('license:SLP') },
  { all: [/mild to moderate support needs|\bmmsn\b/], none: [BRIDGE], choice: one('R3MN') },
  { all: [/mild to moderate support needs|\bmmsn\b/, BRIDGE], choice: one('R3BM') },
  { all: [/extensive support needs|\besn\b/], none: [BRIDGE], choice: one('R3EN') },
  { all: [/extensive support needs|\besn\b/, BRIDGE], choice: one('R3BE') },
  { all: [/\bmild moderate\b/], choice: one('R3MM') },
  { all: [/\bmoderate severe\b/], choice: one('R3MS') },
  { all: [/deaf and hard of hearing|deaf hard of hearing|\bdhh\b/], choice: byDate('R3HD', 'R3DH') },
  { all: [/visual impairment|\bvi\b/], none: [/orientation and mobility/], choice: byDate('R3VB', 'R3VI') },
  { all: [/early childhood/, BRIDGE], choice: one('R3BC') },
  { all: [/early childhood/, ADDED], none: [BRIDGE], choice: byDate('SEEC', 'ECSE') },
  {
    all: [/early childhood special education|\becse\b/],
    none: [BRIDGE, ADDED, /\bpk 3\b/],
    choice: byDate('R3ER', 'R3EC'),
  },
  { all: [/physical and health impairment/], choice: one('R3PI') },
  { all: [/language and academic development|\blad\b/], choice: one('R3LD') },
  { all: [ADDED, /autism/], choice: one('AAAS') },
  { all: [ADDED, /deaf blind/], choice: one('AADB') },
  { all: [ADDED, /emotional disturbance/], choice: one('AAED') },
  { all: [ADDED, /orthopedic/], choice: one('AAOI') },
  { all: [ADDED, /other health/], choice: one('AAOH') },
  { all: [ADDED, /traumatic brain/], choice: one('AATB') },
  { all: [ADDED, /adapted physical education/], choice: one('APEA') },
  { all: [/adapted physical education/], none: [ADDED], choice: one('APEA') },
  { all: [/special class authorization|\bsca\b/], choice: one('LSCA') },
  { all: [/speech language patholog|language speech and hearing/], none: [LICENSE, /audiology/], choice: one('LSH') },
  { all: [/speech language patholog/, /audiology/], none: [LICENSE], choice: one('AUDL') },
  { all: [CRS, /audiology/], choice: one('R56A:AUD') },
  { all: [/orientation and mobility|\bo and m\b/], choice: one('R56A:OM') },
  { all: [/pupil personnel|\bpps\b|school psycholog/, /psycholog/], choice: one('R513') },
  { all: [/pupil personnel|\bpps\b/, /counsel/], choice: one('R511') },
  { all: [/pupil personnel|\bpps\b/, /social work/], choice: one('R512') },
  { all: [/pupil personnel|\bpps\b/, /child welfare/], choice: one('R514') },
  {
    all: [/pupil personnel|\bpps\b/],
    none: [/psycholog|counsel|social work|child welfare/],
    choice: { options: ['R511', 'R512', 'R513', 'R514'] },
  },
  { all: [/school nurse/], choice: one('R52N') },
  { all: [/resource specialist/], none: [/permit/], choice: one('RSAA') },
  { all: [/resource specialist/, /permit/], choice: one('S1') },
  { all: [/learning handicapped/], choice: one('R3LH') },
  { all: [/severely handicapped/], choice: one('R3SH') },
  { all: [/communication handicapped/], choice: one('R3CH') },
  { all: [/physically handicapped/], choice: one('R3PV') },
  { all: [/visually handicapped/], none: [/physically handicapped/], choice: one('R3VH') },
  { all: [/multiple subject/], choice: one('GEN:MS') },
  { all: [/single subject/], choice: one('GEN:SS') },
  { all: [/administrative services/], choice: one('GEN:ADMIN') },
  { all: [/career technical|designated subjects/], choice: one('GEN:CTE') },
  { all: [/child development permit/], choice: one('GEN:CDP') },
  { all: [/\bpk 3\b/], choice: one('GEN:PK3') },
  { all: [/substitute/], choice: one('GEN:SUB') },
];

/** A CRS R56A code whose title names neither area. */
export const R56A_EITHER: CodeChoice = { options: ['R56A:AUD', 'R56A:OM'] };

export type DocKind =
  'clear' | 'preliminary' | 'intern' | 'PIP' | 'STSP' | 'SELAP' | 'waiver' | 'license' | 'emergency' | 'other';

/** Kind words, checked in order against the `kind` field, then the title. */
export const KIND_RULES: readonly { test: RegExp; kind: DocKind }[] = [
  { test: /provisional internship|\bpip\b/, kind: 'PIP' },
  { test: /short term staff|\bstsp\b/, kind: 'STSP' },
  { test: /limited assignment|\bselap\b|\btla3\b/, kind: 'SELAP' },
  { test: /\bintern/, kind: 'intern' },
  { test: /waiver/, kind: 'waiver' },
  { test: /licen[sc]e/, kind: 'license' },
  { test: /emergency/, kind: 'emergency' },
  { test: /preliminary|level i\b|\blevel 1\b/, kind: 'preliminary' },
  { test: /clear|professional|\blife\b/, kind: 'clear' },
];

/** Temporary documents and their limits (research.md §7.3). */
export const TEMPORARY: Readonly<Partial<Record<DocKind, { limits: string; citation: Citation }>>> = {
  intern: {
    limits:
      'an intern credential is valid only while the holder stays enrolled in the intern program (length per CL-402a/CL-707b, not confirmed here)',
    citation: cite('CTC_T06'),
  },
  PIP: {
    limits: 'a Provisional Internship Permit lasts one year, on employer request only, after a diligent search',
    citation: cite('CL856'),
  },
  STSP: {
    limits:
      "a Short-Term Staff Permit ends with the employer's school year (at most one year) and is not renewable: once in a lifetime",
    citation: cite('CL858'),
  },
  SELAP: {
    limits:
      "a Special Education Limited Assignment Permit lasts one year, never past the prerequisite credential's expiration, may be reissued twice per specialty and needs an annual Declaration of Need",
    citation: cite('CL889'),
  },
  waiver: {
    limits:
      'a short-term waiver lasts one semester or less, once per teacher and class; a variable term waiver up to one year',
    citation: cite('CTC_WAIVERS'),
  },
};
