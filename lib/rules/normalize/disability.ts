import { type Category, DISABILITIES, NO_DISABILITY_CODE, NO_DISABILITY_WORDS } from '../pack/disabilities';
import { splitLabel } from './parts';
import { compactKey, memoize } from './text';

export type DisabilityResult =
  { kind: 'none' } | { kind: 'category'; code: string; abbr: Category } | { kind: 'unrecognized'; raw: string };

const NONE: DisabilityResult = { kind: 'none' };
const NONE_MARK = 'NONE';

// "/" reads as "or" (RULES.md): "Speech/Language Impairment" is the CALPADS name "Speech or Language Impairment".
const vocabKey = (s: string) => compactKey(s.replace(/\//g, ' or '));

const BY_KEY = new Map<string, Category | typeof NONE_MARK>();
for (const d of DISABILITIES) {
  BY_KEY.set(vocabKey(d.name), d.abbr);
  BY_KEY.set(vocabKey(d.abbr), d.abbr);
}
for (const w of NO_DISABILITY_WORDS) BY_KEY.set(w, NONE_MARK);
const BY_CODE = new Map<string, Category | typeof NONE_MARK>(DISABILITIES.map((d) => [d.code, d.abbr]));
BY_CODE.set(NO_DISABILITY_CODE, NONE_MARK);
const CODE_OF = new Map<Category, string>(DISABILITIES.map((d) => [d.abbr, d.code]));

function parse(raw: string): DisabilityResult {
  if (BY_KEY.get(compactKey(raw)) === NONE_MARK) return NONE;
  const found = new Set<string>();
  const { numbers, parts } = splitLabel(raw);
  for (const n of numbers) {
    const hit = BY_CODE.get(n);
    if (!hit) return { kind: 'unrecognized', raw };
    found.add(hit);
  }
  let unmatchedWords = false;
  for (const part of parts) {
    const hit = BY_KEY.get(vocabKey(part));
    if (hit) found.add(hit);
    else unmatchedWords = true;
  }
  // Words outside the vocabulary are tolerated only beside exactly one code; alone they are a diagnosis or an
  // informal term ("Dyslexia"), never guessed into a category.
  if (unmatchedWords && new Set(numbers).size !== 1) return { kind: 'unrecognized', raw };
  if (found.size !== 1) return { kind: 'unrecognized', raw };
  const only = [...found][0];
  if (only === NONE_MARK) return NONE;
  const abbr = only as Category;
  return { kind: 'category', code: CODE_OF.get(abbr)!, abbr };
}

const memo = memoize((raw: string) => parse(raw.trim()));

/**
 * Reads a disability field as a SIS shows it into a CALPADS category (RULES.md, "Disability vocabulary"):
 * codes, names, abbreviations and their combinations; "None", "N/A", "200" and empty mean no disability;
 * anything else is kept raw as unrecognized.
 */
export function normalizeDisability(text: string | null | undefined): DisabilityResult {
  return memo(text ?? '');
}
