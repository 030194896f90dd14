// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotCheckedList } from '../../../components/panel/NotCheckedSection';
import { collectNotChecked, loadNotChecked, type NotCheckedInput } from '../../../components/panel/notChecked';
import { SidePanel } from '../../../components/SidePanel';
import { LiaisonDb } from '../../../lib/db/database';
import { staffRefKeys, studentStaffRefs } from '../../../lib/db/merge';
import type { Finding, Staff, Student } from '../../../lib/domain';
import { isNotCheckedFinding, isOnlyNotChecked } from '../../../lib/domain/not-checked';
import { summarizeSnapshot } from '../../../lib/messaging/read-summary';

const SITE = 'https://sis.example.org';
const f = (code: string, severity: Finding['severity'], kind: 'student' | 'staff' = 'student', id = '1'): Finding => ({
  code,
  severity,
  subject: { kind, id },
  title: code,
  detail: `detail of ${code}`,
  citation: { source: 'test' },
});

describe('not-checked findings (RULES.md check 8)', () => {
  it('tells not-checked findings and subjects apart', () => {
    expect(isNotCheckedFinding(f('CM_NOT_CHECKED', 'info'))).toBe(true);
    expect(isNotCheckedFinding(f('STAFF_NO_CREDENTIALS', 'info'))).toBe(true);
    expect(isNotCheckedFinding(f('STAFF_NO_CREDENTIALS', 'warning'))).toBe(false);
    expect(isNotCheckedFinding(f('CM_AUTH_VIA_PROVIDER', 'info'))).toBe(false);
    expect(isOnlyNotChecked([])).toBe(false);
    expect(isOnlyNotChecked([f('PROVIDER_UNKNOWN_STAFF', 'info'), f('CREDENTIAL_TEMPORARY', 'info')])).toBe(true);
    expect(isOnlyNotChecked([f('PROVIDER_NOT_CHECKED', 'info'), f('CM_BEST_PRACTICE', 'warning')])).toBe(false);
  });
});

const sofia: Student = {
  id: '1004',
  name: 'Sofia Martinez',
  caseManager: { name: 'Dana Lee' },
  services: [
    { code: '415', name: 'Language and Speech', providerName: 'Priya Patel' },
    { code: '450', name: 'Occupational Therapy', providerStaffId: 'T200' },
  ],
};

function input(over: Partial<NotCheckedInput> = {}): NotCheckedInput {
  const staff: Record<string, Staff> = {
    'Priya Patel': { id: 'T100', name: 'Priya Patel' }, // credentials never read
    T200: { id: 'T200', name: 'Omar Ruiz', credentials: [{ title: 'OT license', authorizations: ['license:OT'] }] },
  };
  return {
    students: [
      {
        id: '1004',
        name: 'Sofia Martinez',
        record: sofia,
        findings: [f('CM_NOT_CHECKED', 'info'), f('PROVIDER_NOT_CHECKED', 'info')],
      },
    ],
    pageStaff: [],
    resolve: (ref) => (ref.staffId && staff[ref.staffId]) || (ref.name ? staff[ref.name] : undefined),
    staffFindings: () => [],
    links: [],
    ...over,
  };
}

describe('who Liaison has not seen on this page', () => {
  it('the case manager of CM_NOT_CHECKED and the unseen provider of PROVIDER_NOT_CHECKED, not the provider it has read', () => {
    const people = collectNotChecked(input());
    expect(people.map((p) => [p.name, p.reason, p.roles])).toEqual([
      ['Dana Lee', 'no-record', ['Case manager of Sofia Martinez']],
      ['Priya Patel', 'not-read', ['Provides Language and Speech to Sofia Martinez']],
    ]);
    expect(people.every((p) => p.url === null)).toBe(true);
  });

  it('a named provider with no staff record (PROVIDER_UNKNOWN_STAFF); nobody when the student has no such finding', () => {
    const students = [
      { id: '1004', name: 'Sofia Martinez', record: sofia, findings: [f('PROVIDER_UNKNOWN_STAFF', 'info')] },
    ];
    expect(collectNotChecked(input({ students, resolve: () => undefined })).map((p) => p.name)).toEqual([
      'Priya Patel',
      'T200',
    ]);
    expect(
      collectNotChecked(input({ students: [{ ...students[0]!, findings: [f('CM_BEST_PRACTICE', 'warning')] }] })),
    ).toEqual([]);
  });

  it('staff whose own findings hold an info STAFF_NO_CREDENTIALS (never read), not a warning one (read and empty)', () => {
    const students = [{ id: '1004', name: 'Sofia Martinez', record: sofia, findings: [] }];
    const info = collectNotChecked(
      input({
        students,
        staffFindings: (id) => (id === 'T200' ? [f('STAFF_NO_CREDENTIALS', 'info', 'staff', 'T200')] : []),
      }),
    );
    expect(info.map((p) => [p.name, p.roles[0]])).toEqual([
      ['Omar Ruiz', 'Provides Occupational Therapy to Sofia Martinez'],
    ]);
    const warning = collectNotChecked(
      input({ students, staffFindings: () => [f('STAFF_NO_CREDENTIALS', 'warning', 'staff', 'T200')] }),
    );
    expect(warning).toEqual([]);
    const pageStaff = [{ id: 'T300', name: 'Kim Ng', findings: [f('STAFF_NO_CREDENTIALS', 'info', 'staff', 'T300')] }];
    expect(collectNotChecked(input({ students: [], pageStaff })).map((p) => [p.name, p.roles])).toEqual([
      ['Kim Ng', ['On this page']],
    ]);
  });

  it('one entry per person, roles gathered across students; the page’s staff link when it gave one', () => {
    const jordan: Student = { id: '1005', name: 'Jordan Rivera', caseManager: { name: 'Lee, Dana' } };
    const people = collectNotChecked(
      input({
        students: [
          { id: '1004', name: 'Sofia Martinez', record: sofia, findings: [f('CM_NOT_CHECKED', 'info')] },
          { id: '1005', name: 'Jordan Rivera', record: jordan, findings: [f('CM_NOT_CHECKED', 'info')] },
        ],
        links: [{ staffId: null, name: 'Dana Lee', url: `${SITE}/staff/77` }],
      }),
    );
    expect(people).toHaveLength(1);
    expect(people[0]!.roles).toEqual(['Case manager of Sofia Martinez', 'Case manager of Jordan Rivera']);
    expect(people[0]!.url).toBe(`${SITE}/staff/77`);
  });
});

describe('"Not checked yet" list', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('offers the staff page as a link when the page linked it, else in words, and the staff file import', () => {
    render(
      <NotCheckedList
        people={[
          {
            key: 'a',
            name: 'Dana Lee',
            staffId: null,
            reason: 'no-record',
            roles: ['Case manager of Sofia Martinez'],
            url: `${SITE}/staff/77`,
          },
          {
            key: 'b',
            name: 'Priya Patel',
            staffId: 'T100',
            reason: 'not-read',
            roles: ['Provides Language and Speech to Sofia Martinez'],
            url: null,
          },
        ]}
      />,
      root,
    );
    const section = root.querySelector('section[aria-labelledby="not-checked-heading"]')!;
    expect(section.querySelector('h2')!.textContent).toBe('Not checked yet');
    const [dana, priya] = [...section.querySelectorAll('li')];
    expect(dana!.querySelector('a')!.getAttribute('href')).toBe(`${SITE}/staff/77`);
    expect(dana!.textContent).toContain('no staff record yet');
    expect(priya!.querySelector('a')).toBeNull();
    expect(priya!.textContent).toContain(
      "Open Priya Patel's staff page in your SIS so Liaison can read their credentials",
    );
    expect(priya!.textContent).toContain('credentials not seen yet');
    const importLink = [...section.querySelectorAll('a')].find((a) => a.textContent!.includes('Import'))!;
    expect(importLink.getAttribute('href')).toBe('district.html#import-heading');
  });
});

describe('side panel: "Not checked yet" and "What Liaison read on this page"', () => {
  let db: LiaisonDb;
  let root: HTMLElement;
  let k = 0;
  const url = `${SITE}/students/1004`;
  beforeEach(async () => {
    db = new LiaisonDb(`not-checked-${k++}`);
    root = document.createElement('div');
    document.body.append(root);
    await db.pages.put({
      tabId: 5,
      site: SITE,
      url,
      profile: 'p',
      pageType: 'student',
      focus: { kind: 'student', id: '1004' },
      // As the worker writes it: the subject's findings as codes and severities (lib/db/page-grades).
      subjects: [
        {
          kind: 'student',
          id: '1004',
          name: 'Sofia Martinez',
          graded: [
            { code: 'CM_NOT_CHECKED', severity: 'info' },
            { code: 'PROVIDER_NOT_CHECKED', severity: 'info' },
          ],
        },
      ],
      recognized: true,
      at: 1,
    });
    await db.students.put({
      site: SITE,
      school: '',
      id: '1004',
      record: sofia,
      staffRefs: studentStaffRefs(SITE, sofia),
      seenAt: 1,
      url,
    });
    const priya: Staff = { id: 'T100', name: 'Priya Patel' };
    await db.staff.put({ site: SITE, id: 'T100', record: priya, refs: staffRefKeys(SITE, priya), seenAt: 1, url });
    await db.findings.put({
      site: SITE,
      kind: 'student',
      school: '',
      id: '1004',
      checkedAt: 1,
      findings: [
        {
          ...f('CM_NOT_CHECKED', 'info', 'student', '1004'),
          detail: 'Liaison has not seen the credentials of Dana Lee.',
          fix: "Open Dana Lee's staff page, or import a staff file.",
        },
        f('PROVIDER_NOT_CHECKED', 'info', 'student', '1004'),
      ],
    });
  });
  afterEach(async () => {
    render(null, root);
    root.remove();
    await db.delete();
  });
  const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
  async function until(cond: () => boolean) {
    for (let i = 0; i < 100 && !cond(); i++) await settle();
  }

  it('lists whom Liaison has not seen, and shows the fields it read with their sources in a table', async () => {
    const summary = summarizeSnapshot(
      {
        url,
        profile: 'demo-sis',
        pageType: 'student',
        focus: { kind: 'student', id: '1004' },
        students: [
          {
            ...sofia,
            caseManager: Object.assign({ name: 'Dana Lee' }, { url: '/staff/D1' }),
            provenance: { caseManager: 'label "Case Manager"', services: 'column "Service"' },
          },
        ],
        staff: [],
        diagnostics: [{ level: 'warning', message: 'Field "Disability" not understood', field: 'primaryDisability' }],
      },
      1,
    );
    const asked: unknown[] = [];
    const ask = async (msg: unknown) => {
      asked.push(msg);
      return { ok: true, summary };
    };
    render(<SidePanel db={db} ask={ask} />, root);
    // The list shows at once; the page's staff link joins it when the worker's summary arrives.
    await until(() => !!root.querySelector('[data-testid="not-checked"] li a'));
    expect(asked[0]).toEqual({ type: 'panel/read-summary', tabId: 5 });

    // The subject view says "Not checked yet", not OK.
    expect(root.querySelector('.not-checked-lead')!.textContent).toContain('Not checked yet');
    const people = [...root.querySelectorAll('[data-testid="not-checked"] li')];
    expect(people.map((li) => li.querySelector('strong')!.textContent)).toEqual(['Dana Lee', 'Priya Patel', 'T200']);
    expect(people[0]!.querySelector('a')!.getAttribute('href')).toBe(`${SITE}/staff/D1`);

    const details = root.querySelector('details[data-testid="read-summary"]') as HTMLDetailsElement;
    expect(details.querySelector('summary')!.textContent).toBe('What Liaison read on this page');
    expect(details.querySelector('table')).toBeNull(); // built when opened
    details.open = true;
    await act(() => {
      details.dispatchEvent(new Event('toggle'));
    });
    const table = details.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['Field', 'col'],
      ['Value', 'col'],
      ['Where it came from', 'col'],
    ]);
    const row = [...table.querySelectorAll('tbody tr')].find(
      (tr) => tr.querySelector('th')!.textContent === 'caseManager.name',
    )!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Dana Lee', 'label "Case Manager"']);
    expect(details.querySelector('.diagnostics')!.textContent).toContain('Field "Disability" not understood');
  });

  async function openSummary(ask: (m: unknown) => Promise<unknown>) {
    render(<SidePanel db={db} ask={ask} />, root);
    await until(() => !!root.querySelector('[data-testid="read-summary"]'));
    const details = root.querySelector('details[data-testid="read-summary"]') as HTMLDetailsElement;
    details.open = true;
    await act(() => {
      details.dispatchEvent(new Event('toggle'));
    });
    await until(() => !details.textContent!.includes('Loading'));
    return details;
  }

  it('says so when the worker cannot answer', async () => {
    expect((await openSummary(async () => ({ ok: false, error: 'internal error' }))).textContent).toContain(
      'could not get what it read',
    );
  });

  it('shows no read summary of another URL than the page’s', async () => {
    const other = summarizeSnapshot(
      {
        url: `${SITE}/students/9`,
        profile: 'p',
        pageType: 'student',
        students: [{ id: '9', name: 'Other' }],
        staff: [],
        diagnostics: [],
      },
      1,
    );
    const details = await openSummary(async () => ({ ok: true, summary: other }));
    expect(details.textContent).toContain('Nothing to show');
    expect(details.querySelector('table')).toBeNull();
  });
});

describe('loadNotChecked resolves staff as the checks do (lib/domain/staff-resolver.ts)', () => {
  let db: LiaisonDb;
  let k = 0;
  beforeEach(() => {
    db = new LiaisonDb(`not-checked-resolve-${k++}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('an id with no record is nobody (not a same-named person); a staff id in the name column is that person; a shared name is nobody', async () => {
    const students: Student[] = [
      { id: '1', name: 'A', caseManager: { staffId: 'T9', name: 'Priya Patel' } },
      { id: '2', name: 'B', services: [{ code: '415', providerName: 'T100' }] },
      { id: '3', name: 'C', caseManager: { name: 'Sam Lee' } },
    ];
    const staff: Staff[] = [
      { id: 'T100', name: 'Priya Patel' },
      { id: 'L1', name: 'Sam Lee' },
      { id: 'L2', name: 'Lee, Sam' },
    ];
    const codeOf = (s: Student) => (s.services ? 'PROVIDER_NOT_CHECKED' : 'CM_NOT_CHECKED');
    for (const s of students) {
      await db.students.put({
        site: SITE,
        school: '',
        id: s.id,
        record: s,
        staffRefs: studentStaffRefs(SITE, s),
        seenAt: 1,
        url: '',
      });
    }
    for (const s of staff)
      await db.staff.put({ site: SITE, id: s.id, record: s, refs: staffRefKeys(SITE, s), seenAt: 1, url: '' });
    const page = {
      tabId: 1,
      site: SITE,
      url: '',
      profile: 'p',
      pageType: 'student-list' as const,
      focus: null,
      subjects: students.map((s) => ({
        kind: 'student' as const,
        id: s.id,
        name: s.name,
        graded: [{ code: codeOf(s), severity: 'info' as const }],
      })),
      recognized: true,
      at: 1,
    };
    const people = await loadNotChecked(db, page, []);
    expect(people.map((p) => [p.name, p.staffId, p.reason])).toEqual([
      ['Priya Patel', 'T9', 'no-record'],
      ['Priya Patel', 'T100', 'not-read'],
      ['Sam Lee', null, 'no-record'],
    ]);
  });
});
