// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { pageTakeover } from '../../../lib/db/page-read';
import type { Snapshot } from '../../../lib/domain';
import { handleContentMessage } from '../../../lib/messaging/handler';
import { chipWanted, hostsSiteFrames, isTopFrame } from '../../../lib/page/frames';

describe('frames of the page', () => {
  it('knows the top document from a frame, and a frame under another site’s top (unreadable top) as a frame', () => {
    const top = {} as Window;
    (top as { top: Window }).top = top;
    expect(isTopFrame(top)).toBe(true);
    expect(isTopFrame({ top } as unknown as Window)).toBe(false);
    const crossSite = Object.defineProperty({}, 'top', {
      get: () => {
        throw new Error('SecurityError');
      },
    }) as Window;
    expect(isTopFrame(crossSite)).toBe(false);
  });

  it('a document holds site frames when a frame’s src is the same host (any port); blank, srcdoc and other sites do not count', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const at = 'http://127.0.0.1:8092/index.php';
    doc.body.innerHTML =
      '<iframe class="responsive-iframe" name="body" src="Modules.php?modname=miscellaneous/Portal.php&failed_login=0"></iframe>';
    expect(hostsSiteFrames(doc, at)).toBe(true);
    doc.body.innerHTML = '<iframe src="http://127.0.0.1:9000/x"></iframe>';
    expect(hostsSiteFrames(doc, at)).toBe(true);
    doc.body.innerHTML = '<frameset><frame src="/menu.php"></frameset>';
    expect(hostsSiteFrames(doc, at)).toBe(true);
    doc.body.innerHTML =
      '<iframe src="about:blank"></iframe><iframe srcdoc="<p>x</p>" src="/y"></iframe><iframe></iframe><iframe src="https://video.example/embed"></iframe><iframe src="http://[bad"></iframe>';
    expect(hostsSiteFrames(doc, at)).toBe(false);
    expect(hostsSiteFrames(doc, 'about:blank')).toBe(false);
  });

  it('the "not recognized" chip shows only on an unrecognized top document that is not a holder of the site’s frames', () => {
    expect(chipWanted({ recognized: false, top: true, hostsSiteFrames: false })).toBe(true);
    expect(chipWanted({ recognized: true, top: true, hostsSiteFrames: false })).toBe(false);
    // openSIS's index.php: the SIS is in its frame.
    expect(chipWanted({ recognized: false, top: true, hostsSiteFrames: true })).toBe(false);
    // A frame: teach mode is injected into the top document only.
    expect(chipWanted({ recognized: false, top: false, hostsSiteFrames: false })).toBe(false);
  });
});

describe('which frame’s page is the tab’s page', () => {
  const row = (frameId: number | undefined, recognized: boolean, n: number) => ({
    frameId,
    recognized,
    subjects: Array.from({ length: n }, (_, i) => ({ kind: 'student' as const, id: String(i), name: 'x' })),
  });
  it('a report replaces the row from the same frame, when it has records, or when the row has none; else the other frame is asked', () => {
    expect(pageTakeover(undefined, 3, false)).toBe('replace');
    expect(pageTakeover(row(3, true, 2), 3, false)).toBe('replace');
    // Rows of earlier versions have no frame: the top document.
    expect(pageTakeover(row(undefined, true, 2), 0, false)).toBe('replace');
    expect(pageTakeover(row(0, false, 0), 3, false)).toBe('replace');
    expect(pageTakeover(row(0, true, 0), 3, false)).toBe('replace');
    expect(pageTakeover(row(0, true, 2), 3, true)).toBe('replace');
    expect(pageTakeover(row(3, true, 1), 0, false)).toBe('ask');
    expect(pageTakeover(row(0, true, 1), 3, false)).toBe('ask');
  });
});

describe('worker: pages in frames', () => {
  const SITE = 'http://127.0.0.1:8092';
  const top = { tabId: 4, frameId: 0, url: `${SITE}/index.php` };
  const frame = {
    tabId: 4,
    frameId: 7,
    url: `${SITE}/Modules.php?modname=students/Student.php&include=OtherInfoInc&category_id=8&student_id=17`,
  };
  const snapshot: Snapshot = {
    url: frame.url,
    profile: 'test',
    pageType: 'student',
    students: [{ id: '17', name: 'Quinn Rasmussen' }],
    staff: [],
    diagnostics: [],
    focus: { kind: 'student', id: '17' },
  };
  let db: LiaisonDb;
  let n = 0;
  beforeEach(() => {
    db = new LiaisonDb(`frames-${n++}`);
  });
  afterEach(async () => {
    await db.delete();
  });
  const ctx = (frameRecords?: (tabId: number, frameId: number) => Promise<number>) => ({
    db,
    asOf: () => '2026-12-03',
    enabledSites: async () => ['http://127.0.0.1/*'],
    frameRecords,
  });

  it('the empty top document reporting "not recognized" after its frame read a record leaves the frame’s page in place', async () => {
    const frameRecords = vi.fn(async (_tab: number, frameId: number) => (frameId === 7 ? 1 : 0));
    await handleContentMessage(ctx(frameRecords), { type: 'page/snapshot', snapshot }, frame);
    await handleContentMessage(ctx(frameRecords), { type: 'page/unrecognized', url: top.url }, top);
    expect(frameRecords).toHaveBeenCalledWith(4, 7);
    expect(await db.pages.get(4)).toMatchObject({ frameId: 7, recognized: true, focus: { kind: 'student', id: '17' } });
  });

  it('the other order: the frame’s record replaces the top’s "not recognized"', async () => {
    await handleContentMessage(ctx(), { type: 'page/unrecognized', url: top.url }, top);
    await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot }, frame);
    expect(await db.pages.get(4)).toMatchObject({ frameId: 7, recognized: true });
  });

  it('once that frame is gone or shows nothing (the top went elsewhere), the top’s report counts', async () => {
    await handleContentMessage(ctx(), { type: 'page/snapshot', snapshot }, frame);
    await handleContentMessage(
      ctx(async () => 0),
      { type: 'page/unrecognized', url: `${SITE}/login.php` },
      { ...top, url: `${SITE}/login.php` },
    );
    expect(await db.pages.get(4)).toMatchObject({ frameId: 0, recognized: false, url: `${SITE}/login.php` });
  });

  it('the frame’s own next page replaces its row without asking; a record-less read from another frame keeps it, records still stored', async () => {
    const frameRecords = vi.fn(async () => 1);
    await handleContentMessage(ctx(frameRecords), { type: 'page/snapshot', snapshot }, frame);
    await handleContentMessage(ctx(frameRecords), { type: 'page/unrecognized', url: frame.url }, frame);
    expect(frameRecords).not.toHaveBeenCalled();
    expect(await db.pages.get(4)).toMatchObject({ frameId: 7, recognized: false });

    await handleContentMessage(ctx(frameRecords), { type: 'page/snapshot', snapshot }, frame);
    const menu = { ...snapshot, url: `${SITE}/Side.php`, students: [], focus: undefined };
    const reply = await handleContentMessage(
      ctx(frameRecords),
      { type: 'page/snapshot', snapshot: menu },
      { ...frame, frameId: 9, url: menu.url },
    );
    expect(reply.ok).toBe(true);
    expect(await db.pages.get(4)).toMatchObject({ frameId: 7, recognized: true, url: frame.url });
  });

  it('a frame of a site not enabled is refused, whatever its top', async () => {
    const reply = await handleContentMessage(
      ctx(),
      { type: 'page/snapshot', snapshot: { ...snapshot, url: 'https://ads.example/x' } },
      { ...frame, url: 'https://ads.example/x' },
    );
    expect(reply).toEqual({ ok: false, error: 'site not enabled' });
    expect(await db.students.count()).toBe(0);
    expect(await db.pages.get(4)).toBeUndefined();
  });
});
