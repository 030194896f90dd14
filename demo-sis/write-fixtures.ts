/**
 * Writes the demo SIS pages the adapter tests read (test/fixtures/demo-sis/) from the server's own renderer, so
 * fixtures and server never drift:  tsx demo-sis/write-fixtures.ts
 * A test re-renders them and fails when a committed fixture is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DISTRICT, type District } from './district';
import { renderPage } from './render';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'demo-sis');

/** Names that try to break out of the markup; the hostile fixtures must show them as text. */
export const HOSTILE_STUDENT_NAME = '<img src=x onerror=alert(1)>';
export const HOSTILE_STAFF_NAME = `O'Brien & "Sons" </span><b>`;

/** The demo district with student 1001 and their case manager T101 renamed to hostile names. */
export function hostileDistrict(): District {
  return {
    ...DISTRICT,
    students: DISTRICT.students.map((s) => (s.id === '1001' ? { ...s, name: HOSTILE_STUDENT_NAME } : s)),
    staff: DISTRICT.staff.map((s) => (s.id === 'T101' ? { ...s, name: HOSTILE_STAFF_NAME } : s)),
  };
}

export interface FixtureSpec {
  file: string;
  /** The page's URL path on the demo SIS (tests read fixtures as if at this URL). */
  path: string;
  fragment?: boolean;
  hostile?: boolean;
}

export const FIXTURES: readonly FixtureSpec[] = [
  { file: 'home.html', path: '/' },
  { file: 'student-list.html', path: '/students' },
  { file: 'student-1001.html', path: '/students/1001' }, // no secondary disability: empty <select>
  { file: 'student-1011.html', path: '/students/1011' }, // alternate placement, DHH provider
  { file: 'student-1015.html', path: '/students/1015' }, // no case manager
  { file: 'student-1016.html', path: '/students/1016' }, // case manager by name, no staff record
  { file: 'student-1030.html', path: '/students/1030' }, // orthopedic impairment, severe
  { file: 'student-1031.html', path: '/students/1031' }, // provider by name only
  { file: 'student-1030.fragment.html', path: '/students/1030', fragment: true },
  { file: 'staff-list.html', path: '/staff' },
  { file: 'staff-list-basic.html', path: '/staff?view=basic' }, // no credential columns
  { file: 'staff-T101.html', path: '/staff/T101' },
  { file: 'staff-T111.html', path: '/staff/T111' }, // "No credentials on file"
  { file: 'staff-T112.html', path: '/staff/T112' }, // credential without authorizations
  { file: 'student-not-found.html', path: '/students/9999' },
  { file: 'student-1001-hostile.html', path: '/students/1001', hostile: true },
  { file: 'student-list-hostile.html', path: '/students', hostile: true },
];

export function renderFixture(spec: FixtureSpec): string {
  const url = new URL(spec.path, 'http://127.0.0.1/');
  return renderPage(url, { fragment: spec.fragment, district: spec.hostile ? hostileDistrict() : DISTRICT }).html;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const spec of FIXTURES) writeFileSync(join(FIXTURE_DIR, spec.file), renderFixture(spec));
  console.log(`wrote ${FIXTURES.length} fixtures to ${FIXTURE_DIR}`);
}
