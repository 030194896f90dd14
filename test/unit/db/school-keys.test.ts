import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb, type StudentRow } from '../../../lib/db/database';
import { checkRows } from '../../../lib/db/recheck';
import type { Snapshot, Student } from '../../../lib/domain';
import { handleContentMessage } from '../../../lib/messaging/handler';

/**
 * DESIGN.md "Identity": students are matched by id within a site and school. Aeries numbers students per school,
 * so one SIS host can show two students with the same id; a page that shows no school names the one stored
 * student with its id, or none when two schools' students share it.
 */
const SITE = 'https://sis.example.org';
let db: LiaisonDb;
let n = 0;
let tab = 1;

beforeEach(() => {
  db = new LiaisonDb(`school-keys-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const ctx = () => ({ db, asOf: () => '2026-11-22', enabledSites: async () => [`${SITE}/*`] });

async function read(students: Snapshot['students'], url = `${SITE}/students`) {
  const snapshot: Snapshot = { url, profile: 'test', pageType: 'student-list', students, staff: [], diagnostics: [] };
  const tabId = tab++;
  const reply = await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot }, { tabId, url });
  if (!('subjects' in reply)) throw new Error(`no answer: ${JSON.stringify(reply)}`);
  return { tabId, codes: (id: string) => reply.subjects.find((s) => s.id === id)?.findings.map((f) => f.code) };
}

const rowsOf = (id: string) => db.students.where('[site+id]').equals([SITE, id]).sortBy('school');

const lincoln: Student = {
  id: '1001',
  name: 'Jordan Rivera',
  school: 'Lincoln Elementary',
  primaryDisability: '290 - Specific Learning Disability (SLD)',
};
const washington: Student = {
  id: '1001',
  name: 'Sam Okafor',
  school: 'Washington High',
  primaryDisability: 'Something the SIS made up',
};

describe('students keyed by site and school', () => {
  it('keeps two schools’ students with one id apart, each with its own findings', async () => {
    await read([lincoln], `${SITE}/students/1001?school=1`);
    const second = await read([washington], `${SITE}/students/1001?school=2`);

    const rows = await rowsOf('1001');
    expect(rows.map((r) => [r.school, r.record.name])).toEqual([
      ['lincoln elementary', 'Jordan Rivera'],
      ['washington high', 'Sam Okafor'],
    ]);
    // Each page's answer is its own student's: only Washington's record holds the unrecognized disability.
    expect(second.codes('1001')).toContain('DATA_UNRECOGNIZED');
    const findings = await db.findings.where('[site+kind+id]').equals([SITE, 'student', '1001']).sortBy('school');
    expect(findings.map((f) => [f.school, f.findings.some((x) => x.code === 'DATA_UNRECOGNIZED')])).toEqual([
      ['lincoln elementary', false],
      ['washington high', true],
    ]);
  });

  it('checks neither student when a page names their shared id without a school, and changes neither', async () => {
    await read([lincoln]);
    await read([washington]);
    const before = await rowsOf('1001');

    const thin = await read([{ id: '1001', name: 'x' }]);
    expect(thin.codes('1001')).toEqual(['STUDENT_ID_AMBIGUOUS']);
    expect(await rowsOf('1001')).toEqual(before);
    expect((await db.pages.get(thin.tabId))?.subjects).toEqual([
      {
        kind: 'student',
        id: '1001',
        name: 'x',
        ambiguous: true,
        graded: [{ code: 'STUDENT_ID_AMBIGUOUS', severity: 'info' }],
      },
    ]);
  });

  it('takes a page without a school to mean the one student stored with the id', async () => {
    await read([lincoln]);
    const thin = await read([{ id: '01001', name: 'x', grade: '3' }]);

    expect(thin.codes('01001')).toBeDefined();
    expect(thin.codes('01001')).not.toContain('STUDENT_ID_AMBIGUOUS');
    const [row, ...others] = await rowsOf('1001');
    expect(others).toEqual([]);
    // A thinner page adds what it shows; it does not rename the student or move it out of its school.
    expect(row).toMatchObject({ school: 'lincoln elementary', record: { name: 'Jordan Rivera', grade: '3' } });
  });

  it('moves a student stored without a school to the school a later page shows, findings and all', async () => {
    await read([{ id: '1001', name: 'Jordan Rivera' }]);
    expect((await rowsOf('1001')).map((r) => r.school)).toEqual(['']);

    await read([lincoln]);
    expect((await rowsOf('1001')).map((r) => [r.school, r.record.primaryDisability])).toEqual([
      ['lincoln elementary', lincoln.primaryDisability],
    ]);
    const findings = await db.findings.where('[site+kind+id]').equals([SITE, 'student', '1001']).toArray();
    expect(findings.map((f) => f.school)).toEqual(['lincoln elementary']);
  });
});

describe('checkRows', () => {
  const row = (record: Student): StudentRow => ({
    site: SITE,
    school: record.school!.toLowerCase(),
    id: record.id,
    record,
    staffRefs: [],
    seenAt: 1,
    url: SITE,
  });

  it('gives two students who share an id each their own findings, under their real id', () => {
    const [a, b] = [row(lincoln), row(washington)];
    const checked = checkRows([a, b], [], { asOf: '2026-11-22' });
    expect(checked.student(a).map((f) => f.code)).not.toContain('DATA_UNRECOGNIZED');
    expect(checked.student(b).map((f) => f.code)).toContain('DATA_UNRECOGNIZED');
    expect(new Set([...checked.student(a), ...checked.student(b)].map((f) => f.subject.id))).toEqual(new Set(['1001']));
  });
});
