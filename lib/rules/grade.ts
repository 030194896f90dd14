import { differenceInYears, parseISO } from 'date-fns';
import { memoize } from './normalize/text';

/**
 * The grade ladder of RULES.md as numbers: PK (ages 3–5) −1, TK and K 0, grades 1–12, post-secondary (adult
 * programs to age 22) 13. A student's level is an interval: exact from a grade, approximate from an age.
 */
export const PK = -1;
export const K = 0;
export const POST = 13;

export interface Level {
  lo: number;
  hi: number;
  /** How the level was found, for details that explain a review. */
  from: 'grade' | 'age' | 'unknown';
}

export interface GradeRange {
  min: number;
  max: number;
  label: string;
}

export const RANGES = {
  birthTo22: { min: PK, max: POST, label: 'birth to age 22' },
  tkTo22: { min: K, max: POST, label: 'TK–12 (to age 22)' },
  birthToK: { min: PK, max: K, label: 'birth to kindergarten' },
  birthToPK: { min: PK, max: PK, label: 'birth to pre-kindergarten' },
  birthTo12: { min: PK, max: 12, label: 'birth to grade 12' },
  pkTo22: { min: PK, max: POST, label: 'preschool to age 22' },
} as const satisfies Record<string, GradeRange>;

const UNKNOWN: Level = { lo: PK, hi: POST, from: 'unknown' };

const GRADE_WORDS: Record<string, number> = {
  pk: PK,
  prek: PK,
  p: PK,
  ps: PK,
  pre: PK,
  preschool: PK,
  prekindergarten: PK,
  tk: K,
  k: K,
  kg: K,
  kinder: K,
  kindergarten: K,
  transitionalkindergarten: K,
  '0': K,
  '00': K,
  postsecondary: POST,
  post: POST,
  adult: POST,
  '13': POST,
  '14': POST,
  ya: POST,
  transition: POST,
};

/** A grade as SIS pages show it ("K", "03", "3rd", "Grade 3", "PK", "Post-Secondary"), or null when not understood. */
export function parseGrade(text: string | null | undefined): number | null {
  return text ? gradeMemo(text) : null;
}

const gradeMemo = memoize((text: string): number | null => {
  if (text.trim() === '-1') return PK;
  const key = text
    .toLowerCase()
    .replace(/\b(grade|gr)\b/g, '')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/[^a-z0-9]/g, '');
  const word = GRADE_WORDS[key];
  if (word !== undefined) return word;
  if (/^\d{1,2}$/.test(key)) {
    const n = Number(key);
    if (n >= 1 && n <= 12) return n;
  }
  return null;
});

/** Whole years of age on the as-of date. */
export function ageOn(birthDate: string, asOf: string): number {
  return differenceInYears(parseISO(asOf), parseISO(birthDate));
}

/** The student's level from the grade, else the age on the as-of date (under 5: PK; 5: K), else unknown. */
export function studentLevel(
  grade: string | null | undefined,
  birthDate: string | null | undefined,
  asOf: string,
): Level {
  const g = parseGrade(grade);
  if (g !== null) return { lo: g, hi: g, from: 'grade' };
  if (!birthDate) return UNKNOWN;
  const age = ageOn(birthDate, asOf);
  if (age < 5) return { lo: PK, hi: PK, from: 'age' };
  if (age === 5) return { lo: K, hi: K, from: 'age' };
  // Older ages place a student only roughly (retention, acceleration): a year either side.
  if (age < 18) return { lo: Math.max(1, age - 6), hi: Math.min(12, age - 4), from: 'age' };
  return { lo: 12, hi: POST, from: 'age' };
}

/** yes: the whole level lies in the range; no: none of it does; review: it depends on the exact grade. */
export function levelIn(level: Level, range: GradeRange): 'yes' | 'no' | 'review' {
  if (level.lo >= range.min && level.hi <= range.max) return 'yes';
  if (level.hi < range.min || level.lo > range.max) return 'no';
  return 'review';
}

export function describeLevel(level: Level): string {
  if (level.from === 'unknown') return 'no grade or birth date';
  const name = (n: number) => (n === PK ? 'PK' : n === K ? 'K' : n === POST ? 'post-secondary' : `grade ${n}`);
  return level.lo === level.hi ? name(level.lo) : `${name(level.lo)}–${name(level.hi)} (from age)`;
}

/** True when the student is certainly pre-kindergarten (EC 56441.7 counts only ages 3–5). */
export function isPK(level: Level): boolean {
  return level.hi === PK;
}
