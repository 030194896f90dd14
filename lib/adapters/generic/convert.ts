import type { Service } from '../../domain';
import { cleanText } from './text';

/** "5th" → "5", "Grade 01" → "1", "Kindergarten" → "K"; other text is kept as shown (PK, TK, Post-Secondary…). */
export function normalizeGrade(text: string | null): string | null {
  const s = cleanText(text);
  if (!s) return null;
  const m = /^(?:grade\s*)?0*(\d{1,2})(?:st|nd|rd|th)?(?:\s*grade)?$/i.exec(s);
  if (m?.[1]) return m[1];
  if (/^(k|kg|kinder(garten)?)$/i.test(s)) return 'K';
  if (/^(tk|transitional kinder(garten)?)$/i.test(s)) return 'TK';
  if (/^(pk|pre-?k|pre-?school|pre-?kinder(garten)?)$/i.test(s)) return 'PK';
  return s;
}

const CODE_FIRST = /^(\d{3})\b\s*[-\u2013\u2014:]?\s*(.*)$/;
/** " - ", en and em dashes, pipes: what separates a service from its minutes and provider on one line. */
const SEPARATOR = /\s+[-|]\s+|\s*[\u2013\u2014]\s*|\s*\|\s*/;
/** Minutes and frequency: "150 min/wk", "60 min x 4/week", "2x weekly", "30 minutes monthly". */
const FREQUENCY =
  /\b\d+\s*(?:x\b|min|minutes?|hrs?|hours?|times?|sessions?)|\/\s*(?:wk|week|mo|month|day|yr)\b|\b(?:daily|weekly|monthly)\b/i;
const TRAILING_FREQUENCY = /\s*\(([^()]*)\)\s*$/;
/** Words of service names: a part holding one is not a person. */
const SERVICE_WORDS =
  /\b(?:services?|therapy|instruction|speech|language|counseling|health|nursing|audiology|vision|mobility|orientation|physical|occupational|academic|psycholog\w*|behavior\w*|adapted|specialized|consult\w*|SAI|APE|OT|PT|DHH)\b/i;
const TITLE = '(?:(?:Dr|Mr|Mrs|Ms|Mx|Miss|DR|MR|MRS|MS)\\.?\\s+)?';
const NAME_WORD = "[\\p{Lu}][\\p{L}'\u2019.-]*";
/** "Renata Alvarez", "Dr. Celeste Amari", "Alvarez, Renata", "O'Neil, Mary K." */
const PERSON = new RegExp(`^${TITLE}${NAME_WORD}(?:,?\\s+${NAME_WORD}){1,3}$`, 'u');

/** True when a text reads as a person's name rather than a service or a frequency. */
export function looksLikePerson(text: string): boolean {
  return PERSON.test(text) && !SERVICE_WORDS.test(text) && !/\d/.test(text);
}

/**
 * One service as a SIS line writes it: "330 SAI - Renata Alvarez (150 min/wk)", "415 – 60 min/wk – Tomás Whitlock",
 * "SAI: Alvarez, Renata", "Deaf and Hard of Hearing Services - Yvonne Kettering", "330 - Specialized Academic
 * Instruction". The provider is taken only where a part reads as a person's name; minutes are dropped.
 */
export function parseServiceLine(line: string): Service | null {
  let s = cleanText(line);
  if (!s) return null;
  const trailing = TRAILING_FREQUENCY.exec(s);
  if (trailing && FREQUENCY.test(trailing[1] ?? '')) s = s.slice(0, trailing.index).trim();
  let providerName: string | null = null;
  // "ABBR: Last, First" — a short service label, a colon, a person.
  const [, label, person] = /^([^:]{1,60}?):\s+(.+)$/.exec(s) ?? [];
  if (label && person && !/^\d{3}$/.test(label.trim()) && looksLikePerson(person.trim())) {
    s = label.trim();
    providerName = person.trim();
  }
  const parts = s
    .split(SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p && !(FREQUENCY.test(p) && !looksLikePerson(p)));
  if (!parts.length) return null;
  if (!providerName && parts.length > 1 && looksLikePerson(parts[parts.length - 1]!)) providerName = parts.pop()!;
  let code: string | null = null;
  const [, firstCode, rest] = CODE_FIRST.exec(parts[0]!) ?? []; // parts is not empty (checked above)
  if (firstCode !== undefined && rest !== undefined) {
    code = firstCode;
    parts[0] = rest;
  }
  const name = cleanText(parts.filter(Boolean).join(' - '));
  if (!code && !name) return null;
  const service: Service = { code, name };
  return providerName ? { ...service, providerName } : service;
}

/**
 * Service texts → services. Lines (or a multi-select's values) are one service each; a comma-joined multi-select
 * ("330 - Specialized Academic Instruction, 415 - Language and Speech") is split before each 3-digit code only, so
 * a name holding a comma survives; other text splits on ";", and on commas only when no part names a provider.
 */
export function parseServices(values: readonly string[], text: string | null, lines?: readonly string[]): Service[] {
  const items = lines?.length ? [...lines] : values.length ? [...values] : splitServices(text);
  return items.map(parseServiceLine).filter((x): x is Service => !!x);
}

function splitServices(text: string | null): string[] {
  const s = cleanText(text);
  if (!s) return [];
  if (/^\d{3}\b/.test(s)) return s.split(/\s*[,;]\s*(?=\d{3}\b)/);
  if (s.includes(';')) return s.split(/\s*;\s*/);
  return /:\s|\s[-\u2013\u2014]\s/.test(s) ? [s] : s.split(/\s*,\s+/);
}

/**
 * A multi-select of titles shown comma-joined → the titles. Credential titles hold colons and slashes but, in
 * the CTC's wording, no comma-space, so splitting there is safe; ";" and new lines split too.
 */
export function splitTitles(values: readonly string[], text: string | null, lines?: readonly string[]): string[] {
  if (lines?.length) return [...lines];
  if (values.length) return values.map((v) => cleanText(v)).filter((v): v is string => !!v);
  const s = cleanText(text);
  return s
    ? s
        .split(/\s*(?:;|\n|,\s)\s*/)
        .map((t) => t.trim())
        .filter(Boolean)
    : [];
}

/** A whole non-negative number, or null. */
export function parseCount(text: string | null): number | null {
  const s = cleanText(text)?.replace(/,/g, '');
  return s && /^\d{1,6}$/.test(s) ? Number(s) : null;
}

/** CTC authorization codes as a field or column lists them: "R3MN, AAAS", "R3MN AAAS", one per line. */
export function splitCodes(values: readonly string[], text: string | null, lines?: readonly string[]): string[] {
  const source = [...(lines ?? []), ...values, ...(lines?.length || values.length ? [] : [text ?? ''])];
  return [
    ...new Set(
      source
        .flatMap((s) => s.split(/[\s,;/]+/))
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
}
