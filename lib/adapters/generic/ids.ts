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

/**
 * Parameters named for a kind in other words ("StudentNumber", "stu_num", "TeacherID", "emp_no"): whose id
 * the name says. A parameter that names neither (category_id, school_id) is never a record id.
 */
const ID_SUFFIX = '(?:[_-]?(?:person)?[_-]?(?:id|no|num|number|key|dcid|guid))?$';
const KIND_WORDS: readonly [RegExp, SubjectKind | null][] = [
  [new RegExp(`^(?:student|stu|pupil|learner)${ID_SUFFIX}`), 'student'],
  [new RegExp(`^(?:staff|teacher|employee|emp|user|usr|educator|faculty)${ID_SUFFIX}`), 'staff'],
  // Infinite Campus and others: one person id for students and staff alike; the page's fields say whose.
  [/^(?:person|pers)[_-]?(?:id|no|num|key)$/, null],
];

/** Path segments that name a record kind, followed by the record's id: `/students/1001`, `/staff/T101`. */
const PATH_KINDS: Readonly<Record<string, SubjectKind>> = {
  student: 'student',
  students: 'student',
  pupil: 'student',
  pupils: 'student',
  staff: 'staff',
  teacher: 'staff',
  teachers: 'staff',
  employee: 'staff',
  employees: 'staff',
};

function idFromPath(url: URL, want?: SubjectKind): FoundId | null {
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  for (let i = segments.length - 2; i >= 0; i--) {
    const kind = PATH_KINDS[segments[i]!.toLowerCase()];
    const id = segments[i + 1]!; // i + 1 < segments.length
    if (kind && (!want || want === kind) && isUsableId(id) && /\d/.test(id))
      return { kind, id, source: `url path /${segments[i]}/` };
  }
  return null;
}

/** The record id a URL (or a link's href, resolved against `base`) carries in its query or path, if any. */
export function idFromUrl(
  href: string | URL | null | undefined,
  base?: string | URL,
  want?: SubjectKind,
): FoundId | null {
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
  for (const [name, v] of params) {
    const hit = KIND_WORDS.find(([re]) => re.test(name));
    if (!hit || !isUsableId(v) || !/\d/.test(v)) continue;
    const kind = hit[1];
    if (!want || !kind || want === kind) return { kind, id: v, source: `url ${name}` };
  }
  return idFromPath(url, want);
}

/**
 * A heading that states the record: "Aiden Nguyen - 3" (name, dash, id), "Aiden Nguyen (ID: 3)", "Aiden Nguyen
 * #3". The id must hold a digit so that "Student Info - General" is not taken for one.
 */
export function idFromHeading(text: string | null | undefined): { name: string; id: string } | null {
  const s = cleanText(text);
  if (!s) return null;
  // "Aiden Nguyen - 3", "Aiden Nguyen (ID: 3)", "Aiden Nguyen #1004", "Aiden Nguyen | Student ID 1004"
  const m =
    /^(.*[A-Za-z].*?)\s+[-\u2013\u2014|]\s+(?:(?:student|staff|perm|local)?\s*(?:id|#|no\.?|number)\s*:?\s*)?([A-Za-z0-9][\w.-]*)$/i.exec(
      s,
    ) ??
    /^(.*[A-Za-z].*?)\s*\((?:(?:student|staff|perm|local)?\s*(?:id|#|no\.?|number)\s*:?\s*|(?=[A-Za-z0-9][\w.-]{2}))([A-Za-z0-9][\w.-]*)\)$/i.exec(
      s,
    ) ??
    /^(.*[A-Za-z].*?)\s+#\s?([A-Za-z0-9][\w.-]*)$/.exec(s);
  const [, name, id] = m ?? [];
  return name !== undefined && id !== undefined && /\d/.test(id) && isUsableId(id) ? { name: name.trim(), id } : null;
}
