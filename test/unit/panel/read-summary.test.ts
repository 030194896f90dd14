import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import type { Snapshot } from '../../../lib/domain';
import { handleContentMessage } from '../../../lib/messaging/handler';
import {
  handlePanelMessage,
  isExtensionPage,
  isPanelRequest,
  ReadSummaryStore,
  type SessionArea,
} from '../../../lib/messaging/panel';
import {
  formatValue,
  PanelMessage,
  readFields,
  ReadSummary,
  ReadSummaryReply,
  requestReadSummary,
  staffLinksOf,
  SUMMARY_LIMITS,
  summarizeSnapshot,
} from '../../../lib/messaging/read-summary';

const SITE = 'https://sis.example.org';
const snap = (over: Partial<Snapshot> = {}): Snapshot => ({
  url: `${SITE}/students/1004`,
  profile: 'demo-sis',
  pageType: 'student',
  focus: { kind: 'student', id: '1004' },
  students: [
    {
      id: '1004',
      name: 'Sofia Martinez',
      grade: '1',
      severe: false,
      caseManager: { name: 'Priya Patel', staffId: 'T100' },
      services: [{ code: '415', name: 'Language and Speech', providerStaffId: 'T100' }],
      iep: { nextAnnual: '2027-09-11' },
      provenance: {
        id: 'url:path',
        name: 'selector:h1',
        grade: 'label "Grade"',
        caseManager: 'label "Case Manager"',
        services: 'column "Service", column "Provider"',
        'iep.nextAnnual': 'label "Next Annual"',
        program: 'label "Program"',
      },
    },
  ],
  staff: [],
  diagnostics: [{ level: 'warning', message: 'Field "Disability" not understood', field: 'primaryDisability' }],
  ...over,
});

/** A session area in memory, optionally failing on write (quota). */
function area(failWrites = false): SessionArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (k) => (k in data ? { [k]: structuredClone(data[k]) } : {}),
    set: async (items) => {
      if (failWrites) throw new Error('QUOTA_BYTES quota exceeded');
      Object.assign(data, structuredClone(items));
    },
    remove: async (k) => void delete data[k],
  };
}

describe('what Liaison read: summary of a snapshot', () => {
  it('lists each field as read, with its value and where it came from', () => {
    const fields = readFields(snap().students[0]!);
    const by = Object.fromEntries(fields.map((f) => [f.field, f]));
    expect(by.grade).toEqual({ field: 'grade', value: '1', source: 'label "Grade"' });
    expect(by.severe).toEqual({ field: 'severe', value: 'no', source: null });
    // Nested fields take their parent's provenance when they have none of their own.
    expect(by['caseManager.name']).toEqual({
      field: 'caseManager.name',
      value: 'Priya Patel',
      source: 'label "Case Manager"',
    });
    expect(by['iep.nextAnnual']!.source).toBe('label "Next Annual"');
    expect(by.services!.value).toBe('code: 415, name: Language and Speech, providerStaffId: T100');
    // Located by the reader but empty on the page: still listed, with an empty value.
    expect(by.program).toEqual({ field: 'program', value: '', source: 'label "Program"' });
    expect(fields.some((f) => f.field === 'provenance')).toBe(false);
  });

  it('formats values as text', () => {
    expect(formatValue(['R3MN', 'LSH'])).toBe('R3MN LSH');
    expect(formatValue([{ title: 'Education Specialist', authorizations: ['R3MN'], kind: null }])).toBe(
      'title: Education Specialist, authorizations: R3MN',
    );
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(null)).toBe('');
  });

  it('keeps the diagnostics, puts the focus record first, and parses with its own schema', () => {
    const s = summarizeSnapshot(
      snap({ students: [{ id: '9', name: 'Other' }, ...snap().students], focus: { kind: 'student', id: '1004' } }),
      5,
    );
    expect(s.records.map((r) => r.id)).toEqual(['1004', '9']);
    expect(s.diagnostics).toEqual(snap().diagnostics);
    expect(s).toMatchObject({
      url: `${SITE}/students/1004`,
      profile: 'demo-sis',
      pageType: 'student',
      at: 5,
      omitted: 0,
    });
    expect(ReadSummary.parse(s)).toEqual(s);
  });

  it('caps a long page: records beyond the cap are counted, not kept', () => {
    const students = Array.from({ length: SUMMARY_LIMITS.records + 25 }, (_, i) => ({
      id: `s${i}`,
      name: `Student ${i}`,
      grade: '3',
      provenance: { grade: 'column "Grade"' },
    }));
    const s = summarizeSnapshot(snap({ students, focus: null, pageType: 'student-list' }), 1);
    expect(s.records).toHaveLength(SUMMARY_LIMITS.records);
    expect(s.omitted).toBe(25);
    const huge = Array.from({ length: 150 }, (_, i) => ({
      id: `h${i}`,
      name: 'x'.repeat(300),
      provenance: Object.fromEntries(Array.from({ length: 50 }, (_, j) => [`f${j}`, 'p'.repeat(300)])),
    }));
    const big = summarizeSnapshot(snap({ students: huge, focus: null }), 1);
    expect(big.records.length).toBeLessThan(150);
    expect(big.records.length + big.omitted).toBe(150);
    expect(ReadSummary.safeParse(big).success).toBe(true);
  });

  it('adds a later part of a big page to its first part, and a part of another page starts afresh', async () => {
    const store = new ReadSummaryStore(undefined, () => 1);
    const first = snap({ students: [{ id: 'a', name: 'A' }], focus: null });
    await store.record(1, first, { index: 0 });
    await store.record(1, { ...first, students: [{ id: 'b', name: 'B' }], diagnostics: [] }, { index: 1 });
    expect((await store.get(1))!.records.map((r) => r.id)).toEqual(['a', 'b']);
    expect((await store.get(1))!.diagnostics).toHaveLength(1);
    await store.record(1, { ...first, url: `${SITE}/other`, students: [{ id: 'c', name: 'C' }] }, { index: 1 });
    expect((await store.get(1))!.records.map((r) => r.id)).toEqual(['c']);
  });

  it('takes staff-page links only on the page’s own origin, never javascript: or off-site', () => {
    const withLinks = snap();
    Object.assign(withLinks.students[0]!.caseManager!, { url: '/staff/T100' });
    Object.assign(withLinks.students[0]!.services![0]!, { providerUrl: 'javascript:alert(1)' });
    withLinks.students.push({
      id: '2',
      name: 'B',
      caseManager: Object.assign({ name: 'Eve' }, { url: 'https://evil.example/staff/1' }),
    });
    expect(staffLinksOf(withLinks)).toEqual([{ staffId: 'T100', name: 'Priya Patel', url: `${SITE}/staff/T100` }]);
    expect(staffLinksOf(snap())).toEqual([]);
  });
});

describe('per-tab store (memory and session storage, never IndexedDB)', () => {
  it('survives a stopped worker through session storage, and forgets a closed tab', async () => {
    const session = area();
    await new ReadSummaryStore(session).record(7, snap());
    const restarted = new ReadSummaryStore(session);
    expect((await restarted.get(7))!.records[0]!.name).toBe('Sofia Martinez');
    await restarted.forget(7);
    expect(await restarted.get(7)).toBeNull();
    expect(session.data).toEqual({});
  });

  it('a full session storage does not fail the page; memory still answers', async () => {
    const store = new ReadSummaryStore(area(true));
    await expect(store.record(2, snap())).resolves.toBeUndefined();
    expect((await store.get(2))!.records).toHaveLength(1);
  });

  it('ignores a stored value that does not parse', async () => {
    const session = area();
    session.data['readSummary:3'] = { url: 5 };
    expect(await new ReadSummaryStore(session).get(3)).toBeNull();
  });
});

describe('panel messages', () => {
  it('schemas: the request and the reply are parsed both ways', () => {
    expect(PanelMessage.safeParse({ type: 'panel/read-summary', tabId: 4 }).success).toBe(true);
    expect(PanelMessage.safeParse({ type: 'panel/read-summary', tabId: -1 }).success).toBe(false);
    expect(PanelMessage.safeParse({ type: 'panel/read-summary', tabId: '4' }).success).toBe(false);
    expect(PanelMessage.safeParse({ type: 'panel/other' }).success).toBe(false);
    expect(ReadSummaryReply.safeParse({ ok: true, summary: null }).success).toBe(true);
    expect(ReadSummaryReply.safeParse({ ok: true, summary: summarizeSnapshot(snap(), 1) }).success).toBe(true);
    expect(ReadSummaryReply.safeParse({ ok: true, summary: { url: 1 } }).success).toBe(false);
    expect(ReadSummaryReply.safeParse({ ok: false, error: 'x' }).success).toBe(true);
  });

  it('answers a tab’s summary, null for an unknown tab, and refuses malformed requests', async () => {
    const store = new ReadSummaryStore();
    await store.record(4, snap());
    const reply = await handlePanelMessage(store, { type: 'panel/read-summary', tabId: 4 });
    expect(reply.ok && reply.summary?.records[0]!.id).toBe('1004');
    expect(await handlePanelMessage(store, { type: 'panel/read-summary', tabId: 5 })).toEqual({
      ok: true,
      summary: null,
    });
    expect(await handlePanelMessage(store, { type: 'panel/read-summary' })).toEqual({
      ok: false,
      error: 'malformed message',
    });
  });

  it('the panel checks the reply: a bad one is an error, not a summary', async () => {
    const store = new ReadSummaryStore();
    await store.record(4, snap());
    expect((await requestReadSummary((m) => handlePanelMessage(store, m), 4))!.url).toBe(`${SITE}/students/1004`);
    await expect(requestReadSummary(async () => ({ ok: true, summary: { url: 3 } }), 4)).rejects.toThrow();
    await expect(requestReadSummary(async () => undefined, 4)).rejects.toThrow();
  });

  it('only the extension’s own pages may ask', () => {
    const base = 'chrome-extension://abcdefgh/';
    expect(isPanelRequest({ type: 'panel/read-summary' })).toBe(true);
    expect(isPanelRequest({ type: 'page/snapshot' })).toBe(false);
    expect(isPanelRequest(null)).toBe(false);
    expect(isExtensionPage('chrome-extension://abcdefgh/sidepanel.html', base)).toBe(true);
    expect(isExtensionPage('moz-extension://1234/sidepanel.html', 'moz-extension://1234/')).toBe(true);
    expect(isExtensionPage('chrome-extension://other/sidepanel.html', base)).toBe(false);
    expect(isExtensionPage(`${SITE}/students/1`, base)).toBe(false);
    expect(isExtensionPage(undefined, base)).toBe(false);
  });
});

describe('the worker keeps the summary of what a content script sent', () => {
  let db: LiaisonDb;
  let k = 0;
  beforeEach(() => {
    db = new LiaisonDb(`read-summary-${k++}`);
  });
  afterEach(async () => {
    await db.delete();
  });
  const sender = { tabId: 3, url: `${SITE}/students/1004` };

  it('on an admitted snapshot (provenance and diagnostics kept), not on a refused one; an unrecognized page clears it', async () => {
    const store = new ReadSummaryStore();
    const ctx = { db, asOf: () => '2026-11-22', enabledSites: async () => [`${SITE}/*`], readSummaries: store };
    await handleContentMessage(
      ctx,
      { type: 'page/snapshot', snapshot: snap() },
      { tabId: 9, url: 'https://evil.example/x' },
    );
    expect(await store.get(9)).toBeNull();
    expect((await handleContentMessage(ctx, { type: 'page/snapshot', snapshot: snap() }, sender)).ok).toBe(true);
    const s = (await store.get(3))!;
    expect(s.records[0]!.fields.find((f) => f.field === 'grade')!.source).toBe('label "Grade"');
    expect(s.diagnostics[0]!.field).toBe('primaryDisability');
    // The stored record stays canonical: provenance is not written to IndexedDB.
    expect((await db.students.get([SITE, '', '1004']))!.record).not.toHaveProperty('provenance');
    await handleContentMessage(ctx, { type: 'page/unrecognized', url: sender.url }, sender);
    expect(await store.get(3)).toBeNull();
  });
});
