import type { SubjectKind } from '../../domain';
import { cleanText } from './text';

/**
 * URL parameters that carry a record id, lower-cased (matching ignores case). `either` says nothing about whose
 * id it is; the page's fields decide. PowerSchool's `frn` is `001` + the students row's DCID on student pages.
 */
export const ID_PARAMS: Readonly<Record<SubjectKind | 'either', readonly string[]>> = {
  student: ['student_id', 'studentid', 'stu_id', 'stuid', 'student'],
  staff: ['staff_id', 'staffid', 'teacher_id', 'teacherid', 'user_id', 'userid', 'employee_id', 'employeeid'],
  either: ['id', 'frn'],
};

/** Placeholder values that are not ids ("Add a User" links use `staff_id=new`). */
const NOT_IDS = new Set(['new', 'add', 'none', 'null', 'undefined', 'all', '']);

/** A plausible record id: short, word characters, not a placeholder. */
export function isUsableId(value: string | null | undefined): value is string {
  return !!value && value.length <= 64 && /^[A-Za-z0-9][\w.-]*$/.test(value) && !NOT_IDS.has(value.toLowerCase());
}

export interface FoundId {
  /** Whose id the parameter says it is; null for `id`/`frn`. */
  kind: SubjectKind | null;
  id: string;
  /** Where it came from, for provenance ("url student_id"). */
  source: string;
}

function parse(href: string | URL, base?: string | URL): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** The record id a URL (or a link's href, resolved against `base`) carries in its query, if any. */
export function idFromUrl(href: string | URL | null | undefined, base?: string | URL, want?: SubjectKind): FoundId | null {
  if (!href) return null;
  const url = parse(href, base ?? 'http://invalid.invalid/');
  if (!url) return null;
  const params = new Map<string, string>();
  url.searchParams.forEach((v, k) => {
    if (!params.has(k.toLowerCase())) params.set(k.toLowerCase(), v);
  });
  const kinds: (SubjectKind | 'either')[] = want ? [want, 'either'] : ['student', 'staff', 'either'];
  for (const kind of kinds) {
    for (const p of ID_PARAMS[kind]) {
      const v = params.get(p);
      if (isUsableId(v)) return { kind: kind === 'either' ? null : kind, id: v, source: `url ${p}` };
    }
  }
  return null;
}

/**
 * A heading that states the record: "Aiden Nguyen - 3" (name, dash, id). The id must hold a digit so that
 * "Student Info - General" is not taken for one.
 */
export function idFromHeading(text: string | null | undefined): { name: string; id: string } | null {
  const s = cleanText(text);
  const m = s ? /^(.*[A-Za-z].*?)\s+[-\u2013\u2014]\s+([A-Za-z0-9][\w.-]*)$/.exec(s) : null;
  return m && /\d/.test(m[2]) && isUsableId(m[2]) ? { name: m[1], id: m[2] } : null;
}
