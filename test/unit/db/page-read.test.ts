import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../bench/district';
import { browserCheckSettings, runAllChecks } from '../../../lib/checks';
import { LiaisonDb } from '../../../lib/db/database';
import { gradedOf } from '../../../lib/db/page-grades';
import { ingestSnapshot } from '../../../lib/db/page-read';
import { staffFindingsKey, studentFindingsKey } from '../../../lib/db/student-rows';
import { writeImport } from '../../../lib/district/import';
import type { Finding, Snapshot } from '../../../lib/domain';
import { handleContentMessage } from '../../../lib/messaging/handler';

const SITE = 'https://sis.example.org';
const ASOF = '2026-11-22';
let db: LiaisonDb;
let n = 0;
beforeEach(() => {
  db = new LiaisonDb(`page-read-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const district = generateDistrict(60, 8);
const page = (pageType: Snapshot['pageType'], over: Partial<Snapshot>): Snapshot => ({
  url: `${SITE}/${pageType}`,
  profile: 'test',
  pageType,
  students: [],
  staff: [],
  diagnostics: [],
  ...over,
});
const read = (snap: Snapshot, over: Partial<Parameters<typeof ingestSnapshot>[2]> = {}) =>
  ingestSnapshot(db, snap, { site: SITE, tabId: 1, asOf: ASOF, now: 1_000_000, ...over });

/** Every check over everything stored: what each subject's findings must be when every caseload is whole. */
async function everyCheck(): Promise<Map<string, Finding[]>> {
  const students = (await db.students.toArray()).map((r) => r.record);
  const staff = (await db.staff.toArray()).map((r) => r.record);
  const out = new Map<string, Finding[]>();
  for (const f of runAllChecks({ students, staff }, { asOf: ASOF, settings: browserCheckSettings() })) {
    const key = `${f.subject.kind}:${f.subject.id}`;
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return out;
}

describe('a page read answers from the merged records once its findings and page row are stored', () => {
  it('answers what every check over the stored records says, and stores those findings and the page row', async () => {
    await read(page('staff-list', { staff: district.staff }));
    const list = page('student-list', { students: district.students });
    const answer = await read(list);

    const expected = await everyCheck();
    expect(answer).toHaveLength(district.students.length);
    expect(answer.some((s) => s.findings.length > 0)).toBe(true);
    for (const s of answer) expect(s.findings).toEqual(expected.get(`student:${s.id}`) ?? []);
    // The findings rows stored with the answer say what the answer said, for the page and for its staff.
    for (const s of answer) expect((await db.findings.get([SITE, 'student', '', s.id]))?.findings).toEqual(s.findings);
    for (const s of district.staff)
      expect((await db.findings.get([SITE, 'staff', '', s.id]))?.findings ?? []).toEqual(
        expected.get(`staff:${s.id}`) ?? [],
      );
    expect((await db.pages.get(1))?.subjects.map((s) => s.id)).toEqual(district.students.map((s) => s.id));

    // Read again unchanged: the same answer, and nothing of it lost.
    expect(await read(list, { now: 1_000_500 })).toEqual(answer);
    for (const s of answer) expect((await db.findings.get([SITE, 'student', '', s.id]))?.findings).toEqual(s.findings);
  });

  it("keeps a big page's parts in one page row", async () => {
    const [a, b] = [district.students.slice(0, 30), district.students.slice(30)];
    await read(page('student-list', { students: a }));
    await read(page('student-list', { students: b }), { continuesPage: true });
    expect((await db.pages.get(1))?.subjects).toHaveLength(60);
  });

  it('fails a read whose findings or page row cannot be stored, and stores the next read', async () => {
    const ctx = { db, asOf: () => ASOF, enabledSites: async () => [`${SITE}/*`] };
    const send = (snap: Snapshot) =>
      handleContentMessage(ctx, { type: 'page/snapshot', snapshot: snap }, { tabId: 1, url: snap.url });
    const refuse = () => {
      throw new Error('disk full');
    };
    db.pages.hook('creating', refuse);
    // DESIGN.md: every write lands before the reply, so a page is never answered with what was not stored.
    const answered = await send(page('student-list', { students: district.students.slice(0, 5) })).then(
      (r) => r.ok,
      () => false,
    );
    expect(answered).toBe(false);
    expect(await db.pages.get(1)).toBeUndefined();
    expect(await db.findings.count()).toBe(0);

    db.pages.hook('creating').unsubscribe(refuse);
    expect((await send(page('student-list', { students: district.students.slice(0, 5) }))).ok).toBe(true);
    expect((await db.pages.get(1))?.subjects).toHaveLength(5);
    expect(await db.findings.count()).toBeGreaterThan(0);
  });
});

const few = generateDistrict(40, 6);
const readIn = (tabId: number, snap: Snapshot) => read(snap, { tabId });

/** Each subject of a tab's page: what its row lists (`graded`) and what its findings row holds, as codes. */
async function listedAndStored(tabId: number) {
  const pageRow = (await db.pages.get(tabId))!;
  const rows = await db.findings.bulkGet(
    pageRow.subjects.map((s) =>
      s.kind === 'staff'
        ? staffFindingsKey(SITE, s.id)
        : studentFindingsKey({ site: SITE, id: s.id, school: s.school ?? '' }),
    ),
  );
  return {
    listed: pageRow.subjects.map((s) => s.graded),
    stored: rows.map((r) => (r ? gradedOf(r.findings) : undefined)),
  };
}

describe("a page row lists its subjects' findings as they stand (the side panel reads nothing else)", () => {
  it("keeps another tab's list in step when a later read re-checks its students", async () => {
    await readIn(1, page('student-list', { students: few.students }));
    const before = await listedAndStored(1);
    expect(before.listed).toEqual(before.stored);
    // Without staff records the case managers are not checked yet.
    expect(before.listed.flat().some((g) => g?.code === 'CM_NOT_CHECKED')).toBe(true);

    // Tab 2 shows the staff: every student of theirs is re-checked, and tab 1's list follows.
    await readIn(2, page('staff-list', { staff: few.staff }));
    const after = await listedAndStored(1);
    expect(after.listed).toEqual(after.stored);
    expect(after.listed).not.toEqual(before.listed);
  });

  it('keeps the open pages in step when a district file is imported', async () => {
    await readIn(1, page('student-list', { students: few.students }));
    const before = await listedAndStored(1);
    await writeImport(db, { students: [], staff: few.staff }, { site: SITE, file: 'staff.csv', asOf: ASOF });
    const after = await listedAndStored(1);
    expect(after.listed).toEqual(after.stored);
    expect(after.listed).not.toEqual(before.listed);
  });

  it("leaves another site's page alone", async () => {
    await readIn(1, page('student-list', { students: few.students }));
    await ingestSnapshot(db, page('student-list', { students: few.students }), {
      site: 'https://other.example.org',
      tabId: 2,
      asOf: ASOF,
    });
    const other = await db.pages.get(2);
    await readIn(3, page('staff-list', { staff: few.staff }));
    expect(await db.pages.get(2)).toEqual(other);
  });
});
