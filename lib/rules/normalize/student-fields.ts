import type { CaseManagerRole } from '../../domain/records';
import type { SupportLevel } from '../pack/coverage';
import { splitLabel } from './parts';
import { compactKey, memoize, words } from './text';

/** What a closed student field holds (RULES.md, "Program, degree of support, role: what SIS pages write"). */
export type FieldRead<T> = { kind: 'value'; value: T } | { kind: 'absent' } | { kind: 'unrecognized'; raw: string };

export type Program = 'RSP' | 'SDC' | 'DIS' | 'GENED' | 'other';

const ABSENT: FieldRead<never> = { kind: 'absent' };
// "N/A", "None", "-" and blanks (compactKey drops punctuation, so "-" is "").
const ABSENT_KEYS = new Set(['', 'na', 'none']);
const isAbsent = (raw: string) => ABSENT_KEYS.has(compactKey(raw));

/**
 * A closed vocabulary read as disabilities are: the whole text, or a code and its name together
 * ("Mild to Moderate (MMSN)") that all name the same value. Numbers are never one of these values.
 */
function closedField<T extends string>(
  vocab: Record<T, readonly string[]>,
): (text: string | null | undefined) => FieldRead<T> {
  const byKey = new Map<string, T>();
  for (const [value, wordings] of Object.entries(vocab) as [T, readonly string[]][])
    for (const w of wordings) byKey.set(compactKey(w), value);
  const read = memoize((raw: string): FieldRead<T> => {
    if (isAbsent(raw)) return ABSENT;
    const whole = byKey.get(compactKey(raw));
    if (whole) return { kind: 'value', value: whole };
    const { numbers, parts } = splitLabel(raw);
    const found = new Set(parts.map((p) => byKey.get(compactKey(p))));
    if (!numbers.length && found.size === 1 && !found.has(undefined)) return { kind: 'value', value: [...found][0]! };
    return { kind: 'unrecognized', raw };
  });
  return (text) => read(text?.trim() ?? '');
}

export const normalizeSupport = closedField<SupportLevel>({
  MMSN: ['MMSN', 'Mild to Moderate', 'Mild to Moderate Support Needs', 'Mild/Moderate'],
  // Moderate/Severe: the bridge crosswalk (research.md).
  ESN: ['ESN', 'Extensive', 'Extensive Support Needs', 'Moderate/Severe'],
});

export const normalizeRole = closedField<CaseManagerRole>({
  instruction: ['instruction', 'instructional', 'teacher of record'],
  service: ['service', 'service provider', 'related service provider'],
  coordination: ['coordination', 'coordinator', 'coordinator only'],
});

type Token = 'RSP' | 'SDC' | 'GENED' | 'DIS' | 'SPEECH' | 'FILLER';

// Longest phrase first. SPEECH and FILLER words only ever stand beside a program ("RSP with speech", "DIS only").
const PHRASES: [string[], Token][] = (
  [
    ['resource specialist program', 'RSP'],
    ['resource specialist', 'RSP'],
    ['resource room', 'RSP'],
    ['resource', 'RSP'],
    ['rsp', 'RSP'],
    ['special day class', 'SDC'],
    ['special day program', 'SDC'],
    ['sdc', 'SDC'],
    ['designated instruction and services', 'DIS'],
    ['dis', 'DIS'],
    ['general education', 'GENED'],
    ['regular education', 'GENED'],
    ['gen ed', 'GENED'],
    ['gened', 'GENED'],
    ['speech', 'SPEECH'],
    ['language', 'SPEECH'],
    ['lang', 'SPEECH'],
    ['therapy', 'SPEECH'],
    ['only', 'FILLER'],
    ['and', 'FILLER'],
    ['with', 'FILLER'],
    ['w', 'FILLER'],
    ['plus', 'FILLER'],
    ['program', 'FILLER'],
    ['services', 'FILLER'],
  ] as [string, Token][]
)
  .map(([p, t]): [string[], Token] => [p.split(' '), t])
  .sort((a, b) => b[0].length - a[0].length);

function tokens(text: string): { found: Set<Token>; leftover: number } {
  const w = words(text).split(' ');
  const found = new Set<Token>();
  let leftover = 0;
  for (let i = 0; i < w.length;) {
    const hit = PHRASES.find(([p]) => p.every((x, j) => w[i + j] === x));
    if (hit) {
      found.add(hit[1]);
      i += hit[0].length;
    } else {
      leftover++;
      i++;
    }
  }
  return { found, leftover };
}

// Whole texts compared as compact keys, so "R.S.P." and "GenEd" read as their programs.
const WHOLE = new Map<string, Program>(
  PHRASES.filter(([, t]) => t === 'RSP' || t === 'SDC' || t === 'DIS' || t === 'GENED').map(([p, t]) => [
    p.join(''),
    t as Program,
  ]),
);
WHOLE.set('other', 'other');

function parseProgram(raw: string): FieldRead<Program> {
  if (isAbsent(raw)) return ABSENT;
  const whole = WHOLE.get(compactKey(raw));
  if (whole) return { kind: 'value', value: whole };
  const no: FieldRead<Program> = { kind: 'unrecognized', raw };
  const { found, leftover } = tokens(raw);
  const main = (['RSP', 'SDC', 'GENED'] as const).filter((p) => found.has(p));
  // "RSP/SDC", "Resource (SDC)": two programs, or a code and a name that disagree.
  if (main.length > 1) return no;
  const [program] = main;
  // A qualifier never sets the degree of support: "SDC-ESN", "SDC (Mild/Mod)" are just SDC.
  if (program === 'SDC') return { kind: 'value', value: 'SDC' };
  if (leftover) return no;
  // RSP written with DIS or speech is RSP.
  if (program === 'RSP') return { kind: 'value', value: 'RSP' };
  if (program === 'GENED') return found.has('DIS') || found.has('SPEECH') ? no : { kind: 'value', value: 'GENED' };
  // DIS only, "Speech/Language Only (DIS)": neither RSP nor SDC.
  return found.has('DIS') ? { kind: 'value', value: 'DIS' } : no;
}

const programMemo = memoize(parseProgram);

/** Reads a program field: RSP, SDC, DIS, GENED (codes, names or both), `other` only when it says so. */
export function normalizeProgram(text: string | null | undefined): FieldRead<Program> {
  return programMemo(text?.trim() ?? '');
}

/** The value read, or null when the field is absent or unrecognized (both count as absent for the checks). */
export function valueOf<T>(read: FieldRead<T>): T | null {
  return read.kind === 'value' ? read.value : null;
}
