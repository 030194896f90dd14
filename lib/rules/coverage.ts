import { quoteCredential } from './normalize/credential';
import { describeLevel, type GradeRange, type Level, levelIn } from './grade';
import { COVERAGE_BY_CODE, type CoverageRow, type SupportLevel } from './pack/coverage';
import { type CodeChoice, describeCode } from './pack/credentials';
import { type Category, DISABILITIES, describeCategory } from './pack/disabilities';
import type { DocInfo, StaffInfo } from './staff-index';

/** What a teacher must cover: the disability check 1 uses, and what limits it. */
export interface Need {
  category: Category;
  level: Level;
  support: SupportLevel | null;
  /** Every category the student has (primary and secondary), for "autism with DHH/VI" (chart footnote 2). */
  has: readonly Category[];
  /** Everything the verdict depends on, packed in one number: the per-staff cache key. */
  key: number;
}

const CATEGORY_INDEX = new Map<Category, number>(DISABILITIES.map((d, i) => [d.abbr, i]));
const AUTISM_WITH: readonly Category[] = ['HH', 'DEAF', 'DB', 'VI'];

/** The need for one category of a student; only autism depends on the other categories (footnote 2). */
export function makeNeed(
  category: Category,
  level: Level,
  support: SupportLevel | null,
  has: readonly Category[],
): Need {
  let mask = 0;
  if (category === 'AUT') AUTISM_WITH.forEach((c, i) => has.includes(c) && (mask |= 1 << i));
  const sup = support === 'MMSN' ? 1 : support === 'ESN' ? 2 : 0;
  const key = (((CATEGORY_INDEX.get(category)! * 3 + sup) * 16 + (level.lo + 1)) * 16 + (level.hi + 1)) * 16 + mask;
  return { category, level, support, has, key };
}

export type Tri = 'yes' | 'no' | 'review';

export interface Verdict {
  result: Tri | 'unknown';
  /** The code that covers (yes), or what needs review / why not. */
  code?: string;
  reasons: string[];
}

const rank: Record<Tri, number> = { no: 0, review: 1, yes: 2 };

function worst(a: Tri, b: Tri): Tri {
  return rank[a] < rank[b] ? a : b;
}

interface Limit {
  r: Tri;
  why: string;
}

function note(found: Limit[], r: Tri, why: string): void {
  found.push({ r, why });
}

/** One code against the need. `base` is the grade range of the holder's valid base documents (added authorizations). */
export function evaluateCode(
  code: string,
  need: Need,
  doc: { namesAutism: boolean; issued: string },
  base: GradeRange | null,
): { result: Tri; reason?: string } {
  const row: CoverageRow | undefined = COVERAGE_BY_CODE.get(code);
  if (!row) return { result: 'no' };
  const name = describeCode(code);
  const found: Limit[] = [];
  if (row.needsBase && !base)
    note(found, 'no', `${name} counts only beside a valid special-education teaching credential`);
  if (row.reviewOnly) note(found, 'review', row.reviewOnly);
  else if (!row.covers.includes(need.category)) {
    if (need.category === 'AUT' && row.autismWith?.some((c) => need.has.includes(c))) {
      /* chart footnote 2: autism together with DHH/VI/DB */
    } else if (need.category === 'AUT' && row.autismIssuedFrom) {
      if (doc.namesAutism || (doc.issued && doc.issued >= row.autismIssuedFrom)) {
        /* the document names autism, or 2010+ programs include it (CL-808CA) */
      } else if (doc.issued) note(found, 'no', `${name} issued before ${row.autismIssuedFrom} does not name autism`);
      else
        note(
          found,
          'review',
          `${name} covers autism only if issued on or after ${row.autismIssuedFrom} or naming autism, and no issue date is recorded`,
        );
    } else if (row.gapIsReview)
      note(
        found,
        'review',
        `${name} is an older document read from T06 wording; whether it covers ${describeCategory(need.category)} needs review`,
      );
    else note(found, 'no', `${name} does not cover ${describeCategory(need.category)}`);
  }
  const grades = row.needsBase ? base : row.grades;
  if (grades) {
    const g = levelIn(need.level, grades);
    if (g === 'no') note(found, 'no', `${name} covers ${grades.label}, not ${describeLevel(need.level)}`);
    else if (g === 'review')
      note(
        found,
        'review',
        `${name} covers ${grades.label}; the student's grade is not certain (${describeLevel(need.level)})`,
      );
  }
  if (row.support && need.category !== 'EMD') {
    if (!need.support)
      note(
        found,
        'review',
        `${name} is limited by degree of support (${row.support}) and the student's degree of support (MMSN or ESN, CALPADS PLAN 23.16) is not recorded`,
      );
    else if (need.support !== row.support)
      note(found, 'no', `${name} covers ${row.support} students; this student is ${need.support}`);
  }
  if (row.partial?.includes(need.category))
    note(
      found,
      'review',
      `${name} covers only part of ${describeCategory(need.category)} (for intellectual disability, a severity the data does not record)`,
    );
  const result = found.reduce<Tri>((acc, f) => worst(acc, f.r), 'yes');
  return { result, reason: found.find((f) => f.r === result)?.why };
}

/** The grades of the holder's valid base teaching documents: where their added authorizations apply. */
function baseRange(info: StaffInfo): GradeRange | null {
  if (info.memo.base === undefined) info.memo.base = computeBaseRange(info.valid);
  return info.memo.base as GradeRange | null;
}

function computeBaseRange(valid: readonly DocInfo[]): GradeRange | null {
  let range: GradeRange | null = null;
  for (const d of valid)
    for (const c of d.norm.choices)
      for (const o of c.options) {
        const row = COVERAGE_BY_CODE.get(o);
        if (row?.base) {
          const g = row.grades;
          range = range
            ? {
                min: Math.min(range.min, g.min),
                max: Math.max(range.max, g.max),
                label: 'the base credential’s grades',
              }
            : { ...g, label: 'the base credential’s grades' };
        }
      }
  return range;
}

function evaluateChoice(
  choice: CodeChoice,
  need: Need,
  doc: DocInfo,
  base: GradeRange | null,
): { result: Tri; code: string; reason?: string } {
  const issued = doc.cred.issued ?? '';
  const each = choice.options.map((code) => ({
    code,
    ...evaluateCode(code, need, { namesAutism: doc.norm.namesAutism, issued }, base),
  }));
  // A choice has at least one option (lib/rules/normalize).
  const one = each[0]!;
  if (each.every((e) => e.result === 'yes')) return one;
  if (each.every((e) => e.result === 'no')) return one;
  if (each.length === 1) return one;
  const title = doc.cred.title ?? choice.options.join('/');
  const hint = choice.currentFrom ? '; an issue date would tell' : '';
  return {
    result: 'review',
    code: choice.options.join('/'),
    reason: `"${title}" could be ${choice.options.join(' or ')}, and the answer depends on which${hint}`,
  };
}

/** Whether any of a staff member's valid documents covers the need (RULES.md check 1 and the coverage table). */
export function evaluateStaff(info: StaffInfo, need: Need): Verdict {
  const cache = info.memo.verdicts as Map<number, Verdict>;
  let v = cache.get(need.key);
  if (!v) cache.set(need.key, (v = computeVerdict(info, need)));
  return v;
}

function computeVerdict(info: StaffInfo, need: Need): Verdict {
  if (!info.known) return { result: 'unknown', reasons: ['their credentials are not on record'] };
  const base = baseRange(info);
  const reviews: string[] = [];
  const gaps: string[] = [];
  for (const doc of info.valid) {
    for (const choice of doc.norm.choices) {
      const v = evaluateChoice(choice, need, doc, base);
      if (v.result === 'yes') return { result: 'yes', code: v.code, reasons: [] };
      if (v.reason) (v.result === 'review' ? reviews : gaps).push(v.reason);
    }
    for (const raw of doc.norm.unrecognized) reviews.push(`the credential ${quoteCredential(raw)} could not be read`);
  }
  if (reviews.length) return { result: 'review', reasons: reviews };
  return { result: 'no', reasons: gaps };
}

/** Whether a staff member holds one of the codes a service requires, on a valid document. */
export function holdsAny(info: StaffInfo, codes: readonly string[]): Verdict {
  if (!info.known) return { result: 'unknown', reasons: ['their credentials are not on record'] };
  const reviews: string[] = [];
  for (const doc of info.valid) {
    for (const choice of doc.norm.choices) {
      const hits = choice.options.filter((o) => codes.includes(o));
      if (hits.length === choice.options.length) return { result: 'yes', code: hits[0], reasons: [] };
      if (hits.length)
        reviews.push(`"${doc.cred.title ?? choice.options.join('/')}" could be ${choice.options.join(' or ')}`);
    }
    for (const raw of doc.norm.unrecognized) reviews.push(`the credential ${quoteCredential(raw)} could not be read`);
  }
  if (reviews.length) return { result: 'review', reasons: reviews };
  const expired = info.docs.some(
    (d) => d.expired && d.norm.choices.some((c) => c.options.some((o) => codes.includes(o))),
  );
  return { result: 'no', reasons: expired ? ['the matching document has expired'] : [] };
}

/** "Mild to Moderate Support Needs (R3MN), Multiple Subject Teaching Credential" — what a staff member holds. */
export function describeHoldings(info: StaffInfo): string {
  info.memo.holdings ??= holdings(info);
  return info.memo.holdings;
}

function holdings(info: StaffInfo): string {
  const held = new Set<string>();
  for (const d of info.valid) {
    for (const c of d.norm.choices)
      held.add(
        c.options.length === 1 && c.options[0]
          ? describeCode(c.options[0])
          : `${d.cred.title ?? ''} (${c.options.join(' or ')})`.trim(),
      );
    for (const raw of d.norm.unrecognized) held.add(`${quoteCredential(raw)} (not recognized)`);
  }
  const expired = info.docs
    .filter((d) => d.expired)
    .map((d) => d.cred.title ?? (d.cred.authorizations ?? []).join('/'));
  let text = held.size ? [...held].join(', ') : 'no valid credential';
  if (expired.length) text += ` (expired: ${expired.join(', ')})`;
  return text;
}
