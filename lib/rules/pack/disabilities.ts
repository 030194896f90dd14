/**
 * CALPADS disability categories (research.md §1.1, ctc-reference.json table1). The abbreviation is the category
 * key used by every other table. 200 ("None") is handled by the normalizer, not listed here.
 */
export type Category =
  'ID' | 'HH' | 'DEAF' | 'SLI' | 'VI' | 'ED' | 'OI' | 'OHI' | 'EMD' | 'SLD' | 'DB' | 'MD' | 'AUT' | 'TBI';

export interface DisabilityRow {
  code: string;
  name: string;
  abbr: Category;
  /** EC 56026.5: hearing, vision and severe orthopedic impairments (OI only when `severe`). */
  lowIncidence: boolean | 'severe';
  /** CALPADS PLAN 23.16 asks for a degree of support (MMSN/ESN) for this category (PLAN0726). */
  degreeOfSupport: boolean;
}

export const DISABILITIES: readonly DisabilityRow[] = [
  { code: '210', name: 'Intellectual Disability', abbr: 'ID', lowIncidence: false, degreeOfSupport: true },
  { code: '220', name: 'Hard of Hearing', abbr: 'HH', lowIncidence: true, degreeOfSupport: false },
  { code: '230', name: 'Deaf', abbr: 'DEAF', lowIncidence: true, degreeOfSupport: false },
  { code: '240', name: 'Speech or Language Impairment', abbr: 'SLI', lowIncidence: false, degreeOfSupport: false },
  { code: '250', name: 'Visual Impairment', abbr: 'VI', lowIncidence: true, degreeOfSupport: false },
  { code: '260', name: 'Emotional Disturbance', abbr: 'ED', lowIncidence: false, degreeOfSupport: true },
  { code: '270', name: 'Orthopedic Impairment', abbr: 'OI', lowIncidence: 'severe', degreeOfSupport: true },
  { code: '280', name: 'Other Health Impairment', abbr: 'OHI', lowIncidence: false, degreeOfSupport: true },
  { code: '281', name: 'Established Medical Disability', abbr: 'EMD', lowIncidence: false, degreeOfSupport: false },
  { code: '290', name: 'Specific Learning Disability', abbr: 'SLD', lowIncidence: false, degreeOfSupport: true },
  { code: '300', name: 'Deaf-Blindness', abbr: 'DB', lowIncidence: true, degreeOfSupport: true },
  { code: '310', name: 'Multiple Disabilities', abbr: 'MD', lowIncidence: false, degreeOfSupport: true },
  { code: '320', name: 'Autism', abbr: 'AUT', lowIncidence: false, degreeOfSupport: true },
  { code: '330', name: 'Traumatic Brain Injury', abbr: 'TBI', lowIncidence: false, degreeOfSupport: true },
];

/** CALPADS code 200 and the words SIS pages use for "no disability" (RULES.md, input). */
export const NO_DISABILITY_CODE = '200';
export const NO_DISABILITY_WORDS: readonly string[] = ['', 'none', 'na'];

export const DISABILITY_BY_ABBR: ReadonlyMap<Category, DisabilityRow> = new Map(DISABILITIES.map((d) => [d.abbr, d]));

/** "Autism (320, AUT)": how findings name a category. */
export function describeCategory(abbr: Category): string {
  const d = DISABILITY_BY_ABBR.get(abbr)!;
  return `${d.name} (${d.code}, ${d.abbr})`;
}
