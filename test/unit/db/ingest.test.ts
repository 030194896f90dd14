import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import type { Snapshot } from '../../../lib/domain';
import { handleContentMessage } from '../../../lib/messaging/handler';
import { BADGE_FINDING_KEYS } from '../../../lib/messaging/protocol';

const SITE = 'https://sis.example.org';
const sender = { tabId: 7, url: `${SITE}/students/1` };
let db: LiaisonDb;
let n = 0;

beforeEach(() => {
  db = new LiaisonDb(`test-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const snapshot = (over: Partial<Snapshot>): Snapshot => ({
  url: sender.url,
  profile: 'test',
  pageType: 'student',
  students: [],
  staff: [],
  diagnostics: [],
  ...over,
});

const rsp = {
  title: 'Education Specialist Instruction Credential: Mild to Moderate Support Needs',
  authorizations: ['R3MN'],
  kind: 'clear',
  expires: '2030-06-30',
};
const student = {
  id: '1',
  name: 'Jordan Rivera',
  grade: '4',
  primaryDisability: '290 - Specific Learning Disability (SLD)',
  program: 'RSP',
  supportLevel: 'MMSN',
  caseManager: { name: 'Maria Gonzalez' },
  services: [{ code: '330', name: 'Specialized Academic Instruction', providerName: 'Maria Gonzalez' }],
};
const ctx = () => ({
  db,
  asOf: () => '2026-11-22',
  enabledSites: async () => ['https://sis.example.org/*', 'https://other.example/*'],
});
const codes = (reply: Awaited<ReturnType<typeof handleContentMessage>>, id: string) =>
  'subjects' in reply
    ? reply.subjects
        .find((s) => s.id === id)
        ?.findings.map((f) => f.code)
        .sort()
    : undefined;

describe('worker message handling', () => {
  it('stores what a page shows and answers with findings for the records on it', async () => {
    const reply = await handleContentMessage(
      ctx(),
      { type: 'page/snapshot', snapshot: snapshot({ students: [student], focus: { kind: 'student', id: '1' } }) },
      sender,
    );
    expect(reply.ok).toBe(true);
    // The case manager has no staff record yet: in the browser (partial staff knowledge) that is "not checked".
    expect(codes(reply, '1')).toContain('CM_NOT_CHECKED');
    expect(codes(reply, '1')).not.toContain('CM_UNKNOWN_STAFF');
    expect(await db.students.get([SITE, '', '1'])).toMatchObject({ record: { name: 'Jordan Rivera' } });
    expect(await db.pages.get(7)).toMatchObject({ focus: { kind: 'student', id: '1' }, recognized: true, site: SITE });
  });

  it('remembers the record page of a student (the page whose focus it is), not a list that also shows them', async () => {
    const list = { tabId: 7, url: `${SITE}/students` };
    await handleContentMessage(
      ctx(),
      {
        type: 'page/snapshot',
        snapshot: snapshot({
          url: list.url,
          pageType: 'student-list',
          students: [student, { ...student, id: '0002' }],
        }),
      },
      list,
    );
    expect((await db.students.get([SITE, '', '1']))?.recordUrl).toBeUndefined();
    await handleContentMessage(
      ctx(),
      { type: 'page/snapshot', snapshot: snapshot({ students: [student], focus: { kind: 'student', id: '1' } }) },
      sender,
    );
    expect((await db.students.get([SITE, '', '1']))?.recordUrl).toBe(`${SITE}/students/1`);
    // A padded id in the focus is the same record; a later list page keeps the record's address.
    const two = { tabId: 7, url: `${SITE}/students/0002` };
    await handleContentMessage(
      ctx(),
      {
        type: 'page/snapshot',
        snapshot: snapshot({
          url: two.url,
          students: [{ ...student, id: '0002' }],
          focus: { kind: 'student', id: '0002' },
        }),
      },
      two,
    );
    await handleContentMessage(
      ctx(),
      {
        type: 'page/snapshot',
        snapshot: snapshot({
          url: list.url,
          pageType: 'student-list',
          students: [student, { ...student, id: '0002' }],
        }),
      },
      list,
    );
    expect((await db.students.get([SITE, '', '1']))?.recordUrl).toBe(`${SITE}/students/1`);
    expect((await db.students.get([SITE, '', '2']))?.recordUrl).toBe(`${SITE}/students/0002`);
  });

  it('re-checks a student already stored when a later page shows their case manager’s credentials', async () => {
    await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot: snapshot({ students: [student] }) }, sender);
    const staffPage = snapshot({
      pageType: 'staff',
      staff: [{ id: 'T1', name: 'Gonzalez, Maria', credentials: [rsp] }],
    });
    await handleContentMessage(
      ctx(),
      { type: 'page/snapshot', snapshot: staffPage },
      { tabId: 7, url: `${SITE}/staff/T1` },
    );
    const row = await db.findings.get([SITE, 'student', '', '1']);
    expect(row!.findings.map((f) => f.code)).not.toContain('CM_NOT_CHECKED');
    expect(row!.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a zero-padded id is its unpadded form within a site: one student, each page answered with the id it shows', async () => {
    const list = snapshot({
      pageType: 'student-list',
      students: [{ id: '00017', name: 'Rivera, Jordan', grade: '4' }],
    });
    const listReply = await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot: list }, sender);
    expect('subjects' in listReply && listReply.subjects.map((s) => s.id)).toEqual(['00017']);
    const record = snapshot({
      students: [{ ...student, id: '17', caseManager: { staffId: '0042', name: 'Maria Gonzalez' } }],
      focus: { kind: 'student', id: '17' },
    });
    const reply = await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot: record }, sender);
    expect('subjects' in reply && reply.subjects.map((s) => s.id)).toEqual(['17']);
    expect(await db.students.count()).toBe(1);
    expect((await db.students.get([SITE, '', '17']))!.record).toMatchObject({
      grade: '4',
      primaryDisability: student.primaryDisability,
      caseManager: { staffId: '42' },
    });
    // The staff page's id "42" is the student's case manager "0042".
    await handleContentMessage(
      ctx(),
      {
        type: 'page/snapshot',
        snapshot: snapshot({ pageType: 'staff', staff: [{ id: '42', name: 'Maria Gonzalez', credentials: [rsp] }] }),
      },
      { tabId: 7, url: `${SITE}/staff/42` },
    );
    expect((await db.findings.get([SITE, 'student', '', '17']))!.findings.map((f) => f.code)).not.toContain(
      'CM_NOT_CHECKED',
    );
  });

  it('a staff page read in one tab sends the re-checked findings to another tab whose page shows the student', async () => {
    const sent: { tabId: number; frameId: number; msg: unknown }[] = [];
    const live = {
      ...ctx(),
      sendToTab: async (tabId: number, frameId: number, msg: unknown) => void sent.push({ tabId, frameId, msg }),
    };
    const list = snapshot({ pageType: 'student-list', students: [student] });
    await handleContentMessage(
      live,
      { type: 'page/snapshot', snapshot: list },
      { tabId: 7, url: `${SITE}/students`, frameId: 2 },
    );
    expect(sent).toEqual([]); // nothing else shows the student yet
    const staffPage = snapshot({
      pageType: 'staff',
      staff: [{ id: 'T1', name: 'Gonzalez, Maria', credentials: [rsp] }],
    });
    await handleContentMessage(
      live,
      { type: 'page/snapshot', snapshot: staffPage },
      { tabId: 8, url: `${SITE}/staff/T1` },
    );
    await vi.waitFor(() => expect(sent.length).toBe(1));
    const [push] = sent;
    expect(push).toMatchObject({ tabId: 7, frameId: 2, msg: { type: 'page/findings' } });
    const subjects = (push!.msg as { subjects: { kind: string; id: string; findings: { code: string }[] }[] }).subjects;
    expect(subjects.map((s) => [s.kind, s.id])).toEqual([['student', '1']]);
    expect(subjects[0]!.findings.map((f) => f.code)).not.toContain('CM_NOT_CHECKED');
    // Only what a badge shows goes out (issue 12): no subject or citation in a finding.
    expect(Object.keys(subjects[0]!.findings[0] ?? { code: 'x' })).not.toContain('citation');
  });

  it('keeps records of different sites apart', async () => {
    await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot: snapshot({ students: [student] }) }, sender);
    await handleContentMessage(
      ctx(),
      { type: 'page/snapshot', snapshot: snapshot({ students: [{ id: '1', name: 'Other Person' }] }) },
      { tabId: 8, url: 'https://other.example/s/1' },
    );
    expect((await db.students.get([SITE, '', '1']))!.record.name).toBe('Jordan Rivera');
    expect((await db.students.get(['https://other.example', '', '1']))!.record.name).toBe('Other Person');
  });

  it('rejects malformed messages and messages that are not from a tab, writing nothing', async () => {
    expect(await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot: { students: 'x' } }, sender)).toEqual({
      ok: false,
      error: 'malformed message',
    });
    expect(await handleContentMessage(ctx(), { type: 'nope' }, sender)).toEqual({
      ok: false,
      error: 'malformed message',
    });
    expect(
      await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot: snapshot({ students: [student] }) }, {}),
    ).toMatchObject({ ok: false });
    expect(await db.students.count()).toBe(0);
  });

  it('records an unrecognized page for the side panel', async () => {
    await handleContentMessage(ctx(), { type: 'page/unrecognized', url: sender.url }, sender);
    expect(await db.pages.get(7)).toMatchObject({ recognized: false, subjects: [] });
  });
});

describe('note/compose', () => {
  it('flags the tab’s page so the side panel opens the note form for that student', async () => {
    await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot: snapshot({ students: [student] }) }, sender);
    expect(await handleContentMessage(ctx(), { type: 'note/compose', studentId: '1' }, sender)).toEqual({ ok: true });
    expect((await db.pages.get(7))!.compose).toMatchObject({ studentId: '1' });
  });
});

describe('compliance dates', () => {
  it('come back with the page’s findings, from the IEP dates the page showed', async () => {
    const late = { ...student, iep: { nextAnnual: '2026-11-01', nextTriennial: '2028-01-10' } };
    const reply = await handleContentMessage(
      ctx(),
      { type: 'page/snapshot', snapshot: snapshot({ students: [late] }) },
      sender,
    );
    expect(codes(reply, '1')).toContain('IEP_ANNUAL_OVERDUE');
    expect(codes(reply, '1')).not.toContain('TRIENNIAL_OVERDUE');
  });
});

describe('a big page in parts', () => {
  it('adds later parts’ records to the tab’s page instead of replacing them', async () => {
    const a = snapshot({ pageType: 'student-list', students: [{ id: '1', name: 'A' }] });
    const b = snapshot({ pageType: 'student-list', students: [{ id: '2', name: 'B' }] });
    await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot: a, part: { index: 0, count: 2 } }, sender);
    await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot: b, part: { index: 1, count: 2 } }, sender);
    expect((await db.pages.get(7))!.subjects.map((s) => s.id)).toEqual(['1', '2']);
    // A new page (part 0 or no parts) starts over.
    await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot: b }, sender);
    expect((await db.pages.get(7))!.subjects.map((s) => s.id)).toEqual(['2']);
  });
});

describe('a thin page after a full one (issue 12)', () => {
  it.each(['x', 'Pat Doe'])(
    'names the id with %j and blanks: the stored record keeps its name and fields',
    async (name) => {
      await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot: snapshot({ students: [student] }) }, sender);
      const thin = {
        url: `${SITE}/search?q=1`,
        students: [{ id: '1', name, primaryDisability: null, caseManager: null }],
      };
      const reply = await handleContentMessage(
        ctx(),
        { type: 'page/snapshot', snapshot: snapshot(thin) },
        { tabId: 8, url: thin.url },
      );
      expect(reply.ok).toBe(true);
      const row = await db.students.get([SITE, '', '1']);
      expect(row?.record).toMatchObject({
        name: 'Jordan Rivera',
        primaryDisability: student.primaryDisability,
        caseManager: student.caseManager,
      });
    },
  );
});

describe('a page’s answer carries only what its badges show (issue 12)', () => {
  it('per subject: kind, id, the findings’ badge fields and the due label; no subject, citation or pack', async () => {
    const withIep = { ...student, iep: { nextAnnual: '2026-12-01' } };
    const reply = await handleContentMessage(
      ctx(),
      { type: 'page/snapshot', snapshot: snapshot({ students: [withIep] }) },
      sender,
    );
    expect('subjects' in reply).toBe(true);
    if (!('subjects' in reply)) return;
    const [s] = reply.subjects;
    expect(s!.findings.length).toBeGreaterThan(0);
    expect(Object.keys(s!).sort()).toEqual(['due', 'findings', 'id', 'kind']);
    expect(Object.keys(s!.due ?? {}).sort()).toEqual(['due', 'label']);
    for (const f of s!.findings)
      expect(Object.keys(f).every((k) => (BADGE_FINDING_KEYS as readonly string[]).includes(k))).toBe(true);
    expect(JSON.stringify(reply)).not.toMatch(/citation|"pack"|"subject"/);
  });
});
