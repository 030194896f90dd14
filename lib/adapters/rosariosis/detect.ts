import type { PageType } from '../../domain';
import { idFromUrl } from '../generic/ids';
import { SELECTORS } from './selectors';

export const STUDENT_MODNAME = 'Students/Student.php';
export const STAFF_MODNAME = 'Users/User.php';

/** Every RosarioSIS page is `Modules.php?modname=<Module>/<Program>.php`, whatever the host or folder. */
export function isRosarioUrl(url: URL): boolean {
  return /\/Modules\.php$/i.test(url.pathname) && /^[\w-]+\/[\w-]+\.php$/.test(url.searchParams.get('modname') ?? '');
}

/** RosarioSIS markup, present in full pages (`#body`, `aside#menu`) and in the AJAX fragment (module icon). */
export function hasProductMarkup(doc: Document): boolean {
  return !!doc.querySelector(SELECTORS.productMarker.selector);
}

/** The page type the URL alone states, or null when the DOM must say (search form vs record after a POST). */
export function pageTypeFromUrl(url: URL): PageType | null {
  const modname = url.searchParams.get('modname');
  const kind = modname === STUDENT_MODNAME ? 'student' : modname === STAFF_MODNAME ? 'staff' : null;
  if (!kind) return 'unknown';
  if (idFromUrl(url, undefined, kind)?.kind === kind) return kind;
  if (url.searchParams.get('search_modfunc') === 'list') return `${kind}-list`;
  return null;
}

function pageTypeFromDom(doc: Document, modname: string | null): PageType {
  const student = modname === STUDENT_MODNAME;
  if (doc.querySelector((student ? SELECTORS.studentRecordForm : SELECTORS.staffRecordForm).selector))
    return student ? 'student' : 'staff';
  if (doc.querySelector((student ? SELECTORS.studentListLink : SELECTORS.staffListLink).selector))
    return student ? 'student-list' : 'staff-list';
  return 'unknown'; // e.g. the "Find a Student" search form: a RosarioSIS page, but no record and no list
}

/**
 * Which RosarioSIS page this is, or null when it is not RosarioSIS. Search forms and other modules are
 * `unknown`: recognized as RosarioSIS, holding nothing to read.
 */
export function detectRosario(url: URL, doc: Document): PageType | null {
  if (!isRosarioUrl(url) || !hasProductMarkup(doc)) return null;
  return pageTypeFromUrl(url) ?? pageTypeFromDom(doc, url.searchParams.get('modname'));
}

const BASE = 'http://127.0.0.1:8080/Modules.php?modname=';
/** URLs the detector must place (from the captured pages' manifest), and URLs it must not claim. */
export const ROSARIO_URLS = {
  match: {
    student: [
      `${BASE}Students/Student.php&student_id=3&category_id=6`,
      `${BASE}Students/Student.php&category_id=6&student_id=4`,
      `https://sis.example.org/rosariosis/${BASE.slice(22)}Students/Student.php&student_id=12`,
    ],
    'student-list': [
      `${BASE}Students/Student.php&search_modfunc=list&next_modname=Students/Student.php&expanded_view=true`,
    ],
    staff: [`${BASE}Users/User.php&staff_id=4&category_id=4`],
    'staff-list': [`${BASE}Users/User.php&search_modfunc=list&next_modname=Users/User.php`],
    unknown: [
      `${BASE}Students/Student.php`,
      `${BASE}Users/User.php`,
      `${BASE}misc/Portal.php`,
      `${BASE}Users/User.php&staff_id=new`,
    ],
  },
  noMatch: [
    'http://127.0.0.1:8080/index.php',
    'http://127.0.0.1:8080/Side.php?sidefunc=update',
    'https://example.org/Modules.php',
    'https://example.org/modules.php?name=Forums',
  ],
} as const;
