// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FIXTURE_DIR,
  FIXTURES,
  HOSTILE_STAFF_NAME,
  HOSTILE_STUDENT_NAME,
  renderFixture,
} from '../../../demo-sis/write-fixtures';
import { Snapshot, CanonicalInput } from '../../../lib/domain';
import { DEMO_SIS_PROFILE, DEMO_SIS_URLS, demoSisAdapter } from '../../../lib/adapters/profiles/demo-sis';
import { readGenericPage } from '../../../lib/adapters/generic/page';
import { ADAPTERS, pickAdapter } from '../../../lib/adapters/registry';
import { DISTRICT } from '../../../demo-sis/district';
import { NAV_SCRIPT } from '../../../demo-sis/nav-script';

const ORIGIN = 'http://127.0.0.1:4400';

function fixture(file: string): string {
  return readFileSync(join(FIXTURE_DIR, file), 'utf8');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Reads a committed fixture as if it were at its demo SIS URL, and checks the snapshot against the schema. */
function readFixture(file: string) {
  const spec = FIXTURES.find((f) => f.file === file);
  if (!spec) throw new Error(`unknown fixture ${file}`);
  const url = new URL(spec.path, ORIGIN);
  const doc = parse(fixture(file));
  const result = demoSisAdapter.read(doc, url);
  expect(() => Snapshot.parse(result.snapshot)).not.toThrow();
  return { ...result, doc, url };
}

describe('demo SIS fixtures', () => {
  it.each(FIXTURES.map((f) => [f.file, f] as const))('%s is what the renderer produces now', (_file, spec) => {
    expect(fixture(spec.file), 'stale fixture: run tsx demo-sis/write-fixtures.ts').toBe(renderFixture(spec));
  });

  it('district data is valid canonical input', () => {
    expect(() =>
      CanonicalInput.parse({ asOf: DISTRICT.today, staff: DISTRICT.staff, students: DISTRICT.students }),
    ).not.toThrow();
    expect(DISTRICT.students).toHaveLength(40);
    expect(new Set(DISTRICT.students.map((s) => s.id)).size).toBe(40);
  });
});

describe('detect', () => {
  const demoDoc = parse(fixture('student-list.html'));
  const types = Object.keys(DEMO_SIS_URLS.match) as (keyof typeof DEMO_SIS_URLS.match)[];
  for (const type of types) {
    it(`${type} matches its own URLs and none of the others'`, () => {
      for (const path of DEMO_SIS_URLS.match[type])
        expect(demoSisAdapter.detect(new URL(path, ORIGIN), demoDoc), path).toBe(type);
    });
  }
  it('matches none of the URLs no page lives at', () => {
    for (const path of DEMO_SIS_URLS.noMatch)
      expect(demoSisAdapter.detect(new URL(path, ORIGIN), demoDoc), path).toBeNull();
  });
  it('never claims a page without the demo SIS generator meta', () => {
    const other = parse(
      '<!doctype html><html><head><meta name="generator" content="RosarioSIS"></head><body><main id="content"></main></body></html>',
    );
    for (const type of types)
      for (const path of DEMO_SIS_URLS.match[type])
        expect(demoSisAdapter.detect(new URL(path, ORIGIN), other)).toBeNull();
  });
  it('pickAdapter finds the demo profile, honours the off switch, and passes on other sites', () => {
    expect(ADAPTERS).toContain(demoSisAdapter);
    expect(pickAdapter(new URL('/students/1001', ORIGIN), parse(fixture('student-1001.html')))).toEqual({
      adapter: demoSisAdapter,
      pageType: 'student',
    });
    // Switched off, the demo profile never reads the page (the generic reader may still).
    expect(
      pickAdapter(new URL('/students/1001', ORIGIN), parse(fixture('student-1001.html')), new Set(['demo-sis']))
        ?.adapter,
    ).not.toBe(demoSisAdapter);
    expect(pickAdapter(new URL('/students/1001', ORIGIN), parse('<p>hi</p>'))).toBeNull();
  });
});

describe('profile selectors', () => {
  // Each page's markers and root must match every fixture of that page type once (tables are found by headers).
  const OF_TYPE: Record<string, string[]> = {
    'student-list': ['student-list.html', 'student-list-hostile.html'],
    student: ['student-1001.html', 'student-1011.html', 'student-1030.html', 'student-1001-hostile.html'],
    'staff-list': ['staff-list.html', 'staff-list-basic.html'],
    staff: ['staff-T101.html', 'staff-T111.html', 'staff-T112.html'],
  };
  for (const page of DEMO_SIS_PROFILE.pages) {
    it(`${page.type}: markers and root match its fixtures`, () => {
      for (const file of OF_TYPE[page.type]!) {
        const doc = parse(fixture(file));
        for (const selector of [...page.markers, page.root])
          expect(doc.querySelectorAll(selector).length, `${selector} in ${file}`).toBe(1);
      }
    });
  }
});

describe('generic reader alone', () => {
  // The profile adds only page types and the live root: without it, every field reads the same.
  // (The XHR fragment is read once swapped into a page, below; alone it carries no demo marker.)
  it.each(FIXTURES.filter((f) => !f.file.includes('fragment')).map((f) => [f.file, f] as const))(
    '%s reads to the same records',
    (file, spec) => {
      const url = new URL(spec.path, ORIGIN);
      const withProfile = demoSisAdapter.read(parse(fixture(file)), url).snapshot;
      const alone = readGenericPage(parse(fixture(file)), url).snapshot;
      const records = (s: typeof alone) => [...s.students, ...s.staff].map(({ provenance: _p, ...r }) => r);
      expect(records(alone)).toEqual(records(withProfile));
    },
  );
});

describe('student list', () => {
  const { snapshot, anchors } = readFixture('student-list.html');

  it('reads every student with id, name and columns', () => {
    expect(snapshot.pageType).toBe('student-list');
    expect(snapshot.profile).toBe('demo-sis');
    expect(snapshot.focus).toBeNull();
    expect(snapshot.students.map((s) => s.id)).toEqual(DISTRICT.students.map((s) => s.id));
    expect(snapshot.staff).toEqual([]);
    expect(snapshot.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    const { provenance, ...jordan } = snapshot.students.find((s) => s.id === '1001')!;
    expect(jordan).toEqual({
      id: '1001',
      name: 'Jordan Rivera',
      grade: '4',
      program: 'RSP',
      primaryDisability: '290 - Specific Learning Disability (SLD)',
      caseManager: { staffId: 'T101', name: 'Maria Gonzalez', url: '/staff/T101' },
      iep: { nextAnnual: '2027-03-11' },
    });
    expect(provenance).toMatchObject({
      id: 'link path /students/',
      primaryDisability: 'column "Primary Disability"',
      caseManager: 'column "Case Manager"',
    });
  });

  it('keeps case managers known only by name, and no case manager as null', () => {
    const byId = (id: string) => snapshot.students.find((s) => s.id === id)!;
    expect(byId('1016').caseManager).toEqual({ name: 'Harold Finch' });
    expect(byId('1022').caseManager).toEqual({ name: 'Ms. Ana Torres' });
    expect(byId('1025').caseManager).toEqual({ name: 'Patel, Priya' });
    expect(byId('1015').caseManager).toBeNull();
    expect(byId('1021').primaryDisability).toBe('Dyslexia');
    // Program text as the page shows it: the rules read "General Education" as GENED (RULES.md Input).
    expect(byId('1003').program).toBe('General Education');
  });

  it('anchors a marker after each student name link', () => {
    expect(anchors).toHaveLength(40);
    expect(anchors[0]).toMatchObject({ kind: 'student', id: '1001' });
    expect(anchors[0]!.inside).toBeFalsy();
    expect(anchors[0]!.element.tagName).toBe('A');
    expect(anchors[0]!.element.getAttribute('href')).toBe('/students/1001');
  });
});

describe('student page', () => {
  it('reads every field of a student with an alternate placement', () => {
    const { snapshot, anchors } = readFixture('student-1011.html');
    expect(snapshot.pageType).toBe('student');
    expect(snapshot.focus).toEqual({ kind: 'student', id: '1011' });
    expect(snapshot.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    const { provenance, ...s } = snapshot.students[0]!;
    expect(s).toEqual({
      id: '1011',
      name: 'Emma Wilson',
      grade: '4',
      birthDate: '2016-10-02',
      school: 'Oak Ridge Elementary',
      primaryDisability: '230 - Deaf (DEAF)',
      secondaryDisability: '290 - Specific Learning Disability (SLD)',
      supportLevel: 'Mild to Moderate Support Needs (MMSN)',
      program: 'SDC',
      alternatePlacement: true,
      caseManager: {
        staffId: 'T101',
        name: 'Maria Gonzalez',
        roleText: 'Instruction (teacher of record)',
        url: '/staff/T101',
      },
      services: [
        {
          code: '330',
          name: 'Specialized Academic Instruction',
          providerStaffId: 'T101',
          providerName: 'Maria Gonzalez',
          providerUrl: '/staff/T101',
        },
        {
          code: null,
          name: 'Specialized Deaf and Hard of Hearing Services',
          providerStaffId: 'T105',
          providerName: 'Grace Wu',
          providerUrl: '/staff/T105',
        },
      ],
      iep: { lastMeeting: '2026-01-08', nextAnnual: '2027-01-07', nextTriennial: '2028-01-07' },
    });
    expect(provenance).toMatchObject({
      id: 'heading',
      grade: 'label "Grade"',
      birthDate: 'label "Birth Date"',
      primaryDisability: 'label "Primary Disability"',
      iepNextAnnual: 'label "Next Annual IEP"',
      caseManagerRole: 'label "Case Manager Role"',
      services: 'table "Service", "Provider"',
    });
    expect(anchors).toHaveLength(1);
    expect(anchors[0]).toMatchObject({ kind: 'student', id: '1011', inside: true });
    expect(anchors[0]!.element.matches('h1.record-title')).toBe(true);
  });

  it('reads an empty <select> as no secondary disability, and leaves severity unknown when not shown', () => {
    const s = readFixture('student-1001.html').snapshot.students[0];
    expect(s!.secondaryDisability).toBeNull();
    expect(s!.severe).toBeUndefined();
    expect(s!.caseManager).toEqual({
      staffId: 'T101',
      name: 'Maria Gonzalez',
      roleText: 'Instruction (teacher of record)',
      url: '/staff/T101',
    });
  });

  it('reads orthopedic impairment severity', () => {
    const s = readFixture('student-1030.html').snapshot.students[0];
    expect(s).toMatchObject({
      primaryDisability: '270 - Orthopedic Impairment (OI)',
      severe: true,
      alternatePlacement: true,
    });
  });

  it('reads a case manager with no staff record by name, a missing one as null, a provider by name', () => {
    expect(readFixture('student-1016.html').snapshot.students[0]!.caseManager).toEqual({ name: 'Harold Finch' });
    const s1015 = readFixture('student-1015.html').snapshot.students[0];
    expect(s1015!.caseManager).toBeNull();
    expect(s1015!.services).toEqual([
      {
        code: '330',
        name: 'Specialized Academic Instruction',
        providerStaffId: 'T101',
        providerName: 'Maria Gonzalez',
        providerUrl: '/staff/T101',
      },
    ]);
    expect(readFixture('student-1031.html').snapshot.students[0]!.services).toEqual([
      { code: '415', name: 'Language and Speech', providerName: 'Bay Speech Associates (contract)' },
    ]);
  });

  it('reads the XHR fragment the same way once swapped into the page', () => {
    const page = parse(fixture('student-1001.html'));
    const fragment = parse(fixture('student-1030.fragment.html')).querySelector('#content')!;
    page.querySelector('#content')!.innerHTML = fragment.innerHTML;
    const { snapshot } = demoSisAdapter.read(page, new URL('/students/1030', ORIGIN));
    expect(snapshot.focus).toEqual({ kind: 'student', id: '1030' });
    expect(snapshot.students[0]).toEqual(readFixture('student-1030.html').snapshot.students[0]);
  });

  it('reports a not-found page without throwing', () => {
    const { snapshot, anchors } = readFixture('student-not-found.html');
    expect(snapshot.students).toEqual([]);
    expect(snapshot.focus).toBeNull();
    expect(anchors).toEqual([]);
    expect(snapshot.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('staff list', () => {
  it('reads staff with credentials and expirations; no credentials on file is []', () => {
    const { snapshot, anchors } = readFixture('staff-list.html');
    expect(snapshot.pageType).toBe('staff-list');
    expect(snapshot.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    expect(snapshot.staff.map((s) => s.id)).toEqual(DISTRICT.staff.map((s) => s.id));
    const byId = (id: string) => {
      const { provenance: _p, ...s } = snapshot.staff.find((x) => x.id === id)!;
      return s;
    };
    expect(byId('T107')).toEqual({
      id: 'T107',
      name: 'Lucy Brown',
      position: 'Resource Specialist',
      credentials: [
        { title: 'Education Specialist Instruction Credential: Mild to Moderate Support Needs', expires: '2026-10-31' },
      ],
    });
    expect(byId('T111').credentials).toEqual([]);
    expect(anchors).toHaveLength(14);
    expect(anchors[0]).toMatchObject({ kind: 'staff', id: 'T100' });
    expect(anchors[0]!.inside).toBeFalsy();
  });

  it('leaves credentials unknown (absent) when the list shows no credential column', () => {
    const { snapshot } = readFixture('staff-list-basic.html');
    expect(snapshot.staff).toHaveLength(14);
    for (const s of snapshot.staff) expect(s).not.toHaveProperty('credentials');
    expect(snapshot.staff[0]).toMatchObject({
      id: 'T100',
      name: 'Priya Patel',
      position: 'Speech-Language Pathologist',
    });
  });
});

describe('staff page', () => {
  it('reads position, contact and the credentials table', () => {
    const { snapshot, anchors } = readFixture('staff-T101.html');
    expect(snapshot.focus).toEqual({ kind: 'staff', id: 'T101' });
    expect(snapshot.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    const { provenance, ...s } = snapshot.staff[0]!;
    expect(s).toEqual({
      id: 'T101',
      name: 'Maria Gonzalez',
      position: 'Resource Specialist',
      email: 'mgonzalez@svusd.example.org',
      phone: '(555) 014-0101',
      credentials: [
        {
          title: 'Education Specialist Instruction Credential: Mild to Moderate Support Needs',
          authorizations: ['R3MN'],
          kind: 'Clear',
          expires: '2029-06-30',
        },
      ],
    });
    expect(provenance).toMatchObject({
      position: 'label "Position"',
      credentials: 'table "Credential", "Authorizations", "Expires"',
    });
    expect(anchors[0]).toMatchObject({ kind: 'staff', id: 'T101', inside: true });
  });

  it('reads "No credentials on file" as [] and a credential without authorizations as such', () => {
    expect(readFixture('staff-T111.html').snapshot.staff[0]!.credentials).toEqual([]);
    expect(readFixture('staff-T112.html').snapshot.staff[0]!.credentials).toEqual([
      {
        title: 'Education Specialist Instruction Credential: Mild to Moderate Support Needs',
        kind: 'Clear',
        expires: '2030-06-30',
      },
    ]);
  });

  it('leaves credentials unknown (never read) when the page shows neither table nor empty state', () => {
    const doc = parse(fixture('staff-T101.html'));
    doc.querySelector('#credentials')!.remove();
    const { snapshot } = demoSisAdapter.read(doc, new URL('/staff/T101', ORIGIN));
    expect(snapshot.staff[0]).not.toHaveProperty('credentials');
    expect(snapshot.staff[0]).toMatchObject({ id: 'T101', position: 'Resource Specialist' });
  });
});

describe('hostile names', () => {
  it('render escaped and read back as text', () => {
    const html = fixture('student-1001-hostile.html');
    expect(html).not.toContain(HOSTILE_STUDENT_NAME);
    expect(html).not.toContain(HOSTILE_STAFF_NAME);
    const { snapshot, doc } = readFixture('student-1001-hostile.html');
    expect(doc.querySelector('#content img')).toBeNull();
    expect(doc.querySelector('#content b')).toBeNull();
    expect(snapshot.students[0]!.name).toBe(HOSTILE_STUDENT_NAME);
    expect(snapshot.students[0]!.caseManager).toMatchObject({ staffId: 'T101', name: HOSTILE_STAFF_NAME });
    const list = readFixture('student-list-hostile.html').snapshot.students;
    expect(list.find((s) => s.id === '1001')!.name).toBe(HOSTILE_STUDENT_NAME);
  });
});

describe('odd markup', () => {
  it('never throws, reports what is missing, and never puts student data in diagnostics', () => {
    const doc = parse(fixture('student-1001.html'));
    for (const el of Array.from(doc.querySelectorAll('.field .label')))
      if (/Grade|Primary/.test(el.textContent ?? '')) el.textContent = 'Something else';
    doc.querySelector('table')!.remove();
    const { snapshot } = demoSisAdapter.read(doc, new URL('/students/1001', ORIGIN));
    expect(() => Snapshot.parse(snapshot)).not.toThrow();
    const s = snapshot.students[0];
    expect(s).not.toHaveProperty('grade');
    // An unknown label over an unmistakable value: read by the value, and said so.
    expect(s!.primaryDisability).toBe('290 - Specific Learning Disability (SLD)');
    expect(s!.provenance?.primaryDisability).toBe('value pattern (label "Something else")');
    expect(s).not.toHaveProperty('services');
    expect(JSON.stringify(snapshot.diagnostics)).not.toMatch(/Jordan|Rivera|Gonzalez|1001/);
  });

  it('reads an empty document and a page on an unknown path as diagnostics only', () => {
    for (const [html, path] of [
      ['', '/students/1001'],
      ['<main id="content"><table><tr><td>x</td></tr></table></main>', '/students'],
      [fixture('home.html'), '/'],
    ] as const) {
      const { snapshot } = demoSisAdapter.read(parse(html), new URL(path, ORIGIN));
      expect(() => Snapshot.parse(snapshot)).not.toThrow();
      expect(snapshot.students).toEqual([]);
      expect(snapshot.diagnostics.length).toBeGreaterThan(0);
    }
  });
});

// The demo must seed every worked case with its facts, so cases.json's expectations hold for the demo students.
const CASES = join(__dirname, '../../../../shared/domain/cases.json');
describe.skipIf(!existsSync(CASES))('demo district vs ../shared/domain/cases.json', () => {
  it('holds every case student and staff member with the same facts', () => {
    const cases = JSON.parse(readFileSync(CASES, 'utf8')) as {
      staff: Record<string, unknown>[];
      students: Record<string, unknown>[];
    };
    for (const c of cases.students) {
      const d = DISTRICT.students.find((s) => s.id === c.id) as Record<string, unknown> | undefined;
      expect(d, `student ${c.id}`).toBeDefined();
      for (const [k, v] of Object.entries(c)) {
        const actual =
          k === 'services' ? (d![k] as Record<string, unknown>[]).map(({ frequency: _f, ...rest }) => rest) : d![k];
        expect(actual ?? null, `student ${c.id} ${k}`).toEqual(v ?? null);
      }
    }
    for (const c of cases.staff) {
      const d = DISTRICT.staff.find((s) => s.id === c.id) as Record<string, unknown> | undefined;
      expect(d, `staff ${c.id}`).toBeDefined();
      for (const [k, v] of Object.entries(c)) expect(d![k], `staff ${c.id} ${k}`).toEqual(v);
    }
  });
});
if (!existsSync(CASES))
  console.warn('demo-sis: ../shared/domain/cases.json not found; the cases-vs-demo check was left out');

describe('in-app navigation script', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('swaps #content with the XHR fragment and pushes the URL, without a page load', async () => {
    const page = parse(fixture('student-list.html'));
    document.head.innerHTML = page.head.innerHTML;
    document.body.innerHTML = page.body.innerHTML.replace(/<script>[\s\S]*?<\/script>/, '');
    const fetchMock = vi.fn(async () => new Response(fixture('student-1030.fragment.html')));
    vi.stubGlobal('fetch', fetchMock);
    new Function(NAV_SCRIPT)();
    const link = document.querySelector<HTMLAnchorElement>('#content a[href="/students/1030"]')!;
    link.click();
    await vi.waitFor(() => expect(document.querySelector('#content .record-name')?.textContent).toBe('Layla Hassan'));
    expect(fetchMock).toHaveBeenCalledWith(link.href, { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    expect(location.pathname).toBe('/students/1030');
    expect(document.title).toBe('Layla Hassan - Student | Sierra Vista Unified School District');
    expect(demoSisAdapter.read(document, new URL(location.href)).snapshot.focus).toEqual({
      kind: 'student',
      id: '1030',
    });
  });
});
