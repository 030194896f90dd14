// @vitest-environment happy-dom
/**
 * The openSIS pages walked in plan.json order through the worker's own path (generic reader alone → message
 * handler → Dexie → checks, staff knowledge partial as in the browser), then the findings of each record page's
 * subject compared with EXPECTED.json (warning and error codes plus CM_AUTH_VIA_PROVIDER).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILE_IDS, pickAdapter } from '../../../lib/adapters/registry';
import { LiaisonDb } from '../../../lib/db/database';
import { handleContentMessage } from '../../../lib/messaging/handler';
import { parseLikeBrowser } from '../../fixtures/generic/parse-html';
import { OPENSIS_UNSEEN } from '../../fixtures/opensis-unseen';

const DIR = `${resolve(process.cwd(), '../shared/sis-pages/opensis')}/`;
const present = existsSync(`${DIR}plan.json`);
type Raw = Record<string, any>;

describe.skipIf(!present)('openSIS walked in plan order: the findings of EXPECTED.json', () => {
  const expected: Raw = present ? JSON.parse(readFileSync(`${DIR}EXPECTED.json`, 'utf8')) : {};
  const plan: Raw[] = present ? JSON.parse(readFileSync(`${DIR}plan.json`, 'utf8')).pages : [];
  const db = new LiaisonDb('opensis-walk');
  afterAll(() => db.delete());
  const shown = (codes: { code: string; severity: string }[]) =>
    codes
      .filter((f) => f.severity !== 'info' || f.code === 'CM_AUTH_VIA_PROVIDER')
      .map((f) => f.code)
      .sort();
  const atRecordPages: { file: string; id: string; codes: string[] }[] = [];

  it('every page of the plan is read and accepted', async () => {
    for (const step of plan) {
      const page = expected.pages.find((p: Raw) => p.files.includes(step.file));
      const url = new URL(page.final_url ?? page.url);
      const doc = parseLikeBrowser(
        readFileSync(
          DIR +
            (existsSync(DIR + step.file.replace('.html', '.dom.html'))
              ? step.file.replace(/(\.dom)?\.html$/, '.dom.html')
              : step.file),
          'utf8',
        ),
      );
      const picked = pickAdapter(url, doc, new Set(BUILT_IN_PROFILE_IDS));
      expect(picked, step.file).not.toBeNull();
      const { snapshot } = picked!.adapter.read(doc, url);
      const reply = await handleContentMessage(
        { db, asOf: () => expected.as_of_date, enabledSites: async () => ['http://127.0.0.1/*'] },
        { type: 'page/snapshot', snapshot },
        { tabId: 1, url: url.href, frameId: 0 },
      );
      expect(reply.ok, `${step.file}: ${JSON.stringify(reply).slice(0, 300)}`).toBe(true);
      const focus = snapshot.focus;
      const subjects = (reply as Raw).subjects as Raw[];
      if (focus?.kind === 'student')
        atRecordPages.push({
          file: step.file,
          id: focus.id,
          codes: shown(subjects.find((s) => s.id === focus.id)!.findings),
        });
    }
  });

  const UNSEEN = OPENSIS_UNSEEN;

  it('each record page, when visited, shows its student the findings EXPECTED.json gives', () => {
    const got = atRecordPages.map((r) => [r.file, r.id, r.codes]);
    const want = atRecordPages.map((r) => [
      r.file,
      r.id,
      [...(UNSEEN[`student:${r.id}`] ?? expected.findings.students[r.id].expect)].sort(),
    ]);
    expect(got).toEqual(want);
  });

  it("after the walk, every record page's subject has the findings EXPECTED.json gives (what the pages show)", async () => {
    expect(atRecordPages.length).toBeGreaterThan(0);
    const rows = await db.findings.toArray();
    const codesOf = (kind: string, id: string) =>
      shown(rows.find((r) => r.kind === kind && r.id === id)?.findings ?? []);
    const subjects = plan
      .map((step) => expected.pages.find((p: Raw) => p.files.includes(step.file)).subject)
      .filter(Boolean)
      .map((s: Raw) => (s.student_id ? ['student', String(s.student_id)] : ['staff', String(s.staff_id)]));
    const got = subjects.map(([kind, id]: string[]) => [kind, id, codesOf(kind!, id!)]);
    const want = subjects.map(([kind, id]: string[]) => [
      kind,
      id,
      [...(UNSEEN[`${kind}:${id}`] ?? expected.findings[kind === 'student' ? 'students' : 'staff'][id!].expect)].sort(),
    ]);
    expect(got).toEqual(want);
  });
});

describe.skipIf(!present)('openSIS lists first: what a list cannot show is "not checked", never a warning', () => {
  const expected: Raw = present ? JSON.parse(readFileSync(`${DIR}EXPECTED.json`, 'utf8')) : {};
  for (const first of [['staff-list.html'], ['staff-advanced-report-credentials.html']]) {
    it(`after ${first.join(', ')} and the expanded student list, no student with nothing wrong shows a warning`, async () => {
      const db = new LiaisonDb(`opensis-lists-${first[0]}`);
      try {
        for (const file of [...first, 'student-list-expanded.html']) {
          const page = expected.pages.find((p: Raw) => p.files.includes(file));
          const url = new URL(page.final_url ?? page.url);
          const doc = parseLikeBrowser(readFileSync(DIR + file.replace('.html', '.dom.html'), 'utf8'));
          const { snapshot } = pickAdapter(url, doc, new Set(BUILT_IN_PROFILE_IDS))!.adapter.read(doc, url);
          await handleContentMessage(
            { db, asOf: () => expected.as_of_date, enabledSites: async () => ['http://127.0.0.1/*'] },
            { type: 'page/snapshot', snapshot },
            { tabId: 1, url: url.href, frameId: 0 },
          );
        }
        const clean = Object.entries(expected.findings.students as Record<string, Raw>)
          .filter(([, s]) => !s.expect.length)
          .map(([id]) => id);
        const rows = await db.findings.toArray();
        const warned = clean.filter((id) =>
          rows
            .find((r) => r.kind === 'student' && r.id === id)
            ?.findings.some((f) => f.severity !== 'info' && !/^(IEP_|TRIENNIAL_)/.test(f.code)),
        );
        expect(clean.length).toBeGreaterThan(25);
        expect(warned).toEqual([]);
      } finally {
        await db.delete();
      }
    });
  }
});
