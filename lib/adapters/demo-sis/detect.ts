/**
 * Page detection for the demo SIS: the page must carry the demo's generator meta (so this profile never claims
 * another site) and its URL path must be one of the SIS's routes. Each detector lists the URLs it must match;
 * a test proves each matches none of the others' (github-url-detection style).
 */
import type { PageType } from '../../domain';
import { GENERATOR_CONTENT, GENERATOR_META } from './selectors';

const ID = '([A-Za-z0-9_-]+)';

interface Detector {
  pageType: Exclude<PageType, 'unknown'>;
  pattern: RegExp;
  /** URLs this detector must match (paths on any host). */
  examples: readonly string[];
}

export const DETECTORS: readonly Detector[] = [
  { pageType: 'student-list', pattern: /^\/students\/?$/, examples: ['/students', '/students/', '/students?sort=grade'] },
  { pageType: 'student', pattern: new RegExp(`^/students/${ID}/?$`), examples: ['/students/1001', '/students/1030/', '/students/1001#services'] },
  { pageType: 'staff-list', pattern: /^\/staff\/?$/, examples: ['/staff', '/staff/', '/staff?view=basic'] },
  { pageType: 'staff', pattern: new RegExp(`^/staff/${ID}/?$`), examples: ['/staff/T101', '/staff/T111/'] },
];

/** URLs no detector may match. */
export const NOT_DETECTED: readonly string[] = ['/', '/students/1001/edit', '/staffing', '/students.csv', '/staff/T101/credentials', '/Modules.php?modname=Students/Student.php&student_id=3'];

/** The page type for a URL path alone (the generator check is separate so `read` can reuse this). */
export function pageTypeFromUrl(url: URL): Exclude<PageType, 'unknown'> | null {
  return DETECTORS.find((d) => d.pattern.test(url.pathname))?.pageType ?? null;
}

/** The record id in a student or staff page URL (ids are plain [A-Za-z0-9_-], so nothing to decode). */
export function idFromPath(pathname: string, kind: 'students' | 'staff'): string | null {
  const m = new RegExp(`^/${kind}/${ID}/?$`).exec(pathname);
  return m ? m[1] : null;
}

export function isDemoSis(doc: Document): boolean {
  return doc.querySelector(GENERATOR_META)?.getAttribute('content')?.trim() === GENERATOR_CONTENT;
}

export function detect(url: URL, doc: Document): PageType | null {
  return isDemoSis(doc) ? pageTypeFromUrl(url) : null;
}
