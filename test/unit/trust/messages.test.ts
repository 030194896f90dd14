import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiaisonDb } from '../../../lib/db/database';
import { exceedsSize, loadRejected, MAX_MESSAGE_BYTES } from '../../../lib/messaging/guard';
import { handleContentMessage } from '../../../lib/messaging/handler';

const SITE = 'https://sis.example.org';
const ENABLED = [`${SITE}/*`, 'http://127.0.0.1/*'];
const sender = { tabId: 3, url: `${SITE}/students/1` };
const snapshot = (students: unknown[]) => ({
  type: 'page/snapshot',
  snapshot: {
    url: sender.url,
    profile: 'test',
    pageType: 'student',
    students,
    staff: [],
    diagnostics: [],
    focus: { kind: 'student', id: '1' },
  },
});
const good = snapshot([{ id: '1', name: 'Jordan Rivera' }]);

let db: LiaisonDb;
let k = 0;
beforeEach(() => {
  db = new LiaisonDb(`messages-${k++}`);
});
afterEach(async () => {
  await db.delete();
});
const ctx = (enabled: readonly string[] = ENABLED) => ({
  db,
  asOf: () => '2026-11-22',
  enabledSites: async () => enabled,
});

/** Nothing a refused message could have written: no records, no page row, no access entry. */
async function nothingActedOn() {
  expect(await db.students.count()).toBe(0);
  expect(await db.pages.count()).toBe(0);
  expect(await db.accessLog.count()).toBe(0);
}

describe('untrusted messages at the worker', () => {
  it('acts on a well-formed message from an enabled site', async () => {
    expect(await handleContentMessage(ctx(), good, sender)).toMatchObject({ ok: true });
    expect(await db.students.count()).toBe(1);
    expect((await loadRejected(db)).total).toBe(0);
  });

  const cases: [string, unknown, { tabId?: number; url?: string }, readonly string[], string][] = [
    ['from no tab (another extension page, a worker)', good, { url: sender.url }, ENABLED, 'not-from-tab'],
    [
      'from a site that is not enabled',
      good,
      { tabId: 3, url: 'https://evil.example/students/1' },
      ENABLED,
      'site-not-enabled',
    ],
    [
      'from a look-alike host',
      good,
      { tabId: 3, url: 'https://sis.example.org.evil.example/x' },
      ENABLED,
      'site-not-enabled',
    ],
    ['from a site whose permission was revoked', good, sender, ['http://127.0.0.1/*'], 'site-not-enabled'],
    ['from a page that is not http(s)', good, { tabId: 3, url: 'file:///tmp/sis.html' }, ENABLED, 'bad-sender'],
    [
      'when enabled by a broad grant only (all hosts is never an enabled site)',
      good,
      sender,
      ['https://*/*'],
      'site-not-enabled',
    ],
    ['malformed', { type: 'page/snapshot', snapshot: { students: 'x' } }, sender, ENABLED, 'malformed'],
    ['of an unknown type', { type: 'notes/delete-all' }, sender, ENABLED, 'malformed'],
    ['not an object', 'page/snapshot', sender, ENABLED, 'malformed'],
    ['oversized (> 5 MB)', snapshot([{ id: '1', name: 'x'.repeat(MAX_MESSAGE_BYTES) }]), sender, ENABLED, 'oversized'],
  ];
  for (const [what, raw, from, enabled, reason] of cases)
    it(`refuses and counts a message ${what}`, async () => {
      const reply = await handleContentMessage(ctx(enabled), raw, from);
      expect(reply.ok).toBe(false);
      await nothingActedOn();
      expect(await loadRejected(db)).toEqual({ total: 1, byReason: { [reason]: 1 } });
    });

  it('refuses everything when no site is enabled', async () => {
    expect((await handleContentMessage({ db, asOf: () => '2026-11-22' }, good, sender)).ok).toBe(false);
    await nothingActedOn();
  });

  it('counts across messages, by reason', async () => {
    await handleContentMessage(ctx(), { type: 'x' }, sender);
    await handleContentMessage(ctx(), { type: 'y' }, sender);
    await handleContentMessage(ctx(), good, { tabId: 1, url: 'https://evil.example/' });
    expect(await loadRejected(db)).toEqual({ total: 3, byReason: { malformed: 2, 'site-not-enabled': 1 } });
  });
});

describe('the size check is cheap and early', () => {
  it('stops counting once over the limit, without serializing', () => {
    // A getter counts how much was looked at: the walk stops long before the end of a huge array.
    let visited = 0;
    const many = Array.from({ length: 200_000 }, () => ({
      get a() {
        visited++;
        return 'bb';
      },
    }));
    expect(exceedsSize(many, 100_000)).toBe(true);
    expect(visited).toBeLessThan(50_000);
    expect(exceedsSize({ a: 'x'.repeat(1000) }, 1_000_000)).toBe(false);
  });
});

describe('messages that act before any await, once admitted', () => {
  const compose = { type: 'note/compose', studentId: '1' };

  it('"Add note" opens the side panel synchronously (within the user gesture), and only for an admitted message', async () => {
    const opened: number[] = [];
    const c = { ...ctx(), openSidePanel: (tabId: number) => opened.push(tabId) };
    const reply = handleContentMessage(c, compose, sender);
    expect(opened).toEqual([3]); // before the reply's first await settled
    expect(await reply).toMatchObject({ ok: true });
    await handleContentMessage(c, { type: 'note/compose' }, sender);
    await handleContentMessage(c, compose, { url: sender.url });
    expect(opened).toEqual([3]);
  });

  it('a page read starts the retention purge only when admitted and from an enabled site', async () => {
    let purges = 0;
    const pageRead = () => purges++;
    await handleContentMessage({ ...ctx(), pageRead }, good, sender);
    expect(purges).toBe(1);
    await handleContentMessage({ ...ctx(), pageRead }, { type: 'page/snapshot' }, sender);
    await handleContentMessage({ ...ctx(['http://127.0.0.1/*']), pageRead }, good, sender);
    expect(purges).toBe(1);
  });
});
