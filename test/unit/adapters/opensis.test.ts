// @vitest-environment happy-dom
/**
 * openSIS Classic 9.2 pages (../shared/sis-pages/opensis, real output of an unmodified install) read by the
 * generic reader alone — every built-in profile switched off — to exactly the records EXPECTED.json says each
 * page shows. Read in place: those pages are GPL output, never copied into this repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILE_IDS, pickAdapter } from '../../../lib/adapters/registry';
import type { PageRead } from '../../../lib/adapters/types';
import { Snapshot, type SnapshotStaff, type SnapshotStudent } from '../../../lib/domain';
import { parseLikeBrowser } from '../../fixtures/generic/parse-html';

const DIR = `${resolve(process.cwd(), '../shared/sis-pages/opensis')}/`;
const present = existsSync(`${DIR}EXPECTED.json`);

type Raw = Record<string, any>;
const expected = (): Raw => JSON.parse(readFileSync(`${DIR}EXPECTED.json`, 'utf8'));

/** Every capture of a page: the raw response and the DOM after its scripts ran. */
function captures(page: Raw): string[] {
  return (page.files as string[]).filter((f) => f.endsWith('.html'));
}

function read(file: string, url: string): PageRead {
  const doc = parseLikeBrowser(readFileSync(DIR + file, 'utf8'));
  const picked = pickAdapter(new URL(url), doc, new Set(BUILT_IN_PROFILE_IDS));
  expect(picked?.adapter.id, `${file} recognized by the generic reader`).toBe('generic');
  const result = picked!.adapter.read(doc, new URL(url));
  expect(() => Snapshot.parse(result.snapshot)).not.toThrow();
  return result;
}

const orNull = (v: unknown) => (v === undefined || v === '' ? null : v);
const strip = <T extends { provenance?: unknown }>({ provenance: _p, ...rest }: T) => rest;

const asText = (html: string) => html.replace(/<[^>]*>/g, '');

/** The student fields an IEP INFO tab shows, as the page writes them. */
function iepRecord(s: Raw) {
  return {
    primaryDisability: orNull(s.eligibility_category_raw),
    secondaryDisability: orNull(s.secondary_eligibility_raw),
    caseManager: s.case_carrier_raw ? { name: s.case_carrier_raw } : null,
    program: orNull(s.setting_raw),
    supportLevel: orNull(s.support_needs_raw),
    services: (s.services ?? []).map((v: Raw) => ({
      code: v.code,
      name: v.label,
      ...(v.provider_raw ? { providerName: v.provider_raw } : {}),
    })),
    iep: {
      lastMeeting: orNull(s.last_iep),
      nextAnnual: orNull(s.annual_iep_due),
      nextTriennial: orNull(s.three_year_reeval_due),
    },
  };
}

/** A student row of the expanded list: the IEP columns without services and Last IEP. */
function expandedRow(s: Raw) {
  const { services: _s, iep, ...rest } = iepRecord(s);
  return {
    id: String(s.student_id),
    name: asText(s.list_name),
    grade: s.grade,
    ...rest,
    iep: { nextAnnual: iep.nextAnnual, nextTriennial: iep.nextTriennial },
  };
}

function credentials(t: Raw, dates: boolean) {
  if (!t.credential_document_raw && !t.ctc_authorizations_raw) return [];
  return [
    {
      title: t.credential_document_raw,
      // As the page writes them (EXPECTED's normalized codes add "license:OT" for a license; the rules do that).
      ...(t.ctc_authorizations_raw ? { authorizations: t.ctc_authorizations_raw.split(/[\s,]+/) } : {}),
      kind: t.document_type_raw,
      ...(dates && t.document_issued ? { issued: t.document_issued } : {}),
      ...(dates && t.document_expires ? { expires: t.document_expires } : {}),
    },
  ];
}

describe.skipIf(!present)('openSIS pages, generic reader alone', () => {
  const data = present ? expected() : { pages: [], students: [], staff: [] };
  const student = (id: number) => data.students.find((s: Raw) => s.student_id === id);
  const staffOf = (id: number) => data.staff.find((s: Raw) => s.staff_id === id);

  for (const page of data.pages as Raw[]) {
    for (const file of captures(page)) {
      it(`${file}: exactly the records it shows`, () => {
        const { snapshot, anchors } = read(file, page.final_url ?? page.url);
        const kind: string = page.kind;
        if (kind.startsWith('student_record')) {
          const s = student(page.subject.student_id);
          expect(snapshot.focus).toEqual({ kind: 'student', id: String(s.student_id) });
          expect(snapshot.students.map(strip)).toEqual([
            { id: String(s.student_id), name: page.header_text.replace(/^Selected Student : /, ''), ...iepRecord(s) },
          ]);
          expect(anchors).toHaveLength(1);
        } else if (kind.startsWith('staff_record')) {
          const t = staffOf(page.subject.staff_id);
          expect(snapshot.staff.map(strip)).toEqual([
            { id: String(t.staff_id), name: t.name, credentials: credentials(t, true) },
          ]);
        } else if (kind.startsWith('student_list')) {
          const ids = page.student_ids.map(String);
          expect(snapshot.students.map((s) => s.id)).toEqual(ids);
          expect(anchors.map((a) => a.id)).toEqual(ids);
          const expanded = page.columns.includes('Case Carrier');
          // A name with markup in it (student 43) reads as the text the page shows.
          for (const s of snapshot.students as SnapshotStudent[]) {
            const e = student(Number(s.id));
            expect(strip(s), s.id).toEqual(
              expanded ? expandedRow(e) : { id: s.id, name: asText(e.list_name), grade: e.grade },
            );
          }
        } else if (kind.startsWith('staff_list')) {
          const ids = page.staff_ids.map(String);
          expect(snapshot.staff.map((s) => s.id)).toEqual(ids);
          const report = page.columns.includes('Job Title');
          for (const t of snapshot.staff as SnapshotStaff[]) {
            const e = staffOf(Number(t.id));
            // The report drops every comma ("R3MN AAAS") and leaves both date columns blank.
            const docs = credentials(e, false).map((c) => ({ ...c, title: c.title.replace(/,/g, '') }));
            expect(strip(t), t.id).toEqual(
              report
                ? { id: t.id, name: e.list_name, position: e.job_title, credentials: docs }
                : { id: t.id, name: e.list_name },
            );
          }
        } else throw new Error(`page kind ${kind} not covered`);
      });
    }
  }

  it('a deep link whose student_id names another student reads the selected one, and says so', () => {
    const page = data.pages.find((p: Raw) => p.url_names_student_id);
    const { snapshot } = read(captures(page)[0]!, page.url);
    expect(snapshot.focus?.id).toBe(String(page.subject.student_id));
    expect(snapshot.diagnostics).toContainEqual(expect.objectContaining({ field: 'id', level: 'warning' }));
  });
});
