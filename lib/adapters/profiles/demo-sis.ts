import { profileAdapter } from '../generic/profile-reader';
import type { SiteProfileInput } from '../profile';
import { withProfileDefaults } from '../profile-match';

/**
 * The demo's ids are letters, digits, _ and -: a record URL with a percent-escape in its id (`/students/%3Cx%3E`)
 * is not one of its pages (globs have no character classes, so these are said as exclusions).
 */
const ENCODED = (kind: string) => [`/${kind}/%*`, `/${kind}/*%*`, `/${kind}/%*/`, `/${kind}/*%*/`];

/** The demo SIS's self-identification: the profile never claims a page without it. */
const DEMO_META = 'meta[name="generator"][content="Liaison Demo SIS"]';

/**
 * The bundled demo SIS (demo-sis/serve.ts), read like any district's SIS: this profile only says which URLs are
 * which page and what in-app navigation swaps; the generic reader finds every field by its label, table header
 * and link (ids in `/students/<id>` paths, "Name - id" headings, services and credentials tables).
 */
export const DEMO_SIS_PROFILE = {
  id: 'demo-sis',
  label: 'Liaison Demo SIS',
  verified: true,
  hostPatterns: ['127.0.0.1', 'localhost', '*.localhost'],
  liveRoot: '#content',
  source: 'demo-sis/ (markup written by this project, pinned by test/fixtures/demo-sis)',
  pages: [
    {
      type: 'student-list',
      urlPatterns: ['/students', '/students/'],
      markers: [DEMO_META],
      root: '#content',
      synonyms: true,
    },
    // The name shown in the heading, for pages whose heading states no id.
    {
      type: 'student',
      urlPatterns: ['/students/*', '/students/*/'],
      excludeUrlPatterns: ENCODED('students'),
      markers: [DEMO_META],
      root: '#content',
      name: { selector: 'h1.record-title .record-name' },
      synonyms: true,
    },
    { type: 'staff-list', urlPatterns: ['/staff', '/staff/'], markers: [DEMO_META], root: '#content', synonyms: true },
    {
      type: 'staff',
      urlPatterns: ['/staff/*', '/staff/*/'],
      excludeUrlPatterns: ENCODED('staff'),
      markers: [DEMO_META],
      root: '#content',
      name: { selector: 'h1.record-title .record-name' },
      synonyms: true,
    },
  ],
} satisfies SiteProfileInput;

/** URLs (paths on the demo's host) each page type must match, and paths no page lives at. */
export const DEMO_SIS_URLS = {
  match: {
    'student-list': ['/students', '/students/', '/students?sort=grade'],
    student: ['/students/1001', '/students/1030/', '/students/1001#services'],
    'staff-list': ['/staff', '/staff/', '/staff?view=basic'],
    staff: ['/staff/T101', '/staff/T111/'],
  },
  noMatch: [
    '/',
    '/students/1001/edit',
    '/staffing',
    '/students.csv',
    '/staff/T101/credentials',
    '/Modules.php?modname=Students/Student.php&student_id=3',
  ],
} as const;

export const demoSisAdapter = profileAdapter(withProfileDefaults(DEMO_SIS_PROFILE));
