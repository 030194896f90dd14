// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Snapshot } from '../../../lib/domain';
import { ROSARIO_SELECTORS, rosarioSisAdapter } from '../../../lib/adapters/rosariosis';
import type { PageRead } from '../../../lib/adapters/types';
import { BUILT_IN_PROFILE_IDS, pickAdapter } from '../../../lib/adapters/registry';
import { parseHtml } from '../../fixtures/generic/parse-html';

/** Real pages are read in place (GPL output: never copied into this repo). */
/** Tests run from the repository root (vitest's root), beside which CI keeps ../shared. */
const DIR = `${resolve(process.cwd(), '../shared/sis-pages/rosariosis')}/`;
const present = existsSync(`${DIR}manifest.json`);

type ManifestEntry = { name: string; url: string; final_url?: string };
const manifest = (): ManifestEntry[] => JSON.parse(readFileSync(`${DIR}manifest.json`, 'utf8'));

function load(file: string) {
  const name = file.replace(/\.dom\.html$|\.html$/, '');
  const entry = manifest().find((m) => m.name === name);
  if (!entry) throw new Error(`no manifest entry for ${file}`);
  return { doc: parseHtml(readFileSync(DIR + file, 'utf8')), url: new URL(entry.final_url ?? entry.url) };
}

function read(file: string): PageRead {
  const { doc, url } = load(file);
  const result = rosarioSisAdapter.read(doc, url);
  Snapshot.parse(result.snapshot);
  return result;
}

const strip = <T extends { provenance?: unknown }>(records: T[]) => records.map(({ provenance: _, ...rest }) => rest);
const both = (name: string) => [`${name}.html`, `${name}.dom.html`];

const AIDEN_GENERAL = { id: '3', name: 'Aiden Nguyen', grade: '5', birthDate: '2015-07-21' };
const EMMA_GENERAL = { id: '5', name: 'Emma Johnson', grade: '4', birthDate: '2016-01-14' };
const SAI = { code: '330', name: 'Specialized Academic Instruction' };
const LAS = { code: '415', name: 'Language and Speech' };
const OT = { code: '450', name: 'Occupational Therapy' };
const AIDEN_SPED = {
  id: '3',
  name: 'Aiden Nguyen',
  primaryDisability: '320 - Autism (AUT)',
  secondaryDisability: '240 - Speech or Language Impairment (SLI)',
  caseManager: { name: 'Maria Gonzalez' },
  services: [SAI, LAS, OT],
  iep: { lastMeeting: '2026-04-17', nextAnnual: '2027-04-16', nextTriennial: '2029-03-30' },
};
const EMMA_SPED = {
  id: '5',
  name: 'Emma Johnson',
  primaryDisability: null,
  secondaryDisability: null,
  caseManager: null,
  services: [],
  iep: { lastMeeting: null, nextAnnual: null, nextTriennial: null },
};
const JORDAN_SPED = {
  id: '2',
  name: 'Jordan A Rivera',
  primaryDisability: '290 - Specific Learning Disability (SLD)',
  secondaryDisability: null,
  caseManager: { name: 'Maria Gonzalez' },
  services: [SAI, LAS],
  iep: { lastMeeting: '2026-10-02', nextAnnual: '2027-10-01', nextTriennial: '2028-09-15' },
};
const SOFIA_SPED = {
  id: '4',
  name: 'Sofia L Martinez',
  primaryDisability: '240 - Speech or Language Impairment (SLI)',
  secondaryDisability: null,
  caseManager: { name: 'Priya Patel' },
  services: [LAS],
  iep: { lastMeeting: '2026-09-12', nextAnnual: '2027-09-11', nextTriennial: '2029-09-11' },
};
const LIST_BASIC = [
  { id: '3', name: 'Aiden Nguyen', grade: '5' },
  { id: '5', name: 'Emma Johnson', grade: '4' },
  { id: '2', name: 'Jordan A Rivera', grade: '3' },
  { id: '4', name: 'Sofia L Martinez', grade: '1' },
  { id: '1', name: 'Student S Student', grade: '6' },
];
const noIep = { primaryDisability: null, caseManager: null, services: [], iep: { nextAnnual: null } };
const AIDEN_ROW = {
  ...LIST_BASIC[0],
  primaryDisability: AIDEN_SPED.primaryDisability,
  caseManager: AIDEN_SPED.caseManager,
  services: AIDEN_SPED.services,
  iep: { nextAnnual: '2027-04-16' },
};
const JORDAN_ROW = {
  ...LIST_BASIC[2],
  primaryDisability: JORDAN_SPED.primaryDisability,
  caseManager: JORDAN_SPED.caseManager,
  services: JORDAN_SPED.services,
  iep: { nextAnnual: '2027-10-01' },
};
const LIST_EXPANDED = [
  AIDEN_ROW,
  { ...LIST_BASIC[1], ...noIep },
  JORDAN_ROW,
  {
    ...LIST_BASIC[3],
    primaryDisability: SOFIA_SPED.primaryDisability,
    caseManager: SOFIA_SPED.caseManager,
    services: SOFIA_SPED.services,
    iep: { nextAnnual: '2027-09-11' },
  },
  { ...LIST_BASIC[4], ...noIep },
];
const MARIA_CREDENTIAL = { title: 'Education Specialist: Mild/Moderate Support Needs', expires: '2029-06-30' };
const STAFF_BASIC = [
  { id: '1', name: 'Admin A Administrator' },
  { id: '5', name: 'David Kim' },
  { id: '7', name: 'Linda Chen' },
  { id: '4', name: 'Maria Gonzalez' },
  { id: '6', name: 'Priya Patel' },
  { id: '2', name: 'Teach T Teacher' },
];
const none = { position: null, email: null, credentials: [] };
const STAFF_EXPANDED = [
  { ...STAFF_BASIC[0], ...none },
  {
    ...STAFF_BASIC[1],
    position: 'School Psychologist',
    email: 'dkim@example.org',
    credentials: [{ title: 'Pupil Personnel Services: School Psychology', expires: '2028-09-01' }],
  },
  {
    ...STAFF_BASIC[2],
    position: 'Program Specialist',
    email: 'lchen@example.org',
    credentials: [
      { title: 'Administrative Services', expires: '2030-01-15' },
      { title: 'Education Specialist: Extensive Support Needs', expires: '2030-01-15' },
    ],
  },
  {
    ...STAFF_BASIC[3],
    position: 'Education Specialist (RSP)',
    email: 'mgonzalez@example.org',
    credentials: [MARIA_CREDENTIAL],
  },
  {
    ...STAFF_BASIC[4],
    position: 'Speech-Language Pathologist',
    email: 'ppatel@example.org',
    credentials: [{ title: 'Speech-Language Pathology Services', expires: '2027-12-31' }],
  },
  { ...STAFF_BASIC[5], ...none },
];

interface Case {
  files: string[];
  pageType: string;
  focus?: { kind: 'student' | 'staff'; id: string };
  students?: object[];
  staff?: object[];
}
const CASES: Case[] = [
  { files: both('student-search-form'), pageType: 'unknown' },
  { files: both('staff-search-form'), pageType: 'unknown' },
  { files: both('student-list'), pageType: 'student-list', students: LIST_BASIC },
  { files: both('student-list-expanded'), pageType: 'student-list', students: LIST_EXPANDED },
  { files: both('student-search-by-case-manager'), pageType: 'student-list', students: [AIDEN_ROW, JORDAN_ROW] },
  {
    files: both('student-general-info'),
    pageType: 'student',
    focus: { kind: 'student', id: '3' },
    students: [AIDEN_GENERAL],
  },
  {
    files: both('student-special-education'),
    pageType: 'student',
    focus: { kind: 'student', id: '3' },
    students: [AIDEN_SPED],
  },
  {
    files: both('student-general-info-no-iep'),
    pageType: 'student',
    focus: { kind: 'student', id: '5' },
    students: [EMMA_GENERAL],
  },
  {
    files: both('student-special-education-no-iep'),
    pageType: 'student',
    focus: { kind: 'student', id: '5' },
    students: [EMMA_SPED],
  },
  {
    files: ['student-special-education.ajax-fragment.html'],
    pageType: 'student',
    focus: { kind: 'student', id: '2' },
    students: [JORDAN_SPED],
  },
  {
    files: ['student-special-education-after-ajax-tab-click.dom.html'],
    pageType: 'student',
    focus: { kind: 'student', id: '4' },
    students: [SOFIA_SPED],
  },
  { files: both('staff-list'), pageType: 'staff-list', staff: STAFF_BASIC },
  { files: both('staff-list-expanded'), pageType: 'staff-list', staff: STAFF_EXPANDED },
  {
    files: both('staff-general-info'),
    pageType: 'staff',
    focus: { kind: 'staff', id: '4' },
    staff: [{ id: '4', name: 'Maria Gonzalez', email: 'mgonzalez@example.org', phone: '555-0101' }],
  },
  {
    files: both('staff-special-education'),
    pageType: 'staff',
    focus: { kind: 'staff', id: '4' },
    staff: [
      {
        id: '4',
        name: 'Maria Gonzalez',
        position: 'Education Specialist (RSP)',
        credentials: [MARIA_CREDENTIAL],
        caseloadMax: 28,
      },
    ],
  },
];

describe.skipIf(!present)(
  'RosarioSIS real pages (read in place from ../shared/sis-pages/rosariosis; left out when that folder is absent)',
  () => {
    describe.each(CASES.flatMap((c) => c.files.map((file) => [file, c] as const)))('%s', (file, c) => {
      test(`is a ${c.pageType} page and reads exactly the records it shows`, () => {
        const { doc, url } = load(file);
        expect(rosarioSisAdapter.detect(url, doc)).toBe(c.pageType);
        const { snapshot, anchors } = read(file);
        expect(snapshot.profile).toBe('rosariosis');
        expect(snapshot.pageType).toBe(c.pageType);
        expect(snapshot.focus ?? null).toEqual(c.focus ?? null);
        expect(strip(snapshot.students)).toEqual(c.students ?? []);
        expect(strip(snapshot.staff)).toEqual(c.staff ?? []);
        expect(snapshot.diagnostics).toEqual([]);
        const records = [
          ...snapshot.students.map((s) => ['student', s.id]),
          ...snapshot.staff.map((s) => ['staff', s.id]),
        ];
        expect(anchors.map((a) => [a.kind, a.id])).toEqual(records);
      });

      test('reads the same records with every built-in profile switched off (the generic reader alone)', () => {
        const { doc, url } = load(file);
        const picked = pickAdapter(url, doc, new Set(BUILT_IN_PROFILE_IDS));
        // A search form shows no record: the generic reader does not claim it.
        if (!c.students?.length && !c.staff?.length) return expect(picked).toBeNull();
        expect(picked?.adapter.id).toBe('generic');
        const { snapshot, anchors } = picked!.adapter.read(doc, url);
        expect(snapshot.pageType).toBe(c.pageType);
        expect(snapshot.focus ?? null).toEqual(c.focus ?? null);
        expect(strip(snapshot.students)).toEqual(c.students ?? []);
        expect(strip(snapshot.staff)).toEqual(c.staff ?? []);
        expect(anchors.map((a) => a.id)).toEqual([...snapshot.students, ...snapshot.staff].map((r) => r.id));
      });
    });

    test('record anchors sit in the "Name - id" header cell; list anchors after each name link', () => {
      const record = read('student-special-education.html');
      expect(record.anchors[0]!.element.matches('td.header2')).toBe(true);
      expect(record.anchors[0]!.inside).toBe(true);
      const list = read('student-list-expanded.html');
      for (const a of list.anchors) {
        expect(a.element.tagName).toBe('A');
        expect(a.element.getAttribute('href')).toContain(`student_id=${a.id}`);
      }
    });

    test('provenance names the caption or column each value came from', () => {
      const s = read('student-special-education.html').snapshot.students[0];
      expect(s!.provenance).toMatchObject({
        id: 'header td.header2',
        primaryDisability: 'label "Primary Disability"',
        services: 'label "Special Education Services"',
      });
      const row = read('student-list-expanded.html').snapshot.students[0];
      expect(row!.provenance).toMatchObject({ id: 'link student_id', caseManager: 'column "Case Manager"' });
    });

    describe('the raw menu shows the previous student; it is never taken for the current one', () => {
      test('student-general-info-no-iep.html: the menu links student 3, the page is student 5', () => {
        const { doc, url } = load('student-general-info-no-iep.html');
        expect(doc.querySelector('aside#menu .current-person a[href*="student_id=3"]')?.textContent).toContain(
          'Aiden Nguyen',
        );
        const { snapshot } = rosarioSisAdapter.read(doc, url);
        expect(snapshot.focus).toEqual({ kind: 'student', id: '5' });
        expect(snapshot.students.map((s) => s.id)).toEqual(['5']);
      });

      test('student-general-info.html: menuStudentID is still empty in raw HTML, the page is student 3', () => {
        const { doc, url } = load('student-general-info.html');
        expect(doc.documentElement.innerHTML).toContain('menuStudentID=""');
        expect(rosarioSisAdapter.read(doc, url).snapshot.focus).toEqual({ kind: 'student', id: '3' });
      });

      test('with header, form action and URL id gone, nothing is read rather than the menu student', () => {
        const { doc } = load('student-general-info-no-iep.html');
        doc.querySelectorAll('td.header2').forEach((el) => el.remove());
        doc
          .querySelector('form#student')
          ?.setAttribute('action', 'Modules.php?modname=Students/Student.php&modfunc=update');
        const url = new URL('http://127.0.0.1:8080/Modules.php?modname=Students/Student.php&modfunc=update');
        const { snapshot } = rosarioSisAdapter.read(doc, url);
        expect(snapshot.students).toEqual([]);
        expect(snapshot.focus ?? null).toBeNull();
        expect(snapshot.pageType).toBe('unknown');
        Snapshot.parse(snapshot);
      });
    });

    test('when the URL and the content disagree, the content (what the fields belong to) wins and it is reported', () => {
      const { doc } = load('student-special-education.ajax-fragment.html');
      const stale = new URL(
        'http://127.0.0.1:8080/Modules.php?modname=Students/Student.php&student_id=3&category_id=6',
      );
      const { snapshot } = rosarioSisAdapter.read(doc, stale);
      expect(snapshot.focus).toEqual({ kind: 'student', id: '2' });
      expect(snapshot.diagnostics).toEqual([expect.objectContaining({ level: 'warning' })]);
    });

    test('the live root is #body, present on full pages and replaced by the AJAX fragment', () => {
      expect(rosarioSisAdapter.liveRoot).toBe('#body');
      const after = load('student-special-education-after-ajax-tab-click.dom.html').doc;
      expect(after.querySelector('#body td.header2')?.textContent).toBe('Sofia L Martinez - 4');
    });

    describe('every selector matches its fixtures the stated number of times', () => {
      const rows = Object.entries(ROSARIO_SELECTORS).flatMap(([key, spec]) =>
        Object.entries(spec.fixtures).map(([file, n]) => [key, file, n, spec.selector] as const),
      );
      test.each(rows)('%s in %s: %i', (_key, file, n, selector) => {
        expect(parseHtml(readFileSync(DIR + file, 'utf8')).querySelectorAll(selector).length).toBe(n);
      });
    });
  },
);

describe('RosarioSIS without the captured pages', () => {
  test('detect needs both the Modules.php URL and product markup', () => {
    const url = new URL('http://sis.example/Modules.php?modname=Students/Student.php&student_id=3');
    expect(rosarioSisAdapter.detect(url, parseHtml('<p>hello</p>'))).toBeNull();
    expect(rosarioSisAdapter.detect(url, parseHtml('<div id="body"></div>'))).toBe('student');
    expect(
      rosarioSisAdapter.detect(new URL('http://sis.example/index.php'), parseHtml('<div id="body"></div>')),
    ).toBeNull();
  });

  test('a record page with hostile text reads it as text, and nothing executes', () => {
    (globalThis as { __pwned?: number }).__pwned = 0;
    const html = `<div id="body"><form id="student" action="Modules.php?modname=Students/Student.php&student_id=9">
      <table><tr><td class="header2">&lt;img src=x onerror=alert(1)&gt; - 9</td></tr></table>
      <div><span class="underline-dots"><img src=x onerror="globalThis.__pwned=1">Autism</span><br><span class="legend-gray">Primary Disability</span></div>
      <script>globalThis.__pwned = 2</script></form></div>`;
    const doc = parseHtml(html);
    const { snapshot } = rosarioSisAdapter.read(
      doc,
      new URL('http://sis.example/Modules.php?modname=Students/Student.php&student_id=9'),
    );
    expect(snapshot.students[0]).toMatchObject({
      id: '9',
      name: '<img src=x onerror=alert(1)>',
      primaryDisability: 'Autism',
    });
    expect((globalThis as { __pwned?: number }).__pwned).toBe(0);
    Snapshot.parse(snapshot);
  });
});
