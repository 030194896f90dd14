/**
 * Every RosarioSIS selector in one place, each with the captured pages it must match and how many times
 * (test/unit/adapters/rosariosis.test.ts walks them against ../shared/sis-pages/rosariosis/; the keys of
 * `fixtures` are file names there, 0 meaning "must not match").
 * Custom field ids (CUSTOM_200000012) differ per install, so no selector names one: fields are found by
 * their `.legend-gray` caption text and list columns by header text.
 */
export interface SelectorSpec {
  selector: string;
  why: string;
  fixtures: Readonly<Record<string, number>>;
}

const each = (names: string[], n: number) => Object.fromEntries(names.map((f) => [f, n]));
const forms = (name: string) => [`${name}.html`, `${name}.dom.html`];
const STUDENT_RECORDS = [
  'student-general-info',
  'student-special-education',
  'student-general-info-no-iep',
  'student-special-education-no-iep',
].flatMap(forms);
const STAFF_RECORDS = ['staff-general-info', 'staff-special-education'].flatMap(forms);
const STUDENT_LISTS = ['student-list', 'student-list-expanded', 'student-search-by-case-manager'].flatMap(forms);
const STAFF_LISTS = ['staff-list', 'staff-list-expanded'].flatMap(forms);
const AJAX = [
  'student-special-education.ajax-fragment.html',
  'student-special-education-after-ajax-tab-click.dom.html',
] as const;
const SEARCH = ['student-search-form', 'staff-search-form'].flatMap(forms);
const FULL_PAGES = [...STUDENT_RECORDS, ...STAFF_RECORDS, ...STUDENT_LISTS, ...STAFF_LISTS, ...SEARCH, AJAX[1]];

export const SELECTORS = {
  liveRoot: {
    selector: '#body',
    why: 'replaced in place by AJAX navigation (warehouse.js ajaxLink); the fragment is its content',
    fixtures: { ...each(FULL_PAGES, 1), [AJAX[0]]: 0 },
  },
  menu: {
    selector: 'aside#menu',
    why: 'left menu; in raw HTML it shows the previous student, so nothing is read from it',
    fixtures: { ...each(FULL_PAGES, 1), [AJAX[0]]: 0 },
  },
  productMarker: {
    selector: '#body, aside#menu, td.header1 span.module-icon',
    why: 'RosarioSIS markup in full pages and in the AJAX fragment',
    fixtures: { ...each(FULL_PAGES, 3), [AJAX[0]]: 1 },
  },
  recordHeader: {
    selector: 'td.header2:not(.align-right)',
    why: '"Aiden Nguyen - 3": name and id of the record; on lists it holds view links instead',
    fixtures: {
      ...each([...STUDENT_RECORDS, ...STAFF_RECORDS, ...AJAX], 1),
      ...each(['student-list', 'student-list-expanded', 'staff-list', 'staff-list-expanded'].flatMap(forms), 1),
      ...each(forms('student-search-by-case-manager'), 2),
      ...each(SEARCH, 0),
    },
  },
  studentRecordForm: {
    selector: 'form#student[action*="student_id="]',
    why: 'its action names the record the fields belong to',
    fixtures: {
      ...each([...STUDENT_RECORDS, ...AJAX], 1),
      ...each([...STAFF_RECORDS, ...STUDENT_LISTS, ...SEARCH], 0),
    },
  },
  staffRecordForm: {
    selector: 'form#staff[action*="staff_id="]',
    why: 'its action names the record the fields belong to',
    fixtures: { ...each(STAFF_RECORDS, 1), ...each([...STUDENT_RECORDS, ...STAFF_LISTS, ...SEARCH], 0) },
  },
  caption: {
    selector: '.legend-gray',
    why: 'field captions under values: the only per-install-stable key of custom fields',
    fixtures: {
      ...each(forms('student-special-education'), 8),
      ...each(forms('student-special-education-no-iep'), 8),
      [AJAX[0]]: 8,
      [AJAX[1]]: 8,
      ...each(['student-general-info', 'student-general-info-no-iep'].flatMap(forms), 16),
      ...each(forms('staff-general-info'), 12),
      ...each(forms('staff-special-education'), 4),
      ...each(STUDENT_LISTS, 0),
      ...each(STAFF_LISTS, 0),
    },
  },
  listTable: {
    selector: 'table.list[data-list-id]',
    why: 'RosarioSIS ListOutput tables (record pages have one for enrollment too)',
    fixtures: {
      ...each([...STUDENT_LISTS, ...STAFF_LISTS], 1),
      ...each(['student-general-info', 'student-general-info-no-iep'].flatMap(forms), 1),
      ...each([...SEARCH, ...STAFF_RECORDS, ...AJAX], 0),
      ...each(forms('student-special-education'), 0),
    },
  },
  listNameHeader: {
    selector: 'table.list th.list-column-full-name',
    why: 'the name column of student and user lists; a list without it is not a people list',
    fixtures: {
      ...each([...STUDENT_LISTS, ...STAFF_LISTS], 1),
      ...each([...STUDENT_RECORDS, ...STAFF_RECORDS, ...SEARCH], 0),
    },
  },
  studentListLink: {
    selector: 'table.list tbody a[href*="modname=Students/Student.php"][href*="student_id="]',
    why: 'name links of student lists; their student_id is the row id',
    fixtures: {
      ...each(forms('student-list'), 5),
      ...each(forms('student-list-expanded'), 5),
      ...each(forms('student-search-by-case-manager'), 2),
      ...each([...STAFF_LISTS, ...STUDENT_RECORDS], 0),
    },
  },
  staffListLink: {
    selector: 'table.list tbody a[href*="modname=Users/User.php"][href*="staff_id="]',
    why: 'name links of user lists; their staff_id is the row id',
    fixtures: { ...each(STAFF_LISTS, 7), ...each(STUDENT_LISTS, 0) },
  },
  profileHeader: {
    selector: 'table.list th.list-column-profile',
    why: 'user lists mix staff with parents; the Profile column tells them apart',
    fixtures: { ...each(STAFF_LISTS, 1), ...each(STUDENT_LISTS, 0) },
  },
  pageTitle: {
    selector: 'td.header1 h2',
    why: 'module title; the marker goes here when a record has no header cell',
    fixtures: { ...each([...FULL_PAGES, AJAX[0]], 1) },
  },
} as const satisfies Record<string, SelectorSpec>;
