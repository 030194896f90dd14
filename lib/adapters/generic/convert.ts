import type { Service } from '../../domain';
import { cleanText } from './text';

/** "5th" → "5", "Grade 01" → "1", "Kindergarten" → "K"; other text is kept as shown (PK, TK, Post-Secondary…). */
export function normalizeGrade(text: string | null): string | null {
  const s = cleanText(text);
  if (!s) return null;
  const m = /^(?:grade\s*)?0*(\d{1,2})(?:st|nd|rd|th)?(?:\s*grade)?$/i.exec(s);
  if (m) return m[1];
  if (/^(k|kg|kinder(garten)?)$/i.test(s)) return 'K';
  if (/^(tk|transitional kinder(garten)?)$/i.test(s)) return 'TK';
  if (/^(pk|pre-?k|pre-?school|pre-?kinder(garten)?)$/i.test(s)) return 'PK';
  return s;
}

const CODED = /^(\d{3})\s*(?:[-\u2013:]\s*|\s)(.+)$/;
const CODE_ONLY = /^(\d{3})$/;

/**
 * Service texts → services. A multi-select shown comma-joined ("330 - Specialized Academic Instruction,
 * 415 - Language and Speech") is split before each 3-digit code only, so a name holding a comma survives;
 * lists without codes split on ";" or new lines, and on commas as a last resort.
 */
export function parseServices(values: readonly string[], text: string | null): Service[] {
  const items = values.length ? [...values] : splitServices(text);
  return items
    .map((raw) => cleanText(raw))
    .filter((s): s is string => !!s)
    .map((s) => {
      const coded = CODED.exec(s);
      if (coded) return { code: coded[1], name: cleanText(coded[2]) };
      const only = CODE_ONLY.exec(s);
      return only ? { code: only[1], name: null } : { code: null, name: s };
    });
}

function splitServices(text: string | null): string[] {
  const s = cleanText(text);
  if (!s) return [];
  if (/^\d{3}\b/.test(s)) return s.split(/\s*[,;]\s*(?=\d{3}\b)/);
  return s.split(/\s*(?:;|\n)\s*/).length > 1 ? s.split(/\s*(?:;|\n)\s*/) : s.split(/\s*,\s+/);
}

/**
 * A multi-select of titles shown comma-joined → the titles. Credential titles hold colons and slashes but, in
 * the CTC's wording, no comma-space, so splitting there is safe; ";" and new lines split too.
 */
export function splitTitles(values: readonly string[], text: string | null): string[] {
  if (values.length) return values.map((v) => cleanText(v)).filter((v): v is string => !!v);
  const s = cleanText(text);
  return s ? s.split(/\s*(?:;|\n|,\s)\s*/).map((t) => t.trim()).filter(Boolean) : [];
}

/** A whole non-negative number, or null. */
export function parseCount(text: string | null): number | null {
  const s = cleanText(text)?.replace(/,/g, '');
  return s && /^\d{1,6}$/.test(s) ? Number(s) : null;
}
