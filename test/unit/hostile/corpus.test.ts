// @vitest-environment happy-dom
/**
 * The hostile corpus through the same path the content script takes, minus the browser: pickAdapter, the
 * adapter's read, and the Snapshot schema the worker parses with. Nothing may throw, every snapshot must be
 * one the worker accepts (a single bad field must not lose the whole page), ids must be ones the page shows,
 * and hostile text must come out as the text it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { demoSisAdapter } from '../../../lib/adapters/profiles/demo-sis';
import { genericAdapter } from '../../../lib/adapters/generic';
import { pickAdapter } from '../../../lib/adapters/registry';
import type { PageRead } from '../../../lib/adapters/types';
import { Snapshot } from '../../../lib/domain';
import { byName, CORPUS, PAYLOADS, type HostilePage } from '../../hostile/corpus';
import { fixtureFile, fixtureIndex, HOSTILE_FIXTURE_DIR } from '../../hostile/write-fixtures';

const ORIGIN = 'http://127.0.0.1:4400';
// The large and deep pages take seconds to parse and query in happy-dom (far less in a browser).
vi.setConfig({ testTimeout: 60_000 });

const docs = new Map<string, { doc: Document; url: URL }>();
/** The page parsed once (adapters only read the document, so every test can share it). */
function load(page: HostilePage): { doc: Document; url: URL } {
  if (!docs.has(page.name)) {
    const type = (page.contentType ?? 'text/html') as DOMParserSupportedType;
    docs.set(page.name, { doc: new DOMParser().parseFromString(page.body(), type), url: new URL(page.path, ORIGIN) });
  }
  return docs.get(page.name)!;
}

const memo = new Map<string, PageRead>();
/** The demo adapter's read of a page (cached: the large pages take a moment). */
function readDemo(page: HostilePage): PageRead {
  if (!memo.has(page.name)) {
    const { doc, url } = load(page);
    memo.set(page.name, demoSisAdapter.read(doc, url));
  }

  return memo.get(page.name)!;
}

/** The first schema issue, as path and message only (the values are megabytes). */
function schemaIssue(value: unknown): string | null {
  const r = Snapshot.safeParse(value);
  return r.success
    ? null
    : `${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message} (${r.error.issues.length} issue(s))`;
}

describe('hostile corpus', () => {
  it('holds at least 30 pages with unique names and paths', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CORPUS.map((p) => p.name)).size).toBe(CORPUS.length);
    expect(new Set(CORPUS.map((p) => p.path)).size).toBe(CORPUS.length);
  });

  it('committed fixtures are what corpus.ts generates (tsx test/hostile/write-fixtures.ts)', () => {
    const index = JSON.parse(readFileSync(join(HOSTILE_FIXTURE_DIR, 'index.json'), 'utf8'));
    expect(index).toEqual(fixtureIndex());
    for (const p of CORPUS.filter((x) => !x.large))
      expect(readFileSync(join(HOSTILE_FIXTURE_DIR, fixtureFile(p)), 'utf8'), p.name).toBe(p.body());
  });
});

/** happy-dom's XML parser does not apply CSS to namespaced SVG content; the browser spec covers that page. */
const inHappyDom = (page: HostilePage) => page.contentType !== 'image/svg+xml';

describe.each(CORPUS.map((p) => [p.name, p] as const))('%s', (_name, page) => {
  if (inHappyDom(page))
    it(page.recognized ? 'is claimed by the demo adapter, first' : 'is not claimed by the demo adapter', () => {
      const { doc, url } = load(page);
      expect(demoSisAdapter.detect(url, doc) !== null).toBe(page.recognized);
      if (page.recognized) expect(pickAdapter(url, doc)?.adapter.id).toBe(demoSisAdapter.id);
    });

  it('whichever adapter picks it: read never throws, the snapshot is one the worker accepts, ids are the page’s', () => {
    const { doc, url } = load(page);
    const picked = pickAdapter(url, doc);
    if (!picked) return;
    const read = picked.adapter === demoSisAdapter ? readDemo(page) : picked.adapter.read(doc, url);
    expect(schemaIssue(read.snapshot)).toBeNull();
    if (!inHappyDom(page)) return;
    const shown = new Set([...page.expect.students, ...(page.expect.staff ?? [])]);
    for (const a of read.anchors)
      expect(shown.has(a.id), `${picked.adapter.id} anchor ${JSON.stringify(a.id.slice(0, 80))}`).toBe(true);
  });

  it('demo read: never throws, and the worker would accept the snapshot', () => {
    const { snapshot } = readDemo(page);
    expect(schemaIssue(snapshot)).toBeNull();
    expect(snapshot.diagnostics.length).toBeLessThanOrEqual(200);
  });

  if (inHappyDom(page))
    it('demo read: every record and anchor carries an id the page shows, one anchor per record', () => {
      const { snapshot, anchors } = readDemo(page);
      if (!page.recognized) return;
      const shown = new Set([...page.expect.students, ...(page.expect.staff ?? [])]);
      for (const r of [...snapshot.students, ...snapshot.staff])
        expect(shown.has(r.id), JSON.stringify(r.id.slice(0, 80))).toBe(true);
      for (const a of anchors) expect(shown.has(a.id), JSON.stringify(a.id.slice(0, 80))).toBe(true);
      // Duplicated rows may yield two records of one id, but never two anchors on one element.
      expect(new Set(anchors.map((a) => a.element)).size).toBe(anchors.length);
      if (page.expect.markers !== undefined) expect(anchors).toHaveLength(page.expect.markers);
      for (const id of [...(page.expect.errorIds ?? []), ...(page.expect.cleanIds ?? [])]) {
        expect(
          snapshot.students.some((s) => s.id === id),
          JSON.stringify(id),
        ).toBe(true);
      }
    });

  if (page.contentType === undefined)
    it('generic read: never throws, and the snapshot is one the worker accepts', () => {
      const { doc, url } = load(page);
      const read = genericAdapter.read(doc, url);
      expect(schemaIssue(read.snapshot)).toBeNull();
    });
});

describe('hostile text is read as text', () => {
  it('student list: every payload name and cell comes through verbatim', () => {
    const { snapshot } = readDemo(byName('xss-student-list'));
    expect(snapshot.students.map((s) => s.name)).toEqual([...PAYLOADS]);
    expect(snapshot.students.map((s) => s.primaryDisability)).toEqual([...PAYLOADS]);
    expect(snapshot.students.map((s) => s.caseManager?.name)).toEqual([...PAYLOADS]);
    // Payload dates are not dates: a diagnostic, never the text.
    expect(snapshot.students.every((s) => s.iep?.nextAnnual === undefined)).toBe(true);
    expect(snapshot.diagnostics.some((d) => d.field === 'iepNextAnnual')).toBe(true);
  });

  it('student record: name, disability, case manager, services and providers verbatim; the URL id wins over a markup id field', () => {
    const { snapshot } = readDemo(byName('xss-student-record'));
    const [s] = snapshot.students;
    expect(s!.id).toBe('H01');
    expect(s!.name).toBe(PAYLOADS[1]);
    expect(s!.primaryDisability).toBe(PAYLOADS[1]);
    expect(s!.caseManager).toMatchObject({ name: PAYLOADS[2] });
    expect(s!.services?.map((v) => v.name)).toEqual([...PAYLOADS]);
    expect(s!.services?.map((v) => v.providerName)).toEqual(
      PAYLOADS.map((_, i) => PAYLOADS[(i + 1) % PAYLOADS.length]),
    );
    expect(s!.birthDate).toBeUndefined();
    const fields = snapshot.diagnostics.map((d) => d.field);
    // (The role is read as text; the rules say when it is not a role: DATA_UNRECOGNIZED.)
    expect(fields).toEqual(expect.arrayContaining(['id', 'birthDate', 'alternatePlacement', 'iepLastMeeting']));
    expect(s!.caseManager?.roleText).toBeTruthy();
    // Diagnostics name fields; they never quote the page's data.
    for (const d of snapshot.diagnostics) for (const p of PAYLOADS) expect(d.message).not.toContain(p);
  });

  it('staff record: credential titles, authorizations and types verbatim; payload dates dropped', () => {
    const { snapshot } = readDemo(byName('xss-staff-record'));
    const [t] = snapshot.staff;
    expect(t!.name).toBe(PAYLOADS[2]);
    expect(t!.credentials?.map((c) => c.title)).toEqual([...PAYLOADS]);
    expect(t!.credentials?.every((c) => c.expires === undefined && c.issued === undefined)).toBe(true);
    expect(t!.credentials?.[0]!.authorizations).toContain('R3MN');
  });

  it('form controls: values read from input, textarea and selected option, as text', () => {
    const [s] = readDemo(byName('form-controls')).snapshot.students;
    expect(s).toMatchObject({ grade: PAYLOADS[1], school: PAYLOADS[0], primaryDisability: PAYLOADS[2] });
  });

  it('selector-breaking and look-alike ids are kept exactly, each its own student', () => {
    for (const name of ['selector-breaker-ids', 'lookalike-unicode', 'rtl-override']) {
      const page = byName(name);
      expect(readDemo(page).snapshot.students.map((s) => s.id)).toEqual(page.expect.students);
    }
  });

  it('javascript: and data: links yield no id of their own; the ID column does', () => {
    expect(readDemo(byName('javascript-hrefs')).snapshot.students.map((s) => s.id)).toEqual([
      'H05-1',
      'H05-2',
      'H05-3',
    ]);
  });

  it('a record page reads one student, from the URL, however many headings and id fields disagree', () => {
    const read = readDemo(byName('record-id-mismatch'));
    expect(read.snapshot.students.map((s) => s.id)).toEqual(['H14-A']);
    expect(read.snapshot.diagnostics.some((d) => d.field === 'id')).toBe(true);
  });

  it('oversized values are cut to what the schema allows, with a diagnostic, instead of losing the page', () => {
    const huge = readDemo(byName('huge-name-record')).snapshot;
    expect(huge.students[0]!.name.length).toBeLessThanOrEqual(2000);
    expect(huge.diagnostics.some((d) => d.field === 'name')).toBe(true);
    const services = readDemo(byName('huge-services')).snapshot;
    expect(services.students[0]!.services!.length).toBeLessThanOrEqual(100);
    expect(services.diagnostics.some((d) => d.field === 'services')).toBe(true);
    const list = readDemo(byName('huge-name-in-list')).snapshot;
    expect(list.students).toHaveLength(21);
  });
});
